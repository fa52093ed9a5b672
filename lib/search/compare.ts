import * as aq from 'arquero';
import type { SearchOptions, SearchProblem, SearchResult } from './problem';
import { instrument } from './instrument';
import { RetargetLabError, fail } from '../core/errors';
import { searchMessages } from './messages';

/** One problem instance for {@link compareSearchers}. */
export interface ComparisonProblem<S = any, A = any, G = any> {
  name?: string;
  problem: SearchProblem<S, A, G>;
  start: S;
  goal: G;
  /** Options merged into every algorithm's options for this instance (e.g. its heuristic). */
  options?: SearchOptions<S, G> & Record<string, unknown>;
}

/** One algorithm for {@link compareSearchers}: a searcher with the common signature plus its options. */
export interface ComparisonAlgorithm {
  name: string;
  search: (problem: SearchProblem<any, any, any>, start: any, goal: any, options?: any) => SearchResult<any, any>;
  options?: Record<string, unknown>;
}

/** A row of the comparison table. */
export interface ComparisonRow {
  problem: string;
  algorithm: string;
  status: string;
  cost: number | null;
  length: number | null;
  expanded: number;
  generated: number;
  maxFrontier: number;
  seconds: number;
  successorCalls: number;
  goalTests: number;
  keyCalls: number;
  /** The message of a caller mistake (e.g. bidirectional on a problem without predecessors). */
  error: string | null;
}

/**
 * Runs every algorithm on every problem (each through {@link instrument}) and returns an arquero
 * table with one row per (problem, algorithm): status, cost, length (moves), expanded, generated,
 * maxFrontier, seconds, and the counted calls — AIMA's compare_searchers. An algorithm that
 * rejects a problem (a RetargetLabError) gets status 'error' and the message, instead of
 * aborting the whole table.
 *
 * @example
 * const table = compareSearchers(
 *   [{ name: 'ABC', problem: weightedGraph([['A', 'B', 1], ['B', 'C', 2], ['A', 'C', 5]]), start: 'A', goal: 'C' }],
 *   [{ name: 'BFS', search: breadthFirst }, { name: 'UCS', search: uniformCost }],
 * );
 * table.print(); // cost 5 for BFS (fewest moves), 3 for UCS
 */
export function compareSearchers(
  problems: readonly ComparisonProblem[], algorithms: readonly ComparisonAlgorithm[],
): aq.ColumnTable {
  const module = 'search/compare';
  if (!Array.isArray(problems) || problems.length === 0) fail(module, searchMessages.compareEmpty('problems'));
  if (!Array.isArray(algorithms) || algorithms.length === 0) fail(module, searchMessages.compareEmpty('algorithms'));
  problems.forEach((p, i) => {
    if (!p || typeof p !== 'object' || !p.problem) fail(module, searchMessages.compareBadEntry('problems', i));
  });
  algorithms.forEach((a, i) => {
    if (!a || typeof a !== 'object' || typeof a.search !== 'function' || typeof a.name !== 'string') {
      fail(module, searchMessages.compareBadEntry('algorithms', i));
    }
  });
  const rows: ComparisonRow[] = [];
  problems.forEach((p, pi) => {
    for (const alg of algorithms) {
      const ip = instrument(p.problem);
      const row: ComparisonRow = {
        problem: p.name ?? p.problem.name ?? `problem ${pi}`,
        algorithm: alg.name,
        status: 'error', cost: null, length: null, expanded: 0, generated: 0, maxFrontier: 0, seconds: 0,
        successorCalls: 0, goalTests: 0, keyCalls: 0, error: null,
      };
      try {
        const r = alg.search(ip, p.start, p.goal, { ...(p.options ?? {}), ...(alg.options ?? {}) });
        row.status = r.status;
        if (r.status === 'found') { row.cost = r.cost; row.length = r.actions.length; }
        row.expanded = r.stats.expanded; row.generated = r.stats.generated;
        row.maxFrontier = r.stats.maxFrontier; row.seconds = r.stats.seconds;
      } catch (e) {
        if (!(e instanceof RetargetLabError)) throw e;
        row.error = e.message;
      }
      row.successorCalls = ip.calls.successors; row.goalTests = ip.calls.isGoal; row.keyCalls = ip.calls.key;
      rows.push(row);
    }
  });
  return aq.from(rows);
}
