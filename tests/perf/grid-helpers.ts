import { expect } from 'vitest';
import type { Cell, GridMap, Movement } from '../../lib/envs/grid';

const STEP: Record<string, [number, number]> = {
  N: [0, -1], E: [1, 0], S: [0, 1], W: [-1, 0], NE: [1, -1], SE: [1, 1], SW: [-1, 1], NW: [-1, -1],
};

/** Checks that path/actions are a legal walk on `map` (no corner cutting) and returns its cost. */
export function walkCost(map: GridMap, path: Cell[], actions: string[], movement: Movement = 'octile'): number {
  const free = (x: number, y: number) => x >= 0 && y >= 0 && x < map.width && y < map.height && map.passable[y * map.width + x] === 1;
  expect(actions.length).toBe(path.length - 1);
  let cost = 0;
  for (let i = 0; i < actions.length; i++) {
    const [dx, dy] = STEP[actions[i]];
    const a = path[i], b = path[i + 1];
    expect({ x: a.x + dx, y: a.y + dy }).toEqual(b);
    expect(free(b.x, b.y)).toBe(true);
    if (dx !== 0 && dy !== 0) {
      expect(movement).toBe('octile');
      expect(free(a.x + dx, a.y) && free(a.x, a.y + dy)).toBe(true); // no corner cutting
      cost += Math.SQRT2;
    } else cost += 1;
  }
  return cost;
}
