export { createRng } from './rng';
export type { Rng } from './rng';
export { RetargetLabError, fail, assertPositiveInt, assertNonNegative, assertOneOf } from './errors';
export { messages } from './messages';
export type { MessageKey } from './messages';
