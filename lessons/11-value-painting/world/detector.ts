/**
 * Learned concept detectors (the world model's "thought assessors"): a small MLP from an
 * observation to one sigmoid score per concept, trained by gradient descent on labelled states of
 * training episodes. Snapshots of the weights along training let us paint value on a detector
 * before it has formed (the "infant" phase).
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../lib/core/rng';
import { fail } from '../../../lib/core/errors';
import { worldModelMessages } from './messages';
import { CONCEPTS, OBS_SIZE, makeEpisodes, observe, openCells, trueConcepts, type Episode, type EpisodeOptions } from './world';
import type { Cell } from '../../../lib/envs/grid';
import { configHash, readCache, writeCache } from '../../../lib/core/cache';

const MODULE = 'worldmodel/detector';

export type DetectorWeights = { w1: number[]; b1: number[]; w2: number[]; b2: number[] };

export interface DetectorOptions extends EpisodeOptions {
  /** Training episodes (default 40); every open cell of each is a labelled example. */
  episodes?: number;
  /** Adam steps (default 300) and rate (default 0.02). */
  steps?: number;
  learningRate?: number;
  hidden?: number;
  /** Steps at which to keep a snapshot of the weights (default a log-spaced set up to `steps`). */
  snapshots?: readonly number[];
  seed?: number | string;
  cache?: boolean;
}

export interface TrainedDetectors {
  /** Snapshots by step (always includes 0 and the last step). */
  snapshots: { step: number; weights: DetectorWeights; loss: number }[];
  hidden: number;
  cached: boolean;
}

function initWeights(hidden: number, seed: number | string): DetectorWeights {
  const rng = createRng(`detector/${String(seed)}`);
  const u = (n: number, lim: number) => Array.from({ length: n }, () => rng.float(-lim, lim));
  const K = CONCEPTS.length;
  return { w1: u(OBS_SIZE * hidden, Math.sqrt(6 / (OBS_SIZE + hidden))), b1: new Array(hidden).fill(0), w2: u(hidden * K, Math.sqrt(6 / (hidden + K))), b2: new Array(K).fill(0) };
}

/**
 * Trains concept detectors on every open cell of `episodes` training episodes.
 *
 * @example
 * const det = trainDetectors({ cheeseSpread: 0, steps: 300, seed: 1 });
 * scoreStates(det.snapshots.at(-1)!.weights, episode, openCells(episode));
 */
export function trainDetectors(opts: DetectorOptions = {}): TrainedDetectors {
  const steps = opts.steps ?? 300, lr = opts.learningRate ?? 0.02, hidden = opts.hidden ?? 16, n = opts.episodes ?? 40;
  if (!Number.isInteger(steps) || steps < 0 || steps > 20000) fail(MODULE, worldModelMessages.badCount('steps', steps, 0, 20000));
  if (!Number.isInteger(hidden) || hidden < 1 || hidden > 256) fail(MODULE, worldModelMessages.badCount('hidden', hidden, 1, 256));
  const seed = opts.seed ?? 1;
  const marks = new Set<number>([0, steps, ...(opts.snapshots ?? [1, 3, 10, 20, 30, 50, 100, 200, 300, 500, 1000, 2000].filter((s) => s < steps))]);
  const key = configHash({ v: 1, steps, lr, hidden, n, seed, size: opts.size ?? 9, spread: opts.cheeseSpread ?? null, marks: [...marks].sort((a, b) => a - b) });
  if (opts.cache !== false) {
    const hit = readCache<TrainedDetectors>('worldmodel/detectors', key);
    if (hit) return { ...hit, cached: true };
  }
  const episodes = makeEpisodes(n, `${String(seed)}/train`, opts);
  const xs: number[][] = [], ys: number[][] = [];
  for (const e of episodes) for (const c of openCells(e)) { xs.push(observe(e, c)); ys.push(trueConcepts(e, c)); }
  const x = tf.tensor2d(xs), y = tf.tensor2d(ys);
  const init = initWeights(hidden, seed);
  const K = CONCEPTS.length;
  const w1 = tf.variable(tf.tensor2d(init.w1, [OBS_SIZE, hidden])), b1 = tf.variable(tf.tensor1d(init.b1));
  const w2 = tf.variable(tf.tensor2d(init.w2, [hidden, K])), b2 = tf.variable(tf.tensor1d(init.b2));
  const logits = () => tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, w1), b1)), w2), b2);
  const lossFn = () => tf.losses.sigmoidCrossEntropy(y, logits()) as tf.Scalar;
  const opt = tf.train.adam(lr);
  const snapshots: TrainedDetectors['snapshots'] = [];
  const snap = (step: number) => snapshots.push({
    step, loss: tf.tidy(() => lossFn().dataSync()[0]),
    weights: { w1: Array.from(w1.dataSync()), b1: Array.from(b1.dataSync()), w2: Array.from(w2.dataSync()), b2: Array.from(b2.dataSync()) },
  });
  for (let s = 0; s <= steps; s++) {
    if (marks.has(s)) snap(s);
    if (s < steps) tf.tidy(() => { opt.minimize(lossFn, false, [w1, b1, w2, b2]); });
  }
  for (const t of [x, y, w1, b1, w2, b2]) t.dispose();
  opt.dispose();
  const out = { snapshots, hidden, cached: false };
  if (opts.cache !== false) writeCache('worldmodel/detectors', key, out);
  return out;
}

/** The snapshot taken at `step`. */
export function detectorAt(det: TrainedDetectors, step: number): DetectorWeights {
  const s = det.snapshots.find((x) => x.step === step);
  if (!s) fail(MODULE, worldModelMessages.badSnapshot(step, det.snapshots.map((x) => x.step)));
  return s.weights;
}

/** Detector scores (sigmoid, one per concept) for cells of an episode (plain JS forward pass). */
export function scoreStates(w: DetectorWeights, e: Episode, cells: readonly Cell[]): number[][] {
  const H = w.b1.length, K = w.b2.length;
  return cells.map((c) => {
    const o = observe(e, c);
    const h = new Array(H).fill(0);
    for (let j = 0; j < H; j++) {
      let s = w.b1[j];
      for (let i = 0; i < OBS_SIZE; i++) s += o[i] * w.w1[i * H + j];
      h[j] = Math.max(0, s);
    }
    return Array.from({ length: K }, (_, k) => {
      let s = w.b2[k];
      for (let j = 0; j < H; j++) s += h[j] * w.w2[j * K + k];
      return 1 / (1 + Math.exp(-s));
    });
  });
}
