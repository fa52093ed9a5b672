/**
 * The base optimizer of the learned searcher: Adam on dense imitation of the shortest-path
 * expert (see data.ts), with truncated backpropagation through the iterations (Bansal et al.
 * 2022's progressive idea: a random number of iterations run without gradient, then a few with
 * it) and a curriculum over maze sizes (Schwarzschild et al. 2021: train small, test large with
 * more iterations). Deterministic per seed: the same config gives the same bytes.
 */
import { createRng } from '../../core/rng';
import type { CheeseMazeLevel } from '../../envs/cheese-maze';
import { cheeseMazeLevel, withCheese } from '../../envs/cheese-maze';
import type { AdamState } from './adam';
import { adamState, adamStep } from './adam';
import type { LearnedConfig } from './config';
import { makeBatch } from './data';
import { flopsPerIteration, initParams, lossAndGradient, paramLayout } from './net';

export interface TrainProgress {
  step: number;
  steps: number;
  /** Running mean of the loss and of the accuracy (at every labelled cell) over recent steps. */
  loss: number;
  accuracy: number;
  size: number;
  iterations: number;
  seconds: number;
}

export interface LearnedTraining {
  config: LearnedConfig;
  params: Float32Array;
  /** Training figures (final running loss/accuracy, wall time, GFLOP/s). */
  figures: { loss: number; accuracy: number; seconds: number; gflops: number; steps: number };
  history: TrainProgress[];
}

/** One training level of a variant (seeded by a string). */
export function trainingLevel(config: LearnedConfig, size: number, seed: string): CheeseMazeLevel {
  if (config.variant === 'aligned') return cheeseMazeLevel('test', seed, { size, trainRegion: config.trainRegion });
  const lv = cheeseMazeLevel('train', seed, { size, trainRegion: config.trainRegion });
  return config.variant === 'corner' ? lv : withCheese(lv, lv.corner);
}

/**
 * Trains a learned searcher from scratch. `onProgress` is called every `progressEvery` steps
 * (default 25) and after the last.
 *
 * @example
 * const t = trainLearnedSearch(learnedConfig('aligned', { steps: 50 }), { onProgress: (p) => console.log(p.step, p.accuracy) });
 */
export function trainLearnedSearch(config: LearnedConfig, opts: { onProgress?: (p: TrainProgress) => void; progressEvery?: number } = {}): LearnedTraining {
  const s = config.schedule;
  const layout = paramLayout(config.shape);
  const rng = createRng(`learned/${config.variant}/${config.seed}`);
  const initRng = rng.fork('init');
  const params = initParams(layout, () => initRng.normal());
  const adam: AdamState = adamState(layout.total);
  const grads = new Float32Array(layout.total);
  const history: TrainProgress[] = [];
  const t0 = performance.now();
  let flops = 0, runLoss = 0, runAcc = 0, weight = 0;
  const every = opts.progressEvery ?? 25;
  for (let step = 1; step <= s.steps; step++) {
    const frac = (step - 1) / s.steps;
    const open = 1 + s.sizeSchedule.filter((f) => frac >= f).length;
    const size = s.sizes[rng.int(0, Math.min(open, s.sizes.length))];
    const levels = Array.from({ length: s.batch }, (_, i) => trainingLevel(config, size, `${config.variant}/${config.seed}/${step}/${i}`));
    const batch = makeBatch(levels, config.shape.coordinates !== false);
    const total = batch.maxDist + rng.int(1, s.extraIterations + 1);
    const grad = Math.min(total, rng.int(1, s.gradIterations + 1));
    grads.fill(0);
    const r = lossAndGradient(params, layout, batch.x, batch.labels, batch.g, total - grad, grad, grads);
    // Learning rate: constant, then linear decay to 10% over the second half.
    const lr = s.learningRate * (frac < 0.5 ? 1 : 1 - 1.8 * (frac - 0.5));
    adamStep(params, grads, adam, { learningRate: lr, clipNorm: s.clipNorm });
    flops += flopsPerIteration(layout, batch.g) * (total + 2 * grad);
    runLoss = 0.9 * runLoss + 0.1 * r.loss; runAcc = 0.9 * runAcc + 0.1 * r.accuracy; weight = 0.9 * weight + 0.1;
    if (step % every === 0 || step === s.steps) {
      const p: TrainProgress = { step, steps: s.steps, loss: runLoss / weight, accuracy: runAcc / weight, size, iterations: total, seconds: (performance.now() - t0) / 1000 };
      history.push(p);
      opts.onProgress?.(p);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  return { config, params, history, figures: { loss: runLoss / weight, accuracy: runAcc / weight, seconds, gflops: flops / seconds / 1e9, steps: s.steps } };
}
