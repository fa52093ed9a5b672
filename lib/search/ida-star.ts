import type { SearchOptions, SearchProblem, SearchResult, Transition } from './problem';
import {
  BudgetClock, badCost, badHeuristic, checkOptions, checkProblem, finish, newStats,
} from './internal';

/**
 * IDA* (iterative-deepening A*, Korf 1985): depth-first searches bounded by f = g + h, raising
 * the bound each iteration to the smallest f that exceeded it. Optimal with an admissible
 * heuristic, memory linear in the path length; states already on the current path are skipped.
 * Repeated states on different paths are re-expanded (no closed set), so it suits trees and
 * puzzles more than dense graphs. For the 15-puzzle see the specialised `puzzle-idastar`.
 *
 * @example
 * const graph = weightedGraph([['A', 'B', 1], ['B', 'C', 2], ['A', 'C', 5]]);
 * idaStar(graph, 'A', 'C').cost; // 3
 */
export function idaStar<S, A, G = S>(
  problem: SearchProblem<S, A, G>, start: S, goal: G, options?: SearchOptions<S, G>,
): SearchResult<S, A> {
  const module = 'search/ida-star';
  checkProblem(module, problem);
  const opts = checkOptions<S, G>(module, options);
  const clock = new BudgetClock(opts.budget);
  const heuristic = opts.heuristic;
  const trace = opts.trace;
  const stats = newStats();

  const hOf = (s: S): number => {
    const v = heuristic ? heuristic(s, goal) : 0;
    if (!(v >= 0 && v < Infinity)) badHeuristic(module, problem, v, s);
    return v;
  };
  const states: S[] = [];
  const acts: A[] = [];
  const cost: number[] = [];
  const keys: (string | number)[] = [];
  const iters: (Iterator<Transition<S, A>> | null)[] = [];
  const onPath = new Set<string | number>();
  const startKey = problem.key(start);
  const h0 = hOf(start);
  let bound = h0;

  for (;;) {
    let next = Infinity;
    states.length = 0; acts.length = 0; cost.length = 0; keys.length = 0; iters.length = 0; onPath.clear();
    states.push(start); cost.push(0); keys.push(startKey); iters.push(null); onPath.add(startKey);
    let hTop = h0;
    stats.generated++;
    if (trace) trace({ type: 'push', state: start, g: 0, f: h0, step: stats.expanded });
    // On entry to the loop with iters[top] === null, the top state was just pushed and hTop is its h.
    while (states.length > 0) {
      const top = states.length - 1;
      let it = iters[top];
      if (it === null) {
        const s = states[top];
        const f = cost[top] + hTop;
        if (f > bound) {
          if (f < next) next = f;
          pop();
          continue;
        }
        if (trace) trace({ type: 'pop', state: s, g: cost[top], f, step: stats.expanded + 1 });
        if (problem.isGoal(s, goal)) {
          return finish({ status: 'found', path: states.slice(), actions: acts.slice(), cost: cost[top], stats }, clock);
        }
        if (clock.exceeded(stats.expanded)) return finish({ status: 'budget', reason: clock.reason!, stats }, clock);
        stats.expanded++;
        if (trace) trace({ type: 'expand', state: s, step: stats.expanded });
        it = problem.successors(s)[Symbol.iterator]();
        iters[top] = it;
      }
      const step = it.next();
      if (step.done) { pop(); continue; }
      const t = step.value;
      const c = t.cost;
      if (!(c >= 0 && c < Infinity)) badCost(module, problem, c, states[top]);
      stats.generated++;
      const k = problem.key(t.state);
      if (onPath.has(k)) continue;
      const ng = cost[top] + c;
      hTop = hOf(t.state);
      states.push(t.state); acts.push(t.action); cost.push(ng); keys.push(k); iters.push(null); onPath.add(k);
      if (states.length > stats.maxFrontier) stats.maxFrontier = states.length;
      if (trace) trace({ type: 'push', state: t.state, g: ng, f: ng + hTop, step: stats.expanded });
    }
    if (next === Infinity) return finish({ status: 'exhausted', stats }, clock);
    bound = next;
  }

  function pop(): void {
    onPath.delete(keys.pop()!);
    states.pop(); cost.pop(); iters.pop();
    if (acts.length > states.length - 1) acts.pop();
  }
}
