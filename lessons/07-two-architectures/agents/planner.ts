/**
 * Architecture (1) of the comment thread: an agent that formulates subgoals and calls a search
 * subroutine on each. Here the subgoals are the doors along a room-level route (found by a search
 * call of its own), and each leg between doors is a call of A* with a small per-call budget (the
 * subroutine is sized for room-scale problems). Built on the library's `hierarchicalSearch`,
 * whose outermost goal is separate from the goals of its recursive calls.
 */
import { fail } from '../../../lib/core/errors';
import type { Cell, GridMap } from '../../../lib/envs/grid';
import { gridProblem, isPassable } from '../../../lib/envs/grid';
import { gridManhattan } from '../../../lib/heuristics/grid';
import { astar } from '../../../lib/search/astar';
import { breadthFirst } from '../../../lib/search/breadth-first';
import { hierarchicalSearch } from '../../../lib/search/hierarchical';
import type { HierarchicalLevel } from '../../../lib/search/hierarchical';
import type { Searcher } from '../../../lib/search/problem';
import { agentsMessages } from './messages';
import type { RoomGraph } from './room-graph';
import { roomGraph } from './room-graph';

const MODULE = 'agents/planner';

/**
 * Where the recursive calls get their goals: 'proposed' = the subgoal the planner formulated (only
 * the outermost call carries the target); 'outer' = every call gets the outermost target
 * ("retarget every call"); { fixed } = every recursive call pursues a hard-wired goal.
 */
export type InnerGoals = 'proposed' | 'outer' | { fixed: Cell };

export interface AgentRun {
  /** The final cell is the target. */
  reached: boolean;
  /** 'found' if every call reached the goal it was given; else the failing call's status. */
  status: string;
  /** Moves of the route (0 if none). */
  moves: number;
  /** Expansions of every search call, room-level route included. */
  expanded: number;
  /** Search calls made (room route + legs). */
  calls: number;
  /** Recursive (leg) calls that reached their own goal. */
  legsSolved: number;
  legs: number;
  path: Cell[];
  levels?: HierarchicalLevel[];
}

export interface SubgoalPlanner {
  graph: RoomGraph;
  /** Plans from `start` to the outermost target `goal`. */
  solve(start: Cell, goal: Cell, innerGoals?: InnerGoals): AgentRun;
}

/**
 * @param legBudget expansions each leg call may use (default 200); Infinity for no limit.
 * @example
 * const planner = createSubgoalPlanner(generateRooms(41, 41, 3));
 * planner.solve(start, target);                 // retarget only the outermost call
 * planner.solve(start, target, 'outer');        // retarget every call
 */
export function createSubgoalPlanner(map: GridMap, options: { legBudget?: number } = {}): SubgoalPlanner {
  const legBudget = options.legBudget ?? 200;
  if (!(legBudget === Infinity || (Number.isInteger(legBudget) && legBudget > 0))) fail(MODULE, agentsMessages.budgetBad('legBudget', legBudget));
  const problem = gridProblem(map, 'four');
  const graph = roomGraph(map);
  return {
    graph,
    solve(start, goal, innerGoals = 'proposed') {
      if (!isPassable(map, start)) fail(MODULE, agentsMessages.cellNotOpen('start', start));
      if (!isPassable(map, goal)) fail(MODULE, agentsMessages.cellNotOpen('goal', goal));
      if (!(innerGoals === 'proposed' || innerGoals === 'outer' || (typeof innerGoals === 'object' && innerGoals && 'fixed' in innerGoals))) {
        fail(MODULE, agentsMessages.innerGoalsBad(innerGoals));
      }
      let routeExpanded = 0, routeCalls = 0, legs = 0, legsSolved = 0;
      const decompose = (s: Cell, g: Cell, level: number): Cell[] => {
        if (level > 0) return [];
        const from = graph.roomOf(s), to = graph.roomOf(g);
        if (from === to) return [];
        routeCalls++;
        const r = breadthFirst(graph.problem, from, to);   // the subroutine, called on the room graph
        routeExpanded += r.stats.expanded;
        return r.status === 'found' ? r.actions.map((d) => graph.doors[d].cell) : [];
      };
      const inner: Searcher<Cell, string, Cell> = (p, s, g, o) => {
        const r = astar(p, s, g, { ...o, heuristic: gridManhattan, budget: legBudget === Infinity ? undefined : { maxExpansions: legBudget } });
        legs++;
        if (r.status === 'found') legsSolved++;
        return r;
      };
      const innerGoal = innerGoals === 'proposed' ? undefined
        : innerGoals === 'outer' ? (_: Cell, w: { outerGoal: Cell }) => w.outerGoal
          : () => innerGoals.fixed;
      const r = hierarchicalSearch(problem, start, goal, { decompose, inner, depth: 1, innerGoal });
      const path = r.status === 'found' ? r.path : [];
      return {
        reached: r.reachedGoal, status: r.status, moves: r.status === 'found' ? r.cost : 0,
        expanded: r.stats.expanded + routeExpanded, calls: routeCalls + legs, legsSolved, legs, path, levels: r.levels,
      };
    },
  };
}
