/**
 * A planted toy model where the answer is known, to test every interpretability method: its layer
 * `features` has channel 0 = the cheese (the goal tracker), channel 1 = walls, channel 2 = the
 * x coordinate; its move is the one that most reduces the Manhattan distance to wherever channel 0
 * is high. Nothing in it is trained.
 */
import * as tf from '@tensorflow/tfjs';
import type { ForwardOptions, ForwardResult, LayerInfo, NamedModel } from '../mesa/model';
import { Tap } from '../mesa/model';

/** The no-weights half of a NamedModel, shared by the planted toys (nothing in them is trained). */
abstract class WeightlessModel {
  readonly variables: tf.Variable[] = [];
  parameterCount(): number { return 0; }
  getWeights(): Record<string, { shape: number[]; values: number[] }> { return {}; }
  setWeights(): void { /* no weights */ }
  dispose(): void { /* nothing to free */ }
}

export class PlantedToyModel extends WeightlessModel implements NamedModel {
  readonly kind = 'toy';
  readonly layers: LayerInfo[];
  constructor(readonly size: number) {
    super();
    this.layers = [
      { name: 'obs', shape: [size, size, 5], spatial: true, description: 'observation' },
      { name: 'features', shape: [size, size, 3], spatial: true, description: 'ch0 = cheese (goal), ch1 = walls, ch2 = x' },
      { name: 'logits', shape: [4], spatial: false, description: 'moves towards channel 0' },
    ];
  }
  forward(obs: tf.Tensor4D, opts: ForwardOptions = {}): ForwardResult {
    const tap = new Tap(this, opts);
    const [B, H, W] = obs.shape;
    const x = tap.at('obs', obs);
    const ch = (i: number) => tf.slice(x, [0, 0, 0, i], [B, H, W, 1]);
    const f = tap.at('features', tf.concat([ch(2), ch(0), ch(3)], 3) as tf.Tensor4D);
    const goal = tf.slice(f, [0, 0, 0, 0], [B, H, W, 1]).reshape([B, H * W]);
    const mouse = tf.slice(x, [0, 0, 0, 1], [B, H, W, 1]).reshape([B, H * W]);
    const xs = tf.tensor1d(Array.from({ length: H * W }, (_, j) => j % W));
    const ys = tf.tensor1d(Array.from({ length: H * W }, (_, j) => Math.floor(j / W)));
    const mean = (mass: tf.Tensor, coord: tf.Tensor) => tf.div(tf.sum(tf.mul(mass, coord), 1), tf.add(tf.sum(mass, 1), 1e-6));
    const dx = tf.sub(mean(goal, xs), mean(mouse, xs)), dy = tf.sub(mean(goal, ys), mean(mouse, ys));
    const logits = tap.at('logits', tf.stack([tf.neg(dy), dx, dy, tf.neg(dx)], 1) as tf.Tensor2D);
    return { logits, acts: tap.acts };
  }
}

/** Greedy move logits towards the centroid of `goal` [B, H*W]: −(Manhattan distance after the move), walls barred. */
function towards(obs: tf.Tensor4D, goal: tf.Tensor2D): tf.Tensor2D {
  const [B, H, W] = obs.shape;
  const raw = obs.dataSync();
  const C = obs.shape[3];
  const mx: number[] = [], my: number[] = [], bar: number[] = [];
  for (let b = 0; b < B; b++) {
    let m = 0;
    for (let j = 0; j < H * W; j++) if (raw[(b * H * W + j) * C + 1] > 0.5) m = j;
    const x = m % W, y = Math.floor(m / W);
    mx.push(x); my.push(y);
    for (const [dx, dy] of [[0, -1], [1, 0], [0, 1], [-1, 0]]) {
      const nx = x + dx, ny = y + dy;
      const blocked = nx < 0 || ny < 0 || nx >= W || ny >= H || raw[(b * H * W + ny * W + nx) * C] > 0.5;
      bar.push(blocked ? -100 : 0);
    }
  }
  const xs = tf.tensor1d(Array.from({ length: H * W }, (_, j) => j % W));
  const ys = tf.tensor1d(Array.from({ length: H * W }, (_, j) => Math.floor(j / W)));
  const mass = tf.relu(goal);
  const total = tf.add(tf.sum(mass, 1), 1e-6);
  const gx = tf.div(tf.sum(tf.mul(mass, xs), 1), total), gy = tf.div(tf.sum(tf.mul(mass, ys), 1), total);
  const cols = [[0, -1], [1, 0], [0, 1], [-1, 0]].map(([dx, dy]) => tf.neg(tf.add(
    tf.abs(tf.sub(tf.add(tf.tensor1d(mx), dx), gx)), tf.abs(tf.sub(tf.add(tf.tensor1d(my), dy), gy)),
  )));
  return tf.add(tf.stack(cols, 1), tf.tensor2d(bar, [B, 4])) as tf.Tensor2D;
}

