/**
 * Grid pathfinding on a 2-D map of passable and blocked cells.
 *
 * - Description: an agent walks from a start cell to a goal cell on a `GridMap` (from ASCII art,
 *   a MovingAI `.map` file or a seeded generator). The goal is an argument of the search, so one
 *   problem serves every goal.
 * - State: a `Cell` `{x, y}` (x = column from the left, y = row from the top).
 * - Actions: 'four' movement: 'N', 'E', 'S', 'W' at cost 1. 'octile' movement adds 'NE', 'SE',
 *   'SW', 'NW' at cost Math.SQRT2, with NO corner cutting (MovingAI rules): a diagonal step needs
 *   both orthogonal neighbours it passes to be passable.
 * - Reward: none; the cost of a path is the sum of its step costs.
 * - Termination: the state equals the goal cell.
 * - Constraints (for `relax()`): 'walls' (blocked cells cannot be entered) and, for octile
 *   movement, 'no-corner-cutting'.
 */
import { fail } from '../core/errors';
import type { SearchProblem, Transition } from '../search/problem';
import { envsMessages } from './messages';

const MODULE = 'envs/grid';

export interface Cell { x: number; y: number }

/** A grid map. `passable[y * width + x]` is 1 for a passable cell and 0 for a blocked one. */
export interface GridMap {
  name: string;
  width: number;
  height: number;
  passable: Uint8Array;
}

/** 'four': N/E/S/W at cost 1. 'octile': also diagonals at cost Math.SQRT2, no corner cutting. */
export type Movement = 'four' | 'octile';

/** The rules a grid problem enforces (a relaxed problem drops some). */
export interface GridRules {
  walls: boolean;
  noCornerCutting: boolean;
}

/** A grid search problem: a `SearchProblem<Cell, string, Cell>` that also exposes its map. */
export interface GridProblem extends SearchProblem<Cell, string, Cell> {
  readonly kind: 'grid';
  readonly map: GridMap;
  readonly movement: Movement;
  readonly rules: GridRules;
  readonly constraints: readonly string[];
  predecessors(state: Cell): Transition<Cell, string>[];
  goalState(goal: Cell): Cell;
}

/**
 * Creates a map; every cell passable unless `passable` is given.
 *
 * @example
 * const map = createGridMap(5, 3);            // open 5x3 room
 * map.passable[1 * 5 + 2] = 0;                // block cell (2, 1)
 */
export function createGridMap(width: number, height: number, passable?: Uint8Array, name = `${width}x${height}`): GridMap {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    fail(MODULE, envsMessages.gridBadDims(width, height));
  }
  const n = width * height;
  if (passable !== undefined && (!(passable instanceof Uint8Array) || passable.length !== n)) {
    fail(MODULE, envsMessages.gridBadPassable(n, passable instanceof Uint8Array ? passable.length : -1));
  }
  return { name, width, height, passable: passable ?? new Uint8Array(n).fill(1) };
}

/** Whether `(x, y)` lies on the map. */
export function inBounds(map: GridMap, x: number, y: number): boolean {
  return x >= 0 && y >= 0 && x < map.width && y < map.height && Number.isInteger(x) && Number.isInteger(y);
}

/** Whether `cell` is on the map and passable. */
export function isPassable(map: GridMap, cell: Cell): boolean {
  return inBounds(map, cell.x, cell.y) && map.passable[cell.y * map.width + cell.x] === 1;
}

/** The row-major index `y * width + x` of a cell. */
export function cellIndex(map: GridMap, cell: Cell): number {
  return cell.y * map.width + cell.x;
}

/** The cell at row-major index `i`. */
export function indexCell(map: GridMap, i: number): Cell {
  return { x: i % map.width, y: Math.floor(i / map.width) };
}

/** All passable cells, row-major. */
export function passableCells(map: GridMap): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < map.passable.length; i++) if (map.passable[i]) out.push(indexCell(map, i));
  return out;
}

/** The four moves of a 4-connected grid as [dx, dy]: up, right, down, left. */
const FOUR_MOVES: readonly (readonly [number, number])[] = [[0, -1], [1, 0], [0, 1], [-1, 0]];

/**
 * Breadth-first step distances (4-connected) from `from` to every cell, indexed `y * width + x`;
 * -1 where a cell is blocked or unreachable. Every grid distance in the lab goes through here.
 * Pass `out` (length width*height) to reuse a buffer in a loop over sources.
 *
 * @example
 * const d = bfsDistances(map, { x: 1, y: 1 });
 * d[cellIndex(map, { x: 3, y: 1 })]; // steps from (1,1) to (3,1), or -1
 */
export function bfsDistances(map: GridMap, from: Cell, out?: Int32Array): Int32Array {
  const { width, height, passable } = map;
  const n = width * height;
  const dist = out ?? new Int32Array(n);
  dist.fill(-1);
  if (!isPassable(map, from)) return dist;
  const queue = new Int32Array(n);
  let head = 0, tail = 0;
  queue[tail++] = from.y * width + from.x;
  dist[queue[0]] = 0;
  while (head < tail) {
    const i = queue[head++];
    const x = i % width, y = (i - x) / width;
    for (const [dx, dy] of FOUR_MOVES) {
      const nx = x + dx, ny = y + dy;
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const j = ny * width + nx;
      if (passable[j] && dist[j] < 0) { dist[j] = dist[i] + 1; queue[tail++] = j; }
    }
  }
  return dist;
}

