import type { Cell, GridMap } from '../../../lib/envs/grid';
import type { SearchProblem } from '../../../lib/search/problem';

/** A door: a one-cell gap in a wall, joining rooms `a` and `b`. */
export interface Door { id: number; cell: Cell; a: number; b: number }

/**
 * The rooms-and-doors structure of a grid map, read off the map alone (no goal involved): an
 * environment-level abstraction that any target can reuse.
 */
export interface RoomGraph {
  rooms: number;
  doors: Door[];
  /** Room of an open cell; a door cell belongs to its first room. -1 for walls. */
  roomOf(cell: Cell): number;
  /** Rooms as a search problem: states are room ids, actions door ids, unit costs. */
  problem: SearchProblem<number, number, number>;
}

/**
 * Finds rooms and doors: a door is an open cell whose two open neighbours are opposite (E-W or
 * N-S) with walls on the other two sides; rooms are the connected open areas once doors are
 * removed.
 *
 * @example
 * const g = roomGraph(generateRooms(31, 31, 1));
 * g.rooms; g.doors.length;
 */
export function roomGraph(map: GridMap): RoomGraph {
  const { width, height, passable } = map;
  const open = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < width && y < height && passable[y * width + x] === 1;
  const isDoor = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    if (!open(x, y)) continue;
    const ew = open(x - 1, y) && open(x + 1, y) && !open(x, y - 1) && !open(x, y + 1);
    const ns = open(x, y - 1) && open(x, y + 1) && !open(x - 1, y) && !open(x + 1, y);
    if (ew || ns) isDoor[y * width + x] = 1;
  }
  const room = new Int32Array(width * height).fill(-1);
  let rooms = 0;
  for (let i = 0; i < width * height; i++) {
    if (!passable[i] || isDoor[i] || room[i] !== -1) continue;
    const stack = [i];
    room[i] = rooms;
    while (stack.length) {
      const j = stack.pop() as number;
      const x = j % width, y = (j / width) | 0;
      for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
        const nx = x + dx, ny = y + dy;
        if (!open(nx, ny)) continue;
        const k = ny * width + nx;
        if (isDoor[k] || room[k] !== -1) continue;
        room[k] = rooms; stack.push(k);
      }
    }
    rooms++;
  }
  const doors: Door[] = [];
  for (let i = 0; i < width * height; i++) {
    if (!isDoor[i]) continue;
    const x = i % width, y = (i / width) | 0;
    const sides = open(x - 1, y) && open(x + 1, y) && !open(x, y - 1) ? [[x - 1, y], [x + 1, y]] : [[x, y - 1], [x, y + 1]];
    const [a, b] = sides.map(([sx, sy]) => room[sy * width + sx]);
    if (a >= 0 && b >= 0 && a !== b) { doors.push({ id: doors.length, cell: { x, y }, a, b }); room[i] = a; }
  }
  const byRoom: Door[][] = Array.from({ length: rooms }, () => []);
  for (const d of doors) { byRoom[d.a].push(d); byRoom[d.b].push(d); }
  return {
    rooms, doors,
    roomOf: (c) => (open(c.x, c.y) ? room[c.y * width + c.x] : -1),
    problem: {
      name: `rooms of ${map.name}`,
      successors: (r) => byRoom[r].map((d) => ({ action: d.id, state: d.a === r ? d.b : d.a, cost: 1 })),
      isGoal: (r, g) => r === g,
      key: (r) => r,
    },
  };
}
