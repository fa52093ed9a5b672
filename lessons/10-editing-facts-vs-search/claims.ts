import { defineClaim } from '../../lib/claims/ledger';
import { pct } from '../../lib/core/format';
import { createRng } from '../../lib/core/rng';
import { barChart } from '../../lib/viz/bar-chart';
import { lineChart } from '../../lib/viz/line-chart';
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
    const seed = p.seed;
    const world = createFactWorld({ landmarks: p.landmarks, seed });
    const { model } = trainFactModel(world, { steps: 120, seed });
    const trace = causalTrace(model, world, { seed });
    const layer = p.layer < 0 ? strongestMlpLayer(trace) : Math.min(p.layer, model.layers - 1);
    const rng = createRng(`10-rome/${seed}`);
    const scores = Array.from({ length: p.edits }, () => {
      const landmark = rng.int(0, world.landmarks.length);
      const city = (world.landmarks[landmark].city + rng.int(1, world.cities.length)) % world.cities.length;
      const e = romeEdit(model, world, { landmark, city }, { layer, covariance: p.covariance });
      const s = scoreEdit(model, e.model, world, { landmark, city });
      e.model.dispose();
      return s;
    });
    model.dispose();
    const mean = (k: keyof typeof scores[0]) => scores.reduce((a, s) => a + s[k], 0) / scores.length;
    const efficacy = mean('efficacy'), generalization = mean('generalization'), specificity = mean('specificity'), ripple = mean('ripple');
    const ok = efficacy >= 0.9 && generalization >= 0.8 && specificity >= 0.9;
    const weak = [efficacy < 0.9 ? 'efficacy' : '', generalization < 0.8 ? 'generalization' : '', specificity < 0.9 ? 'specificity' : ''].filter(Boolean).join(' and ');
    return {
      verdict: ok ? 'supported' : 'not supported',
      summary: `Editing block ${layer}'s MLP${p.layer < 0 ? ' (located by causal tracing)' : ''} with ${p.covariance ? 'the keys\' second moment C' : 'the identity instead of C'}: over ${scores.length} edits, efficacy ${pct(efficacy)}, paraphrases ${pct(generalization)}, other facts unchanged ${pct(specificity)}${ok ? '' : ` — ${weak} below the bar`}. The country question followed the new city in ${pct(ripple)} of edits.`,
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
    const seed = p.seed;
    const { agent } = trainGoalAgent({ seed });
    const target = TARGETS[p.newTarget];
    const e = editGoal(agent, 0, target, { seed, covariance: p.covariance });
    const test = makeRooms(p.rooms, agent.config.size, `${seed}/test`);
    const s = scoreGoalEdit(agent, e.agent, 0, target, test);
    agent.dispose(); e.agent.dispose();
    const ok = s.efficacy >= 0.9 && s.specificity >= 0.95;
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

/** Spearman rank correlation of two equal-length lists (ties get their mean rank). */
function spearman(a: readonly number[], b: readonly number[]): number {
  const rank = (v: readonly number[]) => {
    const order = v.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(v.length);
    for (let i = 0; i < order.length;) {
      let j = i;
      while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
      for (let k = i; k <= j; k++) r[order[k][1]] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const ra = rank(a), rb = rank(b), n = a.length;
  const ma = ra.reduce((s, x) => s + x, 0) / n, mb = rb.reduce((s, x) => s + x, 0) / n;
  let num = 0, da = 0, db = 0;
  for (let i = 0; i < n; i++) { num += (ra[i] - ma) * (rb[i] - mb); da += (ra[i] - ma) ** 2; db += (rb[i] - mb) ** 2; }
  return da > 0 && db > 0 ? num / Math.sqrt(da * db) : 0;
}

defineClaim({
  id: '10-localization-informs-editing',
  title: 'The layer causal tracing picks is where the edit works best',
  notebook: '10-editing-facts-vs-search',
  source: {
    ...SOURCE_ROME,
    paraphrase: 'A commenter asks what ROME (locate a fact with causal tracing, then edit it there) can teach us, and whether causal tracing could find the parts of a model that drive its search. Hase et al. 2023 asked whether localization informs editing at all, and found in large models that it does not predict where edits work.',
  },
  claim: 'In the lab\'s fact memory, the MLP layer that causal tracing picks (restoring each MLP\'s output at the token position `tracePosition`) is where a rank-one edit works best.',
  criterion: 'Edit every layer with the same `edits` random requests; a layer\'s edit score is the mean of efficacy, paraphrase generalization and specificity. Supported if the traced layer\'s score is within 0.05 of the best layer\'s; not supported if it is more than 0.2 below; depends in between. The rank correlation between trace recovery and edit score across layers is reported alongside.',
  params: {
    tracePosition: { default: 1, description: 'token position whose MLP trace picks the layer (1 = the subject\'s last token, as ROME; 2 = the relation token, the last of the prompt; 0 = the first name token)', choices: [0, 1, 2] },
    edits: { default: 6, description: 'edit requests per layer', min: 1, max: 40, integer: true },
    landmarks: { default: 40, description: 'facts stored in the model', min: 8, max: 120, integer: true },
    seed: { default: 1, description: 'seed of the facts, the model and the edit requests', integer: true },
  },
  run: async (p) => {
    await useBackend();
    const seed = p.seed as number;
    const world = createFactWorld({ landmarks: p.landmarks as number, seed });
    const { model } = trainFactModel(world, { steps: 120, seed });
    const trace = causalTrace(model, world, { seed });
    const position = Number(p.tracePosition);
    const traced = strongestMlpLayer(trace, position);
    const recovery = Array.from({ length: model.layers }, (_, l) => trace.cells.find((c) => c.what === 'mlp' && c.position === position && c.layer === l)?.recovery ?? 0);
    const perLayer = Array.from({ length: model.layers }, (_, layer) => {
      const rng = createRng(`10-localization/${seed}`);   // the same requests at every layer
      const scores = Array.from({ length: p.edits as number }, () => {
        const landmark = rng.int(0, world.landmarks.length);
        const city = (world.landmarks[landmark].city + rng.int(1, world.cities.length)) % world.cities.length;
        const e = romeEdit(model, world, { landmark, city }, { layer, covariance: true });
        const s = scoreEdit(model, e.model, world, { landmark, city });
        e.model.dispose();
        return (s.efficacy + s.generalization + s.specificity) / 3;
      });
      return scores.reduce((a, x) => a + x, 0) / scores.length;
    });
    model.dispose();
    const best = perLayer.indexOf(Math.max(...perLayer));
    const gap = perLayer[best] - perLayer[traced];
    const rho = spearman(recovery, perLayer);
    const verdict = gap <= 0.05 ? 'supported' : gap > 0.2 ? 'not supported' : 'depends';
    const f2 = (v: number) => v.toFixed(2);
    const where = position === 1 ? 'the subject\'s last token' : `position ${position} (${trace.cells.find((c) => c.position === position)?.positionName ?? ''})`;
    return {
      verdict,
      summary: `Tracing MLP outputs at ${where} picks layer ${traced}; editing there scores ${f2(perLayer[traced])}, the best layer (${best}) scores ${f2(perLayer[best])}${verdict === 'supported' ? ': localization pointed to the best edit site' : verdict === 'not supported' ? ': localization pointed away from where editing works' : ''}. Across layers, trace recovery and edit score have rank correlation ${f2(rho)}.`,
      numbers: { tracedLayer: traced, bestLayer: best, tracedScore: perLayer[traced], bestScore: perLayer[best], gap, rankCorrelation: rho },
      rows: perLayer.map((score, layer) => ({ layer, 'edit score': score, 'trace recovery': recovery[layer] })),
      chart: lineChart(perLayer.flatMap((score, layer) => [
        { layer, value: score, measure: 'edit score (mean of efficacy, paraphrases, specificity)' },
        { layer, value: recovery[layer], measure: `trace recovery (MLP at position ${position})` },
      ]), {
        x: 'layer', y: 'value', color: 'measure',
        title: `Does localization inform editing? Traced layer ${traced}, best edit layer ${best}`,
        xTitle: 'MLP layer', yTitle: 'score',
        description: 'Per layer: how much restoring the MLP output recovers the answer (causal tracing), and how well a rank-one edit of that layer works.',
      }),
    };
  },
});