/**
 * A planted toy for locating procedures, answer known: its layer `hidden` has ch0 = walls,
 * ch1 = mouse, ch2 = a copy of the cheese that nothing reads (correlated, not causal), ch3 = the
 * cheese, which the move is computed from (the planted target), ch4 = a blurred cheese nothing
 * reads, ch5 = x. It moves greedily towards wherever channel 3 is high.
 */
export class PlantedCausalToy extends WeightlessModel implements NamedModel {
  readonly kind = 'causal-toy';
  readonly layers: LayerInfo[];
  constructor(readonly size: number) {
    super();
    this.layers = [
      { name: 'obs', shape: [size, size, 5], spatial: true, description: 'observation', input: true },
      { name: 'hidden', shape: [size, size, 6], spatial: true, description: 'ch0 walls, ch1 mouse, ch2 cheese copy (unused), ch3 cheese (acted on), ch4 blurred cheese (unused), ch5 x' },
      { name: 'logits', shape: [4], spatial: false, description: 'greedy moves towards channel 3' },
    ];
  }
  forward(obs: tf.Tensor4D, opts: ForwardOptions = {}): ForwardResult {
    const tap = new Tap(this, opts);
    const [B, H, W] = obs.shape;
    const x = tap.at('obs', obs);
    const ch = (i: number) => tf.slice(x, [0, 0, 0, i], [B, H, W, 1]);
    const blur = tf.avgPool(ch(2) as tf.Tensor4D, 3, 1, 'same');
    const h = tap.at('hidden', tf.concat([ch(0), ch(1), ch(2), ch(2), blur, ch(3)], 3) as tf.Tensor4D);
    const goal = tf.slice(h, [0, 0, 0, 3], [B, H, W, 1]).reshape([B, H * W]) as tf.Tensor2D;
    const logits = tap.at('logits', towards(x, goal));
    return { logits, acts: tap.acts };
  }
}

/**
 * A toy whose only cheese information is the observation itself: its hidden layer holds walls and
 * the mouse, and the move is read straight from the observation's cheese channel. A locating
 * procedure must report it not located (decoding the input does not count).
 */
export class InputOnlyToy extends WeightlessModel implements NamedModel {
  readonly kind = 'input-only-toy';
  readonly layers: LayerInfo[];
  constructor(readonly size: number) {
    super();
    this.layers = [
      { name: 'obs', shape: [size, size, 5], spatial: true, description: 'observation' },
      { name: 'hidden', shape: [size, size, 2], spatial: true, description: 'ch0 walls, ch1 mouse' },
      { name: 'logits', shape: [4], spatial: false, description: 'greedy moves towards the observed cheese' },
    ];
  }
  forward(obs: tf.Tensor4D, opts: ForwardOptions = {}): ForwardResult {
    const tap = new Tap(this, opts);
    const [B, H, W] = obs.shape;
    const x = tap.at('obs', obs);
    tap.at('hidden', tf.slice(x, [0, 0, 0, 0], [B, H, W, 2]) as tf.Tensor4D);
    const goal = tf.slice(x, [0, 0, 0, 2], [B, H, W, 1]).reshape([B, H * W]) as tf.Tensor2D;
    const logits = tap.at('logits', towards(x, goal));
    return { logits, acts: tap.acts };
  }
}

