/**
 * The message catalog: every user-facing error text of the library lives here, so wording stays
 * consistent and tests can refer to messages by key. Each entry takes the values it mentions and
 * returns a sentence that says what went wrong and what to do.
 */
export const messages = {
  'rng.badSeed': (seed: unknown) =>
    `seed must be a finite number or a string, got ${String(seed)}; pass e.g. seed: 42.`,
  'rng.badRange': (lo: number, hi: number) =>
    `range [${lo}, ${hi}) is empty; pass hi greater than lo.`,
  'rng.emptyPick': () => `cannot pick from an empty array; pass at least one item.`,
  'args.notPositiveInt': (name: string, value: unknown) =>
    `${name} must be a positive integer, got ${String(value)}.`,
  'args.notNonNegative': (name: string, value: unknown) =>
    `${name} must be a non-negative number, got ${String(value)}.`,
  'args.unknownOption': (name: string, value: unknown, allowed: readonly string[]) =>
    `unknown ${name} "${String(value)}"; use one of: ${allowed.join(', ')}.`,
} as const satisfies Record<string, (...args: never[]) => string>;

export type MessageKey = keyof typeof messages;
