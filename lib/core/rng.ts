import { fail } from './errors';
import { messages } from './messages';

/**
 * A seeded pseudo-random generator (sfc32, seeded through a string hash), so that every random
 * choice in the lab is reproducible: the same seed gives the same maze, rollout and figure.
 *
 * @example
 * const rng = createRng(42);
 * rng.int(0, 10); // same number every run
 */
export interface Rng {
  /** The seed this generator was created with. */
  readonly seed: number | string;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [lo, hi). */
  int(lo: number, hi: number): number;
  /** A float in [lo, hi). */
  float(lo: number, hi: number): number;
  /** A standard normal sample (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent generator derived from this one (for sub-experiments). */
  fork(label?: string | number): Rng;
}

function hashSeed(seed: number | string): [number, number, number, number] {
  // xmur3-style string hash, producing four 32-bit words.
  const s = String(seed);
  let h = 1779033703 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const out: number[] = [];
  for (let k = 0; k < 4; k++) {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    out.push(h >>> 0);
  }
  return out as [number, number, number, number];
}

/** Creates a seeded generator. Throws if the seed is not a finite number or a string. */
export function createRng(seed: number | string): Rng {
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed)))) {
    fail('core/rng', messages.rngBadSeed(seed));
  }
  let [a, b, c, d] = hashSeed(seed);
  const next = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // warm up
  let forks = 0;
  const rng: Rng = {
    seed,
    next,
    int(lo, hi) {
      if (!(hi > lo)) fail('core/rng', messages.rngBadRange(lo, hi));
      return lo + Math.floor(next() * (hi - lo));
    },
    float(lo, hi) {
      if (!(hi > lo)) fail('core/rng', messages.rngBadRange(lo, hi));
      return lo + next() * (hi - lo);
    },
    normal(mean = 0, sd = 1) {
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    chance(p) {
      return next() < p;
    },
    pick(items) {
      if (items.length === 0) fail('core/rng', messages.rngEmptyPick());
      return items[Math.floor(next() * items.length)];
    },
    shuffle(items) {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = out[i]; out[i] = out[j]; out[j] = tmp;
      }
      return out;
    },
    fork(label) {
      forks += 1;
      return createRng(`${String(seed)}/${label ?? forks}`);
    },
  };
  return rng;
}
