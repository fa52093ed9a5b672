/** Error texts of lesson 02 (heuristics from relaxation). What went wrong and what to do. */
export const relaxationMessages = {
  sizeBad: (size: unknown) => `size must be an integer of at least 9, got ${String(size)}.`,
  mapKindBad: (kind: unknown) => `unknown map kind "${String(kind)}"; use 'rooms', 'obstacles' or 'maze'.`,
  bandsBad: (bands: unknown) => `bands must be an integer of at least 2, got ${String(bands)}.`,
  positiveInt: (name: string, v: unknown) => `${name} must be a positive integer, got ${String(v)}.`,
  cellNotPassable: (name: string, c: { x: number; y: number }, map: string) => `${name} (${c.x}, ${c.y}) is not a passable cell of map "${map}"; pick one from passableCells(map).`,
  mapEmpty: (map: string) => `map "${map}" has no passable cell; use a map with open cells.`,
  tunedKindBad: (kind: string) => `unknown tuned heuristic "${kind}"; use 'landmarks' or 'landmarks+octile'.`,
  reuseKindBad: (kind: string) => `unknown reuse "${kind}"; use 'differential' or 'symmetry'.`,
  weightBad: (weight: unknown) => `weight must be a positive number, got ${String(weight)}.`,
} as const;
