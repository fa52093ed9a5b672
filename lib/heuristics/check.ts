import { fail } from '../core/errors';
import type { Heuristic, SearchProblem } from '../search/problem';
import { uniformCost } from '../search/uniform-cost';
import type { SeedOrRng } from '../envs/seed';
import { toRng } from '../envs/seed';
import type { GoalDistanceTable } from './goal-table';
import { goalDistanceTable } from './goal-table';
import { heuristicsMessages } from './messages';

const MODULE = 'heuristics/check';
const EPS = 1e-9;

/** One (state, goal) pair to check a heuristic on. */
export interface SamplePair<S, G> { state: S; goal: G }

/** A place where a heuristic breaks a promise. */
export type HeuristicViolation<S, G> =
  | { kind: 'admissibility'; state: S; goal: G; h: number; trueDistance: number }
  | { kind: 'consistency'; state: S; goal: G; h: number; successor: S; cost: number; hSuccessor: number };

export interface HeuristicReport<S, G> {
  /** h(s, g) <= true distance on every sampled pair. */
  admissible: boolean;
  /** h(s, g) <= cost(s, s') + h(s', g) for every sampled s and each of its successors s'. */
  consistent: boolean;
  /** The first `maxViolations` violations found. */
  violations: HeuristicViolation<S, G>[];
  admissibilityViolations: number;
  consistencyViolations: number;
  /** Number of pairs checked. */
  samples: number;
  /** Pairs whose goal is unreachable from the state (any h is admissible there). */
  unreachable: number;
  /** Mean of h / true distance over reachable pairs with distance > 0 (1 = perfect). */
  meanRatio: number;
}

export interface CheckOptions<S, G> {
  /** True distance oracle; default: a backward distance table per goal, or uniform-cost search. */
  distance?: (state: S, goal: G) => number;
  maxViolations?: number;
}

/**
 * Checks admissibility (against true distances) and consistency (along every move out of each
 * sampled state) of `h` on sampled (state, goal) pairs.
 *
 * @example
 * const problem = gridProblem(generateMaze(21, 21, 1), 'octile');
 * const pairs = samplePairs(passableCells(problem.map), 50, 7);
 * checkHeuristic(problem, gridOctile, pairs);   // { admissible: true, consistent: true, ... }
 * checkHeuristic(problem, (s, g) => 2 * gridOctile(s, g), pairs).admissible; // false
 */
export function checkHeuristic<S, A, G>(
  problem: SearchProblem<S, A, G>, h: Heuristic<S, G>, sample: ReadonlyArray<SamplePair<S, G>>, options: CheckOptions<S, G> = {},
): HeuristicReport<S, G> {
  if (typeof h !== 'function') fail(MODULE, heuristicsMessages.checkBadHeuristic(h));
  if (!Array.isArray(sample)) fail(MODULE, heuristicsMessages.checkBadSample(sample));
  const maxViolations = options.maxViolations ?? 20;
  const tables = new Map<string | number, GoalDistanceTable<S, G>>();
  const useTables = !!(problem.predecessors && problem.goalState);
  const distance = options.distance ?? ((s: S, g: G): number => {
    if (useTables) {
      const k = problem.key(problem.goalState!(g));
      let t = tables.get(k);
      if (!t) tables.set(k, (t = goalDistanceTable(problem, g)));
      return t.distance(s);
    }
    const r = uniformCost(problem, s, g);
    return r.status === 'found' ? r.cost : Infinity;
  });
  const violations: HeuristicViolation<S, G>[] = [];
  let adm = 0, con = 0, unreachable = 0, ratioSum = 0, ratioCount = 0;
  for (const pair of sample) {
    if (!pair || typeof pair !== 'object' || !('state' in pair) || !('goal' in pair)) fail(MODULE, heuristicsMessages.checkBadSample(pair));
    const { state, goal } = pair;
    const hs = h(state, goal);
    const d = distance(state, goal);
    if (d === Infinity) unreachable++;
    else {
      if (hs > d + EPS * Math.max(1, d)) {
        adm++;
        if (violations.length < maxViolations) violations.push({ kind: 'admissibility', state, goal, h: hs, trueDistance: d });
      }
      if (d > 0) { ratioSum += hs / d; ratioCount++; }
    }
    for (const t of problem.successors(state)) {
      const hn = h(t.state, goal);
      if (hs > t.cost + hn + EPS * Math.max(1, hs)) {
        con++;
        if (violations.length < maxViolations) {
          violations.push({ kind: 'consistency', state, goal, h: hs, successor: t.state, cost: t.cost, hSuccessor: hn });
        }
      }
    }
  }
  return {
    admissible: adm === 0, consistent: con === 0, violations,
    admissibilityViolations: adm, consistencyViolations: con,
    samples: sample.length, unreachable, meanRatio: ratioCount ? ratioSum / ratioCount : NaN,
  };
}

/**
 * `count` random (state, goal) pairs drawn with replacement, deterministic per seed.
 *
 * @example
 * samplePairs(passableCells(map), 100, 42); // [{ state, goal }, ...]
 */
export function samplePairs<S, G = S>(states: readonly S[], count: number, seed: SeedOrRng, goals?: readonly G[]): SamplePair<S, G>[] {
  const gs = (goals ?? states) as readonly G[];
  if (states.length === 0 || gs.length === 0) fail(MODULE, heuristicsMessages.sampleEmpty());
  const rng = toRng(seed);
  return Array.from({ length: count }, () => ({ state: rng.pick(states), goal: rng.pick(gs) }));
}
