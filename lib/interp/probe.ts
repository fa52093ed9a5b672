/**
 * Linear probes: does a layer linearly encode a quantity (the cheese location, the agent's
 * target, its next move)? A probe is a softmax regression fitted by gradient descent on part of
 * the examples and scored on the rest.
 */
import * as tf from '@tensorflow/tfjs';
import { fail } from '../core/errors';
import { createRng } from '../core/rng';
import type { Cell } from '../envs/grid';
import type { NamedModel } from '../mesa/model';
import type { Example } from './activations';
import { collectActivations, spatialLayer } from './activations';
import { interpMessages } from './messages';

export interface ProbeOptions {
  steps?: number;
  learningRate?: number;
  /** L2 penalty on the weights. */
  l2?: number;
  /** Fraction of examples held out for scoring. Default 0.3. */
  testFraction?: number;
  seed?: number | string;
}

export interface LinearProbe {
  weights: Float32Array;
  bias: Float32Array;
  features: number;
  classes: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** Accuracy of always guessing the most frequent class (the bar a probe must clear). */
  baseline: number;
  predict(x: Float32Array): number[];
  /** Logits of one row of features. */
  logits(row: Float32Array): number[];
}

/**
 * Fits a softmax-regression probe: `X` is [N, features] row-major, `y` the class of each row.
 *
 * @example
 * const p = fitLinearProbe(X, 8, labels, { seed: 1 });
 * p.testAccuracy > p.baseline;
 */
export function fitLinearProbe(X: Float32Array, features: number, y: ArrayLike<number>, opts: ProbeOptions = {}): LinearProbe {
  const n = X.length / features;
  if (n !== y.length) fail('interp/probe', interpMessages.lengthMismatch(n, y.length));
  const classes = Math.max(...Array.from(y)) + 1;
  if (new Set(Array.from(y)).size < 2) fail('interp/probe', interpMessages.fewClasses());
  const rng = createRng(`probe/${String(opts.seed ?? 1)}`);
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const nTest = Math.max(1, Math.floor(n * (opts.testFraction ?? 0.3)));
  const testIdx = order.slice(0, nTest), trainIdx = order.slice(nTest);
  const take = (idx: number[]) => {
    const xs = new Float32Array(idx.length * features);
    idx.forEach((j, i) => xs.set(X.subarray(j * features, (j + 1) * features), i * features));
    return { xs, ys: Int32Array.from(idx.map((j) => y[j])) };
  };
  const tr = take(trainIdx), te = take(testIdx);
  // Standardize features (probe weights are then comparable across features).
  const mean = new Float32Array(features), sd = new Float32Array(features).fill(1);
  for (let f = 0; f < features; f++) {
    let s = 0, s2 = 0;
    for (let i = 0; i < trainIdx.length; i++) { const v = tr.xs[i * features + f]; s += v; s2 += v * v; }
    mean[f] = s / trainIdx.length;
    sd[f] = Math.sqrt(Math.max(1e-8, s2 / trainIdx.length - mean[f] * mean[f]));
  }
  const norm = (xs: Float32Array) => xs.map((v, i) => (v - mean[i % features]) / sd[i % features]);
  const w = tf.variable(tf.zeros([features, classes]));
  const b = tf.variable(tf.zeros([classes]));
  const opt = tf.train.adam(opts.learningRate ?? 0.05);
  const xt = tf.tensor2d(norm(tr.xs), [trainIdx.length, features]);
  const yt = tf.oneHot(tf.tensor1d(tr.ys, 'int32'), classes);
  const l2 = opts.l2 ?? 1e-3;
  for (let s = 0; s < (opts.steps ?? 200); s++) {
    tf.tidy(() => { opt.minimize(() => tf.add(
      tf.losses.softmaxCrossEntropy(yt, tf.add(tf.matMul(xt, w), b)),
      tf.mul(l2, tf.sum(tf.square(w))),
    ) as tf.Scalar); });
  }
  const wv = w.dataSync().slice() as Float32Array, bv = b.dataSync().slice() as Float32Array;
  [w, b, xt, yt].forEach((t) => t.dispose());
  opt.dispose();
  const logits = (row: Float32Array): number[] => {
    const out: number[] = [];
    for (let c = 0; c < classes; c++) {
      let z = bv[c];
      for (let f = 0; f < features; f++) z += ((row[f] - mean[f]) / sd[f]) * wv[f * classes + c];
      out.push(z);
    }
    return out;
  };
  const predict = (xs: Float32Array): number[] => {
    const out: number[] = [];
    for (let i = 0; i < xs.length / features; i++) {
      const z = logits(xs.subarray(i * features, (i + 1) * features));
      out.push(z.indexOf(Math.max(...z)));
    }
    return out;
  };
  const acc = (d: { xs: Float32Array; ys: Int32Array }) => {
    const p = predict(d.xs);
    return p.filter((v, i) => v === d.ys[i]).length / Math.max(1, p.length);
  };
  const counts = new Map<number, number>();
  for (const v of te.ys) counts.set(v, (counts.get(v) ?? 0) + 1);
  return {
    weights: wv, bias: bv, features, classes,
    trainAccuracy: acc(tr), testAccuracy: acc(te), baseline: Math.max(...counts.values()) / te.ys.length, predict, logits,
  };
}

