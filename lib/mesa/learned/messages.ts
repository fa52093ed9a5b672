/** Error texts of lib/mesa/learned: what went wrong and what to do. */
export const learnedMessages = {
  badVariant: (v: unknown) => `unknown variant "${String(v)}"; use 'aligned', 'corner' or 'fixed'.`,
  badSteps: (v: unknown) => `steps must be a positive integer, got ${String(v)}; the shipped schedule uses 1200.`,
  badIterations: (v: unknown) => `iterations must be a positive integer (at most 2000), got ${String(v)}; use more than the longest path in the maze (about 3×size for perfect mazes).`,
  badWeights: (why: string) => `the weights do not fit this network (${why}); regenerate them with \`retarget-lab train learned-search\`.`,
  notMaze: (why: string) => `${why}; build levels with cheeseMazeLevels().`,
  mixedSizes: () => `all levels of one call must have the same size; group them by size first.`,
  ridgeShape: (got: number, rows: number, features: number) => `ridgeFit: X has ${got} numbers, expected ${rows}×${features}; pass row-major features.`,
  badProxy: (size: unknown, delay: unknown) => `the planted proxy needs an integer maze side of at least 5 and an integer delay of at least 1, got size ${String(size)}, delay ${String(delay)}; pass the side of the mazes it will run on.`,
  noMouse: () => `an observation has no mouse; write it with writeObservation()/observeBatch().`,
} as const;
