import type { SearchOptions, SearchProblem, SearchResult, Transition } from './problem';
import type { Rng } from '../core/rng';
import { createRng } from '../core/rng';
import { fail } from '../core/errors';
import { searchMessages } from './messages';
import { BudgetClock, badCost, checkInt, checkOptions, checkProblem, finish, newStats } from './internal';

export interface GenerateAndTestOptions<S, G> extends SearchOptions<S, G> {
  /** N, the number of complete plans to sample (default: budget.maxSamples, else 100). */
  samples?: number;
  /** The longest plan, in moves (default 100). A walk stops early at the goal or a dead end. */
  maxLength?: number;
  /** Seed for the random walks (default 0), or pass `rng`. */
  seed?: number | string;
  rng?: Rng;
  /** If true, a walk never revisits a state it has already visited (default false). */
  selfAvoiding?: boolean;
}

/**
 * Generate-and-test: samples N complete plans as random walks from `start` (uniform over the
 * available moves, seeded) and keeps the cheapest one that reaches the goal — the debate's
 * "consider 10 plans, or 10^6, and choose the best", with no search knowledge at all. Returns
 * `found` with the best plan, or `budget` with reason 'samples' when no sampled plan reached the
 * goal. `stats.samples` counts sampled plans, `stats.generated` the states visited by walks and
 * `stats.expanded` the successor lists drawn from. Neither complete nor optimal.
 *
 * @example
 * const graph = weightedGraph([['A', 'B'], ['B', 'C'], ['A', 'C', 5]]);
 * const r = generateAndTest(graph, 'A', 'C', { samples: 50, maxLength: 4, seed: 1 });
 * // r.status === 'found'; r.cost is 2 (via B) if any of the 50 walks found that route
 */
export function generateAndTest<S, A, G = S>(
  problem: SearchProblem<S, A, G>, start: S, goal: G, options?: GenerateAndTestOptions<S, G>,
): SearchResult<S, A> {
  const module = 'search/generate-and-test';
  checkProblem(module, problem);
  const opts = checkOptions<S, G>(module, options) as GenerateAndTestOptions<S, G>;
  const n = checkInt(module, 'samples', opts.samples ?? opts.budget?.maxSamples ?? 100, 0, '{ samples: 1000 }');
  const maxLength = checkInt(module, 'maxLength', opts.maxLength ?? 100, 0, '{ maxLength: 50 }');
  if (opts.rng !== undefined && (typeof opts.rng !== 'object' || typeof opts.rng.next !== 'function')) {
    fail(module, searchMessages.optionsNotFunction('rng.next', opts.rng));
  }
  const rng = opts.rng ?? createRng(opts.seed ?? 0);
  const selfAvoiding = opts.selfAvoiding === true;
  const trace = opts.trace;
  const clock = new BudgetClock(opts.budget);
  const stats = newStats();
  stats.samples = 0;
  stats.maxFrontier = 1;

  let best: { path: S[]; actions: A[]; cost: number } | null = null;
  const path: S[] = [];
  const actions: A[] = [];
  const moves: Transition<S, A>[] = [];
  const visited = new Set<string | number>();
  for (let i = 0; i < n; i++) {
    path.length = 0; actions.length = 0;
    if (selfAvoiding) { visited.clear(); visited.add(problem.key(start)); }
    let s = start;
    let cost = 0;
    path.push(s);
    stats.generated++;
    if (trace) trace({ type: 'push', state: s, g: 0, f: 0, step: stats.expanded });
    let hit = problem.isGoal(s, goal);
    while (!hit && actions.length < maxLength) {
      if (clock.exceeded(stats.expanded)) {
        stats.samples = i;
        return finish(best ? { status: 'found', ...best, stats } : { status: 'budget', reason: clock.reason!, stats }, clock);
      }
      stats.expanded++;
      if (trace) trace({ type: 'expand', state: s, step: stats.expanded });
      moves.length = 0;
      for (const t of problem.successors(s)) {
        if (!(t.cost >= 0 && t.cost < Infinity)) badCost(module, problem, t.cost, s);
        if (selfAvoiding && visited.has(problem.key(t.state))) continue;
        moves.push(t);
      }
      if (moves.length === 0) break;
      const t = moves[Math.floor(rng.next() * moves.length)];
      s = t.state;
      cost += t.cost;
      path.push(s); actions.push(t.action);
      if (selfAvoiding) visited.add(problem.key(s));
      stats.generated++;
      if (trace) trace({ type: 'push', state: s, g: cost, f: cost, step: stats.expanded });
      hit = problem.isGoal(s, goal);
    }
    stats.samples = i + 1;
    if (hit && (best === null || cost < best.cost)) best = { path: path.slice(), actions: actions.slice(), cost };
  }
  return finish(best ? { status: 'found', ...best, stats } : { status: 'budget', reason: 'samples', stats }, clock);
}
