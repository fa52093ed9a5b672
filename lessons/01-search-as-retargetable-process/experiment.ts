/**
 * Notebook 01's experiment: one general-purpose search retargeted to many goals, against two
 * "cached" controllers that need no search at run time — a next-step table fitted to one goal
 * (what a policy trained on one goal amounts to) and a memoryless greedy policy that steps toward
 * the goal by straight-line distance. Shared by the claim `01-retargetable-search` and the notebook.
 */
import { fail } from '../../lib/core/errors';
import { createRng } from '../../lib/core/rng';
import type { Cell, GridMap } from '../../lib/envs/grid';
import { gridProblem, passableCells } from '../../lib/envs/grid';
import { generateMaze } from '../../lib/envs/maze';
import { astar } from '../../lib/search/astar';
import { breadthFirst } from '../../lib/search/breadth-first';
import { gridManhattan } from '../../lib/heuristics/grid';
import { retargetMessages } from './messages';

const MODULE = 'lessons/01/experiment';

/** What a controller did for one (start, goal) query. */
export interface Rollout {
  reached: boolean;
  /** Moves made (policies) or cells expanded (search). */
  cost: number;
  /** The cells visited, start first (policies), or the path found (search; empty if none). */
  trail: Cell[];
}

const STEPS: readonly (readonly [number, number])[] = [[0, -1], [1, 0], [0, 1], [-1, 0]];

function checkCell(map: GridMap, c: Cell, name: string): void {
  if (!c || !Number.isInteger(c.x) || !Number.isInteger(c.y) || c.x < 0 || c.y < 0 || c.x >= map.width || c.y >= map.height
    || !map.passable[c.y * map.width + c.x]) {
    fail(MODULE, retargetMessages.cellNotOpen(name, c, map.width, map.height));
  }
}

/**
 * Distances (moves, 4-neighbour) from every cell to `goal`, by breadth-first search backwards
 * from the goal; -1 for walls and cells that cannot reach it. This is the "training" of a
 * next-step table: its cost is one sweep of the whole reachable maze.
 */
export function distancesTo(map: GridMap, goal: Cell): Int32Array {
  checkCell(map, goal, 'goal');
  const { width, height, passable } = map;
  const dist = new Int32Array(width * height).fill(-1);
  const queue = new Int32Array(width * height);
  let head = 0, tail = 0;
  const g = goal.y * width + goal.x;
  dist[g] = 0; queue[tail++] = g;
  while (head < tail) {
    const i = queue[head++];
    const x = i % width, y = (i / width) | 0;
    for (const [dx, dy] of STEPS) {
      const nx = x + dx, ny = y + dy;
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const j = ny * width + nx;
      if (!passable[j] || dist[j] !== -1) continue;
      dist[j] = dist[i] + 1;
      queue[tail++] = j;
    }
  }
  return dist;
}

/** A next-step table fitted to one goal: for each cell, the index of a neighbour one move closer (-1 at the goal or unreachable). */
export interface NextStepTable {
  readonly goal: Cell;
  readonly next: Int32Array;
  /** Cells labelled while fitting (the cost of "training" it). */
  readonly fitCost: number;
}

/** Fits a next-step table to `goal` (the cached policy of notebook 01). */
export function fitNextStepTable(map: GridMap, goal: Cell): NextStepTable {
  const dist = distancesTo(map, goal);
  const { width, height } = map;
  const next = new Int32Array(width * height).fill(-1);
  let fitCost = 0;
  for (let i = 0; i < dist.length; i++) {
    if (dist[i] < 0) continue;
    fitCost++;
    if (dist[i] === 0) continue;
    const x = i % width, y = (i / width) | 0;
    for (const [dx, dy] of STEPS) {
      const nx = x + dx, ny = y + dy;
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const j = ny * width + nx;
      if (dist[j] === dist[i] - 1) { next[i] = j; break; }
    }
  }
  return { goal: { ...goal }, next, fitCost };
}

/**
 * Follows a next-step table from `start`. It heads for the goal it was fitted to; a query for
 * another goal counts as reached only if that goal lies on the way (generous: the controller is
 * assumed to stop when it happens to pass the goal).
 */
export function followTable(map: GridMap, table: NextStepTable, start: Cell, goal: Cell): Rollout {
  checkCell(map, start, 'start');
  checkCell(map, goal, 'goal');
  const w = map.width;
  let i = start.y * w + start.x;
  const trail: Cell[] = [{ ...start }];
  let cost = 0;
  for (;;) {
    if (i % w === goal.x && ((i / w) | 0) === goal.y) return { reached: true, cost, trail };
    const j = table.next[i];
    if (j < 0) return { reached: false, cost, trail };
    i = j; cost++;
    trail.push({ x: i % w, y: (i / w) | 0 });
  }
}

/**
 * A memoryless greedy policy: every move goes to the open neighbour closest to `goal` by
 * Manhattan distance (first in N, E, S, W order on ties), never back to the cell it just left
 * unless that is the only way. Goal-conditioned but no lookahead: in a maze it walks into dead
 * ends. Gives up after `maxSteps` moves or when it re-enters a (cell, came-from) pair — then it
 * would loop forever.
 */
