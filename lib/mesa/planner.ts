/**
 * The fixed planner of agent 1. Value iteration on a maze with a per-cell log reward R and a log
 * discount of -1 per step converges to V(s) = max_g [R(g) - dist(s, g)]: the best target,
 * discounted by the number of steps to it. `valueIteration` runs the sweeps as tensor ops (what
 * a Value Iteration Network does); `plannerValues` computes the same fixed point directly from
 * breadth-first distances, which is much cheaper to differentiate through. A test checks they agree.
 */
import * as tf from '@tensorflow/tfjs';
import { ACTION_DELTAS } from '../envs/cheese-maze';
import { bfsDistances, createGridMap, indexCell } from '../envs/grid';
import { neighbours } from './ops';

/** Value of walls and of unreachable cells. */
export const WALL_VALUE = -1000;
/** Log discount per step of the fixed planner. */
export const LOG_DISCOUNT = -1;
/** Distance used for unreachable cells (large enough that they never win a max). */
const FAR = 10000;

/** `sweeps` synchronous Bellman backups over a [B,H,W] log-reward map; `open` is 1 on open cells. */
export function valueIteration(target: tf.Tensor3D, open: tf.Tensor3D, sweeps: number): tf.Tensor3D {
  return tf.tidy(() => {
    const wall = tf.sub(1, open);
    let value = target;
    for (let k = 0; k < sweeps; k++) {
      const nb = neighbours(value, WALL_VALUE);
      const best = tf.maximum(tf.maximum(nb[0], nb[1]), tf.maximum(nb[2], nb[3]));
      const next = tf.maximum(value, tf.add(best, LOG_DISCOUNT));
      value = tf.add(tf.mul(next, open), tf.mul(wall, WALL_VALUE)) as tf.Tensor3D;
    }
    return value;
  });
}

const cache = new Map<string, Float32Array>();

/** All-pairs step distances (times -LOG_DISCOUNT) of a maze given its open mask; FAR when unreachable. */
export function distanceMatrix(open: ArrayLike<number>, width: number, height: number): Float32Array {
  let key = `${width}x${height}:`;
  for (let i = 0; i < open.length; i++) key += open[i] > 0.5 ? '1' : '0';
  const hit = cache.get(key);
  if (hit) return hit;
  const n = width * height;
  const map = createGridMap(width, height, Uint8Array.from({ length: n }, (_, i) => (open[i] > 0.5 ? 1 : 0)));
  const D = new Float32Array(n * n).fill(FAR);
  const dist = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (!map.passable[s]) continue;
    bfsDistances(map, indexCell(map, s), dist);
    const row = s * n;
    for (let j = 0; j < n; j++) if (dist[j] >= 0) D[row + j] = dist[j];
  }
  for (let i = 0; i < D.length; i++) D[i] *= -LOG_DISCOUNT;
  if (cache.size > 5000) cache.clear();
  cache.set(key, D);
  return D;
}

/**
 * The planner's fixed point: for each example, the value of the cells in `rows` (per example,
 * cell indices) as max_g [target(g) - dist(row, g)]. `target` is [B, H*W]; rows that are walls
 * or off the map get WALL_VALUE.
 */
export function plannerValues(target: tf.Tensor2D, open: Float32Array, width: number, height: number, rows: number[][]): tf.Tensor2D {
  const [B, n] = target.shape;
  const k = rows[0].length;
  const dist = new Float32Array(B * k * n);
  for (let b = 0; b < B; b++) {
    const D = distanceMatrix(open.subarray(b * n, (b + 1) * n), width, height);
    for (let r = 0; r < k; r++) {
      const cell = rows[b][r];
      const o = (b * k + r) * n;
      if (cell < 0) { dist.fill(-WALL_VALUE + FAR, o, o + n); continue; }
      dist.set(D.subarray(cell * n, (cell + 1) * n), o);
    }
  }
  return tf.tidy(() => {
    const d = tf.tensor3d(dist, [B, k, n]);
    const v = tf.max(tf.sub(target.reshape([B, 1, n]), d), 2) as tf.Tensor2D;
    return tf.maximum(v, WALL_VALUE) as tf.Tensor2D;
  });
}

/** The cell index of each action's neighbour of `mouse` (-1 if off the map or a wall). */
export function neighbourCells(open: Float32Array, offset: number, width: number, height: number, mouse: number): number[] {
  const x = mouse % width, y = (mouse / width) | 0;
  return ACTION_DELTAS.map(([dx, dy]) => {
    const nx = x + dx, ny = y + dy;
    if (nx < 0 || ny < 0 || nx >= width || ny >= height) return -1;
    const j = ny * width + nx;
    return open[offset + j] > 0.5 ? j : -1;
  });
}
