/**
 * The scenario world: a seeded perfect maze whose open cells are numbered 0..n-1, with exact
 * all-pairs distances (breadth-first search from every cell) so that experiments can ask "is this
 * move on a shortest path toward cell c?" for any c. The intended goal is the open cell farthest
 * from the top-left corner.
 */
import { createRng } from '../../../lib/core/rng';
import { fail } from '../../../lib/core/errors';
import type { Cell, GridMap } from '../../../lib/envs/grid';
import { bfsDistances, passableCells } from '../../../lib/envs/grid';
import { generateMaze } from '../../../lib/envs/maze';
import { scenariosMessages as M } from './messages';

const MODULE = 'scenarios/world';

export interface ScenarioWorld {
  readonly map: GridMap;
  /** Open cells; a cell's index in this list is its id everywhere in lessons/12-interpretability-scenarios/scenarios. */
  readonly cells: readonly Cell[];
  /** Open neighbours (N, E, S, W order) of each open cell, as cell ids. */
  readonly neighbours: readonly (readonly number[])[];
  /** Number of open cells. */
  readonly n: number;
  /** The goal the designers intend every agent to pursue (a cell id). */
  readonly intended: number;
  /** Exact maze distance between two cell ids. */
  dist(a: number, b: number): number;
  /** The cell id of a cell (throws if it is a wall). */
  id(cell: Cell): number;
}

/** Checks an integer parameter (shared by the files of this folder). */
export function checkInt(module: string, name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) fail(module, M.intBad(name, value, min));
  return value;
}

/** Checks a number parameter in [lo, hi]. */
export function checkNum(module: string, name: string, value: unknown, lo: number, hi: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < lo || value > hi) fail(module, M.numBad(name, value, lo, hi));
  return value;
}

/**
 * A seeded maze world.
 *
 * @example
 * const world = createScenarioWorld(15, 1);
 * world.n;                          // open cells
 * world.dist(0, world.intended);    // maze distance from the top-left cell to the intended goal
 */
export function createScenarioWorld(size: number, seed: number, options: { loops?: number } = {}): ScenarioWorld {
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 5 || size > 41 || size % 2 === 0) fail(MODULE, M.worldSize(size));
  const map = generateMaze(size, size, createRng(`scenario-maze-${seed}`), { loops: options.loops ?? 0 });
  const cells = passableCells(map);
  const n = cells.length;
  const idOf = new Int32Array(map.width * map.height).fill(-1);
  cells.forEach((c, i) => { idOf[c.y * map.width + c.x] = i; });
  const neighbours = cells.map((c) => {
    const out: number[] = [];
    for (const [dx, dy] of [[0, -1], [1, 0], [0, 1], [-1, 0]]) {
      const x = c.x + dx, y = c.y + dy;
      if (x >= 0 && y >= 0 && x < map.width && y < map.height && idOf[y * map.width + x] >= 0) out.push(idOf[y * map.width + x]);
    }
    return out;
  });
  const all = new Int16Array(n * n).fill(-1);
  const steps = new Int32Array(map.width * map.height);
  cells.forEach((c, s) => {
    bfsDistances(map, c, steps);
    for (let t = 0; t < n; t++) all[s * n + t] = steps[cells[t].y * map.width + cells[t].x];
  });
  let intended = 0;
  for (let i = 1; i < n; i++) if (all[i] > all[intended]) intended = i;
  return {
    map, cells, neighbours, n, intended,
    dist: (a, b) => all[a * n + b],
    id: (cell) => {
      const i = cell && cell.x >= 0 && cell.y >= 0 && cell.x < map.width && cell.y < map.height ? idOf[cell.y * map.width + cell.x] : -1;
      if (i < 0) fail(MODULE, M.cellBad('cell', JSON.stringify(cell), n));
      return i;
    },
  };
}

/** True if moving from `from` to `next` is a step along some shortest path to `goal` (staying counts only at the goal). */
export function onShortestPath(world: ScenarioWorld, from: number, next: number, goal: number): boolean {
  if (from === goal) return next === goal;
  return world.dist(next, goal) === world.dist(from, goal) - 1;
}
