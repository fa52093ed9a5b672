/**
 * Notebook 07's experiment: both architectures, each asked to reach its original target and then
 * retargeted in different ways, on seeded rooms-and-doors maps. Success and cost are measured
 * for every condition.
 */
import { createRng } from '../../../lib/core/rng';
import type { Cell, GridMap } from '../../../lib/envs/grid';
import { passableCells } from '../../../lib/envs/grid';
import { generateRooms } from '../../../lib/envs/rooms';
import { uniformCost } from '../../../lib/search/uniform-cost';
import { gridProblem } from '../../../lib/envs/grid';
import { goalDistanceTable } from '../../../lib/heuristics/goal-table';
import { createBuiltinGoalAgent } from './builtin-goal';
import type { AgentRun } from './planner';
import { createSubgoalPlanner } from './planner';

export interface ArchitectureParams {
  /** Map side (cells). */
  size: number;
  roomSize: number;
  maps: number;
  /** New targets per map (each from a fresh start). */
  targets: number;
  /** Expansions per leg call of the planner's search subroutine. */
  legBudget: number;
  /** Expansions of the one search of architecture (2). */
  budget: number;
  /** New targets lie at most this far (shortest route) from the original target; 0 = anywhere. */
  maxShift: number;
  seed: number;
}

export const DEFAULT_ARCHITECTURE_PARAMS: ArchitectureParams = {
  size: 41, roomSize: 5, maps: 4, targets: 10, legBudget: 200, budget: 2000, maxShift: 0, seed: 1,
};

/** The conditions, in display order. */
export const CONDITIONS = [
  { id: 'planner: original target', architecture: '(1) subgoal planner' },
  { id: 'planner: retarget outermost call', architecture: '(1) subgoal planner' },
  { id: 'planner: retarget every call', architecture: '(1) subgoal planner' },
  { id: 'planner: every call, unlimited legs', architecture: '(1) subgoal planner' },
  { id: 'planner: inner goals hard-wired', architecture: '(1) subgoal planner' },
  { id: 'one search: built-in goal', architecture: '(2) one search, built-in goal' },
  { id: 'one search: retarget goal test only', architecture: '(2) one search, built-in goal' },
  { id: 'one search: retarget goal, tuned landmarks kept', architecture: '(2) one search, built-in goal' },
  { id: 'one search: retarget goal + generic heuristic', architecture: '(2) one search, built-in goal' },
] as const;
export type ConditionId = (typeof CONDITIONS)[number]['id'];

export interface RunRow {
  condition: ConditionId;
  map: number;
  target: string;
  /** Shortest route length to the target of this condition (the original target for 'original' rows). */
  optimal: number;
  /** Shortest route length between this run's target and the built-in (original) target. */
  shift: number;
  reached: boolean;
  moves: number;
  expanded: number;
  /** Leg calls that reached their own goal / leg calls (planner only). */
  legsSolved: number;
  legs: number;
}

export interface ConditionSummary {
  condition: ConditionId;
  architecture: string;
  runs: number;
  /** Share of runs that ended on the target. */
  success: number;
  /** Mean expansions per run. */
  expanded: number;
  /** Mean route length / shortest route length, over successful runs. */
  stretch: number;
  /** Share of the recursive calls that solved their own subproblem (planner). */
  legsSolved: number;
}

export interface ArchitectureStudy { params: ArchitectureParams; runs: RunRow[]; summary: ConditionSummary[]; maps: GridMap[] }

/** Runs every condition on `maps` seeded maps with `targets` retargeting queries each. */
export function architectureStudy(overrides: Partial<ArchitectureParams> = {}): ArchitectureStudy {
  const p: ArchitectureParams = { ...DEFAULT_ARCHITECTURE_PARAMS, ...overrides };
  const rng = createRng(p.seed);
  const runs: RunRow[] = [];
  const maps: GridMap[] = [];
  for (let m = 0; m < p.maps; m++) {
    const map = generateRooms(p.size, p.size, rng.fork(`map-${m}`), { roomSize: p.roomSize });
    maps.push(map);
    const cells = passableCells(map);
    const original: Cell = cells[cells.length - 1];             // the bottom-right room: the "trained" target
    const planner = createSubgoalPlanner(map, { legBudget: p.legBudget });
    const unlimited = createSubgoalPlanner(map, { legBudget: Infinity });
    const agent = createBuiltinGoalAgent(map, original, { budget: p.budget });
    const grid = gridProblem(map, 'four');
    const optimal = (a: Cell, b: Cell): number => { const r = uniformCost(grid, a, b); return r.status === 'found' ? r.cost : Infinity; };
    const fromOriginal = goalDistanceTable(grid, original);
    const near = p.maxShift > 0 ? cells.filter((c) => fromOriginal.distance(c) <= p.maxShift) : cells;
    const targetCells = near.filter((c) => c.x !== original.x || c.y !== original.y);
    for (let t = 0; t < p.targets && targetCells.length > 0; t++) {
      const start = rng.pick(cells);
      const target = rng.pick(targetCells);
      const dOrig = optimal(start, original), dNew = optimal(start, target), shiftNew = optimal(original, target);
      const add = (condition: ConditionId, r: AgentRun, opt: number, goal: Cell): void => {
        runs.push({ condition, map: m, target: `(${goal.x},${goal.y})`, optimal: opt, shift: goal === original ? 0 : shiftNew, reached: r.reached, moves: r.moves, expanded: r.expanded, legsSolved: r.legsSolved, legs: r.legs });
      };
      add('planner: original target', planner.solve(start, original), dOrig, original);
      add('planner: retarget outermost call', planner.solve(start, target), dNew, target);
      add('planner: retarget every call', planner.solve(start, target, 'outer'), dNew, target);
      add('planner: every call, unlimited legs', unlimited.solve(start, target, 'outer'), dNew, target);
      add('planner: inner goals hard-wired', planner.solve(start, target, { fixed: original }), dNew, target);
      add('one search: built-in goal', agent.solve(start), dOrig, original);
      add('one search: retarget goal test only', agent.solve(start, target, 'built-in'), dNew, target);
      add('one search: retarget goal, tuned landmarks kept', agent.solve(start, target, 'landmarks'), dNew, target);
      add('one search: retarget goal + generic heuristic', agent.solve(start, target, 'generic'), dNew, target);
    }
  }
  const summary: ConditionSummary[] = CONDITIONS.map(({ id, architecture }) => {
    const rs = runs.filter((r) => r.condition === id);
    const ok = rs.filter((r) => r.reached);
    const legs = rs.reduce((s, r) => s + r.legs, 0);
    return {
      condition: id, architecture, runs: rs.length,
      success: ok.length / Math.max(1, rs.length),
      expanded: rs.reduce((s, r) => s + r.expanded, 0) / Math.max(1, rs.length),
      stretch: ok.length ? ok.reduce((s, r) => s + (r.optimal > 0 ? r.moves / r.optimal : 1), 0) / ok.length : NaN,
      legsSolved: legs ? rs.reduce((s, r) => s + r.legsSolved, 0) / legs : NaN,
    };
  });
  return { params: p, runs, summary, maps };
}
