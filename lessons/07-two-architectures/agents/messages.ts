/** Error texts of lessons/07-two-architectures/agents (the two architectures of notebook 07). */
export const agentsMessages = {
  cellNotOpen: (name: string, cell: unknown) =>
    `${name} ${JSON.stringify(cell)} is a wall or off the map; pass an open cell, e.g. one from passableCells(map).`,
  budgetBad: (name: string, value: unknown) =>
    `${name} must be a positive integer number of expansions, got ${String(value)}.`,
  innerGoalsBad: (value: unknown) =>
    `innerGoals must be 'proposed', 'outer' or { fixed: cell }, got ${JSON.stringify(value)}.`,
  heuristicBad: (value: unknown) => `heuristic must be 'built-in' or 'generic', got ${JSON.stringify(value)}.`,
} as const satisfies Record<string, (...args: never[]) => string>;
