import type { SearchOptions, SearchProblem, SearchResult } from './problem';
import { bestFirst } from './best-first';

/**
 * Uniform-cost search (Dijkstra's algorithm from `start`): expands states in order of path cost
 * g, so the first goal it pops is reached by a cheapest path. Ignores `options.heuristic`.
 * Complete and optimal for step costs >= 0.
 *
 * @example
 * const graph = weightedGraph([['A', 'B', 1], ['B', 'C', 2], ['A', 'C', 5]]);
 * uniformCost(graph, 'A', 'C'); // { status: 'found', path: ['A', 'B', 'C'], cost: 3, ... }
 * uniformCost(graph, 'A', 'B'); // the same search retargeted: cost 1
 */
export function uniformCost<S, A, G = S>(
  problem: SearchProblem<S, A, G>, start: S, goal: G, options?: SearchOptions<S, G>,
): SearchResult<S, A> {
  const opts = options && typeof options === 'object' ? { ...options, heuristic: undefined } : options;
  return bestFirst(problem, start, goal, opts, { module: 'search/uniform-cost', hWeight: 0 });
}
