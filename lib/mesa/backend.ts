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
 * The wasm backend's Emscripten loader installs process handlers that rethrow every unhandled
 * rejection and uncaught exception. In a notebook kernel that turns any stray rejected promise of
 * a learner's cell (or of the kernel's own shutdown) into a crashed kernel, so they are removed once
 * the backend is up. They are recognised by their (tiny, fixed) source text.
 */
function removeEmscriptenProcessHandlers(): void {
  if (typeof process === 'undefined' || typeof process.listeners !== 'function') return;
  const isEmscripten = (listener: unknown): boolean => {
    const source = String(listener).replace(/[\s;]+/g, '');
    return source.length < 120 && (source.includes('ExitStatus') || source === 'function(reason){throwreason}');
  };
  for (const l of process.listeners('unhandledRejection')) if (isEmscripten(l)) process.removeListener('unhandledRejection', l);
  for (const l of process.listeners('uncaughtException')) if (isEmscripten(l)) process.removeListener('uncaughtException', l);
}

/**
 * Activates a tfjs backend ('wasm' or 'cpu') for every tf op that follows and resolves with the
 * active backend's name. Every tfjs model of the lab (agents, fact memories, detectors) runs on it.
 */
async function activateTfBackend(name: BackendName): Promise<string> {
  if (tf.getBackend() !== name) await tf.setBackend(name);
  await tf.ready();
  removeEmscriptenProcessHandlers();
  return tf.getBackend();
}

/**
 * Selects the backend the agents use (default 'wasm', measured faster for these models; see
 * bench in the notebooks' report). Resolves when the backend is ready.
 */
export async function useBackend(name: BackendName = chosen): Promise<string> {
  if (name !== 'cpu' && name !== 'wasm') fail('mesa/backend', mesaMessages.badBackend(name));
  chosen = name;
  return activateTfBackend(name);
}

/** The backend currently active in tfjs. */
export function currentBackend(): string {
  return tf.getBackend();
}
