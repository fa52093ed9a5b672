import { defineClaim } from '../../lib/claims/ledger';
import { useBackend } from '../../lib/mesa/backend';
import { barChart } from '../../lib/viz/bar-chart';
import { SHARED_CONCEPT_AGENTS, sharedConceptExperiment, sharedConceptVerdict, type SharedConceptAgent } from './shared-concept';

/**
 * Notebook 13: the post's first assumption, natural abstractions, on the lab's agents. Do two
 * independently trained agents carry the same "cheese" concept, so that a probe for one reads the
 * other through a linear map?
 */
defineClaim({
  id: '13-shared-concept',
  title: 'Independently trained agents learn the same "cheese" concept',
  notebook: '13-the-cruxes',
  kind: 'empirical',
  source: {
    who: 'post',
    thread: 'the first assumption of the post (natural abstractions)',
    paraphrase: 'The post assumes natural abstractions: trained systems learn concepts close to ours (and to each other\'s), so the alignment target exists in the AI\'s internal language and can be found there.',
  },
  claim: 'Two independently trained cheese-maze agents represent "the cheese is here" in a shared way: each agent\'s layer locates the cheese, and agent B\'s cheese probe still locates it when applied to agent A\'s layer through a fitted linear map, better than when applied to the input itself through such a map.',
  criterion: 'On held-out mazes with the cheese anywhere: own accuracy = share of mazes where an agent\'s own ridge probe puts the cheese at its highest-scoring open cell; transfer = the same for B\'s probe applied to A\'s features mapped linearly into B\'s. Baseline: input transfer = the same for B\'s probe applied to the observation\'s per-cell channels (wall, mouse, cheese, x, y) mapped linearly into B\'s; every layer is computed from the input, so only transfer above it counts. Supported if both own accuracies are >= 0.5, transfer >= 0.8 × B\'s own accuracy and transfer exceeds input transfer by at least 0.1; not supported if an own accuracy is < 0.5 (that agent has no cheese concept in this layer), transfer < 0.5 × B\'s own, or transfer is no higher than input transfer (the map carries nothing the input does not); depends otherwise. Linear CKA between the two layers is reported alongside. Limitation: on the lab\'s mazes the input baseline reaches the ceiling for every pair measured (the cheese is one input channel), so at those settings the verdict is not supported by construction of the read-out; the other verdicts need a read-out or mazes where the input alone falls short.',
  params: {
    a: { default: 'planner', description: 'agent A', choices: SHARED_CONCEPT_AGENTS },
    b: { default: 'planner-seed2', description: 'agent B (planner-corner: trained on another reward and distribution; policy: another architecture; learned, learned-corner: the learned recurrent searchers, whose state re-reads the observation at every iteration; obs: the input itself)', choices: SHARED_CONCEPT_AGENTS },
    layer: { default: 'goal', description: 'which layer: the goal layer (planner target; policy: last spatial layer) or a hidden one', choices: ['goal', 'hidden'] },
    mazes: { default: 200, description: 'held-out mazes (70% fit the probes and the map, 30% score them)', min: 20, max: 1000, integer: true },
    seed: { default: 1, description: 'seed of the agents (planner-seed2 uses seed + 1) and of the mazes', integer: true },
  },
  run: async (p) => {
    await useBackend();
    const r = await sharedConceptExperiment({
      a: p.a as SharedConceptAgent, b: p.b as SharedConceptAgent, layer: p.layer as 'goal' | 'hidden', mazes: p.mazes as number, seed: p.seed as number,
    });
    const pct = (v: number) => `${Math.round(100 * v)}%`;
    const lacking = r.ownA < 0.5 ? 'A' : r.ownB < 0.5 ? 'B' : '';
    const excess = r.transfer - r.inputTransfer;
    const verdict = sharedConceptVerdict(r);
    const atCeiling = r.inputTransfer >= 0.9;
    const pair = `${p.a} (${r.layers.a}) and ${p.b} (${r.layers.b})`;
    const summary = `${pair}: own probes find the cheese in ${pct(r.ownA)} and ${pct(r.ownB)} of held-out mazes (chance ${pct(r.chance)}); B's probe read through a linear map from A finds it in ${pct(r.transfer)}, and through a linear map from the input itself in ${pct(r.inputTransfer)} (the baseline: ${excess > 0 ? `${pct(excess)} above it` : 'no transfer above it'}); CKA ${r.cka.toFixed(2)}. `
      + (verdict === 'supported' ? 'The two agents carry the same cheese concept in this layer.'
        : lacking ? `Agent ${lacking} has no cheese concept in this layer${lacking === 'B' && p.b === 'planner-corner' ? ': trained on the corner reward, its goal is the corner' : ''}.`
          : verdict === 'not supported' ? (r.transfer >= 0.5 * r.ownB ? 'The transfer is no more than the input itself gives: both layers read the same input, and no shared concept beyond it shows.' : 'The concept does not carry over.')
            : 'The concept carries over only in part, or barely above what the input itself gives.')
      + (atCeiling ? ' The input baseline is at ceiling here: with this read-out (the top-scoring cell) no transfer can show a concept shared beyond the input, so this test cannot support the claim on these mazes.' : '');
    return {
      verdict, summary,
      numbers: { ownA: r.ownA, ownB: r.ownB, transfer: r.transfer, inputTransfer: r.inputTransfer, excessOverInput: excess, cka: r.cka, chance: r.chance, layerA: r.layers.a, layerB: r.layers.b },
      chart: barChart([
        { measure: `A's own probe (${p.a})`, value: r.ownA }, { measure: `B's own probe (${p.b})`, value: r.ownB },
        { measure: "B's probe on A, mapped", value: r.transfer }, { measure: "B's probe on the input, mapped (baseline)", value: r.inputTransfer }, { measure: 'linear CKA', value: r.cka }, { measure: 'chance', value: r.chance },
      ], { x: 'measure', y: 'value', title: `Do ${p.a} and ${p.b} share the cheese concept? (${p.layer} layer)`, description: 'Share of held-out mazes where each probe puts the cheese at its top cell, the transferred probe, the linear CKA of the two layers, and chance.' }),
    };
  },
});
