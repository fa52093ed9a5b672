/** Trains a {@link FactModel} on every prompt of its world by full-batch Adam (cross-entropy). */
import * as tf from '@tensorflow/tfjs';
import { fail } from '../../../lib/core/errors';
import { editingMessages } from './messages';
import { allPrompts, type FactWorld } from './facts';
import { FactModel, promptTensor, type FactModelConfig } from './fact-model';
import { configHash, readCache, writeCache } from '../../../lib/core/cache';

const MODULE = 'editing/train-facts';

export interface TrainFactsOptions extends FactModelConfig {
  /** Adam steps (default 500). */
  steps?: number;
  learningRate?: number;
  /** Record loss and accuracy every this many steps (default 25). */
  every?: number;
  /** Reuse / store weights under editing/ in the lab's cache (default true). */
  cache?: boolean;
}

export interface TrainFactsResult {
  model: FactModel;
  curve: { step: number; loss: number; accuracy: number }[];
  /** True when the weights came from the cache. */
  cached: boolean;
  seconds: number;
}

/**
 * Trains a fact model on all prompts of `world` (each landmark asked with each relation).
 *
 * @example
 * const world = createFactWorld({ landmarks: 40, seed: 1 });
 * const { model } = trainFactModel(world, { steps: 500 });
 * model.accuracy(allPrompts(world)); // ≈ 1
 */
export function trainFactModel(world: FactWorld, opts: TrainFactsOptions = {}): TrainFactsResult {
  const steps = opts.steps ?? 500, lr = opts.learningRate ?? 0.01, every = opts.every ?? 25;
  if (!Number.isInteger(steps) || steps < 0 || steps > 100000) fail(MODULE, editingMessages.badCount('steps', steps, 0, 100000));
  if (!(lr > 0)) fail(MODULE, editingMessages.badPositive('learningRate', lr));
  const t0 = performance.now();
  const model = new FactModel(world, opts);
  const key = configHash({ v: 2, world: world.landmarks, seed: world.seed, model: model.config, steps, lr, every });
  if (opts.cache !== false) {
    const hit = readCache<{ weights: ReturnType<FactModel['getWeights']>; curve: TrainFactsResult['curve'] }>('editing/facts', key);
    if (hit) {
      model.setWeights(hit.weights);
      return { model, curve: hit.curve, cached: true, seconds: (performance.now() - t0) / 1000 };
    }
  }
  const prompts = allPrompts(world);
  const x = promptTensor(prompts);
  const y = tf.oneHot(tf.tensor1d(prompts.map((p) => p.answer), 'int32'), world.answers.length);
  const optimizer = tf.train.adam(lr);
  const curve: TrainFactsResult['curve'] = [];
  const record = (step: number) => {
    const [loss, acc] = tf.tidy(() => {
      const logits = model.forward(x, {}, false).logits;
      const l = tf.losses.softmaxCrossEntropy(y, logits).dataSync()[0];
      const a = tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(y, 1)), 'float32')).dataSync()[0];
      return [l, a];
    });
    curve.push({ step, loss, accuracy: acc });
  };
  record(0);
  for (let s = 1; s <= steps; s++) {
    tf.tidy(() => {
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, model.forward(x, {}, false).logits) as tf.Scalar, false, model.variables);
    });
    if (s % every === 0 || s === steps) record(s);
  }
  optimizer.dispose(); x.dispose(); y.dispose();
  if (opts.cache !== false) writeCache('editing/facts', key, { weights: model.getWeights(), curve });
  return { model, curve, cached: false, seconds: (performance.now() - t0) / 1000 };
}
