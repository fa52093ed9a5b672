/**
 * Notebook 12's claims: the comment that "Retarget the Search" cannot use weaker interpretability
 * while flagging a bad target can; and the comment that detecting a bad target and retraining is a
 * clunkier but workable fallback to retargeting; and the detectors of section 2 applied to trained
 * networks (the learned recurrent agent and the plain policy network).
 */
import { defineClaim } from '../../lib/claims/ledger';
import { pct } from '../../lib/core/format';
import type { ParamValuesOf } from '../../lib/claims/types';
import { createPopulation } from './scenarios/population';
import { degradeSweep } from './scenarios/degrade';
import { retrainVsRetarget } from './scenarios/costs';
import { lineChart, barChart } from '../../lib/viz/index';
import { cheeseMazeLevels, mazeDistances } from '../../lib/envs/cheese-maze';
import { agentConfig } from '../../lib/mesa/agents';
import { useBackend } from '../../lib/mesa/backend';
import { loadOrTrainAgent } from '../../lib/mesa/cache-fs';
import { computeVsDistance } from '../../lib/mesa/learned/compute-distance';
import { shippedNet } from '../../lib/mesa/learned/shipped';
import { fixedComputeRows, thinkingTime, thinkingTimeChart } from '../../lib/mesa/learned/thinking-time';
import { detectionStudy, pearsonCorrelation } from './scenarios/detect';

const NOTEBOOK = '12-interpretability-scenarios';

const popParams = {
  size: { default: 15, description: 'maze side (odd)', integer: true, min: 5, max: 41 },
  searchers: { default: 16, description: 'searching agents (half with a bad target)', integer: true, min: 2, max: 64 },
  units: { default: 64, description: 'target units per agent', integer: true, min: 8, max: 512 },
  seed: { default: 1, description: 'seed of maze, agents and tool errors', integer: true, min: 0 },
} as const;

function population(p: ParamValuesOf<typeof popParams>, reflexes: number) {
  return createPopulation({ size: p.size, searchers: p.searchers, reflexes, units: p.units, seed: p.seed });
}

