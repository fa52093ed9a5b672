/**
 * Notebook 04's exercises: the misgeneralization rate of a list of episodes (restricted to
 * out-of-distribution levels), and classifying a failure as outer misalignment, inner
 * misalignment (goal misgeneralization), a capability failure, or no failure.
 */
import { createRng } from '../../lib/core/rng';
import type { EpisodeOutcome } from '../../lib/envs/cheese-maze';
import { cheeseMazeLevels, distanceFromTrainRegion } from '../../lib/envs/cheese-maze';
import { defineExercise } from '../../lib/exercises/check';
import type { ExerciseCase } from '../../lib/exercises/types';

// ---- 04-misgeneralization-rate ---------------------------------------------------------------
export interface EpisodeRecord {
  /** Distance (steps) of the cheese from the training square; 0 = inside it (in distribution). */
  distance: number;
  outcome: EpisodeOutcome;
}
type RateInput = { episodes: EpisodeRecord[] };

/** Reference: share of out-of-distribution episodes (distance > 0) that went to the proxy; 0 if none. */
export function misgeneralizationRateReference(episodes: readonly EpisodeRecord[]): number {
  const ood = episodes.filter((e) => e.distance > 0);
  return ood.length === 0 ? 0 : ood.filter((e) => e.outcome === 'proxy').length / ood.length;
}

function rateCases(seed: number, count: number): ExerciseCase<RateInput>[] {
  const rng = createRng(seed);
  const out: ExerciseCase<RateInput>[] = [];
  for (let i = 0; i < count; i++) {
    const size = rng.pick([7, 9]);
    const region = 2;
    const n = 12 + rng.int(0, 30);
    // Case 3 of every 7: only training-distribution levels (no out-of-distribution episode).
    const dist = i % 7 === 3 ? 'train' : 'test';
    const levels = cheeseMazeLevels(dist, n, `ex04/${seed}/${i}`, { size, trainRegion: region });
    // A simulated misgeneralizing agent: perfect in distribution; out of it cheese / proxy / neither.
    const pProxy = rng.float(0.2, 0.7), pNeither = rng.float(0.05, 0.2);
    const episodes = levels.map((lv): EpisodeRecord => {
      const distance = distanceFromTrainRegion(size, region, lv.cheese);
      if (distance === 0) return { distance, outcome: rng.chance(0.9) ? 'cheese' : 'neither' };
      const u = rng.next();
      return { distance, outcome: u < pProxy ? 'proxy' : u < pProxy + pNeither ? 'neither' : 'cheese' };
    });
    const ood = episodes.filter((e) => e.distance > 0).length;
    out.push({ label: `${episodes.length} episodes in ${size}x${size} mazes, ${ood} out of distribution`, input: { episodes } });
  }
  return out;
}

defineExercise<(episodes: EpisodeRecord[]) => number, RateInput>({
  id: '04-misgeneralization-rate',
  title: 'The misgeneralization rate: how often the agent goes to the proxy out of distribution',
  points: 2,
  hint: 'Keep only the episodes whose cheese lies outside the training square (distance > 0); of those, the share whose outcome is "proxy". "neither" is not misgeneralization (the agent did not competently pursue anything), and in-distribution episodes cannot show it. With no out-of-distribution episode, return 0.',
  visible: () => rateCases(404, 8),
  generate: rateCases,
  judge: (answer, { episodes }) => {
    const expected = misgeneralizationRateReference(episodes);
    const got = answer(episodes.map((e) => ({ ...e })));
    const ok = typeof got === 'number' && Math.abs(got - expected) <= 1e-9;
    return { ok, expected: expected.toFixed(4), got: typeof got === 'number' ? got.toFixed(4) : String(got) };
  },
});

// ---- 04-inner-or-outer -----------------------------------------------------------------------
export type FailureKind = 'none' | 'outer' | 'inner' | 'capability';
export interface FailureReport {
  /** The reward the base optimizer trained on: the intended one (cheese) or a proxy (corner). */
  rewardSpec: 'cheese' | 'corner';
  /** Where the cheese lay in training: the top-right square only ('train'), or anywhere ('test'). */
  trainDistribution: 'train' | 'test';
  /** What the agent does on new mazes with the cheese far from the corner. */
  behaviour: 'cheese' | 'proxy' | 'neither';
}
type ClassifyInput = { report: FailureReport };

/** Reference classification. */
export function classifyFailureReference(r: FailureReport): FailureKind {
  if (r.behaviour === 'cheese') return 'none';
  if (r.behaviour === 'neither') return 'capability';
  return r.rewardSpec === 'corner' ? 'outer' : 'inner';
}

const WHAT: Record<FailureReport['behaviour'], string> = {
  cheese: 'heads for the cheese', proxy: 'heads for the top-right corner', neither: 'wanders and reaches neither',
};

