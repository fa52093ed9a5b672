import { defineClaim } from '../../lib/claims/ledger';
import { useBackend } from '../../lib/mesa/backend';
import { barChart } from '../../lib/viz/bar-chart';
import { SHARED_CONCEPT_AGENTS, SHARED_CONCEPT_LAYERS, SHARED_CONCEPTS, sharedConceptDirectionVerdict, sharedConceptExperiment, sharedConceptVerdict, type SharedConcept, type SharedConceptAgent, type SharedConceptLayer } from './shared-concept';

/**
 * Notebook 13: the post's first assumption, natural abstractions, on the lab's agents. Do two
 * independently trained agents carry the same concept of where the cheese is (by default: which
 * cells are closer to it in maze steps than the maze's median open cell), so that each agent's
 * probe reads the other's layer through a linear map, better than it reads the input itself?
 */
defineClaim({
  id: '13-shared-concept',
  title: 'Independently trained agents learn the same concept of where the cheese is',
  notebook: '13-the-cruxes',
  kind: 'empirical',
  source: {
    who: 'post',
    thread: 'the first assumption of the post (natural abstractions)',
    paraphrase: 'The post assumes natural abstractions: trained systems learn concepts close to ours (and to each other\'s), so the alignment target exists in the AI\'s internal language and can be found there.',
  },
  claim: 'Two independently trained cheese-maze agents represent a concept about the cheese in a shared way, beyond what the input gives: each agent\'s layer carries the concept, and each agent\'s probe for it still reads it when applied to the other agent\'s layer through a fitted linear map, better than when applied to the input around the cell through such a map. The default concept, "this cell is closer to the cheese in maze steps than the maze\'s median open cell", depends on the whole maze: no local window of the input gives it, a search computes it.',
  criterion: 'On held-out mazes with the cheese anywhere, per open cell. Concept closer (default): label = the cell\'s maze distance (BFS) to the cheese is below the median over the maze\'s open cells; concept near: label = the cell is within radius maze steps of the cheese; for both the cheese cell, which the input marks, is left out, and the score is the area under the ROC curve of a probe\'s output over each maze\'s open cells, averaged over mazes (chance 0.5). Concept cheese: label = the cheese is here; score = share of mazes where the probe\'s highest-scoring open cell is the cheese (chance = mean of 1 / open cells). Own score = an agent\'s own ridge probe on its layer; transfer A → B = B\'s probe applied to A\'s features mapped linearly (ridge) into B\'s, capped at B\'s own score (a map can read B\'s probe better than B\'s own layer does; that excess is A\'s concept, not a shared one). Baseline: input transfer = the same probe applied to the observation over a window of (2w+1)² cells around each cell (wall, mouse, cheese; outside the maze reads as wall; plus the cell\'s x, y) mapped linearly into the agent\'s features, with w the concept\'s reach by default (radius + 1 for near, the whole maze for closer, the cell alone for cheese); every layer is computed from the input, so only transfer above it counts. The old per-cell baseline (the observation at the cell alone) is reported beside it. Every score is first corrected for chance, (score − chance) / (1 − chance). Each direction, A → B and B → A: supported if both own scores are >= 0.5, transfer >= 0.8 × the reading agent\'s own score and transfer exceeds input transfer by at least 0.1; not supported if an own score is < 0.5 (that agent does not carry the concept in this layer), transfer < 0.5 × the reading agent\'s own, or transfer is no higher than input transfer (the map carries nothing the input does not); depends otherwise. The verdict is the weaker of the two directions, so naming the weaker agent B cannot lower the bar. Linear CKA between the two layers is reported alongside. The planner\'s plan layer (plan.value) is its built-in value iteration, maze distance to its target by construction: agreement with it shows what the other agent computes, and two planners agreeing there is no evidence about trained systems. With concept cheese the input baseline is at its ceiling on the lab\'s mazes (the cheese is an input channel), so that concept can only give not supported.',
  params: {
    a: { default: 'learned', description: 'agent A', choices: SHARED_CONCEPT_AGENTS },
    b: { default: 'learned-corner', description: 'agent B (both directions are judged, so the order only names them; planner-seed2: the planner from another seed; planner-corner: trained on another reward and distribution; policy: another architecture; learned, learned-corner: the learned recurrent agents, trained on cheese anywhere and on cheese in the top-right square, whose state re-reads the observation at every iteration; obs: the input itself)', choices: SHARED_CONCEPT_AGENTS },
    layer: { default: 'plan', description: 'which layer: goal (planner target.logit; policy conv3; learned final state), hidden (planner reward.hidden; policy conv2; learned state after the first iteration), or plan, the map the agent\'s search computes (planner plan.value, built in; learned final state; policy conv3)', choices: SHARED_CONCEPT_LAYERS },
    concept: { default: 'closer', description: 'the concept probed at each open cell: closer = closer to the cheese in maze steps than the maze\'s median open cell (global; no local window of the input gives it); near = within radius maze steps of the cheese (a window of radius + 1 cells of the input gives it); both leave the cheese cell out and are read by AUC, chance 0.5; cheese = the cheese is here, an input channel (read by the top-scoring open cell; its input baseline is at ceiling)', choices: SHARED_CONCEPTS },
    radius: { default: 2, description: 'for concept near: the most maze steps from the cheese that count as near', min: 1, max: 10, integer: true },
    window: { default: -1, description: 'the input baseline reads the observation over (2w+1)² cells around each cell (0: the cell alone, the old per-cell baseline); -1 = the concept\'s reach (radius + 1 for near, the whole maze for closer, the cell alone for cheese). Windows smaller than the concept\'s reach make the baseline a straw man', min: -1, max: 12, integer: true },
    mazes: { default: 200, description: 'held-out mazes (70% fit the probes and the maps, 30% score them; under about 200 the input baseline is noisy)', min: 20, max: 1000, integer: true },
    seed: { default: 1, description: 'seed of the trained agents (planner-seed2 uses seed + 1; the shipped learned agents do not change) and of the mazes', integer: true },
  },
  run: async (p) => {
    await useBackend();
    const r = await sharedConceptExperiment({
      a: p.a as SharedConceptAgent, b: p.b as SharedConceptAgent, layer: p.layer as SharedConceptLayer,
      concept: p.concept as SharedConcept, radius: p.radius as number, window: p.window as number, mazes: p.mazes as number, seed: p.seed as number,
    });
    const byAuc = p.concept !== 'cheese';
    const pct = (v: number) => `${Math.round(100 * v)}%`;
    const fmt = (v: number) => (byAuc ? v.toFixed(2) : pct(v));
    const skill = (v: number) => (v - r.chance) / (1 - r.chance);
    const lacking = [skill(r.ownA) < 0.5 ? String(p.a) : '', skill(r.ownB) < 0.5 ? String(p.b) : ''].filter(Boolean);
    const verdictAB = sharedConceptDirectionVerdict(r);
    const verdictBA = sharedConceptDirectionVerdict({ ownA: r.ownB, ownB: r.ownA, transfer: r.transferBA, inputTransfer: r.inputTransferA, chance: r.chance });
    const verdict = sharedConceptVerdict(r);
    const cappedAB = Math.min(r.transfer, r.ownB), cappedBA = Math.min(r.transferBA, r.ownA);
    const excessAB = cappedAB - r.inputTransfer, excessBA = cappedBA - r.inputTransferA;
    const atCeiling = Math.min(r.inputTransfer, r.inputTransferA) >= r.chance + 0.9 * (1 - r.chance);
    const inputBeatsOwn = r.inputTransfer >= r.ownB || r.inputTransferA >= r.ownA;
    const built = [p.a, p.b].filter((x, i) => String(x).startsWith('planner') && (i === 0 ? r.layers.a : r.layers.b) === 'plan.value');
    const pair = `${p.a} (${r.layers.a}) and ${p.b} (${r.layers.b})`;
    const what = p.concept === 'near' ? `cells within ${p.radius} maze steps of the cheese` : p.concept === 'closer' ? 'cells closer to the cheese than the maze\'s median open cell' : 'the cheese';
    const win = r.window === 0 ? 'the input at the cell' : `the input over the ${2 * r.window + 1}×${2 * r.window + 1} cells around each cell`;
    const dir = (from: string, to: string, t: number, capped: number, input: number, v: string) =>
      `${to}'s probe read through a linear map from ${from} ${fmt(t)}${t > capped ? ` (capped at ${to}'s own, ${fmt(capped)})` : ''}, from ${win} ${fmt(input)}: ${v}`;
    const measures = byAuc
      ? `own probes rank ${what} above the rest with AUC ${fmt(r.ownA)} and ${fmt(r.ownB)} (chance ${fmt(r.chance)}; ${pct(r.baseRate)} of scored cells are positive)`
      : `own probes find the cheese in ${pct(r.ownA)} and ${pct(r.ownB)} of held-out mazes (chance ${pct(r.chance)})`;
    const summary = `${pair}: ${measures}; ${dir(String(p.a), String(p.b), r.transfer, cappedAB, r.inputTransfer, verdictAB)}; ${dir(String(p.b), String(p.a), r.transferBA, cappedBA, r.inputTransferA, verdictBA)}`
      + (r.window > 0 ? ` (the old per-cell baseline into ${p.b}: ${fmt(r.inputCellTransfer)})` : '') + `; CKA ${r.cka.toFixed(2)}. `
      + (verdict === 'supported' ? `In both directions the two agents carry the same concept of ${what} in this layer, beyond what the input gives.`
        : lacking.length ? `${lacking.join(' and ')} ${lacking.length > 1 ? 'do' : 'does'} not carry the concept of ${what} in this layer well enough (chance-corrected own score under 0.5)${lacking.includes('planner-corner') ? ': trained on the corner reward, its goal and plan are the corner' : ''}.`
          : verdict === 'not supported' ? (Math.min(excessAB, excessBA) <= 0 ? `In at least one direction the transfer is no more than ${win} gives: no shared concept beyond the input shows.` : 'The concept does not carry over in at least one direction.')
            : 'The concept carries over only in part, or barely above what the input itself gives, in at least one direction.')
      + (inputBeatsOwn && !atCeiling ? ' The input baseline reads an agent\'s probe at least as well as that agent\'s own layer does: no transfer, capped at the own score, can beat it here.' : '')
      + (r.window < r.reach ? ` The baseline's window (reach ${r.window}) is smaller than the concept's reach (${r.reach}): it is a straw man at this setting, and a verdict above "not supported" here says little.` : '')
      + (built.length === 2 ? ' Both layers are the planners\' built-in value iteration (maze distance to their target by construction): this agreement is no evidence about trained systems.'
        : built.length === 1 ? ` ${built[0]}'s plan.value is its built-in value iteration (maze distance to its target by construction): the comparison shows what the other agent computes, not two trained agents converging.` : '')
      + (atCeiling ? ' The input baseline is at ceiling here: no transfer can show a concept shared beyond the input, so this test cannot support the claim at this setting (use concept closer).' : '');
    return {
      verdict, summary,
      numbers: {
        ownA: r.ownA, ownB: r.ownB, transfer: r.transfer, transferBA: r.transferBA, inputTransfer: r.inputTransfer, inputTransferA: r.inputTransferA,
        inputCellTransfer: r.inputCellTransfer, window: r.window, reach: r.reach, excessOverInput: Math.min(excessAB, excessBA), verdictAB, verdictBA,
        cka: r.cka, chance: r.chance, baseRate: r.baseRate, byConstruction: built.length, layerA: r.layers.a, layerB: r.layers.b,
      },
      chart: barChart([
        { measure: `A's own probe (${p.a})`, value: r.ownA }, { measure: `B's own probe (${p.b})`, value: r.ownB },
        { measure: "B's probe on A, mapped", value: r.transfer }, { measure: "A's probe on B, mapped", value: r.transferBA },
        { measure: "B's probe on the input window, mapped (baseline)", value: r.inputTransfer }, { measure: "A's probe on the input window, mapped (baseline)", value: r.inputTransferA },
        { measure: "B's probe on the input at the cell, mapped (old baseline)", value: r.inputCellTransfer },
        { measure: 'linear CKA', value: r.cka }, { measure: 'chance', value: r.chance },
      ], { x: 'measure', y: 'value', title: `Do ${p.a} and ${p.b} share the concept of ${what}? (${p.layer} layer)`, description: byAuc ? `Per-maze AUC of each agent's own probe, each probe transferred from the other agent, each probe read from the input over a window of reach ${r.window} (the baseline) and from the input at the cell alone, the linear CKA of the two layers, and chance.` : 'Share of held-out mazes where each probe puts the cheese at its top cell, the transferred probes, the input baselines, the linear CKA of the two layers, and chance.' }),
    };
  },
});
