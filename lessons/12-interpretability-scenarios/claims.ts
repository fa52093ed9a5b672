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
  source: {
    who: 'comment',
    thread: 'complicated schemes vs retarget the search: degrading gracefully',
    paraphrase: 'A commenter prefers schemes that degrade gracefully as interpretability gets worse: even claims about which neurons are active can expose a worrying goal, whereas retargeting the search cannot use such weak interpretability at all.',
    quote: 'They degrade gracefully with worse interpretability tools',
  },
  claim: 'As the interpretability tool gets noisier, the yes/no question "is this searcher\'s target the intended one?" keeps being answered well after retargeting with the same tool has stopped working.',
  criterion: 'Over noise levels 0..maxNoise (7 evenly spaced), supported if with a perfect tool retargeting succeeds ≥ flagMin, and at some level flag accuracy ≥ flagMin while retarget success ≤ retargetMax. Not supported otherwise (retargeting never fails in the range, or flagging fails with it).',
  params: {
    ...popParams,
    maxNoise: { default: 3, description: 'largest tool noise (codes have scale 1)', min: 0, max: 10 },
    readout: { default: 'values', description: 'what the tool sees and writes: unit values, or only which units are active', choices: ['values', 'active'] },
    trials: { default: 4, description: 'fresh tool errors per agent and level', integer: true, min: 1, max: 50 },
    flagMin: { default: 0.9, description: 'flag accuracy that counts as still working', min: 0, max: 1 },
    retargetMax: { default: 0.6, description: 'retarget success that counts as broken', min: 0, max: 1 },
  },
  run(p) {
    const pop = population(p, 0);
    const max = p.maxNoise;
    const levels = Array.from({ length: 7 }, (_, i) => Number(((max * i) / 6).toFixed(4)));
    const rows = degradeSweep(pop, { levels, trials: p.trials, readout: p.readout, seed: p.seed });
    const perfect = degradeSweep(pop, { levels: [0], trials: 1, readout: 'values', seed: p.seed })[0];
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
        ? `With tool noise ${gap.noise} (${p.readout} readout), bad targets are still flagged correctly ${pct(gap.flagAccuracy)} of the time, but retargeting with the same tool brings agents to the intended goal from only ${pct(gap.retargetSuccess)} of starts (perfect tool: ${pct(perfect.retargetSuccess)}).`
        : `No noise level up to ${max} separates the two: at the largest, flagging is ${pct(rows[rows.length - 1].flagAccuracy)} accurate and retargeting succeeds from ${pct(rows[rows.length - 1].retargetSuccess)} of starts.`,
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
  source: {
    who: 'comment',
    thread: 'detection without retargeting: restart training',
    paraphrase: 'A commenter suggests that if we can detect a search and read its target but cannot rewrite it, we can retrain and check the target again: clunkier, but it gets much of the benefit.',
  },
  claim: 'For searchers with a bad target, one write of the target units reaches the intended goal as reliably as retraining from scratch, which costs many thousands of environment steps; for agents that do not search, only retraining works.',
  criterion: 'Supported if retargeting bad searchers (tool noise `noise`) succeeds from at least successTarget of starts on average, retraining reaches successTarget, and retraining takes at least 1000 environment steps. Not supported if retargeting falls short (then retraining is the only fix).',
  params: {
    ...popParams,
    reflexes: { default: 8, description: 'reflex agents (half with a bad goal)', integer: true, min: 0, max: 64 },
    noise: { default: 0, description: 'noise of the tool used for the retarget write', min: 0, max: 10 },
    successTarget: { default: 0.9, description: 'success that counts as fixed', min: 0.1, max: 1 },
    budget: { default: 400000, description: 'retraining budget in environment steps', integer: true, min: 100 },
  },
  run(p) {
    const pop = population(p, p.reflexes);
    const target = p.successTarget;
    const study = retrainVsRetarget(pop, { noise: p.noise, successTarget: target, budget: p.budget, seed: p.seed });
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
    const pick = (kind: string, method: string) => study.rows.filter((r) => r.kind === kind && r.method === method);
    const retS = mean(pick('search', 'retarget').map((r) => r.success));
    const retR = mean(pick('reflex', 'retarget').map((r) => r.success));
    const trainSuccess = mean(study.retrains.map((r) => r.success));
    const trainSteps = mean(study.retrains.map((r) => r.steps));
    const ok = retS >= target && study.retrains.every((r) => r.status === 'reached') && trainSteps >= 1000;
    const rows = [
      { fix: 'retarget a searcher', success: retS, 'environment steps': 0, 'units written': pop.params.units },
      { fix: 'retarget a reflex agent', success: retR, 'environment steps': 0, 'units written': pop.params.units },
      { fix: 'retrain from scratch', success: trainSuccess, 'environment steps': Math.round(trainSteps), 'units written': 0 },
    ];
    return {
      verdict: ok ? 'supported' : 'not supported',
      summary: `Retargeting a bad searcher (tool noise ${p.noise}) reaches the intended goal from ${pct(retS)} of starts with one write of ${pop.params.units} units and no training; on reflex agents it does nothing (${pct(retR)}). Retraining from scratch reaches ${pct(trainSuccess)} after ${Math.round(trainSteps)} environment steps on average.`,
      numbers: { retargetSearchSuccess: retS, retargetReflexSuccess: retR, retrainSuccess: trainSuccess, retrainSteps: trainSteps, unitsWritten: pop.params.units },
      rows,
      chart: barChart(rows, { x: 'fix', y: 'success', horizontal: true, title: 'Share of starts reaching the intended goal after the fix' }),
    };
  },
});
