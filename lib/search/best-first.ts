/**
 * The best-first engine behind uniformCost, greedyBestFirst, astar and weightedAstar: one loop,
 * ordering the frontier by f = gWeight * g + hWeight * h (no per-node closures). States are
 * numbered by `problem.key` in a Map; g, h, parents live in flat arrays. Goal test on pop, so
 * the first goal popped is optimal when the f-order allows it; a cheaper path to an already
 * expanded state reopens it under A* / weighted A* (correct even for admissible but inconsistent
 * heuristics). `stats.generated` counts every successor produced.
 */
import type { SearchOptions, SearchProblem, SearchResult } from './problem';
import { PriorityQueue } from './priority-queue';
import {
  BudgetClock, badCost, badHeuristic, checkOptions, checkProblem, finish, newStats, walkBack,
} from './internal';

/** Which algorithm runs on the engine: the module its errors name, and how f weighs g and h. */
export interface BestFirstVariant {
  /** The module named in error messages, e.g. 'search/astar'. */
  module: string;
  /** Weight of the path cost g in f. Default 1; 0 orders by h alone (greedy best-first). */
  gWeight?: number;
  /** Weight of the heuristic h in f. Default 1; 0 ignores h (uniform-cost), > 1 is weighted A*. */
  hWeight?: number;
}

/** The defaults of {@link BestFirstVariant}: f = g + h, that is A*. */
const DEFAULT_WEIGHTS = { gWeight: 1, hWeight: 1 } as const;

/**
 * Runs the engine with the common searcher arguments (`options` as the caller gave them, checked
 * here) and the algorithm's variant, e.g. `{ module: 'search/uniform-cost', hWeight: 0 }`.
 */
export function bestFirst<S, A, G>(
  problem: SearchProblem<S, A, G>,
  start: S,
  goal: G,
  options: SearchOptions<S, G> | undefined,
  variant: BestFirstVariant,
): SearchResult<S, A> {
  const module = variant.module;
  const gWeight = variant.gWeight ?? DEFAULT_WEIGHTS.gWeight, hWeight = variant.hWeight ?? DEFAULT_WEIGHTS.hWeight;
  checkProblem(module, problem);
  const opts = checkOptions<S, G>(module, options);
  const clock = new BudgetClock(opts.budget);
  const heuristic = opts.heuristic;
  const trace = opts.trace;
  const stats = newStats();
  // Reopening only matters when h shapes the order and g counts (A*, weighted A*).
  const reopen = gWeight > 0 && hWeight > 0;

  const ids = new Map<string | number, number>();
  const states: S[] = [];
  const g: number[] = [];
  const h: number[] = [];
  const f: number[] = [];
  const parent: number[] = [];
  const via: (A | undefined)[] = [];
  const closed: boolean[] = [];
  const open = new PriorityQueue<number>();

  const h0 = heuristic ? heuristic(start, goal) : 0;
  if (!(h0 >= 0 && h0 < Infinity)) badHeuristic(module, problem, h0, start);
  ids.set(problem.key(start), 0);
  states.push(start); g.push(0); h.push(h0); f.push(hWeight * h0); parent.push(-1); via.push(undefined); closed.push(false);
  open.push(0, f[0], 0);
  stats.generated = 1;
  stats.maxFrontier = 1;
  if (trace) trace({ type: 'push', state: start, g: 0, f: f[0], step: 0 });

  while (open.size > 0) {
    const pf = open.peekPriority();
    const id = open.pop();
    if (closed[id] || pf !== f[id]) continue; // stale entry
    const s = states[id];
    if (trace) trace({ type: 'pop', state: s, g: g[id], f: f[id], step: stats.expanded + 1 });
    if (problem.isGoal(s, goal)) {
      const { path, actions } = walkBack(id, states, parent, via);
      return finish({ status: 'found', path, actions, cost: g[id], stats }, clock);
    }
    if (clock.exceeded(stats.expanded)) {
      return finish({ status: 'budget', reason: clock.reason!, stats }, clock);
    }
    closed[id] = true;
    stats.expanded++;
    const step = stats.expanded;
    if (trace) trace({ type: 'expand', state: s, step });
    const gs = g[id];
    for (const t of problem.successors(s)) {
      const c = t.cost;
      if (!(c >= 0 && c < Infinity)) badCost(module, problem, c, s);
      const ng = gs + c;
      stats.generated++;
      const k = problem.key(t.state);
      let cid = ids.get(k);
      if (cid === undefined) {
        cid = states.length;
        ids.set(k, cid);
        const hv = heuristic ? heuristic(t.state, goal) : 0;
        if (!(hv >= 0 && hv < Infinity)) badHeuristic(module, problem, hv, t.state);
        states.push(t.state); g.push(ng); h.push(hv); f.push(gWeight * ng + hWeight * hv);
        parent.push(id); via.push(t.action); closed.push(false);
      } else if (ng < g[cid] && (reopen || !closed[cid])) {
        g[cid] = ng; f[cid] = gWeight * ng + hWeight * h[cid];
        parent[cid] = id; via[cid] = t.action; closed[cid] = false;
      } else {
        continue;
      }
      open.push(cid, f[cid], -ng);
      if (trace) trace({ type: 'push', state: t.state, g: ng, f: f[cid], step });
    }
    if (open.size > stats.maxFrontier) stats.maxFrontier = open.size;
  }
  return finish({ status: 'exhausted', stats }, clock);
}
