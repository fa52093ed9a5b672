/**
 * The base optimizer: gradient descent (Adam) on the cross-entropy between the agent's move and
 * the demonstrator's, over training-distribution levels. Whatever goal the agent ends up pursuing
 * (its mesa-objective) is whatever fits these examples — the base optimizer never sees the test
 * distribution.
 */
import * as tf from '@tensorflow/tfjs';
import { fail } from '../core/errors';
import { createRng } from '../core/rng';
import type { Demonstrations } from './dataset';
import { mesaMessages } from './messages';
import type { NamedModel } from './model';

export interface TrainOptions {
  /** Gradient steps. */
  steps: number;
  batchSize?: number;
  learningRate?: number;
  seed: number | string;
  /** Called every `progressEvery` steps (default 25) and at the end. */
  onProgress?: (p: { step: number; steps: number; loss: number; seconds: number }) => void;
  progressEvery?: number;
  /** Stop early once the mean loss of the last `progressEvery` steps drops below this. */
  targetLoss?: number;
}

export interface TrainReport {
  steps: number;
  seconds: number;
  /** Mean loss per progress interval. */
  losses: { step: number; loss: number }[];
  finalLoss: number;
}

/**
 * Trains `agent` on `data` with Adam. Deterministic per seed on a given backend.
 *
 * @example
 * const data = demonstrations(cheeseMazeLevels('train', 400, 1));
 * trainAgent(agent, data, { steps: 800, seed: 1 });
 */
export function trainAgent(agent: NamedModel, data: Demonstrations, opts: TrainOptions): TrainReport {
  if (!Number.isInteger(opts.steps) || opts.steps <= 0) fail('mesa/train', mesaMessages.badSteps(opts.steps));
  const lr = opts.learningRate ?? 0.01;
  if (!(lr > 0)) fail('mesa/train', mesaMessages.badRate(lr));
  const batch = Math.min(opts.batchSize ?? 128, data.count);
  const every = opts.progressEvery ?? 25;
  const rng = createRng(`train/${String(opts.seed)}`);
  const per = data.obs.length / data.count;
  const optimizer = tf.train.adam(lr);
  const losses: { step: number; loss: number }[] = [];
  const t0 = performance.now();
  let order = rng.shuffle(Array.from({ length: data.count }, (_, i) => i));
  let cursor = 0;
  let acc = 0, accN = 0, step = 0, finalLoss = NaN;
  const xb = new Float32Array(batch * per);
  const yb = new Int32Array(batch);
  for (step = 1; step <= opts.steps; step++) {
    for (let i = 0; i < batch; i++) {
      if (cursor >= order.length) { order = rng.shuffle(order); cursor = 0; }
      const j = order[cursor++];
      xb.set(data.obs.subarray(j * per, (j + 1) * per), i * per);
      yb[i] = data.actions[j];
    }
    const lossT = tf.tidy(() => {
      const x = tf.tensor4d(xb, [batch, data.size, data.size, per / (data.size * data.size)]);
      const y = tf.oneHot(tf.tensor1d(yb, 'int32'), 4);
      return optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, agent.forward(x).logits) as tf.Scalar, true, agent.variables as tf.Variable[]) as tf.Scalar;
    });
    acc += lossT.dataSync()[0]; accN += 1;
    lossT.dispose();
    if (step % every === 0 || step === opts.steps) {
      finalLoss = acc / accN;
      losses.push({ step, loss: finalLoss });
      opts.onProgress?.({ step, steps: opts.steps, loss: finalLoss, seconds: (performance.now() - t0) / 1000 });
      acc = 0; accN = 0;
      if (opts.targetLoss !== undefined && finalLoss < opts.targetLoss) break;
    }
  }
  optimizer.dispose();
  return { steps: Math.min(step, opts.steps), seconds: (performance.now() - t0) / 1000, losses, finalLoss };
}