export function greedyPolicy(map: GridMap, start: Cell, goal: Cell, maxSteps = map.width * map.height): Rollout {
  checkCell(map, start, 'start');
  checkCell(map, goal, 'goal');
  const { width, height, passable } = map;
  let x = start.x, y = start.y, px = -1, py = -1;
  const trail: Cell[] = [{ x, y }];
  const seen = new Set<number>();
  for (let cost = 0; ; cost++) {
    if (x === goal.x && y === goal.y) return { reached: true, cost, trail };
    const state = ((y * width + x) * 5) + (px < 0 ? 4 : STEPS.findIndex(([dx, dy]) => x + dx === px && y + dy === py));
    if (cost >= maxSteps || seen.has(state)) return { reached: false, cost, trail };
    seen.add(state);
    let best: Cell | null = null, bestH = Infinity, back: Cell | null = null;
    for (const [dx, dy] of STEPS) {
      const nx = x + dx, ny = y + dy;
      if (nx < 0 || ny < 0 || nx >= width || ny >= height || !passable[ny * width + nx]) continue;
      if (nx === px && ny === py) { back = { x: nx, y: ny }; continue; }
      const h = Math.abs(nx - goal.x) + Math.abs(ny - goal.y);
      if (h < bestH) { bestH = h; best = { x: nx, y: ny }; }
    }
    const to = best ?? back;
    if (!to) return { reached: false, cost, trail };
    px = x; py = y; x = to.x; y = to.y;
    trail.push({ x, y });
  }
}

/** The general-purpose searcher of the experiment: `algorithm` on the maze, goal as an argument. */
export function searchTo(map: GridMap, start: Cell, goal: Cell, algorithm: 'astar' | 'bfs', maxExpansions: number): Rollout {
  checkCell(map, start, 'start');
  checkCell(map, goal, 'goal');
  const problem = gridProblem(map, 'four');
  const budget = { maxExpansions };
  const r = algorithm === 'astar'
    ? astar(problem, start, goal, { heuristic: gridManhattan, budget })
    : breadthFirst(problem, start, goal, { budget });
  return { reached: r.status === 'found', cost: r.stats.expanded, trail: r.status === 'found' ? r.path : [] };
}

/** `count` distinct open cells drawn with a seed (excluding `exclude`). */
export function randomOpenCells(map: GridMap, count: number, seed: number, exclude: readonly Cell[] = []): Cell[] {
  const cells = passableCells(map).filter((c) => !exclude.some((e) => e.x === c.x && e.y === c.y));
  const rng = createRng(seed);
  return rng.shuffle(cells).slice(0, Math.min(count, cells.length));
}

export interface RetargetExperimentOptions {
  /** Maze width and height (odd). */
  size: number;
  /** Number of held-out mazes (seeds seed+1 … seed+mazes). */
  mazes: number;
  /** Random goals per maze. */
  goals: number;
  /** The search's budget: most cells it may expand per goal. */
  budget: number;
  seed: number;
  algorithm?: 'astar' | 'bfs';
  /** Probability of opening extra walls (0 = perfect maze, one route between any two cells). */
  loops?: number;
}

/** One row per (maze, goal, controller). */
export interface RetargetRow {
  maze: number;
  goal: string;
  controller: string;
  reached: boolean;
  cost: number;
}

export const CONTROLLERS = ['search (retargeted)', 'next-step table (fitted to one goal)', 'greedy policy (no search)', 'table refitted per goal'] as const;

/**
 * Runs every controller on `goals` random (start, goal) pairs of open cells on each held-out maze.
 * The table is fitted once per maze to the bottom-right corner (its "training goal"); the
 * refitted table is the retraining baseline (always succeeds, costs a sweep of the maze per goal).
 */
export function retargetExperiment(opts: RetargetExperimentOptions): RetargetRow[] {
  const { size, mazes, goals, budget, seed } = opts;
  if (!Number.isInteger(size) || size < 5) fail(MODULE, retargetMessages.sizeBad(size));
  if (!Number.isInteger(mazes) || mazes < 1) fail(MODULE, retargetMessages.positiveInt('mazes', mazes));
  if (!Number.isInteger(goals) || goals < 1) fail(MODULE, retargetMessages.positiveInt('goals', goals));
  if (!(budget >= 1)) fail(MODULE, retargetMessages.budgetBad(budget));
  const rows: RetargetRow[] = [];
  for (let m = 1; m <= mazes; m++) {
    const map = generateMaze(size, size, seed + m, { loops: opts.loops ?? 0 });
    const trainGoal = { x: size - 2 - ((size - 1) % 2), y: size - 2 - ((size - 1) % 2) };
    const table = fitNextStepTable(map, trainGoal);
    const cells = randomOpenCells(map, 2 * goals, seed * 7919 + m);
    for (let q = 0; q + 1 < cells.length; q += 2) {
      const start = cells[q], goal = cells[q + 1];
      const label = `(${start.x},${start.y})→(${goal.x},${goal.y})`;
      const s = searchTo(map, start, goal, opts.algorithm ?? 'astar', budget);
      const t = followTable(map, table, start, goal);
      const g = greedyPolicy(map, start, goal);
      const refit = fitNextStepTable(map, goal);
      const rt = followTable(map, refit, start, goal);
      rows.push({ maze: seed + m, goal: label, controller: CONTROLLERS[0], reached: s.reached, cost: s.cost });
      rows.push({ maze: seed + m, goal: label, controller: CONTROLLERS[1], reached: t.reached, cost: t.cost });
      rows.push({ maze: seed + m, goal: label, controller: CONTROLLERS[2], reached: g.reached, cost: g.cost });
      rows.push({ maze: seed + m, goal: label, controller: CONTROLLERS[3], reached: rt.reached, cost: refit.fitCost + rt.cost });
    }
  }
  return rows;
}

/** Success rate and mean cost per controller. */
export function summariseRetarget(rows: readonly RetargetRow[]): { controller: string; successRate: number; meanCost: number; runs: number }[] {
  return CONTROLLERS.map((controller) => {
    const mine = rows.filter((r) => r.controller === controller);
    const ok = mine.filter((r) => r.reached).length;
    const meanCost = mine.length ? mine.reduce((a, r) => a + r.cost, 0) / mine.length : 0;
    return { controller, successRate: mine.length ? ok / mine.length : 0, meanCost, runs: mine.length };
  });
}
