import type { SearchOptions, SearchProblem, SearchResult } from './problem';
import { bestFirst } from './best-first';

/**
 * A* search: expands states in order of f = g + h(state, goal). With an admissible heuristic
 * (never overestimates) the returned path is optimal; with a consistent one each state is
 * expanded once. Without a heuristic it is uniform-cost search. Ties on f prefer larger g, then
 * first-in.
 *
 * @example
 * const graph = weightedGraph([['A', 'B', 1], ['B', 'C', 2], ['A', 'C', 5]]);
 * const h = (s: string, goal: string) => (s === goal ? 0 : 1);
 * astar(graph, 'A', 'C', { heuristic: h, budget: { maxExpansions: 100 } }).status; // 'found'
 */
export function astar<S, A, G = S>(
  problem: SearchProblem<S, A, G>, start: S, goal: G, options?: SearchOptions<S, G>,
): SearchResult<S, A> {
  return bestFirst(problem, start, goal, options, { module: 'search/astar' });
}