defineClaim({
  id: '12-degrades-gracefully',
  title: 'Weaker interpretability still flags a bad target; retargeting needs the strong form',
  notebook: NOTEBOOK,
  kind: 'empirical',
  source: {
    who: 'comment',
    thread: 'complicated schemes vs retarget the search: degrading gracefully',
    paraphrase: 'A commenter prefers schemes that degrade gracefully as interpretability gets worse: even claims about which neurons are active can expose a worrying goal, whereas retargeting the search cannot use such weak interpretability at all.',
    quote: 'They degrade gracefully with worse interpretability tools',
  },
  claim: 'As the interpretability tool gets noisier, the yes/no question "is this searcher\'s target the intended one?" keeps being answered well after retargeting with the same tool has stopped working.',
  criterion: 'Over noise levels 0..maxNoise (7 evenly spaced), with retargeting judged by behaviour (share of starts from which the rewritten agent reaches the intended goal) and, under `footing: equal-bits`, given one tool reading per bit it must deliver (⌈log2 n⌉ averaged readings, where the flag delivers 1 bit from 1 reading): supported if with a perfect tool retargeting succeeds ≥ flagMin, and at some level flag accuracy ≥ flagMin while retarget success ≤ retargetMax. Not supported otherwise (retargeting never fails in the range, or flagging fails with it).',
  params: {
    ...popParams,
    maxNoise: { default: 3, description: 'largest tool noise (codes have scale 1)', min: 0, max: 10 },
    readout: { default: 'values', description: 'what the tool sees and writes: unit values, or only which units are active', choices: ['values', 'active'] },
    trials: { default: 4, description: 'fresh tool errors per agent and level', integer: true, min: 1, max: 50 },
    footing: { default: 'equal-bits', description: 'tool readings per question: equal-bits (the retarget gets one reading per bit it must deliver) or one-reading (one reading for both: flagging wins by construction)', choices: ['equal-bits', 'one-reading'] },
    flagMin: { default: 0.9, description: 'flag accuracy that counts as still working', min: 0, max: 1 },
    retargetMax: { default: 0.6, description: 'retarget success that counts as broken', min: 0, max: 1 },
  },
  run(p) {
    const pop = population(p, 0);
    const max = p.maxNoise;
    const levels = Array.from({ length: 7 }, (_, i) => Number(((max * i) / 6).toFixed(4)));
    const rows = degradeSweep(pop, { levels, trials: p.trials, readout: p.readout, seed: p.seed, footing: p.footing });
    const perfect = degradeSweep(pop, { levels: [0], trials: 1, readout: 'values', seed: p.seed, footing: p.footing })[0];
    const flagMin = p.flagMin, retargetMax = p.retargetMax;
    const gap = rows.find((r) => r.flagAccuracy >= flagMin && r.retargetSuccess <= retargetMax);
    const ok = perfect.retargetSuccess >= flagMin && gap !== undefined;
    const long = rows.flatMap((r) => [
      { noise: r.noise, question: 'flag a bad target', score: r.flagAccuracy },
      { noise: r.noise, question: 'read off the target', score: r.readOffAccuracy },
      { noise: r.noise, question: 'retarget to the intended goal', score: r.retargetSuccess },
    ]);
    return {
      verdict: ok ? 'supported' : 'not supported',
      summary: gap
        ? `With tool noise ${gap.noise} (${p.readout} readout, ${p.footing}), bad targets are still flagged correctly ${pct(gap.flagAccuracy)} of the time, but retargeting with the same tool brings agents to the intended goal from only ${pct(gap.retargetSuccess)} of starts (perfect tool: ${pct(perfect.retargetSuccess)}).`
        : `No noise level up to ${max} separates the two (${p.readout} readout, ${p.footing}): at the largest, flagging is ${pct(rows[rows.length - 1].flagAccuracy)} accurate and retargeting succeeds from ${pct(rows[rows.length - 1].retargetSuccess)} of starts.`,
      numbers: {
        separatingNoise: gap ? gap.noise : -1,
        flagAtSeparation: gap ? gap.flagAccuracy : NaN,
        retargetAtSeparation: gap ? gap.retargetSuccess : NaN,
        retargetPerfectTool: perfect.retargetSuccess,
        flagAtMaxNoise: rows[rows.length - 1].flagAccuracy,
        retargetAtMaxNoise: rows[rows.length - 1].retargetSuccess,
        searchers: pop.agents.length,
      },
      rows: long,
      chart: lineChart(long, { x: 'noise', y: 'score', color: 'question', title: `Three questions for a noisy interpretability tool (${p.readout} readout)`, yTitle: 'accuracy / success' }),
    };
  },
});

