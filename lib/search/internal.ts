/**
 * Shared plumbing of the algorithms in lib/search (not exported from the barrel): argument
 * checks at the public entry, the budget clock, and result builders.
 */
import { fail } from '../core/errors';
import { searchMessages } from './messages';
import type { Budget, SearchOptions, SearchProblem, SearchResult, SearchStats } from './problem';

export function newStats(): SearchStats {
  return { expanded: 0, generated: 0, maxFrontier: 0, seconds: 0 };
}

/** Throws a module-prefixed error unless `problem` looks like a SearchProblem. */
export function checkProblem(module: string, problem: unknown): void {
  const p = problem as SearchProblem<unknown, unknown, unknown> | null;
  if (!p || typeof p !== 'object' || typeof p.successors !== 'function'
    || typeof p.isGoal !== 'function' || typeof p.key !== 'function') {
    fail(module, searchMessages.problemBad(problem));
  }
}

/** Checks the common options (heuristic, trace, budget); returns them with defaults filled. */
export function checkOptions<S, G>(module: string, options: unknown): SearchOptions<S, G> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') fail(module, searchMessages.optionsNotObject(options));
  const o = options as SearchOptions<S, G>;
  if (o.heuristic !== undefined && typeof o.heuristic !== 'function') {
    fail(module, searchMessages.optionsNotFunction('heuristic', o.heuristic));
  }
  if (o.trace !== undefined && typeof o.trace !== 'function') {
    fail(module, searchMessages.optionsNotFunction('trace', o.trace));
  }
  if (o.budget !== undefined) checkBudget(module, o.budget);
  return o;
}

export function checkBudget(module: string, budget: unknown): void {
  if (!budget || typeof budget !== 'object') fail(module, searchMessages.optionsNotObject(budget));
  for (const name of ['maxExpansions', 'maxSeconds', 'maxSamples'] as const) {
    const v = (budget as Budget)[name];
    if (v !== undefined && (typeof v !== 'number' || v !== v || v < 0)) {
      fail(module, searchMessages.budgetBad(name, v));
    }
  }
}

/** Throws unless `value` is an integer >= min (used for limits, widths, sample counts). */
export function checkInt(module: string, name: string, value: unknown, min: number, example: string): number {
  if (typeof value !== 'number' || !(Number.isInteger(value) || value === Infinity) || value < min) {
    fail(module, searchMessages.intBad(name, value, min, example));
  }
  return value;
}

/**
 * Tracks the expansion and time budgets. `exceeded(expanded)` is called once per expansion; it
 * reads the clock only every 64 calls so the check stays cheap in the inner loop.
 */
export class BudgetClock {
  readonly t0: number;
  private readonly maxExpansions: number;
  private readonly deadline: number;
  private calls = 0;
  reason: 'expansions' | 'time' | null = null;

  constructor(budget: Budget | undefined, t0 = performance.now()) {
    this.t0 = t0;
    this.maxExpansions = budget?.maxExpansions ?? Infinity;
    this.deadline = budget?.maxSeconds !== undefined ? t0 + budget.maxSeconds * 1000 : Infinity;
  }

  /** True (and sets `reason`) when another expansion would exceed the budget. */
  exceeded(expanded: number): boolean {
    if (expanded >= this.maxExpansions) { this.reason = 'expansions'; return true; }
    if (this.deadline !== Infinity && ((this.calls++ & 63) === 0 || this.deadline - this.t0 < 5)) {
      if (performance.now() > this.deadline) { this.reason = 'time'; return true; }
    }
    return false;
  }

  seconds(): number {
    return (performance.now() - this.t0) / 1000;
  }
}

export function stateLabel(problem: SearchProblem<any, any, any>, state: unknown): string {
  try { return String(problem.key(state)); } catch { return String(state); }
}

export function badCost(module: string, problem: SearchProblem<any, any, any>, cost: unknown, from: unknown): never {
  return fail(module, searchMessages.costBad(cost, stateLabel(problem, from)));
}

export function badHeuristic(module: string, problem: SearchProblem<any, any, any>, h: unknown, at: unknown): never {
  return fail(module, searchMessages.heuristicBad(h, stateLabel(problem, at)));
}

export function finish<S, A>(result: SearchResult<S, A>, clock: BudgetClock): SearchResult<S, A> {
  result.stats.seconds = clock.seconds();
  return result;
}

/** Follows parent links from node `id` back to the root; returns the path and actions in order. */
export function walkBack<S, A>(
  id: number, states: S[], parent: number[], actions: (A | undefined)[],
): { path: S[]; actions: A[] } {
  const path: S[] = [];
  const acts: A[] = [];
  for (let i = id; i >= 0; i = parent[i]) {
    path.push(states[i]);
    if (parent[i] >= 0) acts.push(actions[i] as A);
  }
  path.reverse(); acts.reverse();
  return { path, actions: acts };
}
