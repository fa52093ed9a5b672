import { fail } from '../core/errors';
import type { Heuristic, SearchProblem, Transition } from '../search/problem';
import { PriorityQueue } from '../search/priority-queue';
import { heuristicsMessages } from './messages';
import { isGridProblem, inBounds } from '../envs/grid';
import { gridGoalTable } from './grid-table';

const MODULE = 'heuristics/goal-table';

/**
 * A heuristic backed by exact distances to ONE goal. Called with that goal it is perfect; called
 * with any other goal it STILL returns the distances to its own goal — it ignores the `goal`
 * argument on purpose. That is the point: a goal-specific heuristic looks excellent until the
 * search is retargeted, then it actively misleads (compare the goal-agnostic relaxation
 * heuristics of `relax()`).
 */
export interface GoalDistanceTable<S, G> extends Heuristic<S, G> {
  /** The goal the table was built for. */
  readonly goal: G;
  /** Number of states that can reach the goal (including the goal states). */
  readonly reached: number;
  /** The largest finite distance in the table. */
  readonly maxDistance: number;
  /** Exact distance from `state` to the table's goal; Infinity if it cannot reach it. */
  distance(state: S): number;
}

export interface GoalTableOptions {
  /** What the heuristic returns for a state that cannot reach the goal (default 0: no information, keeps searches that reject Infinity working). */
  unreachable?: number;
}

/**
 * Exact cost-to-goal of every state that can reach `goal`, by Dijkstra backwards from the goal
 * (breadth-first order for unit costs; grid problems take a typed-array path). Needs `problem.predecessors` and `problem.goalState`, or
 * else `states`: the full list of states (then reverse edges come from `successors`, and every
 * listed state satisfying the goal is a source).
 *
 * @example
 * const problem = gridProblem(map, 'octile');
 * const h = goalDistanceTable(problem, goalA);
 * h(start, goalA);   // the exact distance — A* expands only the optimal path
 * h(start, goalB);   // still the distance to goalA: retargeting breaks this heuristic
 */
export function goalDistanceTable<S, A, G>(
  problem: SearchProblem<S, A, G>, goal: G, states?: Iterable<S>, options: GoalTableOptions = {},
): GoalDistanceTable<S, G> {
  if (states === undefined && isGridProblem(problem)) {
    const cell = goal as unknown as { x: number; y: number };
    // Typed-array fast path (same distances as the generic Dijkstra below).
    if (cell && inBounds(problem.map, cell.x, cell.y)) return gridGoalTable(problem, cell, options) as unknown as GoalDistanceTable<S, G>;
  }
  const name = problem.name ?? 'problem';
  const key = (s: S) => problem.key(s);
  let sources: S[];
  let reverse: (s: S) => Iterable<Transition<S, A>>;
  if (states === undefined) {
    if (!problem.goalState) fail(MODULE, heuristicsMessages.tableNoGoalState(name));
    if (!problem.predecessors) fail(MODULE, heuristicsMessages.tableNoReverse(name));
    sources = [problem.goalState(goal)];
    const pred = problem.predecessors.bind(problem);
    reverse = pred;
  } else {
    const all = Array.from(states);
    sources = all.filter((s) => problem.isGoal(s, goal));
    if (sources.length === 0) fail(MODULE, heuristicsMessages.tableNoGoalInStates(name));
    if (problem.predecessors) {
      reverse = problem.predecessors.bind(problem);
    } else {
      const incoming = new Map<string | number, Transition<S, A>[]>();
      for (const s of all) {
        for (const t of problem.successors(s)) {
          const k = key(t.state);
          let list = incoming.get(k);
          if (!list) incoming.set(k, (list = []));
          list.push({ action: t.action, state: s, cost: t.cost });
        }
      }
      reverse = (s) => incoming.get(key(s)) ?? [];
    }
  }
  // States are numbered by key; the queue holds ids, so each state's key is computed once per edge.
  const ids = new Map<string | number, number>();
  const dist: number[] = [];
  const queue = new PriorityQueue<number>();
  const seen: S[] = [];
  for (const s of sources) {
    const k = key(s);
    if (!ids.has(k)) { ids.set(k, dist.length); queue.push(dist.length, 0); dist.push(0); seen.push(s); }
  }
  let maxDistance = 0;
  while (queue.size > 0) {
    const d = queue.peekPriority();
    const id = queue.pop();
    if (d > dist[id]) continue; // stale entry
    if (d > maxDistance) maxDistance = d;
    for (const t of reverse(seen[id])) {
      const nd = d + t.cost;
      const k = key(t.state);
      let j = ids.get(k);
      if (j === undefined) { j = dist.length; ids.set(k, j); dist.push(nd); seen.push(t.state); queue.push(j, nd); }
      else if (nd < dist[j]) { dist[j] = nd; queue.push(j, nd); }
    }
  }
  seen.length = 0; // keep only keys and distances
  const unreachable = options.unreachable ?? 0;
  const lookup = (s: S, missing: number): number => {
    const j = ids.get(key(s));
    return j === undefined ? missing : dist[j];
  };
  const distance = (s: S): number => lookup(s, Infinity);
  const h: Heuristic<S, G> = (s) => lookup(s, unreachable);
  return Object.assign(h, { goal, reached: dist.length, maxDistance, distance });
}
