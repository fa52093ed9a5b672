import type { Rng } from '../core/rng';
import { createRng } from '../core/rng';

/** A seed or a ready generator: what every generator in lib/envs accepts. */
export type SeedOrRng = number | string | Rng;

export function toRng(seed: SeedOrRng): Rng {
  return typeof seed === 'object' && seed !== null ? seed : createRng(seed);
}
