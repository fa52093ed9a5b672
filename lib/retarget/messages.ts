/** Error texts of lib/retarget: what went wrong and what to do. */
export const retargetMessages = {
  wrongAgent: (method: string, kind: string) =>
    `method "${method}" writes the planner's target map and needs a planner agent, got a "${kind}" agent; use { kind: 'channel', ... } or { kind: 'steer', ... }.`,
  badMethod: (kind: unknown) => `unknown retargeting method "${String(kind)}"; use 'target-map', 'channel' or 'steer'.`,
  noLevels: () => `pass at least one held-out level.`,
  blocked: (x: number, y: number) => `target (${x},${y}) is a wall; retarget onto an open cell.`,
} as const;
