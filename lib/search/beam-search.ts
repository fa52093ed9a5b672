import type { SearchOptions, SearchProblem, SearchResult } from './problem';
import { fail } from '../core/errors';
import { searchMessages } from './messages';
import {
  BudgetClock, badCost, badHeuristic, checkInt, checkOptions, checkProblem, finish, newStats, walkBack,
} from './internal';

export interface BeamSearchOptions<S, G> extends SearchOptions<S, G> {
  /** k: how many states survive each layer (required, integer >= 1). */
  width: number;
  /** Rank a layer by 'h' (default) or by 'f' = g + h. */
  ranking?: 'h' | 'f';
}

/**
 * Beam search: breadth-first layer by layer, but only the `width` best states of each layer
 * (by h, or by g + h) are kept; states seen before are not revisited. Memory and time are bounded
 * by the width; the price is completeness and optimality. Returns `cutoff` when it ran out of
 * states after pruning some (a wider beam might succeed) and `exhausted` only when nothing was
 * ever pruned. Ties keep generation order, so results are deterministic.
 *
 * @example
 * const graph = weightedGraph([['A', 'B'], ['B', 'C'], ['A', 'D'], ['D', 'C']]);
 * beamSearch(graph, 'A', 'C', { width: 1, heuristic: (s, g) => (s === g ? 0 : 1) }).status; // 'found'
 */
export function beamSearch<S, A, G = S>(
  problem: SearchProblem<S, A, G>, start: S, goal: G, options: BeamSearchOptions<S, G>,
): SearchResult<S, A> {
  const module = 'search/beam-search';
  checkProblem(module, problem);
  const opts = checkOptions<S, G>(module, options) as BeamSearchOptions<S, G>;
  const width = checkInt(module, 'width', opts.width, 1, '{ width: 10 }');
  const ranking = opts.ranking ?? 'h';
  if (ranking !== 'h' && ranking !== 'f') fail(module, searchMessages.rankingBad(ranking));
  const useG = ranking === 'f' ? 1 : 0;
  const heuristic = opts.heuristic;
  const trace = opts.trace;
  const clock = new BudgetClock(opts.budget);
  const stats = newStats();

  const states: S[] = [start];
  const g: number[] = [0];
  const score: number[] = [0];
  const parent: number[] = [-1];
  const via: (A | undefined)[] = [undefined];
  const seen = new Set<string | number>([problem.key(start)]);
  const hOf = (s: S): number => {
    const v = heuristic ? heuristic(s, goal) : 0;
    if (!(v >= 0 && v < Infinity)) badHeuristic(module, problem, v, s);
    return v;
  };
  score[0] = hOf(start);
  stats.generated = 1;
  stats.maxFrontier = 1;
  if (trace) trace({ type: 'push', state: start, g: 0, f: score[0], step: 0 });
  if (problem.isGoal(start, goal)) return finish({ status: 'found', path: [start], actions: [], cost: 0, stats }, clock);

  let pruned = false;
  let beam: number[] = [0];
  const byScore = (a: number, b: number): number => score[a] - score[b] || a - b;
  while (beam.length > 0) {
    const layer: number[] = [];
    for (const id of beam) {
      if (clock.exceeded(stats.expanded)) return finish({ status: 'budget', reason: clock.reason!, stats }, clock);
      const s = states[id];
      stats.expanded++;
      const step = stats.expanded;
      if (trace) {
        trace({ type: 'pop', state: s, g: g[id], f: score[id], step });
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
        score.push(useG * ng + hOf(t.state));
        if (trace) trace({ type: 'push', state: t.state, g: ng, f: score[cid], step });
        if (problem.isGoal(t.state, goal)) {
          const { path, actions } = walkBack(cid, states, parent, via);
          return finish({ status: 'found', path, actions, cost: ng, stats }, clock);
        }
        layer.push(cid);
      }
    }
    if (layer.length > stats.maxFrontier) stats.maxFrontier = layer.length;
    if (layer.length > width) {
      layer.sort(byScore);
      layer.length = width;
      pruned = true;
    }
    beam = layer;
  }
  return finish(pruned ? { status: 'cutoff', stats } : { status: 'exhausted', stats }, clock);
}
