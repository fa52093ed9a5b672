/**
 * Notebook 12's claims: the comment that "Retarget the Search" cannot use weaker interpretability
 * while flagging a bad target can; and the comment that detecting a bad target and retraining is a
 * clunkier but workable fallback to retargeting.
 */
import { defineClaim } from '../../lib/claims/ledger';
import { pct } from '../../lib/core/format';
import type { ParamValuesOf } from '../../lib/claims/types';
import { createPopulation } from './scenarios/population';
import { degradeSweep } from './scenarios/degrade';
import { retrainVsRetarget } from './scenarios/costs';
import { lineChart, barChart } from '../../lib/viz/index';

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
