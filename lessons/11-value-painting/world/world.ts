/**
 * A two-room world for value painting. Description: a `size × size` grid split by a wall column
 * with one door; a piece of cheese somewhere in the open cells. State: the agent's cell.
 * Actions: up, right, down, left (into walls: stay). Observation of a state: the 3×3 patch around
 * the agent (wall, cheese and door channels) plus the agent's x and y scaled to [0, 1].
 * The world model is exact (the grid's transitions); what is learned is the concept detectors.
 *
 * Concepts (the ground truth a detector should learn): "near cheese" (cheese in the 3×3 patch),
 * "at door" (on the door cell), "in corner" (a cell touching two outer walls).
 */
import { createRng } from '../../../lib/core/rng';
import { fail } from '../../../lib/core/errors';
import { worldModelMessages } from './messages';
import { bfsDistances, createGridMap, passableCells, type Cell, type GridMap } from '../../../lib/envs/grid';

const MODULE = 'worldmodel/world';
export const CONCEPTS = ['near cheese', 'at door', 'in corner'] as const;
export type Concept = typeof CONCEPTS[number];
export const OBS_SIZE = 3 * 3 * 3 + 2;

export interface Episode { size: number; wallX: number; door: Cell; cheese: Cell; start: Cell }

export interface EpisodeOptions {
  size?: number;
  /**
   * Where the cheese may be: within this many cells (Chebyshev) of the top-right corner. 0 = always
   * in the corner (the training regime of Langosco et al.'s CoinRun); size = anywhere.
   */
  cheeseSpread?: number;
}

export function isWall(e: Episode, c: Cell): boolean {
  return c.x < 0 || c.y < 0 || c.x >= e.size || c.y >= e.size || (c.x === e.wallX && c.y !== e.door.y);
}

/** Seeded episodes. */
export function makeEpisodes(count: number, seed: number | string, opts: EpisodeOptions = {}): Episode[] {
  const size = opts.size ?? 9, spread = opts.cheeseSpread ?? size;
  if (!Number.isInteger(size) || size < 5 || size > 25) fail(MODULE, worldModelMessages.badCount('size', size, 5, 25));
  if (!Number.isInteger(count) || count < 1 || count > 100000) fail(MODULE, worldModelMessages.badCount('count', count, 1, 100000));
  if (!(spread >= 0 && spread <= size)) fail(MODULE, worldModelMessages.badNumber('cheeseSpread', spread, 0, size));
  const rng = createRng(`worldmodel/${String(seed)}`);
  const wallX = Math.floor(size / 2);
  return Array.from({ length: count }, () => {
    const door = { x: wallX, y: rng.int(1, size - 1) };
    const e: Episode = { size, wallX, door, cheese: { x: 0, y: 0 }, start: { x: 0, y: 0 } };
    const open = (c: Cell) => !isWall(e, c) && !(c.x === door.x && c.y === door.y);
    let cheese: Cell;
    do {
      cheese = { x: size - 1 - rng.int(0, Math.floor(spread) + 1), y: rng.int(0, Math.floor(spread) + 1) };
      if (spread >= size) cheese = { x: rng.int(0, size), y: rng.int(0, size) };
    } while (!open(cheese));
    e.cheese = cheese;
    let start: Cell;
    do { start = { x: rng.int(0, size), y: rng.int(0, size) }; } while (!open(start) || Math.max(Math.abs(start.x - cheese.x), Math.abs(start.y - cheese.y)) <= 1);
    e.start = start;
    return e;
  });
}

/** Open cells of an episode (including the door), row-major. */
export function openCells(e: Episode): Cell[] {
  return passableCells(episodeMap(e));
}

/** The true value (0 or 1) of every concept at a cell. */
export function trueConcepts(e: Episode, c: Cell): number[] {
  const near = Math.max(Math.abs(c.x - e.cheese.x), Math.abs(c.y - e.cheese.y)) <= 1 ? 1 : 0;
  const door = c.x === e.door.x && c.y === e.door.y ? 1 : 0;
  const corner = (c.x === 0 || c.x === e.size - 1) && (c.y === 0 || c.y === e.size - 1) ? 1 : 0;
  return [near, door, corner];
}

/** The observation of the agent at `c`: 3×3 patches of wall, cheese, door, then x and y. */
export function observe(e: Episode, c: Cell): number[] {
  const out: number[] = [];
  for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
    const p = { x: c.x + dx, y: c.y + dy };
    out.push(isWall(e, p) && !(p.x === e.door.x && p.y === e.door.y) ? 1 : 0);
    out.push(p.x === e.cheese.x && p.y === e.cheese.y ? 1 : 0);
    out.push(p.x === e.door.x && p.y === e.door.y ? 1 : 0);
  }
  out.push(c.x / (e.size - 1), c.y / (e.size - 1));
  return out;
}

/** The episode as a grid map (walls blocked, the door open). */
export function episodeMap(e: Episode): GridMap {
  const passable = new Uint8Array(e.size * e.size);
  for (let y = 0; y < e.size; y++) for (let x = 0; x < e.size; x++) passable[y * e.size + x] = isWall(e, { x, y }) ? 0 : 1;
  return createGridMap(e.size, e.size, passable, `two-rooms-${e.size}`);
}

/** Shortest-path distances from `from` over open cells (−1 where unreachable), indexed y·size + x. */
export function distancesFrom(e: Episode, from: Cell): Int32Array {
  return bfsDistances(episodeMap(e), from);
}
