import type { SearchOptions, SearchProblem, SearchResult } from './problem';
import {
  BudgetClock, badCost, checkOptions, checkProblem, finish, newStats, walkBack,
} from './internal';

/**
 * Breadth-first search: explores states in order of the number of moves from `start`, testing
 * the goal when a state is generated. Returns a path with the fewest moves, which is the cheapest
 * path only when all step costs are equal. Complete on finite state spaces. Ignores
 * `options.heuristic`; trace `f` equals `g` (the path cost so far).
 *
 * @example
 * const graph = weightedGraph([['A', 'B'], ['B', 'C'], ['A', 'D'], ['D', 'C']]);
 * breadthFirst(graph, 'A', 'C').actions; // ['B', 'C']  (two moves)
 */
export function breadthFirst<S, A, G = S>(
  problem: SearchProblem<S, A, G>, start: S, goal: G, options?: SearchOptions<S, G>,
): SearchResult<S, A> {
  const module = 'search/breadth-first';
  checkProblem(module, problem);
  const opts = checkOptions<S, G>(module, options);
  const clock = new BudgetClock(opts.budget);
  const trace = opts.trace;
  const stats = newStats();
  const states: S[] = [start];
  const g: number[] = [0];
  const parent: number[] = [-1];
  const via: (A | undefined)[] = [undefined];
  const seen = new Set<string | number>([problem.key(start)]);
  stats.generated = 1;
  stats.maxFrontier = 1;
  if (trace) trace({ type: 'push', state: start, g: 0, f: 0, step: 0 });
  if (problem.isGoal(start, goal)) {
    return finish({ status: 'found', path: [start], actions: [], cost: 0, stats }, clock);
  }
  // The frontier is states[head .. states.length): a FIFO queue over the node arrays.
  let head = 0;
  while (head < states.length) {
    if (clock.exceeded(stats.expanded)) return finish({ status: 'budget', reason: clock.reason!, stats }, clock);
    const id = head++;
    const s = states[id];
    stats.expanded++;
    const step = stats.expanded;
    if (trace) {
      trace({ type: 'pop', state: s, g: g[id], f: g[id], step });
      trace({ type: 'expand', state: s, step });
    }
    for (const t of problem.successors(s)) {
      const c = t.cost;
      if (!(c >= 0 && c < Infinity)) badCost(module, problem, c, s);
      stats.generated++;
      const k = problem.key(t.state);
      if (seen.has(k)) continue;
      seen.add(k);
      const cid = states.length;
      const ng = g[id] + c;
      states.push(t.state); g.push(ng); parent.push(id); via.push(t.action);
      if (trace) trace({ type: 'push', state: t.state, g: ng, f: ng, step });
      if (problem.isGoal(t.state, goal)) {
        const { path, actions } = walkBack(cid, states, parent, via);
        if (states.length - head > stats.maxFrontier) stats.maxFrontier = states.length - head;
        return finish({ status: 'found', path, actions, cost: ng, stats }, clock);
      }
    }
    if (states.length - head > stats.maxFrontier) stats.maxFrontier = states.length - head;
  }
  return finish({ status: 'exhausted', stats }, clock);
}
