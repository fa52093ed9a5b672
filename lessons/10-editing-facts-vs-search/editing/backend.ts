/**
 * The tfjs backend for the editing and world-model experiments. Every function in lessons/10-editing-facts-vs-search/editing and
 * lessons/11-value-painting/world is synchronous and runs on whatever backend tfjs has active; call this once (it is
 * async) to switch to the WebAssembly backend, several times faster than 'cpu' for these models.
 */
import { assertOneOf } from '../../../lib/core/errors';
import { activateTfBackend } from '../../../lib/mesa/backend';

/** Activates `name` ('wasm' by default, or 'cpu') and resolves with the active backend's name. */
export async function useTfBackend(name: 'wasm' | 'cpu' = 'wasm'): Promise<string> {
  assertOneOf('editing/backend', 'backend', name, ['wasm', 'cpu'] as const);
  return activateTfBackend(name);
}