/** Throws a module-prefixed error unless `cell` is on the map (use before searching). */
export function assertOnMap(map: GridMap, cell: Cell, name = 'cell'): void {
  if (!cell || !inBounds(map, cell.x, cell.y)) fail(MODULE, envsMessages.gridBadCell(name, cell, map.width, map.height));
}

const ORTHO: ReadonlyArray<readonly [string, number, number]> = [['N', 0, -1], ['E', 1, 0], ['S', 0, 1], ['W', -1, 0]];
const DIAG: ReadonlyArray<readonly [string, number, number]> = [['NE', 1, -1], ['SE', 1, 1], ['SW', -1, 1], ['NW', -1, -1]];
const OPPOSITE: Record<string, string> = { N: 'S', S: 'N', E: 'W', W: 'E', NE: 'SW', SW: 'NE', SE: 'NW', NW: 'SE' };

/**
 * The grid pathfinding problem on `map` (see the file docstring for the rules).
 *
 * @example
 * const { map } = parseAsciiGrid(`
 *   S..#
 *   .#.G`);
 * const problem = gridProblem(map, 'octile');
 * uniformCost(problem, { x: 0, y: 0 }, { x: 3, y: 1 }); // found, cost 4: no diagonal past the '#' corners
 */
export function gridProblem(map: GridMap, movement: Movement = 'four'): GridProblem {
  if (movement !== 'four' && movement !== 'octile') fail(MODULE, envsMessages.gridBadMovement(movement));
  return makeGridProblem(map, movement, { walls: true, noCornerCutting: movement === 'octile' });
}

/** A grid problem with explicit rules (used by `relax()` to build relaxed problems). */
export function makeGridProblem(map: GridMap, movement: Movement, rules: GridRules): GridProblem {
  const { width, height, passable } = map;
  const free = (x: number, y: number): boolean =>
    x >= 0 && y >= 0 && x < width && y < height && (!rules.walls || passable[y * width + x] === 1);
  const successors = (s: Cell): Transition<Cell, string>[] => {
    const out: Transition<Cell, string>[] = [];
    for (const [a, dx, dy] of ORTHO) {
      const x = s.x + dx, y = s.y + dy;
      if (free(x, y)) out.push({ action: a, state: { x, y }, cost: 1 });
    }
    if (movement === 'octile') {
      for (const [a, dx, dy] of DIAG) {
        const x = s.x + dx, y = s.y + dy;
        if (!free(x, y)) continue;
        if (rules.noCornerCutting && rules.walls && !(free(s.x + dx, s.y) && free(s.x, s.y + dy))) continue;
        out.push({ action: a, state: { x, y }, cost: Math.SQRT2 });
      }
    }
    return out;
  };
  const constraints: string[] = [];
  if (rules.walls) constraints.push('walls');
  if (movement === 'octile' && rules.noCornerCutting) constraints.push('no-corner-cutting');
  return {
    kind: 'grid',
    name: `grid ${map.name} (${movement})`,
    map,
    movement,
    rules,
    constraints,
    successors,
    // Moves are symmetric: the predecessor reached by the opposite action with the same cost.
    predecessors: (s) => successors(s).map((t) => ({ action: OPPOSITE[t.action], state: t.state, cost: t.cost })),
    isGoal: (s, g) => s.x === g.x && s.y === g.y,
    key: (s) => s.y * width + s.x,
    goalState: (g) => g,
  };
}

/** Type guard for problems built by `gridProblem`. */
export function isGridProblem(problem: unknown): problem is GridProblem {
  return typeof problem === 'object' && problem !== null && (problem as { kind?: unknown }).kind === 'grid';
}

/**
 * Connected components of passable cells under `movement` (with the corner-cutting rule).
 * Returns a label per cell (-1 for blocked cells) and the component sizes.
 *
 * @example
 * const { count, sizes } = connectedComponents(generateMaze(21, 21, 1));
 * count; // 1 — a perfect maze is connected
 */
export function connectedComponents(map: GridMap, movement: Movement = 'four'): { labels: Int32Array; sizes: number[]; count: number } {
  const { width, passable } = map;
  const n = passable.length;
  const labels = new Int32Array(n).fill(-1);
  const problem = gridProblem(map, movement);
  const sizes: number[] = [];
  const stack: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!passable[i] || labels[i] !== -1) continue;
    const label = sizes.length;
    let size = 0;
    labels[i] = label; stack.push(i);
    while (stack.length) {
      const j = stack.pop() as number;
      size++;
      for (const t of problem.successors({ x: j % width, y: (j / width) | 0 })) {
        const k = t.state.y * width + t.state.x;
        if (labels[k] === -1) { labels[k] = label; stack.push(k); }
      }
    }
    sizes.push(size);
  }
  return { labels, sizes, count: sizes.length };
}
