/** Error texts of lessons/12-interpretability-scenarios/scenarios (notebook 12: interpretability scenarios). */
export const scenariosMessages = {
  worldSize: (value: unknown) =>
    `size must be an odd integer from 5 to 41 (the maze side in cells), got ${String(value)}.`,
  intBad: (name: string, value: unknown, min: number) =>
    `${name} must be an integer >= ${min}, got ${String(value)}.`,
  numBad: (name: string, value: unknown, lo: number, hi: number) =>
    `${name} must be a number from ${lo} to ${hi}, got ${String(value)}.`,
  cellBad: (name: string, value: unknown, n: number) =>
    `${name} must be an open-cell index from 0 to ${n - 1} (see world.cells), got ${String(value)}.`,
  unitsLength: (got: number, want: number) =>
    `the target units must be a vector of ${want} numbers (one per unit), got ${got}; start from agent.units or world codes.`,
  readoutBad: (value: unknown) =>
    `readout must be 'values' (the tool reads and writes unit values) or 'active' (it only sees which units are active), got ${JSON.stringify(value)}.`,
  populationEmpty: () =>
    'the population needs at least one searching agent; raise searchers.',
  levelsBad: (value: unknown) =>
    `noise levels must be a non-empty list of numbers >= 0, got ${JSON.stringify(value)}.`,
} as const satisfies Record<string, (...args: never[]) => string>;
