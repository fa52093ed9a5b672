/**
 * Architecture (2) of the comment thread: an agent that IS one search, with a goal built in and a
 * heuristic tuned to that goal (here the exact distance table to it, the best a goal-specific
 * heuristic can be). Retargeting it means rewriting its goal test; its heuristic stays tuned to
 * the old goal unless it is replaced too.
 */
import { fail } from '../../../lib/core/errors';
import type { Cell, GridMap } from '../../../lib/envs/grid';
import { gridProblem, isPassable } from '../../../lib/envs/grid';
import { goalDistanceTable } from '../../../lib/heuristics/goal-table';
import { gridManhattan } from '../../../lib/heuristics/grid';
import { astar } from '../../../lib/search/astar';
import { agentsMessages } from './messages';
import type { AgentRun } from './planner';

const MODULE = 'agents/builtin-goal';

export interface BuiltinGoalAgent {
  readonly trainedGoal: Cell;
  /**
   * One A* search to `goal` (default: the built-in goal). `heuristic`: 'built-in' keeps the
   * table tuned to the built-in goal; 'generic' swaps in the Manhattan distance to `goal`.
   */
  solve(start: Cell, goal?: Cell, heuristic?: 'built-in' | 'generic'): AgentRun;
}

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
  return {
    trainedGoal,
    solve(start, goal = trainedGoal, heuristic = 'built-in') {
      if (!isPassable(map, start)) fail(MODULE, agentsMessages.cellNotOpen('start', start));
      if (!isPassable(map, goal)) fail(MODULE, agentsMessages.cellNotOpen('goal', goal));
      if (heuristic !== 'built-in' && heuristic !== 'generic') fail(MODULE, agentsMessages.heuristicBad(heuristic));
      const r = astar(problem, start, goal, {
        heuristic: heuristic === 'built-in' ? table : gridManhattan,
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
