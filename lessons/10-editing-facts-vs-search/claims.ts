import { defineClaim } from '../../lib/claims/ledger';
import { createRng } from '../../lib/core/rng';
import { barChart } from '../../lib/viz/bar-chart';
import { useBackend } from '../../lib/mesa/backend';
import { createFactWorld } from './editing/facts';
import { trainFactModel } from './editing/train-facts';
import { causalTrace, strongestMlpLayer } from './editing/trace';
import { romeEdit, scoreEdit } from './editing/rome';
import { GOAL_KINDS, editGoal, makeRooms, scoreGoalEdit, trainGoalAgent, type NewTarget } from './editing/goal-agent';

/**
 * Notebook 10: editing facts versus editing a search. A ROME-style rank-one edit of a small fact
 * memory, and the same kind of edit applied to a learned agent's target representation.
 */

const SOURCE_ROME = {
  who: 'comment' as const,
  thread: 'what can we learn from ROME-style editing of facts?',
  paraphrase: 'A commenter notes that ROME locates a fact with causal tracing and changes it by modifying the model only a little, and asks whether search is editable like facts.',
  quote: 'Is Search at all "editable" like facts or does this kind of approach seem impossible for retargeting search?',
};

defineClaim({
  id: '10-rome-edits-facts',
  title: 'A located rank-one edit changes one fact and leaves the others',
  notebook: '10-editing-facts-vs-search',
  source: SOURCE_ROME,
  claim: 'In a small trained fact memory, a rank-one edit of the MLP that causal tracing points to (at the subject\'s last token) makes the model give a new city for a landmark, also under paraphrases it was not edited with, while other landmarks\' answers stay the same.',
  criterion: 'Over `edits` random edit requests: supported if mean efficacy >= 0.9, mean paraphrase generalization >= 0.8 and mean specificity (other landmarks\' answers unchanged) >= 0.9; otherwise not supported.',
  params: {
    covariance: { default: true, description: 'weight the update by the keys\' second moment C (ROME) rather than the identity' },
    layer: { default: -1, description: 'MLP block to edit; -1 = the one causal tracing points to', min: -1, max: 11, integer: true },
    edits: { default: 6, description: 'how many random edits to average over', min: 1, max: 40, integer: true },
    landmarks: { default: 40, description: 'facts stored in the model', min: 8, max: 120, integer: true },
    seed: { default: 1, description: 'seed of the facts, the model and the edit requests', integer: true },
  },
  run: async (p) => {
    await useBackend();
    const seed = p.seed as number;
    const world = createFactWorld({ landmarks: p.landmarks as number, seed });
    const { model } = trainFactModel(world, { steps: 120, seed });
    const trace = causalTrace(model, world, { seed });
    const layer = (p.layer as number) < 0 ? strongestMlpLayer(trace) : Math.min(p.layer as number, model.layers - 1);
    const rng = createRng(`10-rome/${seed}`);
    const scores = Array.from({ length: p.edits as number }, () => {
      const landmark = rng.int(0, world.landmarks.length);
      const city = (world.landmarks[landmark].city + rng.int(1, world.cities.length)) % world.cities.length;
      const e = romeEdit(model, world, { landmark, city }, { layer, covariance: p.covariance as boolean });
      const s = scoreEdit(model, e.model, world, { landmark, city });
      e.model.dispose();
      return s;
    });
    model.dispose();
    const mean = (k: keyof typeof scores[0]) => scores.reduce((a, s) => a + s[k], 0) / scores.length;
    const efficacy = mean('efficacy'), generalization = mean('generalization'), specificity = mean('specificity'), ripple = mean('ripple');
    const ok = efficacy >= 0.9 && generalization >= 0.8 && specificity >= 0.9;
    const pct = (v: number) => `${Math.round(100 * v)}%`;
    const weak = [efficacy < 0.9 ? 'efficacy' : '', generalization < 0.8 ? 'generalization' : '', specificity < 0.9 ? 'specificity' : ''].filter(Boolean).join(' and ');
    return {
      verdict: ok ? 'supported' : 'not supported',
      summary: `Editing block ${layer}'s MLP${(p.layer as number) < 0 ? ' (located by causal tracing)' : ''} with ${p.covariance ? 'the keys\' second moment C' : 'the identity instead of C'}: over ${scores.length} edits, efficacy ${pct(efficacy)}, paraphrases ${pct(generalization)}, other facts unchanged ${pct(specificity)}${ok ? '' : ` — ${weak} below the bar`}. The country question followed the new city in ${pct(ripple)} of edits.`,
      numbers: { layer, efficacy, generalization, specificity, ripple, cleanTrace: trace.clean, corruptedTrace: trace.corrupted },
      rows: scores.map((s, i) => ({ edit: i + 1, ...s })),
      chart: barChart([
        { score: 'efficacy', value: efficacy }, { score: 'paraphrases', value: generalization },
        { score: 'country ripple', value: ripple }, { score: 'specificity', value: specificity },
      ], { x: 'score', y: 'value', title: `Rank-one edits of block ${layer} (${p.covariance ? 'with C' : 'C = I'})`, description: 'Mean scores over the edits: the edited prompt, its paraphrases, the country question, and other landmarks\' answers unchanged.' }),
    };
  },
});

