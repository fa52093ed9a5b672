/** Error texts of lib/claims (the ledger and coverage engines): what went wrong and what to do. */
const where = (id: string, name: string) => `claim "${id}" parameter "${name}"`;

export const claimsMessages = {
  notBoolean: (id: string, name: string, raw: string) => `${where(id, name)} must be true or false, got "${raw}".`,
  wrongType: (id: string, name: string, type: string, raw: unknown) => `${where(id, name)} must be a ${type}, got ${JSON.stringify(raw)}.`,
  notFinite: (id: string, name: string, raw: unknown) => `${where(id, name)} must be a finite number, got ${JSON.stringify(raw)}.`,
  notInteger: (id: string, name: string, value: number) => `${where(id, name)} must be an integer, got ${value}.`,
  belowMin: (id: string, name: string, min: number, value: number) => `${where(id, name)} must be at least ${min}, got ${value}.`,
  aboveMax: (id: string, name: string, max: number, value: number) => `${where(id, name)} must be at most ${max}, got ${value}.`,
  notAChoice: (id: string, name: string, choices: readonly (string | number)[], raw: unknown) =>
    `${where(id, name)} must be one of ${choices.join(', ')}, got ${JSON.stringify(raw)}.`,
  unknownParam: (id: string, name: string, known: readonly string[]) =>
    `claim "${id}" has no parameter "${name}"; its parameters are: ${known.join(', ') || '(none)'}.`,
  coverageBadEntry: (id: string, problems: readonly string[]) =>
    `coverage entry "${id}": ${problems.join('; ')}; fix the entry in lessons/coverage.ts.`,
} as const;
