/**
 * Measuring specialists against the general searcher on a task suite: what each pays per task,
 * amortised over how often a task repeats, and the competitiveness ratio between them.
 *
 * Costs are counted in "work": states a procedure had to think about — states expanded by A*
 * (plus the relaxed-problem entries of its heuristic), states settled while building a table,
 * table lookups while following it (one per step). Work is deterministic, so verdicts do not
 * depend on the machine's load; wall-clock seconds are reported beside it.
 */
import { fail } from '../../../lib/core/errors';
import { createRng } from '../../../lib/core/rng';
import type { Cell } from '../../../lib/envs/grid';
import { passableCells } from '../../../lib/envs/grid';
import type { Errand, ErrandSpec } from './errand';
import { checkErrand, searchErrand, townErrand } from './errand';
import { buildErrandTable } from './specialist';
import type { Town } from './town';
import { tasksMessages } from './messages';

const MODULE = 'tasks/measure';

/** One task measured on sampled starts. */
export interface TaskMeasure {
  task: string;
  stages: number;
  order: 'sequence' | 'any';
  /** Work to build the specialist's table (once per task). */
  build: number;
  /** Mean work per query for the specialist following its table (= steps walked). */
  follow: number;
  /** Mean work per query for the general searcher (A* expansions + heuristic entries). */
  search: number;
  /** Seconds: table build, mean follow, mean search. */
  buildSeconds: number;
  followSeconds: number;
  searchSeconds: number;
  /** Both found the same (optimal) cost on every sampled start. */
  agree: boolean;
  /** Per-start work of the general searcher and of the specialist (same order as the starts). */
  searchRuns: number[];
  followRuns: number[];
}

export interface MeasureOptions {
  /** Random starts per task (default 8). */
  samples?: number;
  /** Seed of the starts (default 1). */
  seed?: number;
}

/**
 * Runs both the specialist (build a table, then follow it) and the general searcher on every task
 * (errands written with the town's place names, or ready errands), from the same seeded random
 * starts.
 *
 * @example
 * const rows = measureTasks(town, routineErrands(), { samples: 8, seed: 1 });
 */
export function measureTasks(town: Town, specs: readonly (ErrandSpec | Errand)[], options: MeasureOptions = {}): TaskMeasure[] {
  const samples = options.samples ?? 8;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(samples) || samples < 1) fail(MODULE, tasksMessages.positiveInt('samples', samples));
  const cells = passableCells(town.map);
  return specs.map((spec, t) => {
    const errand = isSpec(spec) ? townErrand(town, spec) : checkErrand(town.map, spec);
    const rng = createRng(`${seed}-${t}-${spec.name}`);
    const starts: Cell[] = Array.from({ length: samples }, () => rng.pick(cells));
    const table = buildErrandTable(town.map, errand);
    const searchRuns: number[] = [], followRuns: number[] = [];
    let followSeconds = 0, searchSeconds = 0, agree = true;
    for (const s of starts) {
      const g = searchErrand(town.map, errand, s);
      const f = table.follow(s);
      searchRuns.push(g.work); followRuns.push(f.work);
      searchSeconds += g.seconds; followSeconds += f.seconds;
      if (!g.reached || !f.reached || Math.abs(g.cost - f.cost) > 1e-9) agree = false;
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return {
      task: spec.name, stages: errand.stages.length, order: errand.order,
      build: table.work, follow: mean(followRuns), search: mean(searchRuns),
      buildSeconds: table.seconds, followSeconds: followSeconds / samples, searchSeconds: searchSeconds / samples,
      agree, searchRuns, followRuns,
    };
  });
}

/**
 * The smallest number of queries per task at which the specialist's amortised cost per query,
 * build / q + follow, is no more than the searcher's, search; Infinity if it never is.
 *
 * @example
 * breakEvenQueries(1000, 50, 300); // 4: 1000/4 + 50 = 300
 */
export function breakEvenQueries(build: number, follow: number, search: number): number {
  for (const [name, v] of [['build', build], ['follow', follow], ['search', search]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(MODULE, tasksMessages.nonNegative(name, v));
  }
  if (search <= follow) return build === 0 && search === follow ? 1 : Infinity;
  return Math.max(1, Math.ceil(build / (search - follow) - 1e-12));
}

/** One point of the competitiveness curve. */
export interface CurvePoint {
  queriesPerTask: number;
  /** Mean work per query over all tasks. */
  specialist: number;
  generalist: number;
  /** generalist / specialist: above 1 the general searcher pays a tax, below 1 it is cheaper. */
  ratio: number;
}

/**
 * Amortised work per query when every task is asked `q` times: the specialist pays its tables
 * once and then follows them; the searcher pays a search per query. Totals over all tasks.
 *
 * @example
 * competitivenessCurve(measures, [1, 10, 100]).map((p) => p.ratio);
 */
export function competitivenessCurve(measures: readonly TaskMeasure[], queriesPerTask: readonly number[]): CurvePoint[] {
  if (measures.length === 0) fail(MODULE, tasksMessages.noMeasures());
  return queriesPerTask.map((q) => {
    if (!(q >= 1) || !Number.isFinite(q)) fail(MODULE, tasksMessages.queriesBad(q));
    let spec = 0, gen = 0;
    for (const m of measures) { spec += m.build + q * m.follow; gen += q * m.search; }
    const per = q * measures.length;
    return { queriesPerTask: q, specialist: spec / per, generalist: gen / per, ratio: gen / spec };
  });
}

/** The queries per task where the ratio crosses 1 (Infinity if the specialist never catches up). */
export function crossoverQueries(measures: readonly TaskMeasure[]): number {
  const b = measures.reduce((a, m) => a + m.build, 0);
  const l = measures.reduce((a, m) => a + m.follow, 0);
  const s = measures.reduce((a, m) => a + m.search, 0);
  return s > l ? b / (s - l) : Infinity;
}

function isSpec(x: ErrandSpec | Errand): x is ErrandSpec {
  return Array.isArray(x?.stages) && typeof x.stages[0] === 'string';
}