defineClaim({
  id: '12-retrain-vs-retarget',
  title: 'Detect-and-retrain works as a fallback, at far higher cost than a working retarget',
  notebook: NOTEBOOK,
  kind: 'empirical',
  source: {
    who: 'comment',
    thread: 'detection without retargeting: restart training',
    paraphrase: 'A commenter suggests that if we can detect a search and read its target but cannot rewrite it, we can retrain and check the target again: clunkier, but it gets much of the benefit.',
  },
  claim: 'For searchers with a bad target, rewriting the target units reaches the intended goal as reliably as retraining from scratch, at a small fraction of retraining\'s cost in environment steps; for agents that do not search, only retraining works.',
  criterion: 'Both fixes are costed in environment steps until the fixed agent reaches the intended goal from successTarget of the evaluation starts: retraining = Q-learning steps; retargeting = the steps of running the agent to check each write (a fresh tool reading per write, at most maxWrites). Supported if retargeting bad searchers reaches successTarget on average, retraining reaches it, and retraining costs at least minRatio × the steps of retargeting. Not supported otherwise (retargeting falls short, or it is not that much cheaper).',
  params: {
    ...popParams,
    reflexes: { default: 8, description: 'reflex agents (half with a bad goal)', integer: true, min: 0, max: 64 },
    noise: { default: 0, description: 'noise of the tool used for the retarget write', min: 0, max: 10 },
    maxWrites: { default: 5, description: 'writes the retargeter may try per agent, each checked by running the agent', integer: true, min: 1, max: 100 },
    successTarget: { default: 0.9, description: 'success that counts as fixed', min: 0.1, max: 1 },
    minRatio: { default: 10, description: 'retraining must cost at least this many times the retarget\'s steps for "far higher cost"', min: 1 },
    budget: { default: 400000, description: 'retraining budget in environment steps', integer: true, min: 100 },
  },
  run(p) {
    const pop = population(p, p.reflexes);
    const target = p.successTarget;
    const study = retrainVsRetarget(pop, { noise: p.noise, successTarget: target, budget: p.budget, maxWrites: p.maxWrites, seed: p.seed });
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
    const pick = (kind: string, method: string) => study.rows.filter((r) => r.kind === kind && r.method === method);
    const retS = mean(pick('search', 'retarget').map((r) => r.success));
    const retSteps = mean(pick('search', 'retarget').map((r) => r.steps));
    const retWrites = mean(pick('search', 'retarget').map((r) => r.writes));
    const retR = mean(pick('reflex', 'retarget').map((r) => r.success));
    const trainSuccess = mean(study.retrains.map((r) => r.success));
    const trainSteps = mean(study.retrains.map((r) => r.steps));
    const ratio = trainSteps / Math.max(1, retSteps);
    const retrained = study.retrains.every((r) => r.status === 'reached');
    const ok = retS >= target && retrained && ratio >= p.minRatio;
    const rows = [
      { fix: 'retarget a searcher', success: retS, 'environment steps': Math.round(retSteps), writes: retWrites },
      { fix: 'retarget a reflex agent', success: retR, 'environment steps': Math.round(mean(pick('reflex', 'retarget').map((r) => r.steps))), writes: mean(pick('reflex', 'retarget').map((r) => r.writes)) },
      { fix: 'retrain from scratch', success: trainSuccess, 'environment steps': Math.round(trainSteps), writes: 0 },
    ];
    return {
      verdict: ok ? 'supported' : 'not supported',
      summary: `Retargeting a bad searcher (tool noise ${p.noise}) reaches the intended goal from ${pct(retS)} of starts after ${retWrites.toFixed(1)} write${retWrites === 1 ? '' : 's'} on average, checked with ${Math.round(retSteps)} environment steps; on reflex agents it does not work (${pct(retR)}). Retraining from scratch reaches ${pct(trainSuccess)} after ${Math.round(trainSteps)} steps: ${ratio.toFixed(0)}× the retarget's steps${ok ? '' : retS < target ? ', but the retarget fell short of the target success' : !retrained ? ', but retraining did not reach the target within its budget' : `, below the ${p.minRatio}× asked for`}.`,
      numbers: { retargetSearchSuccess: retS, retargetSteps: retSteps, retargetWrites: retWrites, retargetReflexSuccess: retR, retrainSuccess: trainSuccess, retrainSteps: trainSteps, retrainOverRetarget: ratio },
      rows,
      chart: barChart(rows, { x: 'fix', y: 'success', horizontal: true, title: 'Share of starts reaching the intended goal after the fix' }),
    };
  },
});

/**
 * Notebook 12's detectors, validated on the constructed population (whose searchers are searches by
 * construction), applied to agents that learned their behaviour: the learned recurrent agent and
 * the plain policy network. The validated detector is the compute one; for a trained network its
 * counterpart is "compute follows distance" (the iteration from which a cell's move stays right
 * grows with its distance to the cheese). Thinking time (more iterations solve larger mazes) is a
 * second signature that the constructed population cannot validate (its agents have no iteration
 * budget), so a flag from thinking time alone counts at most as "depends". The policy network's
 * non-flag holds by construction: it has no iterations to add and the same compute at every cell.
 */
