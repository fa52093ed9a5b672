import { messages } from './messages';

/**
 * One error type for caller mistakes. Its message always starts with the module that raised it,
 * e.g. `retarget-lab/search/astar: ...`, so a learner sees where to look.
 * Expected outcomes (no path, budget exhausted) are result values, never errors.
 */
export class RetargetLabError extends Error {
  readonly module: string;
  constructor(module: string, message: string) {
    super(`retarget-lab/${module}: ${message}`);
    this.name = 'RetargetLabError';
    this.module = module;
  }
}

/** Throws a {@link RetargetLabError} for `module` with `message` (take texts from the catalog). */
export function fail(module: string, message: string): never {
  throw new RetargetLabError(module, message);
}

/** Throws unless `value` is a positive integer. */
export function assertPositiveInt(module: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    fail(module, messages.argsNotPositiveInt(name, value));
  }
}

/** Throws unless `value` is a finite number >= 0. */
export function assertNonNegative(module: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    fail(module, messages.argsNotNonNegative(name, value));
  }
}

/** Throws unless `value` is one of `allowed`. */
export function assertOneOf<T extends string>(
  module: string, name: string, value: unknown, allowed: readonly T[],
): asserts value is T {
  if (!allowed.includes(value as T)) {
    fail(module, messages.argsUnknownOption(name, value, allowed));
  }
}
