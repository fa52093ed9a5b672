/** Error texts of lib/retarget: what went wrong and what to do. */
export const retargetMessages = {
  wrongAgent: (method: string, kind: string) =>
    `method "${method}" writes the planner's target map and needs a planner agent, got a "${kind}" agent; use { kind: 'channel', ... } or { kind: 'steer', ... }.`,
  badMethod: (kind: unknown) => `unknown retargeting method "${String(kind)}"; use 'target-map', 'channel', 'steer' or 'located'.`,
  needLevels: () => `the 'located' method clears the cheese of each episode: pass the episodes' levels (one per target).`,
  locatedNeedsLevels: () => `retarget() cannot see the cheese; for a located representation use retargetEdit(located, cell, { cheese }) as a rollout patch.`,
  noLevels: () => `pass at least one held-out level.`,
  blocked: (x: number, y: number) => `target (${x},${y}) is a wall; retarget onto an open cell.`,
  notAModel: () => `pass a NamedModel (an agent with named layers and a forward pass).`,
  levelSize: (got: number, want: number) => `levels are ${got}x${got} but the agent reads ${want}x${want} mazes; generate levels with { size: ${want} }.`,
  badOption: (name: string, value: unknown, want: string) => `option ${name} must be ${want}, got ${String(value)}.`,
  noSpatialLayer: (kind: string) => `the "${kind}" agent has no spatial layer (a map over the maze cells) to search; nothing can be located.`,
  noCells: (what: string) => `pass ${what}: one cell, or one per episode of the batch.`,
  needCheese: () => `clear: 'cheese' needs the cheese cells (option cheese), or use clear: 'none'.`,
  badIterations: (value: unknown, known: readonly number[]) => `iterations must be 'all' or a list of iteration numbers among ${known.join(', ') || '(none: the layer is not recurrent)'}, got ${String(value)}.`,
  noRecurrentLayer: (kind: string) => `the "${kind}" agent has no recurrent layer (same-shaped spatial layers named by iteration, e.g. iter.1.h, iter.2.h); narrower patches by iteration need one.`,
  badChannel: (layer: string, channel: number, count: number) => `layer ${layer} has ${count} channel${count === 1 ? '' : 's'} (0–${count - 1}), got channel ${channel}.`,
  badBands: (value: unknown) => `bands must be a positive integer, got ${String(value)}.`,
} as const;
