import type { SearchProblem, Transition } from './problem';
import { checkProblem } from './internal';

/** Calls counted by {@link instrument}. */
export interface CallCounts {
  successors: number;
  /** Transitions yielded by successors() (AIMA's "states"). */
  transitions: number;
  isGoal: number;
  key: number;
  predecessors: number;
  goalState: number;
}

export type InstrumentedProblem<S, A, G> = SearchProblem<S, A, G> & {
  /** The live counters (they grow as searches run). */
  readonly calls: CallCounts;
  /** Sets every counter back to 0. */
  reset(): void;
};

/**
 * Wraps `problem` so that every call to successors / isGoal / key (and predecessors / goalState,
 * when present) is counted — AIMA's InstrumentedProblem. The wrapper is itself a problem: pass it
 * to any searcher, then read `.calls`.
 *
 * @example
 * const p = instrument(weightedGraph([['A', 'B'], ['B', 'C']]));
 * breadthFirst(p, 'A', 'C');
 * p.calls; // { successors: 2, isGoal: 3, key: 5, ... }
 */
export function instrument<S, A, G>(problem: SearchProblem<S, A, G>): InstrumentedProblem<S, A, G> {
  checkProblem('search/instrument', problem);
  const calls: CallCounts = { successors: 0, transitions: 0, isGoal: 0, key: 0, predecessors: 0, goalState: 0 };
  function* counted(it: Iterable<Transition<S, A>>): Iterable<Transition<S, A>> {
    for (const t of it) { calls.transitions++; yield t; }
  }
  const wrapped: InstrumentedProblem<S, A, G> = {
    name: problem.name,
    constraints: problem.constraints,
    calls,
    reset() {
      for (const k of Object.keys(calls) as (keyof CallCounts)[]) calls[k] = 0;
    },
    successors(s) { calls.successors++; return counted(problem.successors(s)); },
    isGoal(s, g) { calls.isGoal++; return problem.isGoal(s, g); },
    key(s) { calls.key++; return problem.key(s); },
  };
  const base = problem;
  if (typeof base.predecessors === 'function') {
    (wrapped as { predecessors?: SearchProblem<S, A, G>['predecessors'] }).predecessors = (s: S) => {
      calls.predecessors++;
      return base.predecessors!(s);
    };
  }
  if (typeof base.goalState === 'function') {
    (wrapped as { goalState?: SearchProblem<S, A, G>['goalState'] }).goalState = (g: G) => {
      calls.goalState++;
      return base.goalState!(g);
    };
  }
  return wrapped;
}
