/**
 * Architecture (2) of the comment thread: an agent that IS one search, with a goal built in and a
 * heuristic tuned to that goal. Two tuned heuristics are offered: the exact distance table to the
 * built-in goal (it ignores the goal it is given — a strawman once retargeted), and the honest
 * one, an ALT landmark heuristic with its landmark at the built-in goal (exact there too, and it
 * takes the goal: h(s, g) = |d(s, L) − d(g, L)|). Retargeting means rewriting the goal test;
 * the tuned heuristic stays tuned to the old goal unless it is replaced too.
 */
import { fail } from '../../../lib/core/errors';
import type { Cell, GridMap } from '../../../lib/envs/grid';
import { gridProblem, isPassable } from '../../../lib/envs/grid';
import { goalDistanceTable } from '../../../lib/heuristics/goal-table';
import { landmarkHeuristic } from '../../../lib/heuristics/landmarks';
import { gridManhattan } from '../../../lib/heuristics/grid';
import { astar } from '../../../lib/search/astar';
import { agentsMessages } from './messages';
import type { AgentRun } from './planner';

const MODULE = 'agents/builtin-goal';

export interface BuiltinGoalAgent {
  readonly trainedGoal: Cell;
  /**
   * One A* search to `goal` (default: the built-in goal). `heuristic`: 'built-in' keeps the
   * table tuned to the built-in goal (ignores `goal`); 'landmarks' keeps the landmark heuristic
   * tuned to it (takes `goal`); 'generic' swaps in the Manhattan distance to `goal`.
   */
  solve(start: Cell, goal?: Cell, heuristic?: BuiltinHeuristic): AgentRun;
}

/** The heuristics architecture (2) can search with. */
export type BuiltinHeuristic = 'built-in' | 'landmarks' | 'generic';

/**
 * @param budget expansions per search (default 2000).
 * @example
 * const agent = createBuiltinGoalAgent(map, trainedGoal);
 * agent.solve(start);                      // its own goal: expands little more than the path
 * agent.solve(start, newGoal);             // goal test rewritten, heuristic still points home
 */
export function createBuiltinGoalAgent(map: GridMap, trainedGoal: Cell, options: { budget?: number } = {}): BuiltinGoalAgent {
  if (!isPassable(map, trainedGoal)) fail(MODULE, agentsMessages.cellNotOpen('trainedGoal', trainedGoal));
  const budget = options.budget ?? 2000;
  if (!(budget === Infinity || (Number.isInteger(budget) && budget > 0))) fail(MODULE, agentsMessages.budgetBad('budget', budget));
  const problem = gridProblem(map, 'four');
  const table = goalDistanceTable(problem, trainedGoal);
  const landmarks = landmarkHeuristic(problem, [trainedGoal]);
  return {
    trainedGoal,
    solve(start, goal = trainedGoal, heuristic = 'built-in') {
      if (!isPassable(map, start)) fail(MODULE, agentsMessages.cellNotOpen('start', start));
      if (!isPassable(map, goal)) fail(MODULE, agentsMessages.cellNotOpen('goal', goal));
      if (heuristic !== 'built-in' && heuristic !== 'landmarks' && heuristic !== 'generic') fail(MODULE, agentsMessages.heuristicBad(heuristic));
      const r = astar(problem, start, goal, {
        heuristic: heuristic === 'built-in' ? table : heuristic === 'landmarks' ? landmarks : gridManhattan,
        budget: budget === Infinity ? undefined : { maxExpansions: budget },
      });
      const found = r.status === 'found';
      return {
        reached: found, status: r.status, moves: found ? r.cost : 0, expanded: r.stats.expanded, calls: 1,
        legsSolved: 0, legs: 0, path: found ? r.path : [],
      };
    },
  };
}
