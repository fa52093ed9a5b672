/**
 * The message catalog of lib/core. The convention of the whole project: each folder keeps its
 * user-facing error texts in its own `messages.ts` (camelCase keys, no inline texts in the code), so
 * wording stays consistent and tests can refer to messages by key. Each entry takes the values it
 * mentions and returns a sentence that says what went wrong and what to do.
 */
export const messages = {
  rngBadSeed: (seed: unknown) =>
    `seed must be a finite number or a string, got ${String(seed)}; pass e.g. seed: 42.`,
  rngBadRange: (lo: number, hi: number) =>
    `range [${lo}, ${hi}) is empty; pass hi greater than lo.`,
  rngEmptyPick: () => `cannot pick from an empty array; pass at least one item.`,
  argsNotPositiveInt: (name: string, value: unknown) =>
    `${name} must be a positive integer, got ${String(value)}.`,
  argsNotNonNegative: (name: string, value: unknown) =>
    `${name} must be a non-negative number, got ${String(value)}.`,
  argsUnknownOption: (name: string, value: unknown, allowed: readonly string[]) =>
    `unknown ${name} "${String(value)}"; use one of: ${allowed.join(', ')}.`,
  registryDuplicate: (noun: string, id: string) => `${noun} id "${id}" is defined twice; give each ${noun} its own id.`,
  registryUnknown: (noun: string, id: string, known: readonly string[]) =>
    `no ${noun} "${id}"; known ${noun}s: ${known.join(', ') || '(none)'}.`,
} as const satisfies Record<string, (...args: never[]) => string>;

export type MessageKey = keyof typeof messages;
