/**
 * Rooms and doors: the map is cut into a lattice of rectangular rooms by one-cell walls; doors
 * (one-cell gaps) follow a random spanning tree of the rooms, so every room is reachable, plus
 * optional extra doors that create alternative routes.
 */
import { fail } from '../core/errors';
import type { GridMap } from './grid';
import { envsMessages } from './messages';
import type { SeedOrRng } from './seed';
import { toRng } from './seed';

const MODULE = 'envs/rooms';

export interface RoomsOptions {
  /** Interior side length of a room (default 5). */
  roomSize?: number;
  /** Probability of a door between two adjacent rooms beyond the spanning tree (default 0.2). */
  extraDoors?: number;
  name?: string;
}

function wallLines(length: number, step: number): number[] {
  const lines = [0];
  for (let p = step; p < length - 1; p += step) lines.push(p);
  lines.push(length - 1);
  // Merge a last room too thin to have an interior cell.
  if (lines.length > 2 && lines[lines.length - 1] - lines[lines.length - 2] < 2) lines.splice(lines.length - 2, 1);
  return lines;
}

/**
 * A seeded rooms-and-doors map; all passable cells are connected.
 *
 * @example
 * const map = generateRooms(31, 21, 3, { roomSize: 4 });
 */
export function generateRooms(width: number, height: number, seed: SeedOrRng, options: RoomsOptions = {}): GridMap {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 3 || height < 3) {
    fail(MODULE, envsMessages.genTooSmall('a rooms map', 3, width, height));
  }
  const roomSize = options.roomSize ?? 5;
  if (!Number.isInteger(roomSize) || roomSize < 1) fail(MODULE, envsMessages.gridBadDims(roomSize, roomSize));
  const extra = options.extraDoors ?? 0.2;
  if (!(extra >= 0 && extra <= 1)) fail(MODULE, envsMessages.genBadDensity(extra));
  const rng = toRng(seed);
  const xs = wallLines(width, roomSize + 1), ys = wallLines(height, roomSize + 1);
  const passable = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    if (!xs.includes(x) && !ys.includes(y)) passable[y * width + x] = 1;
  }
  const rw = xs.length - 1, rh = ys.length - 1;
  // Walls between rooms: [roomA, roomB], horizontal neighbours first.
  const edges: Array<[number, number]> = [];
  for (let ry = 0; ry < rh; ry++) for (let rx = 0; rx < rw; rx++) {
    if (rx + 1 < rw) edges.push([ry * rw + rx, ry * rw + rx + 1]);
    if (ry + 1 < rh) edges.push([ry * rw + rx, (ry + 1) * rw + rx]);
  }
  const door = (a: number, b: number): void => {
    const ax = a % rw, ay = (a / rw) | 0, bx = b % rw;
    if (bx !== ax) { // vertical wall at xs[ax + 1]
      const y = rng.int(ys[ay] + 1, ys[ay + 1]);
      passable[y * width + xs[ax + 1]] = 1;
    } else {         // horizontal wall at ys[ay + 1]
      const x = rng.int(xs[ax] + 1, xs[ax + 1]);
      passable[ys[ay + 1] * width + x] = 1;
    }
  };
  // Random spanning tree (Kruskal over shuffled walls), then extra doors.
  const parent = Array.from({ length: rw * rh }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const [a, b] of rng.shuffle(edges)) {
    const ra = find(a), rb = find(b);
    if (ra !== rb) { parent[ra] = rb; door(a, b); } else if (rng.chance(extra)) door(a, b);
  }
  return { name: options.name ?? `rooms-${width}x${height}-${String(rng.seed)}`, width, height, passable };
}