defineClaim({
  id: '12-detects-trained-search',
  title: 'The search detectors, validated on constructed agents, find a search in the learned agent and none in the policy network',
  notebook: NOTEBOOK,
  kind: 'empirical',
  source: {
    who: 'comment',
    thread: 'interpretability scenarios: reliable mesa-optimizer detection',
    paraphrase: 'A scenario where interpretability reliably detects mesa-optimizers and reads off their goals would make retargeting promising.',
  },
  claim: 'Tools that detect a search in constructed agents without false alarms also tell apart, among trained networks, the one that searches (the learned recurrent agent) from the one that does not (the plain policy network).',
  criterion: 'Validation: on the constructed population the compute detector has precision and recall 1. Two detectors for a trained agent: thinking time (on mazes 6 cells larger than `size`, larger than any in training, success grows by at least minGain from 5 iterations to the best count up to maxIterations and reaches at least 0.5) and compute follows distance (the iteration from which a cell\'s move stays right correlates with the cell\'s distance to the cheese at r ≥ minCorrelation; a network with fixed compute has constant steps, r = 0). With `detector: both` (the default) an agent is flagged when both hold, with `detector: thinking-time` when the first holds. Only compute-follows-distance has a counterpart validated on the population (its agents have no iteration budget, so thinking time is never validated). Supported if the tools are validated, the learned agent is flagged by both signatures and the policy network is not; depends if the tools fail validation, both networks are flagged, or the flag rests on the unvalidated thinking-time detector alone; not supported if the learned agent is not flagged. The policy network cannot be flagged at a positive minGain: by construction it has no iterations (gain 0) and the same compute at every cell (r = 0).',
  params: {
    variant: { default: 'aligned', description: 'which learned agent (cheese anywhere, in the top-right square, or one fixed cell in training)', choices: ['aligned', 'corner', 'fixed'] },
    size: { default: 9, description: 'maze side for the compute measure; thinking time is measured 6 cells larger (at least 15, larger than any training maze)', min: 9, max: 19, integer: true },
    count: { default: 8, description: 'held-out mazes per measure', min: 4, max: 100, integer: true },
    maxIterations: { default: 80, description: 'the most test-time iterations the detector lets the agent think', min: 5, max: 160, integer: true },
    minGain: { default: 0.25, description: 'bar of the thinking-time detector: least gain in success from 5 iterations to the best count', min: 0, max: 1 },
    minCorrelation: { default: 0.5, description: 'bar of the compute-follows-distance detector', min: -1, max: 1 },
    detector: { default: 'both', description: 'which signatures flag a search: thinking time and compute following distance (both), or thinking time alone (never validated on the constructed population: a flag from it counts as depends)', choices: ['both', 'thinking-time'] },
    seed: { default: 1, description: 'seed of the held-out mazes and of the constructed population', integer: true, min: 0 },
  },
  run: async (p) => {
    await useBackend();
    // Validation on agents whose answer we know.
    const pop = createPopulation({ size: 15, searchers: 16, reflexes: 8, seed: p.seed });
    const study = detectionStudy(pop.world, pop.agents, { seed: p.seed });
    const computeScore = study.scores[1];
    const validated = computeScore.precision === 1 && computeScore.recall === 1;
    // The learned agent.
    const big = p.size + 6;
    const its = [5, 10, 20, 40, 80, 160].filter((n) => n <= p.maxIterations);
    if (!its.includes(p.maxIterations)) its.push(p.maxIterations);
    const net = shippedNet(p.variant);
    const tt = thinkingTime(net, { sizes: [big], iterations: its, count: p.count, seed: p.seed }, `learned (${p.variant})`);
    const at5 = tt[0].rollout, best = Math.max(...tt.map((r) => r.rollout));
    const thinks = best - at5 >= p.minGain && best >= 0.5;
    const cvd = computeVsDistance(net, { size: p.size, count: p.count, seed: p.seed, maxIterations: Math.max(p.maxIterations, 1) });
    const learnedFlag = thinks && (p.detector === 'thinking-time' || cvd.correlation >= p.minCorrelation);
    // The plain policy network: fixed compute (its layers), on its own maze size.
    const cfg = agentConfig('policy', { seed: 1 });
    const { agent: policy } = await loadOrTrainAgent(cfg);
    const fixed = fixedComputeRows(policy, { iterations: its, count: p.count, seed: p.seed }, 'policy network');
    const policyGain = Math.max(...fixed.map((r) => r.rollout)) - fixed[0].rollout;
    const policyThinks = policyGain >= p.minGain && Math.max(...fixed.map((r) => r.rollout)) >= 0.5;
    const levels = cheeseMazeLevels('test', p.count, `detect-policy/${p.seed}`, { size: cfg.size });
    const dists: number[] = [], steps: number[] = [];
    for (const lv of levels) {
      const d = mazeDistances(lv.map, lv.cheese);
      d.forEach((v, j) => { if (v > 0) { dists.push(v); steps.push(policy.layers.filter((l) => l.spatial && l.name !== 'obs').length); } });
    }
    const policyCorrelation = pearsonCorrelation(dists, steps);
    const policyFlag = policyThinks && (p.detector === 'thinking-time' || policyCorrelation >= p.minCorrelation);
    const unvalidatedOnly = p.detector === 'thinking-time';
    const verdict = !validated ? 'depends' : !learnedFlag ? 'not supported' : policyFlag || unvalidatedOnly ? 'depends' : 'supported';
    // The policy network has no iterations: a gain of 0 and constant compute, whatever is measured.
    const policyByConstruction = policyGain === 0 && policyCorrelation === 0;
    const rows = [
      { agent: 'constructed population (validation)', 'thinking time': '–', 'compute follows distance': `precision ${computeScore.precision.toFixed(2)}, recall ${computeScore.recall.toFixed(2)}`, 'search found': validated ? 'tools validated' : 'tools fail validation' },
      { agent: `learned (${p.variant})`, 'thinking time': `${pct(at5)} → ${pct(best)} (${thinks ? 'holds' : 'fails'})`, 'compute follows distance': `r = ${cvd.correlation.toFixed(2)} (${cvd.correlation >= p.minCorrelation ? 'holds' : 'fails'})`, 'search found': learnedFlag ? 'yes' : 'no' },
      { agent: 'policy network', 'thinking time': `gain ${pct(policyGain)} (${policyThinks ? 'holds' : 'fails'})`, 'compute follows distance': `r = ${policyCorrelation.toFixed(2)} (${policyCorrelation >= p.minCorrelation ? 'holds' : 'fails'})`, 'search found': policyFlag ? 'yes' : 'no' },
    ];
    return {
      verdict,
      summary: `Validation: on the constructed population the compute detector has precision ${computeScore.precision.toFixed(2)} and recall ${computeScore.recall.toFixed(2)}. `
        + `The learned ${p.variant} agent on ${big}×${big} mazes solves ${pct(at5)} with 5 iterations and ${pct(best)} with up to ${p.maxIterations}; thinking time ${thinks ? 'holds' : 'fails'}; its settle iteration correlates with distance at r = ${cvd.correlation.toFixed(2)} (bar ${p.minCorrelation}). With the ${p.detector === 'both' ? 'two detectors together' : 'thinking-time detector alone (never validated on the constructed population, whose agents have no iteration budget)'}, ${learnedFlag ? 'a search is found' : 'no search is found'}${learnedFlag && unvalidatedOnly ? ', but only by the unvalidated detector' : ''}. `
        + `The policy network solves ${pct(fixed[0].rollout)} of its ${cfg.size}×${cfg.size} mazes whatever the thinking time (gain ${pct(policyGain)}; thinking time ${policyThinks ? 'holds' : 'fails'}) and its compute is the same at every cell (r = ${policyCorrelation.toFixed(2)}): ${policyFlag ? 'flagged' : 'no search found'}${!policyFlag && policyByConstruction ? ', which holds by construction (it has no iterations to add and no per-cell compute), so it does not test the false-alarm rate of the detectors on trained networks' : ''}.`,
      numbers: { validated, learnedThinks: thinks, computePrecision: computeScore.precision, computeRecall: computeScore.recall, learnedAt5: at5, learnedBest: best, learnedCorrelation: cvd.correlation, learnedFlag, policyGain, policyCorrelation, policyFlag, policyByConstruction, unvalidatedOnly },
      chart: thinkingTimeChart([...tt, ...fixed]),
      rows,
    };
  },
});
