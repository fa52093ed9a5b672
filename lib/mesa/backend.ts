/**
 * Which tfjs backend the agents run on. The wasm backend has no gradient kernel for conv2d, so
 * every convolution in lib/mesa is written as im2col + matMul (kernels every backend has).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { fail } from '../core/errors';
import { mesaMessages } from './messages';

export type BackendName = 'cpu' | 'wasm';

let chosen: BackendName = 'wasm';

/**
 * Selects the backend the agents use (default 'wasm', measured faster for these models; see
 * bench in the notebooks' report). Resolves when the backend is ready.
 */
export async function useBackend(name: BackendName = chosen): Promise<string> {
  if (name !== 'cpu' && name !== 'wasm') fail('mesa/backend', mesaMessages.badBackend(name));
  chosen = name;
  if (tf.getBackend() !== name) {
    await tf.setBackend(name);
  }
  await tf.ready();
  return tf.getBackend();
}

/** The backend currently active in tfjs. */
export function currentBackend(): string {
  return tf.getBackend();
}
