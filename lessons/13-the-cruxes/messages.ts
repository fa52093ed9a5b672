/** Error texts of lesson 13 (the cruxes). What went wrong and what to do. */
export const cruxesMessages = {
  unknownCrux: (crux: string, known: readonly string[]) => `no crux "${crux}"; use one of: ${known.join(', ')}.`,
  unknownAgent: (agent: string, known: readonly string[]) => `no agent "${agent}" to compare; use one of: ${known.join(', ')}.`,
  unknownConcept: (concept: string, known: readonly string[]) => `no concept "${concept}" to probe; use one of: ${known.join(', ')}.`,
  badWindow: (window: unknown) => `window must be a whole number of cells >= 0 (0: the cell alone), or -1 for the concept's reach, got ${String(window)}.`,
  badRadius: (radius: unknown) => `radius must be a whole number of maze steps >= 1, got ${String(radius)}.`,
} as const satisfies Record<string, (...args: never[]) => string>;
