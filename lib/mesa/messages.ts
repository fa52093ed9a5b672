/** Error texts of lib/mesa: what went wrong and what to do. */
export const mesaMessages = {
  badBackend: (name: unknown) => `unknown tfjs backend "${String(name)}"; use 'cpu' or 'wasm'.`,
  unknownLayer: (name: string, known: readonly string[]) =>
    `no activation named "${name}"; this agent's activations are: ${known.join(', ')}.`,
  badObsShape: (got: readonly number[], want: readonly number[]) =>
    `observations must have shape [batch, ${want.join(', ')}], got [${got.join(', ')}]; build them with observeBatch().`,
  badPatchShape: (name: string, got: readonly number[], want: readonly number[]) =>
    `patch for "${name}" must have shape [${want.join(', ')}], got [${got.join(', ')}].`,
  badSize: (size: unknown) => `size must be an odd integer between 5 and 25, got ${String(size)}.`,
  emptyLevels: () => `pass at least one level.`,
  badWeights: (name: string) =>
    `weights do not match the agent (tensor "${name}" missing or of the wrong shape); retrain, or delete the cached file under mesa/ in the lab's cache folder (cacheRoot()).`,
  badKind: (kind: unknown) => `unknown agent kind "${String(kind)}"; use 'planner' or 'policy'.`,
  badSteps: (steps: unknown) => `steps must be a positive integer, got ${String(steps)}.`,
  badRate: (value: unknown) => `learningRate must be a positive number, got ${String(value)}.`,
} as const;
