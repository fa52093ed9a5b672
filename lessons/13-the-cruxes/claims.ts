import { defineClaim } from '../../lib/claims/ledger';
import { useBackend } from '../../lib/mesa/backend';
import { barChart } from '../../lib/viz/bar-chart';
import { SHARED_CONCEPT_AGENTS, SHARED_CONCEPT_LAYERS, SHARED_CONCEPTS, sharedConceptExperiment, sharedConceptVerdict, type SharedConcept, type SharedConceptAgent, type SharedConceptLayer } from './shared-concept';

/**
 * Notebook 13: the post's first assumption, natural abstractions, on the lab's agents. Do two
 * independently trained agents carry the same concept of where the cheese is (by default: which
 * cells are a few maze steps from it), so that a probe for one reads the other through a linear
 * map, better than it reads the input itself?
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
  claim: 'Two independently trained cheese-maze agents represent a concept about the cheese in a shared way, beyond what the input gives: each agent\'s layer carries the concept, and agent B\'s probe for it still reads it when applied to agent A\'s layer through a fitted linear map, better than when applied to the input itself through such a map. The default concept, "this cell is within a few maze steps of the cheese", is one a searching agent computes and the per-cell input does not give.',
  criterion: 'On held-out mazes with the cheese anywhere, per open cell. Concept near (default): label = the cell is within radius maze steps of the cheese (BFS distance; the cheese cell, which the input marks, left out); score = the area under the ROC curve of a probe\'s output over each maze\'s open cells, averaged over mazes (chance 0.5). Concept cheese: label = the cheese is here; score = share of mazes where the probe\'s highest-scoring open cell is the cheese (chance = mean of 1 / open cells). Own score = an agent\'s own ridge probe on its layer; transfer = B\'s probe applied to A\'s features mapped linearly (ridge) into B\'s. Baseline: input transfer = B\'s probe applied to the observation\'s per-cell channels (wall, mouse, cheese, x, y) mapped linearly into B\'s; every layer is computed from the input, so only transfer above it counts. Every score is first corrected for chance, (score − chance) / (1 − chance). Supported if both own scores are >= 0.5, transfer >= 0.8 × B\'s own score and transfer exceeds input transfer by at least 0.1; not supported if an own score is < 0.5 (that agent does not carry the concept in this layer), transfer < 0.5 × B\'s own, or transfer is no higher than input transfer (the map carries nothing the input does not); depends otherwise. Linear CKA between the two layers is reported alongside. The planner\'s plan layer (plan.value) is its built-in value iteration, maze distance to its target by construction: agreement with it shows what the other agent computes, and two planners agreeing there is no evidence about trained systems. With concept cheese the input baseline is at its ceiling on the lab\'s mazes (the cheese is an input channel), so that concept can only give not supported.',
  params: {
    a: { default: 'learned', description: 'agent A', choices: SHARED_CONCEPT_AGENTS },
    b: { default: 'learned-corner', description: 'agent B (planner-seed2: the planner from another seed; planner-corner: trained on another reward and distribution; policy: another architecture; learned, learned-corner: the learned recurrent agents, trained on cheese anywhere and on cheese in the top-right square, whose state re-reads the observation at every iteration; obs: the input itself)', choices: SHARED_CONCEPT_AGENTS },
    layer: { default: 'plan', description: 'which layer: goal (planner target.logit; policy conv3; learned final state), hidden (planner reward.hidden; policy conv2; learned state after the first iteration), or plan, the map the agent\'s search computes (planner plan.value, built in; learned final state; policy conv3)', choices: SHARED_CONCEPT_LAYERS },
    concept: { default: 'near', description: 'the concept probed at each open cell: near = within radius maze steps of the cheese, the cheese cell left out (read by AUC, chance 0.5); cheese = the cheese is here, an input channel (read by the top-scoring open cell; its input baseline is at ceiling)', choices: SHARED_CONCEPTS },
    radius: { default: 2, description: 'for concept near: the most maze steps from the cheese that count as near', min: 1, max: 10, integer: true },
    mazes: { default: 200, description: 'held-out mazes (70% fit the probes and the maps, 30% score them; under about 200 the input baseline is noisy)', min: 20, max: 1000, integer: true },
    seed: { default: 1, description: 'seed of the trained agents (planner-seed2 uses seed + 1; the shipped learned agents do not change) and of the mazes', integer: true },
  },
  run: async (p) => {
    await useBackend();
    const r = await sharedConceptExperiment({
      a: p.a as SharedConceptAgent, b: p.b as SharedConceptAgent, layer: p.layer as SharedConceptLayer,
      concept: p.concept as SharedConcept, radius: p.radius as number, mazes: p.mazes as number, seed: p.seed as number,
    });
    const near = p.concept === 'near';
    const pct = (v: number) => `${Math.round(100 * v)}%`;
    const fmt = (v: number) => (near ? v.toFixed(2) : pct(v));
    const skill = (v: number) => (v - r.chance) / (1 - r.chance);
    const lacking = skill(r.ownA) < 0.5 ? 'A' : skill(r.ownB) < 0.5 ? 'B' : '';
    const excess = r.transfer - r.inputTransfer;
    const verdict = sharedConceptVerdict(r);
    const atCeiling = r.inputTransfer >= r.chance + 0.9 * (1 - r.chance);
    const built = [p.a, p.b].filter((x, i) => String(x).startsWith('planner') && (i === 0 ? r.layers.a : r.layers.b) === 'plan.value');
    const pair = `${p.a} (${r.layers.a}) and ${p.b} (${r.layers.b})`;
    const what = near ? `cells within ${p.radius} maze steps of the cheese` : 'the cheese';
    const measures = near
      ? `own probes rank ${what} above the rest with AUC ${fmt(r.ownA)} and ${fmt(r.ownB)} (chance ${fmt(r.chance)}; ${pct(r.baseRate)} of scored cells are near); B's probe read through a linear map from A reaches ${fmt(r.transfer)}, and through a linear map from the input itself ${fmt(r.inputTransfer)}`
      : `own probes find the cheese in ${pct(r.ownA)} and ${pct(r.ownB)} of held-out mazes (chance ${pct(r.chance)}); B's probe read through a linear map from A finds it in ${pct(r.transfer)}, and through a linear map from the input itself in ${pct(r.inputTransfer)}`;
    const summary = `${pair}: ${measures} (the baseline: ${excess > 0 ? `${fmt(excess)} above it` : 'no transfer above it'}); CKA ${r.cka.toFixed(2)}. `
      + (verdict === 'supported' ? `The two agents carry the same concept of ${what} in this layer, beyond what the input gives.`
        : lacking ? `Agent ${lacking} does not carry the concept of ${what} in this layer${lacking === 'B' && p.b === 'planner-corner' ? ': trained on the corner reward, its goal and plan are the corner' : ''}.`
          : verdict === 'not supported' ? (skill(r.transfer) >= 0.5 * skill(r.ownB) ? 'The transfer is no more than the input itself gives: both layers read the same input, and no shared concept beyond it shows.' : 'The concept does not carry over.')
            : 'The concept carries over only in part, or barely above what the input itself gives.')
      + (built.length === 2 ? ' Both layers are the planners\' built-in value iteration (maze distance to their target by construction): this agreement is no evidence about trained systems.'
        : built.length === 1 ? ` ${built[0]}'s plan.value is its built-in value iteration (maze distance to its target by construction): the comparison shows what the other agent computes, not two trained agents converging.` : '')
      + (atCeiling ? ' The input baseline is at ceiling here: no transfer can show a concept shared beyond the input, so this test cannot support the claim at this setting (use concept near).' : '');
    return {
      verdict, summary,
      numbers: { ownA: r.ownA, ownB: r.ownB, transfer: r.transfer, inputTransfer: r.inputTransfer, excessOverInput: excess, cka: r.cka, chance: r.chance, baseRate: r.baseRate, byConstruction: built.length, layerA: r.layers.a, layerB: r.layers.b },
      chart: barChart([
        { measure: `A's own probe (${p.a})`, value: r.ownA }, { measure: `B's own probe (${p.b})`, value: r.ownB },
        { measure: "B's probe on A, mapped", value: r.transfer }, { measure: "B's probe on the input, mapped (baseline)", value: r.inputTransfer }, { measure: 'linear CKA', value: r.cka }, { measure: 'chance', value: r.chance },
      ], { x: 'measure', y: 'value', title: `Do ${p.a} and ${p.b} share the concept of ${what}? (${p.layer} layer)`, description: near ? 'Per-maze AUC of each probe for near cells against far ones, the transferred probe, the input baseline, the linear CKA of the two layers, and chance.' : 'Share of held-out mazes where each probe puts the cheese at its top cell, the transferred probe, the input baseline, the linear CKA of the two layers, and chance.' }),
    };
  },
});
