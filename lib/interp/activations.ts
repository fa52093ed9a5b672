/** Reading activations of a named model over a set of (level, mouse) examples. */
import * as tf from '@tensorflow/tfjs';
import { fail } from '../core/errors';
import type { CheeseMazeLevel } from '../envs/cheese-maze';
import type { Cell } from '../envs/grid';
import type { ForwardOptions, NamedModel } from '../mesa/model';
import { observeBatch } from '../mesa/rollout';
import { interpMessages } from './messages';

/** One input to a model: a level, with the mouse at `mouse` (default: the level's start). */
export interface Example { level: CheeseMazeLevel; mouse?: Cell }

export interface ActivationSet {
  layer: string;
  /** Values, row-major [N, ...shape]. */
  data: Float32Array;
  /** Per-example shape. */
  shape: number[];
  count: number;
  /** The model's greedy action per example. */
  actions: Int32Array;
}

/** Runs the model on the examples and returns one layer's activations (plus the chosen actions). */
export function collectActivations(model: NamedModel, examples: readonly Example[], layer: string, opts: Pick<ForwardOptions, 'patch'> = {}): ActivationSet {
  if (examples.length === 0) fail('interp/activations', interpMessages.emptyExamples());
  const { act, actions } = tf.tidy(() => {
    const obs = observeBatch(examples.map((e) => e.level), examples.map((e) => e.mouse ?? e.level.start));
    const r = model.forward(obs, { read: [layer], patch: opts.patch });
    return { act: r.acts[layer], actions: r.logits.argMax(1) };
  });
  const out: ActivationSet = {
    layer, data: act.dataSync() as Float32Array, shape: act.shape.slice(1), count: examples.length,
    actions: actions.dataSync() as Int32Array,
  };
  act.dispose(); actions.dispose();
  return out;
}

/** The info of a spatial layer ([H,W] or [H,W,C]) or a clear error. */
export function spatialLayer(model: NamedModel, layer: string): { H: number; W: number; C: number } {
  const info = model.layers.find((l) => l.name === layer);
  if (!info || !info.spatial) fail('interp/activations', interpMessages.notSpatial(layer));
  return { H: info.shape[0], W: info.shape[1], C: info.shape.length > 2 ? info.shape[2] : 1 };
}
