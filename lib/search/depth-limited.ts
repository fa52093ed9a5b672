import type { SearchOptions, SearchProblem, SearchResult, SearchStats, TraceEvent, Transition } from './problem';
import {
  BudgetClock, badCost, checkInt, checkOptions, checkProblem, finish, newStats,
} from './internal';

export interface DepthLimitedOptions<S, G> extends SearchOptions<S, G> {
  /** The maximum number of moves on a path (required, an integer >= 0). */
  limit: number;
}

/**
 * Depth-limited depth-first search: follows one path at a time up to `limit` moves, skipping
 * states already on the current path (no cycles). Returns `cutoff` when some state at the depth
 * limit was left unexpanded (a deeper search might succeed) and `exhausted` when the limit
 * never bit. Memory is O(limit). The found path need not be the shortest or cheapest.
 *
 * @example
 * const graph = weightedGraph([['A', 'B'], ['B', 'C'], ['C', 'D']]);
 * depthLimited(graph, 'A', 'D', { limit: 2 }).status; // 'cutoff'
 * depthLimited(graph, 'A', 'D', { limit: 3 }).status; // 'found'
 */
export function depthLimited<S, A, G = S>(
  problem: SearchProblem<S, A, G>, start: S, goal: G, options: DepthLimitedOptions<S, G>,
): SearchResult<S, A> {
  const module = 'search/depth-limited';
  checkProblem(module, problem);
  const opts = checkOptions<S, G>(module, options) as DepthLimitedOptions<S, G>;
  const limit = checkInt(module, 'limit', opts.limit, 0, '{ limit: 10 }');
  const clock = new BudgetClock(opts.budget);
  const stats = newStats();
  return finish(depthLimitedRun(module, problem, start, goal, limit, stats, clock, opts.trace), clock);
}

/** The DFS loop, shared with iterativeDeepening (which passes its running stats and clock). */
export function depthLimitedRun<S, A, G>(
  module: string,
  problem: SearchProblem<S, A, G>,
  start: S,
  goal: G,
  limit: number,
  stats: SearchStats,
  clock: BudgetClock,
  trace: ((e: TraceEvent<S>) => void) | undefined,
): SearchResult<S, A> {
  const states: S[] = [start];
  const acts: A[] = [];
  const cost: number[] = [0];
  const keys: (string | number)[] = [problem.key(start)];
  const iters: (Iterator<Transition<S, A>> | null)[] = [null];
  const onPath = new Set<string | number>(keys);
  let cutoff = false;
  stats.generated++;
  if (stats.maxFrontier < 1) stats.maxFrontier = 1;
  if (trace) trace({ type: 'push', state: start, g: 0, f: 0, step: stats.expanded });
  if (problem.isGoal(start, goal)) {
    return { status: 'found', path: [start], actions: [], cost: 0, stats };
  }
  while (states.length > 0) {
    const top = states.length - 1;
    let it = iters[top];
    if (it === null) {
      if (top >= limit) {
        cutoff = true;
        pop();
        continue;
      }
      if (clock.exceeded(stats.expanded)) return { status: 'budget', reason: clock.reason!, stats };
      stats.expanded++;
      if (trace) {
        trace({ type: 'pop', state: states[top], g: cost[top], f: cost[top], step: stats.expanded });
        trace({ type: 'expand', state: states[top], step: stats.expanded });
      }
      it = problem.successors(states[top])[Symbol.iterator]();
      iters[top] = it;
    }
    const next = it.next();
    if (next.done) { pop(); continue; }
    const t = next.value;
    const c = t.cost;
    if (!(c >= 0 && c < Infinity)) badCost(module, problem, c, states[top]);
    stats.generated++;
    const k = problem.key(t.state);
    if (onPath.has(k)) continue;
    const ng = cost[top] + c;
    states.push(t.state); acts.push(t.action); cost.push(ng); keys.push(k); iters.push(null); onPath.add(k);
    if (states.length > stats.maxFrontier) stats.maxFrontier = states.length;
    if (trace) trace({ type: 'push', state: t.state, g: ng, f: ng, step: stats.expanded });
    if (problem.isGoal(t.state, goal)) {
      return { status: 'found', path: states.slice(), actions: acts.slice(), cost: ng, stats };
    }
  }
  return cutoff ? { status: 'cutoff', stats } : { status: 'exhausted', stats };

  function pop(): void {
    onPath.delete(keys.pop()!);
    states.pop(); cost.pop(); iters.pop();
    if (acts.length > states.length - 1) acts.pop();
  }
}