const TARGETS: Record<string, NewTarget> = {
  key: { kind: 'object', object: 1 }, gem: { kind: 'object', object: 2 }, flag: { kind: 'object', object: 3 },
  corner: { kind: 'cell', x: 0, y: 0 }, centre: { kind: 'cell', x: 3, y: 3 },
};

defineClaim({
  id: '10-search-editable-like-facts',
  title: 'A search\'s target is editable like a fact — if the new target is expressible',
  notebook: '10-editing-facts-vs-search',
  source: SOURCE_ROME,
  claim: 'A rank-one edit of a learned agent\'s instruction→target memory makes the instruction "cheese" send its (fixed) search to a new target in rooms it never saw, while the other instructions keep their targets.',
  criterion: 'On `rooms` held-out rooms: supported if the edited instruction heads for the new target in >= 90% of rooms and the other instructions keep their targets in >= 95%; otherwise not supported.',
  params: {
    newTarget: { default: 'key', description: 'what "cheese" should mean after the edit', choices: Object.keys(TARGETS) },
    covariance: { default: true, description: 'weight the update by the instruction keys\' second moment C' },
    rooms: { default: 100, description: 'held-out rooms to score on', min: 10, max: 1000, integer: true },
    seed: { default: 1, description: 'seed of the agent, training rooms and test rooms', integer: true },
  },
  run: async (p) => {
    await useBackend();
    const seed = p.seed as number;
    const { agent } = trainGoalAgent({ seed });
    const target = TARGETS[p.newTarget as string];
    const e = editGoal(agent, 0, target, { seed, covariance: p.covariance as boolean });
    const test = makeRooms(p.rooms as number, agent.config.size, `${seed}/test`);
    const s = scoreGoalEdit(agent, e.agent, 0, target, test);
    agent.dispose(); e.agent.dispose();
    const ok = s.efficacy >= 0.9 && s.specificity >= 0.95;
    const pct = (v: number) => `${Math.round(100 * v)}%`;
    return {
      verdict: ok ? 'supported' : 'not supported',
      summary: `After the edit, "cheese" sends the agent to the ${p.newTarget} in ${pct(s.efficacy)} of ${test.length} unseen rooms (still to the cheese in ${pct(s.oldTarget)}); the other ${GOAL_KINDS.length - 1} instructions kept their targets in ${pct(s.specificity)}.${ok ? '' : s.efficacy < 0.9 ? ` The target map is a weighted sum of object channels and x, y: no value written into the memory makes "the ${p.newTarget}" its best cell in every room.` : ' The edit leaked into other instructions.'}`,
      numbers: { efficacy: s.efficacy, specificity: s.specificity, oldTarget: s.oldTarget, editLoss: e.loss },
      chart: barChart([
        { score: `"cheese" → ${p.newTarget}`, value: s.efficacy }, { score: '"cheese" → cheese', value: s.oldTarget }, { score: 'other instructions unchanged', value: s.specificity },
      ], { x: 'score', y: 'value', title: `Editing the agent's target memory: cheese → ${p.newTarget}`, description: 'Share of held-out rooms where the edited instruction heads for the new target, still for the cheese, and where other instructions keep their targets.' }),
    };
  },
});
