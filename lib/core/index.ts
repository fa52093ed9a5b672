export { createRng } from './rng';
export type { Rng } from './rng';
export { RetargetLabError, fail, assertPositiveInt, assertNonNegative, assertOneOf } from './errors';
export { messages } from './messages';
export type { MessageKey } from './messages';
export { configHash, cacheRoot, cachePath, readCache, writeCache } from './cache';
export { createRegistry } from './registry';
export type { Registry } from './registry';
