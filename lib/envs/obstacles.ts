/**
 * Random obstacles: each cell is blocked independently with probability `density`. Such maps
 * promise nothing about connectivity unless `connected: true`, which blocks every cell outside
 * the largest connected component.
 */
import { fail } from '../core/errors';
import type { GridMap, Movement } from './grid';
import { connectedComponents } from './grid';
import { envsMessages } from './messages';
import type { SeedOrRng } from './seed';
import { toRng } from './seed';

const MODULE = 'envs/obstacles';

export interface ObstaclesOptions {
  /** Probability that a cell is blocked, in [0, 1) (default 0.25). */
  density?: number;
  /** Keep only the largest component (under `movement`) passable (default false). */
  connected?: boolean;
  movement?: Movement;
  name?: string;
}

/**
 * A seeded random-obstacle map.
 *
 * @example
 * const map = generateObstacles(40, 30, 11, { density: 0.3, connected: true });
 */
export function generateObstacles(width: number, height: number, seed: SeedOrRng, options: ObstaclesOptions = {}): GridMap {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    fail(MODULE, envsMessages.gridBadDims(width, height));
  }
  const density = options.density ?? 0.25;
  if (typeof density !== 'number' || !(density >= 0 && density < 1)) fail(MODULE, envsMessages.genBadDensity(density));
  const rng = toRng(seed);
  const passable = new Uint8Array(width * height);
  for (let i = 0; i < passable.length; i++) passable[i] = rng.next() < density ? 0 : 1;
  const map: GridMap = { name: options.name ?? `obstacles-${width}x${height}-${String(rng.seed)}`, width, height, passable };
  if (options.connected) {
    const { labels, sizes } = connectedComponents(map, options.movement ?? 'four');
    let best = -1;
    for (let c = 0; c < sizes.length; c++) if (best < 0 || sizes[c] > sizes[best]) best = c;
    for (let i = 0; i < passable.length; i++) if (labels[i] !== best) passable[i] = 0;
  }
  return map;
}
