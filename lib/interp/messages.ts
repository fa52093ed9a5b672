/** Error texts of lib/interp: what went wrong and what to do. */
export const interpMessages = {
  notSpatial: (layer: string) => `layer "${layer}" is not a map over the maze cells; pick a spatial layer (see model.layers).`,
  emptyExamples: () => `pass at least one example (a level and, optionally, a mouse cell).`,
  badChannel: (layer: string, channel: unknown, channels: number) =>
    `channel ${String(channel)} does not exist in "${layer}" (it has ${channels} channels, 0..${channels - 1}).`,
  lengthMismatch: (a: number, b: number) => `features and labels disagree: ${a} rows of features but ${b} labels.`,
  fewClasses: () => `labels need at least two distinct classes to fit a probe.`,
  noPairs: () => `no patching pair changed the model's action; use pairs whose cheese positions lead to different moves.`,
  patchSourceRank: (shape: readonly number[]) => `channelPatch needs an activation of shape [B, H, W, C] (got [${shape.join(', ')}]); read a spatial layer with channels.`,
  mixedShapes: (layers: readonly string[]) => `layers patched together must have the same shape; "${layers.join('", "')}" differ. Patch them one at a time, or pass the iterations of one recurrent layer.`,
} as const;
