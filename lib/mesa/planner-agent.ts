/**
 * Agent 1: a general-purpose search with a learned objective (notebook 07's architecture (2) without
 * the goal-specific heuristics a commenter expected training to add: the easiest case to retarget). A small
 * network maps the observation to a target map — a log-reward for every cell, the agent's
 * mesa-objective — and a fixed planner (value iteration on the maze, as in Value Iteration
 * Networks, Tamar et al. 2016) plans on it. Only the target network (and the policy temperature)
 * is learned; the planner is the same for every goal, so writing the target map retargets it.
 *
 * Named activations: `obs`, `reward.hidden` [H,W,16], `target.logit` [H,W], `target.map` [H,W]
 * (log reward, walls at -1000), `plan.value` [H,W] (the planner's value, computed when read or patched), `policy.q` [4].
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../core/rng';
import { CHEESE_MAZE_CHANNELS } from '../envs/cheese-maze';
import type { ForwardOptions, ForwardResult, LayerInfo, NamedModel } from './model';
import { Tap, VariableStore, checkAgentSize, checkObservation } from './model';
import { conv, glorot } from './ops';
import { WALL_VALUE, neighbourCells, plannerValues } from './planner';
export { WALL_VALUE, LOG_DISCOUNT } from './planner';

export interface PlannerAgentConfig {
  size: number;
  /** Hidden channels of the target network. Default 16. */
  hidden?: number;
  seed: number | string;
}

/** Lowest log reward the target network can give an open cell. */
export const MIN_LOG_REWARD = -30;

export class PlannerAgent extends VariableStore implements NamedModel {
  readonly kind = 'planner';
  readonly size: number;
  readonly layers: LayerInfo[];
  readonly config: Required<PlannerAgentConfig>;
  constructor(config: PlannerAgentConfig) {
    super();
    const size = config.size;
    checkAgentSize('mesa/planner-agent', size);
    const hidden = config.hidden ?? 16;
    this.size = size;
    this.config = { size, hidden, seed: config.seed };
    const C = CHEESE_MAZE_CHANNELS.length;
    const rng = createRng(`planner/${String(config.seed)}`);
    this.addVar('w1', [C, hidden], glorot(rng, [C, hidden], C, hidden));
    this.addVar('b1', [hidden], new Float32Array(hidden));
    this.addVar('w2', [hidden, 1], glorot(rng, [hidden, 1], hidden, 1));
    this.addVar('b2', [1], new Float32Array(1));
    this.addVar('logTemp', [1], Float32Array.from([Math.log(0.5)]));
    const g = [size, size];
    this.layers = [
      { name: 'obs', shape: [size, size, C], spatial: true, description: 'the observation (wall, mouse, cheese, x, y)' },
      { name: 'reward.hidden', shape: [size, size, hidden], spatial: true, description: 'hidden features of the target network (1x1 convolution + relu)' },
      { name: 'target.logit', shape: g, spatial: true, description: 'pre-activation of the target map' },
      { name: 'target.map', shape: g, spatial: true, description: 'the mesa-objective: log reward of each cell (walls -1000)' },
      { name: 'plan.value', shape: g, spatial: true, description: 'the planner\'s value: max over cells of log reward minus distance (read or patch it to see the plan)' },
      { name: 'policy.q', shape: [4], spatial: false, description: 'value of each move from the mouse cell (-1000 into walls)' },
    ];
  }

  forward(obs: tf.Tensor4D, opts: ForwardOptions = {}): ForwardResult {
    const tap = new Tap(this, opts);
    const [B, H, W] = checkObservation('mesa/planner-agent', obs, this.size);
    const x = tap.at('obs', obs);
    const wall = tf.slice(obs, [0, 0, 0, 0], [B, H, W, 1]).reshape([B, H, W]) as tf.Tensor3D;
    const mouse = tf.slice(obs, [0, 0, 0, 1], [B, H, W, 1]).reshape([B, H, W]) as tf.Tensor3D;
    const open = tf.sub(1, wall) as tf.Tensor3D;
    const h = tap.at('reward.hidden', tf.relu(conv(x, this.v('w1'), this.v('b1'), 1)));
    const logit = tap.at('target.logit', conv(h, this.v('w2'), this.v('b2'), 1).reshape([B, H, W]) as tf.Tensor3D);
    const raw = tf.maximum(tf.neg(tf.softplus(tf.neg(logit))), MIN_LOG_REWARD);
    const target = tap.at('target.map', tf.add(tf.mul(raw, open), tf.mul(wall, WALL_VALUE)) as tf.Tensor3D);
    // The fixed planner (see planner.ts): exact value-iteration fixed point from maze distances.
    const n = H * W;
    const openData = open.reshape([B, n]).dataSync() as Float32Array;
    const mouseIdx = tf.tidy(() => mouse.reshape([B, n]).argMax(1)).dataSync();
    const flatTarget = target.reshape([B, n]) as tf.Tensor2D;
    let q: tf.Tensor2D;
    const wantValue = opts.read === 'all' || (Array.isArray(opts.read) && opts.read.includes('plan.value')) || !!opts.patch?.['plan.value'];
    if (wantValue) {
      const all = Array.from({ length: n }, (_, i) => i);
      const value = tap.at('plan.value', plannerValues(flatTarget, openData, W, H, Array.from({ length: B }, () => all)).reshape([B, H, W]) as tf.Tensor3D);
      const flatV = value.reshape([B, n]);
      const idx = Array.from({ length: B }, (_, b) => neighbourCells(openData, b * n, W, H, mouseIdx[b]));
      const gather = new Float32Array(B * 4 * n);
      idx.forEach((cells, b) => cells.forEach((c, a) => { if (c >= 0) gather[(b * 4 + a) * n + c] = 1; }));
      const g = tf.tensor3d(gather, [B, 4, n]);
      const valid = tf.sum(g, 2);
      q = tf.add(tf.sum(tf.mul(g, flatV.reshape([B, 1, n])), 2), tf.mul(tf.sub(1, valid), WALL_VALUE)) as tf.Tensor2D;
    } else {
      const rows = Array.from({ length: B }, (_, b) => neighbourCells(openData, b * n, W, H, mouseIdx[b]));
      q = plannerValues(flatTarget, openData, W, H, rows);
    }
    q = tap.at('policy.q', q);
    const logits = tf.div(q, tf.exp(this.v('logTemp'))) as tf.Tensor2D;
    return { logits, acts: tap.acts };
  }
}
