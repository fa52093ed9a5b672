import { fail } from '../core/errors';
import type { Budget, Heuristic, SearchProblem, SearchResult } from '../search/problem';
import { uniformCost } from '../search/uniform-cost';
import type { GoalDistanceTable } from './goal-table';
import { goalDistanceTable } from './goal-table';
import { heuristicsMessages } from './messages';
import { relaxGrid } from './relax-grid';
import { relaxPuzzle } from './relax-puzzle';

const MODULE = 'heuristics/relax';

/**
 * What a relaxer builds for one set of dropped constraints: the relaxed problem (same goal type,
 * possibly another state type), how an original state maps into it, and the closed form of its
 * solution cost when one is known.
 */
export interface RelaxedModel<S, G, RS = unknown> {
  problem: SearchProblem<RS, unknown, G>;
  project(state: S): RS;
  closedForm?: { name: string; heuristic: Heuristic<S, G> };
}

/** Builds the relaxed model of `problem` without the `dropped` constraints. */
export type Relaxer = (problem: SearchProblem<any, any, any>, dropped: readonly string[]) => RelaxedModel<any, any>;

/** The result of `relax()`. */
export interface Relaxation<S, G, RS = unknown> {
  /** The relaxed problem (its constraints are the kept ones). */
  problem: SearchProblem<RS, unknown, G>;
  /** Cost of solving the relaxed problem from `state` to `goal`: admissible and consistent for the original problem. Goal-agnostic: the goal is an argument. */
  heuristic: Heuristic<S, G>;
  dropped: string[];
  kept: string[];
  /** Name of the closed form the heuristic uses ('manhattan', 'octile', ...), or null when it solves the relaxed problem by search. */
  closedForm: string | null;
  /** Maps an original state to the relaxed problem's state. */
  project(state: S): RS;
  /** Solves the relaxed problem by uniform-cost search (what the closed form must equal). */
  solveRelaxed(state: S, goal: G, budget?: Budget): SearchResult<RS, unknown>;
}

const relaxers = new Map<string, Relaxer>([['grid', relaxGrid], ['sliding-puzzle', relaxPuzzle]]);

/**
 * Registers how to relax problems whose `kind` field equals `kind` (grid and sliding-puzzle
 * problems are registered by lib/heuristics itself).
 *
 * @example
 * registerRelaxer('my-env', (problem, dropped) => ({ problem: myRelaxedProblem(dropped), project: (s) => s }));
 */
export function registerRelaxer(kind: string, relaxer: Relaxer): void {
  relaxers.set(kind, relaxer);
}

/**
 * Automatic relaxation: drops the named constraints from a problem's rules and returns the
 * relaxed problem and its solution cost as a heuristic (admissible and consistent, since every
 * original path is a relaxed path). Where a closed form is known it is used; otherwise the
 * heuristic solves the relaxed problem — by one backward Dijkstra per goal (cached) when the
 * relaxed problem has predecessors and goalState, else by a uniform-cost search per call.
 *
 * Grid: dropping 'walls' gives manhattan (four) / octile (octile movement); dropping only
 * 'no-corner-cutting' has no closed form. Sliding puzzle: dropping 'blank-only' gives manhattan;
 * dropping 'adjacent-only' gives Gaschnig's heuristic (tiles swap with the blank anywhere);
 * dropping both gives misplaced tiles. Dropping nothing yields exact distances (one full backward
 * search per goal: fine for grids and the 8-puzzle, hopeless for the 15-puzzle).
 *
 * @example
 * const { heuristic, dropped } = relax(gridProblem(map, 'octile'), ['walls']);
 * heuristic({ x: 0, y: 0 }, { x: 3, y: 4 }); // octile distance ≈ 5.24, for any goal you pass
 */
export function relax<S, A, G>(problem: SearchProblem<S, A, G>, names: readonly string[]): Relaxation<S, G> {
  if (typeof problem !== 'object' || problem === null) fail(MODULE, heuristicsMessages.relaxNoConstraints(String(problem)));
  const name = problem.name ?? 'problem';
  if (!Array.isArray(names)) fail(MODULE, heuristicsMessages.relaxNotArray(names));
  const known = problem.constraints;
  if (!known || known.length === 0) fail(MODULE, heuristicsMessages.relaxNoConstraints(name));
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length) fail(MODULE, heuristicsMessages.relaxUnknown(unknown, name, known));
  const kind = String((problem as { kind?: unknown }).kind ?? '');
  const relaxer = relaxers.get(kind);
  if (!relaxer) fail(MODULE, heuristicsMessages.relaxNoRelaxer(kind || '(none)', name));
  const dropped = known.filter((n) => names.includes(n));
  const kept = known.filter((n) => !names.includes(n));
  const model = relaxer(problem, dropped) as RelaxedModel<S, G>;
  const rp = model.problem;
  const project = model.project;
  const solveRelaxed = (state: S, goal: G, budget?: Budget) => uniformCost(rp, project(state), goal, budget ? { budget } : undefined);
  let heuristic: Heuristic<S, G>;
  if (model.closedForm) {
    heuristic = model.closedForm.heuristic;
  } else if (rp.predecessors && rp.goalState) {
    let cached: GoalDistanceTable<unknown, G> | null = null;
    let cachedKey: string | number | null = null;
    heuristic = (state, goal) => {
      const k = rp.key(rp.goalState!(goal));
      if (cached === null || k !== cachedKey) { cached = goalDistanceTable(rp, goal); cachedKey = k; }
      return cached.distance(project(state));
    };
  } else {
    heuristic = (state, goal) => {
      const r = solveRelaxed(state, goal);
      return r.status === 'found' ? r.cost : Infinity;
    };
  }
  return { problem: rp, heuristic, dropped, kept, closedForm: model.closedForm?.name ?? null, project, solveRelaxed };
}
