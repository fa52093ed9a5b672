import type { SearchOptions, SearchProblem, SearchResult } from './problem';
import { bestFirst } from './best-first';

/**
 * Greedy best-first search: always expands the state that looks closest to the goal, ordering
 * by h(state, goal) alone. Fast with a good heuristic but NOT optimal; complete on finite state
 * spaces (it keeps a closed set). The reported cost is the true cost of the path it returns.
 *
 * @example
 * const graph = weightedGraph([['A', 'B', 1], ['B', 'C', 2], ['A', 'C', 5]]);
 * greedyBestFirst(graph, 'A', 'C', { heuristic: (s, g) => (s === g ? 0 : 1) }).status; // 'found'
 */
export function greedyBestFirst<S, A, G = S>(
  problem: SearchProblem<S, A, G>, start: S, goal: G, options?: SearchOptions<S, G>,
): SearchResult<S, A> {
  return bestFirst(problem, start, goal, options, { module: 'search/greedy-best-first', gWeight: 0 });
}
