/** Error texts of lesson 03 (search vs heuristics). What went wrong and what to do. */
export const searchVsHeuristicsMessages = {
  positiveInt: (name: string, v: unknown) => `${name} must be a positive integer, got ${String(v)}.`,
  puzzleSizeBad: (size: unknown) => `size must be 3 (8-puzzle) or 4 (15-puzzle), got ${String(size)}.`,
  referenceBudget: () => 'internal: the reference solver ran out of budget; report this as a bug.',
  skillBad: (v: unknown) => `skill must be a number in [0, 1] (0 = random walks, 1 = always head for the tuned goal), got ${String(v)}.`,
  contenderBad: (contender: unknown, known: readonly string[]) => `unknown contender "${String(contender)}"; use one of: ${known.join(', ')}.`,
} as const;
