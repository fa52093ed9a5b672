import type { SearchOptions, SearchProblem, SearchResult } from './problem';
import { bestFirst } from './best-first';
import { fail } from '../core/errors';
import { searchMessages } from './messages';

export interface WeightedAstarOptions<S, G> extends SearchOptions<S, G> {
  /** w >= 1 in f = g + w * h; 1 is plain A*, larger trades optimality for speed. Default 1.5. */
  weight?: number;
}

/**
 * Weighted A*: orders by f = g + w * h. With an admissible heuristic the returned cost is at
 * most w times the optimal cost (bounded suboptimality), and it usually expands far fewer states
 * than A*. w = 1 is A*; w -> infinity approaches greedy best-first.
 *
 * @example
 * const graph = weightedGraph([['A', 'B', 1], ['B', 'C', 2], ['A', 'C', 5]]);
 * const r = weightedAstar(graph, 'A', 'C', { weight: 2, heuristic: (s, g) => (s === g ? 0 : 1) });
 * // r.status === 'found' and r.cost <= 2 * 3
 */
export function weightedAstar<S, A, G = S>(
  problem: SearchProblem<S, A, G>, start: S, goal: G, options?: WeightedAstarOptions<S, G>,
): SearchResult<S, A> {
  const w = options && typeof options === 'object' && options.weight !== undefined ? options.weight : 1.5;
  if (typeof w !== 'number' || !(w >= 1) || w === Infinity) fail('search/weighted-astar', searchMessages.weightBad(w));
  return bestFirst(problem, start, goal, options, { module: 'search/weighted-astar', hWeight: w });
}
