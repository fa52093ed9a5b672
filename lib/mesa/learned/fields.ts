/**
 * The fast typed-array path for evaluation: the network's move at every cell ("move field") of
 * many levels, at chosen iteration counts in one pass, and greedy rollouts that follow it. The
 * network does not read the mouse channel, so one pass gives the move the agent would make from
 * every cell; a rollout is a walk along the field.
 */
import { fail } from '../../core/errors';
import type { CheeseMazeLevel, EpisodeOutcome } from '../../envs/cheese-maze';
import { expertAction, mazeDistances, runEpisode } from '../../envs/cheese-maze';
import type { Arr, Geom } from './conv';
import { makeBatch } from './data';
import { learnedMessages } from './messages';
import type { ParamLayout } from './net';
import { readout, run } from './net';

/** Network weights plus their layout (what every evaluation needs). */
export interface LearnedNet { params: Float32Array; layout: ParamLayout }

/** Argmax move at every cell [H*W] of each level of a batch, from padded logits. */
function argmaxFields(logits: Arr, g: Geom): Int8Array[] {
  return Array.from({ length: g.B }, (_, b) => {
    const f = new Int8Array(g.H * g.W);
    for (let y = 0; y < g.H; y++) for (let x = 0; x < g.W; x++) {
      const o = ((b * (g.H + 2) + y + 1) * (g.W + 2) + x + 1) * 4;
      let best = 0;
      for (let k = 1; k < 4; k++) if (logits[o + k] > logits[o + best]) best = k;
      f[y * g.W + x] = best;
    }
    return f;
  });
}

function checkLevels(levels: readonly CheeseMazeLevel[]): number {
  if (levels.length === 0) fail('mesa/learned', learnedMessages.notMaze('no levels given'));
  const size = levels[0].map.width;
  if (levels.some((l) => l.map.width !== size || l.map.height !== size)) fail('mesa/learned', learnedMessages.mixedSizes());
  return size;
}

/**
 * Move fields of every level after each iteration count in `checkpoints` (sorted ascending), in
 * one pass per chunk of levels. `onState(t, h, g, first)` sees every iteration's padded state
 * (first = index of the chunk's first level).
 */
export function moveFields(
  net: LearnedNet, levels: readonly CheeseMazeLevel[], checkpoints: readonly number[],
  opts: { chunk?: number; onState?: (t: number, h: Arr, g: Geom, first: number) => void } = {},
): Map<number, Int8Array[]> {
  checkLevels(levels);
  const cps = [...new Set(checkpoints)].sort((a, b) => a - b);
  const out = new Map<number, Int8Array[]>(cps.map((c) => [c, []]));
  const chunk = opts.chunk ?? 16;
  for (let i = 0; i < levels.length; i += chunk) {
    const batch = makeBatch(levels.slice(i, i + chunk), net.layout.shape.coordinates !== false);
    run(net.params, net.layout, batch.x, batch.g, cps[cps.length - 1], (t, h) => {
      opts.onState?.(t, h, batch.g, i);
      if (out.has(t)) out.get(t)!.push(...argmaxFields(readout(net.params, net.layout, h, batch.g), batch.g));
    });
  }
  return out;
}

/** Where a walk along a move field from the level's start ends (greedy rollout, cells-many steps). */
export function followField(level: CheeseMazeLevel, field: Int8Array): { outcome: EpisodeOutcome; steps: number } {
  const W = level.map.width;
  const ep = runEpisode(level, (_lv, s) => field[s.mouse.y * W + s.mouse.x]);
  return { outcome: ep.outcome, steps: ep.steps };
}

/** Fraction of open non-cheese cells where the field's move is the shortest-path move. */
export function fieldAccuracy(level: CheeseMazeLevel, field: Int8Array, dist: Int32Array = mazeDistances(level.map, level.cheese)): number {
  const W = level.map.width;
  let ok = 0, n = 0;
  for (let i = 0; i < field.length; i++) {
    if (dist[i] <= 0) continue;
    n++;
    if (field[i] === expertAction(level.map, dist, { x: i % W, y: (i / W) | 0 })) ok++;
  }
  return n ? ok / n : 1;
}
