/** Error texts of lessons/11-value-painting/world: what went wrong and what to do. */
export const worldModelMessages = {
  badCount: (name: string, value: unknown, lo: number, hi: number) =>
    `${name} must be an integer from ${lo} to ${hi}, got ${String(value)}.`,
  badNumber: (name: string, value: unknown, lo: number, hi: number) =>
    `${name} must be a number from ${lo} to ${hi}, got ${String(value)}.`,
  unknownConcept: (name: unknown, known: readonly string[]) =>
    `no concept "${String(name)}"; use one of: ${known.join(', ')}.`,
  badWeights: (n: number, want: number) =>
    `the value head needs one weight per concept (${want}), got ${n}.`,
  badSnapshot: (step: unknown, steps: readonly number[]) =>
    `no detector snapshot at step ${String(step)}; snapshots were taken at ${steps.join(', ')}.`,
} as const;