export interface ChannelLocalization {
  layer: string;
  /** Per channel: fraction of examples where the channel's strongest cell is the located cell. */
  accuracy: number[];
  /** Per channel: same, with the weakest cell (channels can encode a location by a dip). */
  accuracyMin: number[];
  best: { channel: number; accuracy: number; sign: 1 | -1 };
  /** Chance level: 1 / number of open cells (averaged). */
  chance: number;
}

/**
 * Which channel of a spatial layer points at a location (e.g. the cheese, or the agent's target):
 * for every channel, how often its argmax (or argmin) cell over the open cells is `locate(example)`.
 */
export function channelLocalization(model: NamedModel, layer: string, examples: readonly Example[], locate: (e: Example) => Cell): ChannelLocalization {
  const { H, W, C } = spatialLayer(model, layer);
  const acts = collectActivations(model, examples, layer);
  const hitsMax = new Array<number>(C).fill(0), hitsMin = new Array<number>(C).fill(0);
  let chance = 0;
  examples.forEach((e, i) => {
    const target = locate(e);
    const passable = e.level.map.passable;
    let open = 0;
    for (let j = 0; j < H * W; j++) open += passable[j];
    chance += 1 / open;
    for (let c = 0; c < C; c++) {
      let best = -Infinity, worst = Infinity, argB = -1, argW = -1;
      for (let j = 0; j < H * W; j++) {
        if (!passable[j]) continue;
        const v = acts.data[(i * H * W + j) * C + c];
        if (v > best) { best = v; argB = j; }
        if (v < worst) { worst = v; argW = j; }
      }
      const t = target.y * W + target.x;
      if (argB === t && best > worst) hitsMax[c] += 1;
      if (argW === t && best > worst) hitsMin[c] += 1;
    }
  });
  const accuracy = hitsMax.map((h) => h / examples.length);
  const accuracyMin = hitsMin.map((h) => h / examples.length);
  let best = { channel: 0, accuracy: -1, sign: 1 as 1 | -1 };
  for (let c = 0; c < C; c++) {
    if (accuracy[c] > best.accuracy) best = { channel: c, accuracy: accuracy[c], sign: 1 };
    if (accuracyMin[c] > best.accuracy) best = { channel: c, accuracy: accuracyMin[c], sign: -1 };
  }
  return { layer, accuracy, accuracyMin, best, chance: chance / examples.length };
}

/**
 * A spatial linear probe: one logistic regression over all channels of a cell ("is this the
 * located cell?"), scored by how often its highest-scoring open cell is the right one.
 */
export function locationProbe(model: NamedModel, layer: string, examples: readonly Example[], locate: (e: Example) => Cell, opts: ProbeOptions = {}): { accuracy: number; chance: number; probe: LinearProbe } {
  const { H, W, C } = spatialLayer(model, layer);
  const acts = collectActivations(model, examples, layer);
  const rng = createRng(`locprobe/${String(opts.seed ?? 1)}`);
  const order = rng.shuffle(examples.map((_, i) => i));
  const nTest = Math.max(1, Math.floor(examples.length * (opts.testFraction ?? 0.3)));
  const test = order.slice(0, nTest), train = order.slice(nTest);
  // Training rows: every open cell of the training examples, label 1 at the located cell.
  const rows: number[] = [], labels: number[] = [];
  for (const i of train) {
    const t = locate(examples[i]);
    const passable = examples[i].level.map.passable;
    for (let j = 0; j < H * W; j++) {
      if (!passable[j]) continue;
      const isT = j === t.y * W + t.x;
      if (!isT && rng.next() > 0.25) continue; // subsample negatives
      for (let c = 0; c < C; c++) rows.push(acts.data[(i * H * W + j) * C + c]);
      labels.push(isT ? 1 : 0);
    }
  }
  const probe = fitLinearProbe(Float32Array.from(rows), C, labels, { ...opts, testFraction: 0.1 });
  let hits = 0, chance = 0;
  for (const i of test) {
    const t = locate(examples[i]);
    const passable = examples[i].level.map.passable;
    let best = -Infinity, arg = -1, open = 0;
    for (let j = 0; j < H * W; j++) {
      if (!passable[j]) continue;
      open += 1;
      const z = probe.logits(acts.data.subarray((i * H * W + j) * C, (i * H * W + j + 1) * C));
      const m = z[1] - z[0];
      if (m > best) { best = m; arg = j; }
    }
    chance += 1 / open;
    if (arg === t.y * W + t.x) hits += 1;
  }
  return { accuracy: hits / test.length, chance: chance / test.length, probe };
}

/**
 * Does a layer encode the model's next move? A softmax probe from the whole layer to the action
 * the model takes.
 */
export function actionProbe(model: NamedModel, layer: string, examples: readonly Example[], opts: ProbeOptions = {}): LinearProbe {
  const acts = collectActivations(model, examples, layer);
  const features = acts.data.length / acts.count;
  return fitLinearProbe(acts.data, features, acts.actions, opts);
}
