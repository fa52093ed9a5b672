/**
 * Mostly cached behaviour versus search: a stream of queries, mostly routine tasks (a few
 * frequent, most rare: Zipf) with some never-seen-before tasks mixed in, answered by four
 * strategies — always search; cache every task (build its table on first sight); cache + search
 * (search a task until the search work already spent on it reaches the price of its table, then
 * build the table and use it from then on — the break-even rule of the ski-rental problem, which
 * pays at most about twice the hindsight optimum per task); and the hindsight optimum (knows each
 * task's count in advance; a reference, not a strategy).
 */
import { fail } from '../../../lib/core/errors';
import { createRng } from '../../../lib/core/rng';
import type { TaskMeasure } from './measure';
import { tasksMessages } from './messages';

const MODULE = 'tasks/workload';

export const STRATEGIES = ['search only', 'cache every task', 'cache + search', 'hindsight optimum'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/**
 * A seeded stream of `queries` task indices in [0, tasks): task of rank r (a seeded shuffle)
 * is asked with probability proportional to 1 / r^exponent (0 = uniform).
 *
 * @example
 * zipfWorkload(20, 500, 1.1, 7); // frequent tasks and a long tail
 */
export function zipfWorkload(tasks: number, queries: number, exponent: number, seed: number): number[] {
  if (!Number.isInteger(tasks) || tasks < 1) fail(MODULE, tasksMessages.positiveInt('tasks', tasks));
  if (!Number.isInteger(queries) || queries < 1) fail(MODULE, tasksMessages.positiveInt('queries', queries));
  if (typeof exponent !== 'number' || !Number.isFinite(exponent) || exponent < 0) fail(MODULE, tasksMessages.nonNegative('exponent', exponent));
  const rng = createRng(`zipf-${seed}`);
  const byRank = rng.shuffle(Array.from({ length: tasks }, (_, i) => i));
  const weights = byRank.map((_, r) => 1 / Math.pow(r + 1, exponent));
  const total = weights.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  for (let q = 0; q < queries; q++) {
    let u = rng.next() * total, r = 0;
    while (r < tasks - 1 && u >= weights[r]) { u -= weights[r]; r++; }
    out.push(byRank[r]);
  }
  return out;
}

/**
 * A seeded stream of `queries` task indices: with probability `novelty` a never-seen task (ids
 * `routine`, `routine + 1`, ... in order of arrival), otherwise one of the `routine` tasks drawn
 * as in {@link zipfWorkload}. Returns the stream and how many novel tasks it contains.
 *
 * @example
 * const { stream, novel } = mixedWorkload(27, 400, 0.2, 1, 3);
 */
export function mixedWorkload(routine: number, queries: number, novelty: number, exponent: number, seed: number): { stream: number[]; novel: number } {
  if (typeof novelty !== 'number' || !(novelty >= 0 && novelty <= 1)) fail(MODULE, tasksMessages.noveltyBad(novelty));
  const base = zipfWorkload(routine, queries, exponent, seed);
  const rng = createRng(`novelty-${seed}`);
  let novel = 0;
  const stream = base.map((t) => (rng.chance(novelty) ? routine + novel++ : t));
  return { stream, novel };
}

export interface WorkloadResult {
  /** Total work per strategy. */
  totals: Record<Strategy, number>;
  /** Cumulative work after each of ~`points` queries, one row per (query, strategy). */
  series: { query: number; strategy: Strategy; work: number }[];
  /** How many distinct tasks were asked, and how many got a table under cache + search. */
  distinctTasks: number;
  tablesBuilt: number;
}

/**
 * Replays a stream of task indices against the measured tasks. The k-th query of a task uses the
 * task's (k mod samples)-th measured start, so all strategies answer the same queries.
 *
 * @example
 * const r = runWorkload(measures, zipfWorkload(measures.length, 500, 1, 1));
 * r.totals['cache + search'] <= 2 * r.totals['hindsight optimum'] + maxBuild; // ski-rental bound
 */
export function runWorkload(measures: readonly TaskMeasure[], stream: readonly number[], points = 60): WorkloadResult {
  if (measures.length === 0) fail(MODULE, tasksMessages.noMeasures());
  for (const t of stream) if (!Number.isInteger(t) || t < 0 || t >= measures.length) fail(MODULE, tasksMessages.streamTaskBad(t, measures.length));
  const seen = new Array<number>(measures.length).fill(0);
  const spent = new Array<number>(measures.length).fill(0);
  const built = new Array<boolean>(measures.length).fill(false);
  const cum: Record<Strategy, number> = { 'search only': 0, 'cache every task': 0, 'cache + search': 0, 'hindsight optimum': 0 };
  const series: WorkloadResult['series'] = [];
  const every = Math.max(1, Math.floor(stream.length / points));
  // Hindsight: per task, min(all searches, build + all follows) over its actual queries.
  const sumSearch = new Array<number>(measures.length).fill(0);
  const sumFollow = new Array<number>(measures.length).fill(0);
  stream.forEach((t, q) => {
    const m = measures[t];
    const k = seen[t]++ % m.searchRuns.length;
    const search = m.searchRuns[k], follow = m.followRuns[k];
    sumSearch[t] += search; sumFollow[t] += follow;
    cum['search only'] += search;
    cum['cache every task'] += (k === 0 && seen[t] === 1 ? m.build : 0) + follow;
    if (!built[t] && spent[t] >= m.build) { built[t] = true; cum['cache + search'] += m.build; }
    if (built[t]) cum['cache + search'] += follow;
    else { spent[t] += search; cum['cache + search'] += search; }
    if ((q + 1) % every === 0 || q === stream.length - 1) {
      let hindsight = 0;
      for (let i = 0; i < measures.length; i++) if (seen[i] > 0) hindsight += Math.min(sumSearch[i], measures[i].build + sumFollow[i]);
      cum['hindsight optimum'] = hindsight;
      for (const s of STRATEGIES) series.push({ query: q + 1, strategy: s, work: cum[s] });
    }
  });
  return { totals: { ...cum }, series, distinctTasks: seen.filter((n) => n > 0).length, tablesBuilt: built.filter(Boolean).length };
}
