/** Difference-of-means steering vectors: mean activation in condition A minus condition B. */
import * as tf from '@tensorflow/tfjs';
import type { NamedModel, Patch } from '../mesa/model';
import type { Example } from './activations';
import { collectActivations } from './activations';

export interface SteeringVector {
  layer: string;
  /** Per-example shape of the layer. */
  shape: number[];
  values: Float32Array;
}

/**
 * mean(acts | A) - mean(acts | B) at `layer`.
 *
 * @example
 * const v = steeringVector(agent, 'conv2', cheeseTopLeft, cheeseTopRight);
 * rollout(agent, levels, { patch: addSteering(v, 1) });
 */
export function steeringVector(model: NamedModel, layer: string, a: readonly Example[], b: readonly Example[]): SteeringVector {
  const A = collectActivations(model, a, layer), B = collectActivations(model, b, layer);
  const per = A.data.length / A.count;
  const values = new Float32Array(per);
  for (let i = 0; i < A.count; i++) for (let j = 0; j < per; j++) values[j] += A.data[i * per + j] / A.count;
  for (let i = 0; i < B.count; i++) for (let j = 0; j < per; j++) values[j] -= B.data[i * per + j] / B.count;
  return { layer, shape: A.shape, values };
}

/** A patch that adds `scale` × the steering vector to its layer. */
export function addSteering(v: SteeringVector, scale = 1): Record<string, Patch> {
  return { [v.layer]: (act: tf.Tensor) => tf.add(act, tf.mul(tf.tensor(v.values, [1, ...v.shape]), scale)) };
}
