import type { Budget, SearchOptions, SearchProblem, SearchResult, Searcher } from './problem';
import { astar } from './astar';
import { fail } from '../core/errors';
import { searchMessages } from './messages';
import { checkInt, checkOptions, checkProblem } from './internal';

export interface HierarchicalOptions<S, A, G> extends SearchOptions<S, G> {
  /**
   * Splits the leg `start -> goal` at `level` into waypoint subgoals; the legs are start -> w1,
   * w1 -> w2, ..., wk -> goal. Return [] to solve the leg directly with `inner`.
   */
  decompose: (start: S, goal: G, level: number) => readonly G[];
  /** The searcher for legs that are not decomposed further (default astar; gets heuristic/trace/budget). */
  inner?: Searcher<S, A, G>;
  /** Levels of recursion below the outermost call (default 1; 0 = just run `inner`). */
  depth?: number;
  /**
   * Rewrites the goal each RECURSIVE call receives (never the outermost goal, which is the
   * `goal` argument). Default: the goal the decomposition proposed. Use it to hard-wire inner
   * targets and see that retargeting only the outermost call then no longer steers the agent.
   */
  innerGoal?: (proposed: G, where: { level: number; leg: number; outerGoal: G }) => G;
}

/** What happened at one level of the recursion (level 0 = the outermost call). */
export interface HierarchicalLevel {
  level: number;
  /** Calls made at this level. */
  calls: number;
  /** Calls that were split by `decompose` (the rest ran `inner`). */
  decomposed: number;
  /** Inner searches run at this level, and their summed counters. */
  innerSearches: number;
  expanded: number;
  generated: number;
  seconds: number;
}

export type HierarchicalResult<S, A> = SearchResult<S, A> & {
  /** Per-level counters, index = level. */
  levels: HierarchicalLevel[];
  /** Whether the final state satisfies the OUTERMOST goal (can differ from 'found' under innerGoal overrides). */
  reachedGoal: boolean;
};

/**
 * Hierarchical (recursive) search: the outermost call splits `start -> goal` into legs with
 * `decompose`, each leg is solved by a recursive call one level down, and legs at the bottom
 * (`depth` reached, or no subgoals) by the `inner` searcher. The outermost goal is the ordinary
 * `goal` argument, separate from the goals of the recursive calls (see `innerGoal`): this is the
 * essay's "retarget only the outermost call". Status 'found' means every leg reached the goal it
 * was given; `reachedGoal` says whether the outermost goal holds at the end. A failed leg ends
 * the search with that leg's status. Stats add up over all inner searches.
 *
 * @example
 * // Route via the hub H, then retarget only the outermost goal:
 * const decompose = (s: string, g: string, level: number) => (level === 0 && s !== 'H' && g !== 'H' ? ['H'] : []);
 * hierarchicalSearch(graph, 'A', 'Z', { decompose, depth: 1 });     // A .. H .. Z
 * hierarchicalSearch(graph, 'A', 'Y', { decompose, depth: 1 });     // A .. H .. Y
 */
export function hierarchicalSearch<S, A, G = S>(
  problem: SearchProblem<S, A, G>, start: S, goal: G, options: HierarchicalOptions<S, A, G>,
): HierarchicalResult<S, A> {
  const module = 'search/hierarchical';
  checkProblem(module, problem);
  const opts = checkOptions<S, G>(module, options) as HierarchicalOptions<S, A, G>;
  if (typeof opts.decompose !== 'function') {
    fail(module, searchMessages.optionsMissing('decompose', '{ decompose: (start, goal, level) => [waypoint] }'));
  }
  for (const name of ['inner', 'innerGoal'] as const) {
    if (opts[name] !== undefined && typeof opts[name] !== 'function') {
      fail(module, searchMessages.optionsNotFunction(name, opts[name]));
    }
  }
  const depth = checkInt(module, 'depth', opts.depth ?? 1, 0, '{ depth: 2 }');
  const inner: Searcher<S, A, G> = opts.inner ?? astar;
  const t0 = performance.now();
  const maxExp = opts.budget?.maxExpansions ?? Infinity;
  const deadline = opts.budget?.maxSeconds !== undefined ? t0 + opts.budget.maxSeconds * 1000 : Infinity;
  const levels: HierarchicalLevel[] = [];
  const total = { expanded: 0, generated: 0, maxFrontier: 0, seconds: 0, samples: undefined as number | undefined };

  const levelAt = (l: number): HierarchicalLevel => {
    while (levels.length <= l) {
      levels.push({ level: levels.length, calls: 0, decomposed: 0, innerSearches: 0, expanded: 0, generated: 0, seconds: 0 });
    }
    return levels[l];
  };

  const solve = (s: S, g: G, level: number): SearchResult<S, A> => {
    const lv = levelAt(level);
    lv.calls++;
    let subgoals: readonly G[] = [];
    if (level < depth) {
      subgoals = opts.decompose(s, g, level);
      if (!Array.isArray(subgoals)) fail(module, searchMessages.hierarchicalBadSubgoals(subgoals));
    }
    if (subgoals.length === 0) {
      const budget: Budget = {};
      if (maxExp !== Infinity) budget.maxExpansions = Math.max(0, maxExp - total.expanded);
      if (deadline !== Infinity) budget.maxSeconds = Math.max(0, (deadline - performance.now()) / 1000);
      const r = inner(problem, s, g, { heuristic: opts.heuristic, trace: opts.trace, budget });
      lv.innerSearches++;
      lv.expanded += r.stats.expanded; lv.generated += r.stats.generated; lv.seconds += r.stats.seconds;
      total.expanded += r.stats.expanded; total.generated += r.stats.generated;
      if (r.stats.maxFrontier > total.maxFrontier) total.maxFrontier = r.stats.maxFrontier;
      return r;
    }
    lv.decomposed++;
    const legGoals = [...subgoals, g];
    const path: S[] = [s];
    const actions: A[] = [];
    let cost = 0;
    let cur = s;
    for (let i = 0; i < legGoals.length; i++) {
      const proposed = legGoals[i];
      const legGoal = opts.innerGoal ? opts.innerGoal(proposed, { level: level + 1, leg: i, outerGoal: g }) : proposed;
      const r = solve(cur, legGoal, level + 1);
      if (r.status !== 'found') return r;
      for (let j = 1; j < r.path.length; j++) path.push(r.path[j]);
      for (const a of r.actions) actions.push(a);
      cost += r.cost;
      cur = r.path[r.path.length - 1];
    }
    return { status: 'found', path, actions, cost, stats: total };
  };

  const r = solve(start, goal, 0);
  total.seconds = (performance.now() - t0) / 1000;
  const stats = { expanded: total.expanded, generated: total.generated, maxFrontier: total.maxFrontier, seconds: total.seconds };
  const reachedGoal = r.status === 'found' && problem.isGoal(r.path[r.path.length - 1], goal);
  return { ...r, stats, levels, reachedGoal };
}
