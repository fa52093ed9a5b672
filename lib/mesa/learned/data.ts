/**
 * Training batches for the learned searcher: dense imitation of the shortest-path expert. Every
 * open cell other than the cheese is labelled with the expert's move toward the cheese (ties by
 * action order), so one maze gives one label per open cell. This is the base optimizer's
 * choice of supervision (imitation everywhere), not a planner inside the network.
 */
import type { CheeseMazeLevel } from '../../envs/cheese-maze';
import { CHEESE_MAZE_CHANNELS, expertAction, mazeDistances, writeObservation } from '../../envs/cheese-maze';
import type { Arr, Geom } from './conv';
import { paddedSize } from './conv';
import { INPUT_CHANNELS, inputFromObservation } from './net';

export interface Batch {
  g: Geom;
  /** Network input, padded, channels wall, cheese, x, y. */
  x: Float32Array;
  /** Expert move per padded cell, -1 where unlabelled (walls, cheese, border). */
  labels: Int8Array;
  /** Maze distance to the cheese per padded cell (-1 for walls and the border). */
  dist: Int32Array;
  /** Longest labelled distance in the batch. */
  maxDist: number;
}

/** Observations [B,H,W,5] of levels (mouse at each level's start). */
export function observations(levels: readonly CheeseMazeLevel[]): Float32Array {
  const size = levels[0].map.width;
  const per = size * size * CHEESE_MAZE_CHANNELS.length;
  const obs = new Float32Array(levels.length * per);
  levels.forEach((lv, i) => writeObservation(lv, lv.start, obs, i * per));
  return obs;
}

/** A batch of same-size levels with dense expert labels. */
export function makeBatch(levels: readonly CheeseMazeLevel[], coordinates = true): Batch {
  const H = levels[0].map.height, W = levels[0].map.width;
  const g: Geom = { B: levels.length, H, W };
  const x = new Float32Array(paddedSize(g, INPUT_CHANNELS.length));
  inputFromObservation(observations(levels), g, x as Arr, coordinates);
  const labels = new Int8Array(paddedSize(g, 1)).fill(-1);
  const dist = new Int32Array(labels.length).fill(-1);
  let maxDist = 0;
  levels.forEach((lv, b) => {
    const d = mazeDistances(lv.map, lv.cheese);
    for (let y = 0; y < H; y++) {
      for (let xx = 0; xx < W; xx++) {
        const i = (b * (H + 2) + y + 1) * (W + 2) + xx + 1;
        const di = d[y * W + xx];
        dist[i] = di;
        if (di <= 0) continue;
        labels[i] = expertAction(lv.map, d, { x: xx, y });
        if (di > maxDist) maxDist = di;
      }
    }
  });
  return { g, x, labels, dist, maxDist };
}
