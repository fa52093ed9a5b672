/**
 * Perfect mazes by the recursive backtracker (randomised depth-first search): corridors on odd
 * coordinates, walls between them; every corridor cell is reachable from every other by exactly
 * one path (a spanning tree), unless `loops` opens extra walls.
 */
import { fail } from '../core/errors';
import type { GridMap } from './grid';
import { envsMessages } from './messages';
import type { SeedOrRng } from './seed';
import { toRng } from './seed';

const MODULE = 'envs/maze';

export interface MazeOptions {
  /** Probability of opening each remaining wall between two corridors (0 = perfect maze). */
  loops?: number;
  name?: string;
}

/**
 * A seeded recursive-backtracker maze. Odd `width` and `height` give a maze with a wall border;
 * with even sizes the last column/row stays blocked. Deterministic per seed; connected.
 *
 * @example
 * const map = generateMaze(21, 11, 7);
 * renderAscii(map, { start: { x: 1, y: 1 }, goal: { x: 19, y: 9 } });
 */
export function generateMaze(width: number, height: number, seed: SeedOrRng, options: MazeOptions = {}): GridMap {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 3 || height < 3) {
    fail(MODULE, envsMessages.genTooSmall('a maze', 3, width, height));
  }
  const loops = options.loops ?? 0;
  if (!(loops >= 0 && loops <= 1)) fail(MODULE, envsMessages.genBadDensity(loops));
  const rng = toRng(seed);
  const cw = (width - 1) >> 1, ch = (height - 1) >> 1;
  const passable = new Uint8Array(width * height);
  const visited = new Uint8Array(cw * ch);
  const open = (cx: number, cy: number): void => { passable[(2 * cy + 1) * width + 2 * cx + 1] = 1; };
  const dirs = [[0, -1], [1, 0], [0, 1], [-1, 0]];
  const stack: number[] = [0];
  visited[0] = 1; open(0, 0);
  while (stack.length) {
    const c = stack[stack.length - 1];
    const cx = c % cw, cy = (c / cw) | 0;
    const next: number[] = [];
    for (const [dx, dy] of dirs) {
      const nx = cx + dx, ny = cy + dy;
      if (nx >= 0 && ny >= 0 && nx < cw && ny < ch && !visited[ny * cw + nx]) next.push(ny * cw + nx);
    }
    if (next.length === 0) { stack.pop(); continue; }
    const n = rng.pick(next);
    const nx = n % cw, ny = (n / cw) | 0;
    visited[n] = 1; open(nx, ny);
    passable[(cy + ny + 1) * width + (cx + nx + 1)] = 1; // the wall between the two cells
    stack.push(n);
  }
  if (loops > 0) {
    for (let y = 1; y < 2 * ch; y++) {
      for (let x = 1; x < 2 * cw; x++) {
        if (passable[y * width + x] || (x % 2 === 1) === (y % 2 === 1)) continue; // only walls between two cells
        if (rng.chance(loops)) passable[y * width + x] = 1;
      }
    }
  }
  return { name: options.name ?? `maze-${width}x${height}-${String(rng.seed)}`, width, height, passable };
}