function classifyCases(seed: number, count: number): ExerciseCase<ClassifyInput>[] {
  const rng = createRng(seed);
  const all: FailureReport[] = [];
  for (const rewardSpec of ['cheese', 'corner'] as const) {
    for (const trainDistribution of ['train', 'test'] as const) {
      for (const behaviour of ['cheese', 'proxy', 'neither'] as const) all.push({ rewardSpec, trainDistribution, behaviour });
    }
  }
  const out: ExerciseCase<ClassifyInput>[] = [];
  let pool: FailureReport[] = [];
  for (let i = 0; i < count; i++) {
    if (pool.length === 0) pool = rng.shuffle(all.slice());
    const report = pool.pop()!;
    out.push({
      label: `rewarded for the ${report.rewardSpec}, trained with the cheese ${report.trainDistribution === 'train' ? 'in the corner square' : 'anywhere'}; out of distribution it ${WHAT[report.behaviour]}`,
      input: { report },
    });
  }
  return out;
}

defineExercise<(report: FailureReport) => FailureKind, ClassifyInput>({
  id: '04-inner-or-outer',
  title: 'Inner or outer misalignment? Classify a failure from the reward, the training data and the behaviour',
  points: 2,
  hint: 'Start from the behaviour: going to the cheese is no failure ("none"); reaching neither goal is a capability failure ("capability"). Only if the agent competently chases the proxy ask who is to blame: if the reward itself pointed at the corner the specification was wrong ("outer"); if the reward was right, the learned goal departed from it ("inner"). The training distribution explains why inner failures happen, but does not decide the class.',
  visible: () => classifyCases(4040, 12),
  generate: classifyCases,
  judge: (answer, { report }) => {
    const expected = classifyFailureReference(report);
    const got = answer({ ...report });
    return { ok: got === expected, expected, got: String(got) };
  },
});

// ---- 04-thinking-extrapolates ----------------------------------------------------------------
/** One measurement of thinking time: success on `size`×`size` mazes with `iterations` iterations. */
export interface ThinkingRecord { size: number; iterations: number; success: number }
type ThinkingInput = { rows: ThinkingRecord[]; trainMax: number };

/**
 * Reference: the thinking-time signature of a search holds when, on some maze size larger than any
 * in training (> trainMax), success grows by at least 0.25 from the fewest iterations measured to
 * the best count, and reaches at least 0.5. (A simpler form of the test `04-training-produces-search`
 * applies: the claim compares against the most iterations training gave a maze, not the fewest measured.)
 */
export function thinkingExtrapolatesReference(rows: readonly ThinkingRecord[], trainMax: number): boolean {
  const sizes = [...new Set(rows.filter((r) => r.size > trainMax).map((r) => r.size))];
  return sizes.some((s) => {
    const mine = rows.filter((r) => r.size === s);
    const fewest = mine.reduce((a, b) => (b.iterations < a.iterations ? b : a));
    const best = Math.max(...mine.map((r) => r.success));
    return best - fewest.success >= 0.25 && best >= 0.5;
  });
}

function thinkingCases(seed: number, count: number): ExerciseCase<ThinkingInput>[] {
  const rng = createRng(seed);
  const kinds = ['search', 'flat-high', 'flat-low', 'only-in-training', 'too-weak', 'search'] as const;
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length];
    const trainMax = rng.pick([9, 11, 13]);
    const sizes = [trainMax - 4, trainMax, trainMax + 6];
    const iterations = rng.shuffle([5, 10, 20, 40, 80]);
    const rows = sizes.flatMap((size) => iterations.map((it) => {
      const big = size > trainMax, t = Math.min(1, it / 40);
      let success: number;
      if (kind === 'flat-high') success = 0.7;
      else if (kind === 'flat-low') success = 0.2;
      else if (kind === 'only-in-training') success = big ? 0.3 : 0.2 + 0.7 * t;
      else if (kind === 'too-weak') success = big ? 0.1 + 0.3 * t : 0.3 + 0.6 * t;
      else success = big ? 0.1 + 0.7 * t : 0.5 + 0.5 * t;
      return { size, iterations: it, success: Math.round(100 * Math.min(1, success + rng.float(-0.02, 0.02))) / 100 };
    }));
    return { label: `${kind} (trained up to ${trainMax}×${trainMax}, rows in shuffled order)`, input: { rows, trainMax } };
  });
}

defineExercise<(rows: ThinkingRecord[], trainMax: number) => boolean, ThinkingInput>({
  id: '04-thinking-extrapolates',
  title: 'Test the thinking-time signature: do more iterations solve mazes larger than training?',
  points: 2,
  hint: 'Look only at sizes larger than trainMax. For each, compare success at the fewest iterations measured with the best success (the rows are not sorted). The signature holds if, for some such size, the gain is at least 0.25 and the best is at least 0.5. A flat line, however high, is fixed compute; gains only on training sizes are not extrapolation.',
  visible: () => thinkingCases(4004, 12),
  generate: thinkingCases,
  judge: (answer, { rows, trainMax }) => {
    const expected = thinkingExtrapolatesReference(rows, trainMax);
    const got = answer(rows.map((r) => ({ ...r })), trainMax);
    return { ok: got === expected, expected: String(expected), got: String(got) };
  },
});