/** Greedy move logits at every cell towards the centroid of `goal` [B, H*W]: [B, H, W, 4], walls barred. */
function cellMoves(obs: tf.Tensor4D, goal: tf.Tensor2D): tf.Tensor4D {
  const [B, H, W, C] = obs.shape;
  const raw = obs.dataSync();
  const bar = new Float32Array(B * H * W * 4), cx = new Float32Array(H * W * 4), cy = new Float32Array(H * W * 4);
  const deltas = [[0, -1], [1, 0], [0, 1], [-1, 0]];
  for (let j = 0; j < H * W; j++) deltas.forEach(([dx, dy], a) => { cx[j * 4 + a] = (j % W) + dx; cy[j * 4 + a] = Math.floor(j / W) + dy; });
  for (let b = 0; b < B; b++) for (let j = 0; j < H * W; j++) deltas.forEach(([dx, dy], a) => {
    const nx = (j % W) + dx, ny = Math.floor(j / W) + dy;
    if (nx < 0 || ny < 0 || nx >= W || ny >= H || raw[(b * H * W + ny * W + nx) * C] > 0.5) bar[(b * H * W + j) * 4 + a] = -100;
  });
  const xs = tf.tensor1d(Array.from({ length: H * W }, (_, j) => j % W));
  const ys = tf.tensor1d(Array.from({ length: H * W }, (_, j) => Math.floor(j / W)));
  const mass = tf.relu(goal);
  const total = tf.add(tf.sum(mass, 1), 1e-6);
  const gx = tf.div(tf.sum(tf.mul(mass, xs), 1), total).reshape([B, 1]), gy = tf.div(tf.sum(tf.mul(mass, ys), 1), total).reshape([B, 1]);
  const dist = tf.add(tf.abs(tf.sub(tf.tensor2d(cx, [1, H * W * 4]), gx)), tf.abs(tf.sub(tf.tensor2d(cy, [1, H * W * 4]), gy)));
  return tf.add(tf.neg(dist), tf.tensor2d(bar, [B, H * W * 4])).reshape([B, H, W, 4]) as tf.Tensor4D;
}

/** The row of `moves` [B, H, W, 4] at each example's mouse cell (channel 1 of the observation). */
function atMouse(obs: tf.Tensor4D, moves: tf.Tensor4D): tf.Tensor2D {
  const [B, H, W, C] = obs.shape;
  const raw = obs.dataSync();
  const sel = new Float32Array(B * H * W);
  for (let b = 0; b < B; b++) for (let j = 0; j < H * W; j++) if (raw[(b * H * W + j) * C + 1] > 0.5) sel[b * H * W + j] = 1;
  return tf.sum(tf.mul(moves, tf.tensor4d(sel, [B, H, W, 1])), [1, 2]) as tf.Tensor2D;
}

/**
 * A planted recurrent toy: `iterations` steps of a hidden state `iter.k.h` [H,W,3] with the
 * observation fed in again at every step. Channel 0 is the goal trace, g ← (g + cheese) / 2, read
 * out at the end (the planted target, at every iteration); channel 1 copies the cheese and is never
 * read (correlated, not causal); channel 2 is the mouse. Layer `moves` [H,W,4] holds the greedy
 * move towards channel 0 of the last iteration from every cell; the move is `moves` at the mouse
 * (so the computation never reads the mouse: rollouts may walk `moves` as a per-cell policy).
 */
export class PlantedRecurrentToy extends WeightlessModel implements NamedModel {
  readonly kind = 'recurrent-toy';
  readonly layers: LayerInfo[];
  constructor(readonly size: number, readonly iterations = 4) {
    super();
    this.layers = [
      { name: 'obs', shape: [size, size, 5], spatial: true, description: 'observation', input: true },
      ...Array.from({ length: iterations }, (_, k) => ({
        name: `iter.${k}.h`, shape: [size, size, 3], spatial: true, description: `hidden state after iteration ${k}: ch0 goal trace, ch1 unused cheese copy, ch2 mouse`,
      })),
      { name: 'moves', shape: [size, size, 4], spatial: true, description: 'move logits at every cell, towards channel 0 of the last iteration' },
      { name: 'logits', shape: [4], spatial: false, description: 'the moves at the mouse cell' },
    ];
  }
  forward(obs: tf.Tensor4D, opts: ForwardOptions = {}): ForwardResult {
    const tap = new Tap(this, opts);
    const [B, H, W] = obs.shape;
    const x = tap.at('obs', obs);
    const ch = (t: tf.Tensor, i: number) => tf.slice(t, [0, 0, 0, i], [B, H, W, 1]);
    let h = tf.zeros([B, H, W, 3]) as tf.Tensor4D;
    for (let k = 0; k < this.iterations; k++) {
      const g = tf.mul(tf.add(ch(h, 0), ch(x, 2)), 0.5);
      h = tap.at(`iter.${k}.h`, tf.concat([g, ch(x, 2), ch(x, 1)], 3) as tf.Tensor4D);
    }
    const moves = tap.at('moves', cellMoves(x, ch(h, 0).reshape([B, H * W]) as tf.Tensor2D));
    const logits = tap.at('logits', atMouse(x, moves));
    return { logits, acts: tap.acts };
  }
}
