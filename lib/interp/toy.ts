/**
 * A planted toy model where the answer is known, to test every interpretability method: its layer
 * `features` has channel 0 = the cheese (the goal tracker), channel 1 = walls, channel 2 = the
 * x coordinate; its move is the one that most reduces the Manhattan distance to wherever channel 0
 * is high. Nothing in it is trained.
 */
import * as tf from '@tensorflow/tfjs';
import type { ForwardOptions, ForwardResult, LayerInfo, NamedModel } from '../mesa/model';
import { Tap } from '../mesa/model';

export class PlantedToyModel implements NamedModel {
  readonly kind = 'toy';
  readonly layers: LayerInfo[];
  readonly variables: tf.Variable[] = [];
  constructor(readonly size: number) {
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
  parameterCount(): number { return 0; }
  getWeights(): Record<string, { shape: number[]; values: number[] }> { return {}; }
  setWeights(): void { /* no weights */ }
  dispose(): void { /* nothing to free */ }
}
