/**
 * A town for task suites: one rooms-and-doors map with named places on it.
 *
 * - Description: a seeded rooms-and-doors map (`generateRooms`) whose rooms hold named places —
 *   single places ("library", "post office", ...) and groups of interchangeable places ("house",
 *   "printer", ...) — plus named zones (blocks of cells an errand may want to avoid). One map,
 *   many tasks: every errand of a task suite is defined on the same town.
 * - State, actions, termination: those of the errands defined on it (see `errand.ts`): a cell plus
 *   the errand's progress; N/E/S/W moves; done when every stage of the errand is complete.
 */
import { fail } from '../../../lib/core/errors';
import { createRng } from '../../../lib/core/rng';
import type { Cell, GridMap } from '../../../lib/envs/grid';
import { passableCells } from '../../../lib/envs/grid';
import { generateRooms } from '../../../lib/envs/rooms';
import { tasksMessages } from './messages';

const MODULE = 'tasks/town';

/** A map with named places (each a list of cells; singletons for unique places) and zones. */
export interface Town {
  readonly map: GridMap;
  /** Place name → its cells (one cell for "library", several for a group such as "house"). */
  readonly places: Readonly<Record<string, readonly Cell[]>>;
  /** Zone name → the cells of the zone (e.g. a crowded party to walk around). */
  readonly zones: Readonly<Record<string, readonly Cell[]>>;
  readonly seed: number;
}

export interface TownOptions {
  /** Map width and height in cells (default 41 × 41). */
  width?: number;
  height?: number;
  /** Interior side of a room (default 5). */
  roomSize?: number;
  /** Probability of extra doors beyond a spanning tree (default 0.3). */
  extraDoors?: number;
  /** Seed of the map and of where places go (default 1). */
  seed?: number;
}

/** The unique places of every town, in the order they are placed. */
export const TOWN_PLACES = [
  'home', 'office', 'library', 'post office', 'kitchen', 'workshop', 'meeting room',
  'hardware store', 'funder', 'event hall', 'mailroom', 'storage',
] as const;

/** The groups of interchangeable places and how many of each a town has. */
export const TOWN_GROUPS: Readonly<Record<string, number>> = { house: 4, printer: 3, neighbour: 3, exit: 2 };

/**
 * Builds a seeded town. Places sit on room cells (never in a doorway), all distinct; every open
 * cell is connected, so every errand on the town is solvable.
 *
 * @example
 * const town = createTown({ width: 41, height: 41, seed: 3 });
 * town.places['library'];   // [{x, y}]
 * town.places['house'];     // four cells
 */
export function createTown(options: TownOptions = {}): Town {
  const width = options.width ?? 41, height = options.height ?? 41;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 15 || height < 15) {
    fail(MODULE, tasksMessages.townSizeBad(width, height, TOWN_PLACES.length));
  }
  if (typeof seed !== 'number' || !Number.isFinite(seed)) fail(MODULE, tasksMessages.seedBad(seed));
  const map = generateRooms(width, height, createRng(`town-${seed}`), {
    roomSize: options.roomSize ?? 5, extraDoors: options.extraDoors ?? 0.3, name: `town-${width}x${height}-${seed}`,
  });
  const open = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && map.passable[y * width + x] === 1;
  // Room cells: at least three open neighbours (doorways have two).
  const roomCells = passableCells(map).filter((c) =>
    [open(c.x + 1, c.y), open(c.x - 1, c.y), open(c.x, c.y + 1), open(c.x, c.y - 1)].filter(Boolean).length >= 3);
  const needed = TOWN_PLACES.length + Object.values(TOWN_GROUPS).reduce((a, b) => a + b, 0) + 2;
  if (roomCells.length < needed) fail(MODULE, tasksMessages.townTooSmall(width, height, options.roomSize ?? 5, roomCells.length, needed));
  const rng = createRng(`places-${seed}`);
  const picked = rng.shuffle(roomCells);
  let next = 0;
  const places: Record<string, Cell[]> = {};
  for (const name of TOWN_PLACES) places[name] = [picked[next++]];
  for (const [name, count] of Object.entries(TOWN_GROUPS)) places[name] = picked.slice(next, (next += count));
  // Zones: a block of cells (radius 2) around a random room cell that is not a place.
  const zones: Record<string, Cell[]> = {};
  for (const name of ['party', 'wet floor']) {
    const c = picked[next++];
    const taken = new Set(Object.values(places).flat().map((p) => p.y * width + p.x));
    const cells: Cell[] = [];
    for (let y = c.y - 2; y <= c.y + 2; y++) for (let x = c.x - 2; x <= c.x + 2; x++) {
      if (open(x, y) && !taken.has(y * width + x)) cells.push({ x, y });
    }
    zones[name] = cells;
  }
  return { map, places, zones, seed };
}

/** The cells of a place or group; a clear error naming the known places otherwise. */
export function placeCells(town: Town, name: string): readonly Cell[] {
  const cells = town.places[name];
  if (!cells) fail(MODULE, tasksMessages.placeUnknown(name, Object.keys(town.places)));
  return cells;
}
