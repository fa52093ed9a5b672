import type { SearchOptions, SearchProblem, SearchResult } from './problem';
import { depthLimitedRun } from './depth-limited';
import { BudgetClock, checkInt, checkOptions, checkProblem, finish, newStats } from './internal';

export interface IterativeDeepeningOptions<S, G> extends SearchOptions<S, G> {
  /** The deepest limit to try (default: unbounded); reaching it returns `cutoff`. */
  maxDepth?: number;
}

/**
 * Iterative deepening (Korf 1985): depth-limited search with limit 0, 1, 2, ... until a limit
 * finds the goal or the limit no longer bites. Finds a path with the fewest moves (optimal for
 * unit costs) using memory linear in the depth. Stats and budgets add up across iterations.
 *
 * @example
 * const graph = weightedGraph([['A', 'B'], ['B', 'C'], ['A', 'C', 5]]);
 * iterativeDeepening(graph, 'A', 'C').actions; // ['C']: one move, even though it costs 5
 */
export function iterativeDeepening<S, A, G = S>(
  problem: SearchProblem<S, A, G>, start: S, goal: G, options?: IterativeDeepeningOptions<S, G>,
): SearchResult<S, A> {
  const module = 'search/iterative-deepening';
  checkProblem(module, problem);
  const opts = checkOptions<S, G>(module, options) as IterativeDeepeningOptions<S, G>;
  const maxDepth = opts.maxDepth === undefined ? Infinity : checkInt(module, 'maxDepth', opts.maxDepth, 0, '{ maxDepth: 30 }');
  const clock = new BudgetClock(opts.budget);
  const stats = newStats();
  for (let limit = 0; limit <= maxDepth; limit++) {
    const r = depthLimitedRun(module, problem, start, goal, limit, stats, clock, opts.trace);
    if (r.status !== 'cutoff') return finish(r, clock);
  }
  return finish({ status: 'cutoff', stats }, clock);
}
