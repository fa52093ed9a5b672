import type { SearchOptions, SearchProblem, SearchResult, TraceEvent } from './problem';
import { PriorityQueue } from './priority-queue';
import { fail } from '../core/errors';
import { searchMessages } from './messages';
import {
  BudgetClock, badCost, checkOptions, checkProblem, finish, newStats, walkBack,
} from './internal';

/** One direction of the search: flat node arrays indexed by id, keyed by problem.key. */
class Side<S, A> {
  ids = new Map<string | number, number>();
  states: S[] = [];
  g: number[] = [];
  parent: number[] = [];
  via: (A | undefined)[] = [];
  closed: boolean[] = [];
  open = new PriorityQueue<number>();

  add(key: string | number, s: S): void {
    this.ids.set(key, 0);
    this.states.push(s); this.g.push(0); this.parent.push(-1); this.via.push(undefined); this.closed.push(false);
    this.open.push(0, 0, 0);
  }

  /** Drops stale or closed entries from the top of the queue; returns the smallest live g. */
  top(): number {
    const open = this.open;
    while (open.size > 0) {
      const id = open.peek()!;
      if (!this.closed[id] && open.peekPriority() === this.g[id]) return this.g[id];
      open.pop();
    }
    return Infinity;
  }
}

/**
 * Bidirectional uniform-cost search: Dijkstra from `start` forward (successors) and from
 * `problem.goalState(goal)` backward (predecessors), always advancing the side whose frontier is
 * cheaper. Every edge that touches a state seen by the other side updates mu, the cheapest
 * start-to-goal path found so far; the search stops once top(forward) + top(backward) >= mu, which
 * makes the returned cost optimal (for step costs >= 0). With unit costs it is bidirectional BFS.
 * It typically expands about 2·b^(d/2) states instead of b^d.
 *
 * The problem must provide `predecessors(state)` — transitions `{ state: p, action: a, cost }`
 * such that doing `a` in `p` leads to `state` — and `goalState(goal)`; only that single goal
 * state is searched for. Ignores `options.heuristic`.
 *
 * @example
 * const graph = weightedGraph([['A', 'B', 1], ['B', 'C', 2], ['A', 'C', 5]]);
 * bidirectional(graph, 'A', 'C').cost; // 3
 */
export function bidirectional<S, A, G = S>(
  problem: SearchProblem<S, A, G>, start: S, goal: G, options?: SearchOptions<S, G>,
): SearchResult<S, A> {
  const module = 'search/bidirectional';
  checkProblem(module, problem);
  const opts = checkOptions<S, G>(module, options);
  if (typeof problem.predecessors !== 'function' || typeof problem.goalState !== 'function') {
    fail(module, searchMessages.problemNeedsReverse());
  }
  const clock = new BudgetClock(opts.budget);
  const trace: ((e: TraceEvent<S>) => void) | undefined = opts.trace;
  const stats = newStats();
  const target = problem.goalState(goal);
  const fw = new Side<S, A>();
  const bw = new Side<S, A>();
  const startKey = problem.key(start);
  const targetKey = problem.key(target);
  fw.add(startKey, start);
  bw.add(targetKey, target);
  stats.generated = 2;
  stats.maxFrontier = 2;
  if (trace) {
    trace({ type: 'push', state: start, g: 0, f: 0, step: 0 });
    trace({ type: 'push', state: target, g: 0, f: 0, step: 0 });
  }
  let mu = startKey === targetKey ? 0 : Infinity;
  let meetKey: string | number = startKey;

  for (;;) {
    const tf = fw.top();
    const tb = bw.top();
    if (tf + tb >= mu || tf === Infinity || tb === Infinity) break;
    const forward = tf <= tb;
    const side = forward ? fw : bw;
    const other = forward ? bw : fw;
    const id = side.open.pop();
    const s = side.states[id];
    const gs = side.g[id];
    if (clock.exceeded(stats.expanded)) return finish({ status: 'budget', reason: clock.reason!, stats }, clock);
    side.closed[id] = true;
    stats.expanded++;
    const step = stats.expanded;
    if (trace) {
      trace({ type: 'pop', state: s, g: gs, f: gs, step });
      trace({ type: 'expand', state: s, step });
    }
    const moves = forward ? problem.successors(s) : problem.predecessors!(s);
    for (const t of moves) {
      const c = t.cost;
      if (!(c >= 0 && c < Infinity)) badCost(module, problem, c, s);
      stats.generated++;
      const ng = gs + c;
      const k = problem.key(t.state);
      let cid = side.ids.get(k);
      if (cid === undefined) {
        cid = side.states.length;
        side.ids.set(k, cid);
        side.states.push(t.state); side.g.push(ng); side.parent.push(id); side.via.push(t.action); side.closed.push(false);
      } else if (ng < side.g[cid] && !side.closed[cid]) {
        side.g[cid] = ng; side.parent[cid] = id; side.via[cid] = t.action;
      } else {
        continue;
      }
      side.open.push(cid, ng, 0);
      if (trace) trace({ type: 'push', state: t.state, g: ng, f: ng, step });
      const oid = other.ids.get(k);
      if (oid !== undefined && ng + other.g[oid] < mu) {
        mu = ng + other.g[oid];
        meetKey = k;
      }
    }
    const frontier = fw.open.size + bw.open.size;
    if (frontier > stats.maxFrontier) stats.maxFrontier = frontier;
  }
  if (mu === Infinity) return finish({ status: 'exhausted', stats }, clock);

  const fid = fw.ids.get(meetKey)!;
  const { path, actions } = walkBack(fid, fw.states, fw.parent, fw.via);
  let cost = fw.g[fid];
  for (let b = bw.ids.get(meetKey)!; bw.parent[b] >= 0; b = bw.parent[b]) {
    actions.push(bw.via[b] as A);
    path.push(bw.states[bw.parent[b]]);
    cost += bw.g[b] - bw.g[bw.parent[b]];
  }
  return finish({ status: 'found', path, actions, cost, stats }, clock);
}
