/** Error texts of lesson 13 (the cruxes). What went wrong and what to do. */
export const cruxesMessages = {
  unknownCrux: (crux: string, known: readonly string[]) => `no crux "${crux}"; use one of: ${known.join(', ')}.`,
  unknownAgent: (agent: string, known: readonly string[]) => `no agent "${agent}" to compare; use one of: ${known.join(', ')}.`,
} as const satisfies Record<string, (...args: never[]) => string>;
