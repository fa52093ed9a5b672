/** Error texts of lessons/10-editing-facts-vs-search/editing: what went wrong and what to do. */
export const editingMessages = {
  badCount: (name: string, value: unknown, lo: number, hi: number) =>
    `${name} must be an integer from ${lo} to ${hi}, got ${String(value)}.`,
  badPositive: (name: string, value: unknown) => `${name} must be a positive number, got ${String(value)}.`,
  tooManySubjects: (n: number, max: number) =>
    `cannot make ${n} distinct landmarks from the name parts; ask for at most ${max}.`,
  unknownSubject: (name: unknown, known: readonly string[]) =>
    `no landmark "${String(name)}"; known landmarks include ${known.slice(0, 6).join(', ')}, …`,
  unknownCity: (name: unknown, known: readonly string[]) =>
    `no city "${String(name)}"; use one of: ${known.join(', ')}.`,
  sameCity: (subject: string, city: string) =>
    `${subject} is already in ${city}; pick another city for the edit.`,
  badLayer: (layer: unknown, layers: number) =>
    `layer must be an integer from 0 to ${layers - 1}, got ${String(layer)}.`,
  badPosition: (pos: unknown, positions: number) =>
    `position must be an integer from 0 to ${positions - 1}, got ${String(pos)}.`,
  badShape: (what: string, got: string, want: string) => `${what} has shape ${got}; expected ${want}.`,
  singular: (n: number) =>
    `the ${n}×${n} matrix is singular; add a ridge (e.g. ridge: 1e-3) to the key statistics.`,
  badWeights: (name: string) =>
    `weights do not match the model (tensor "${name}" missing or of the wrong shape); retrain, or delete the cached file under editing/ in the lab's cache folder (cacheRoot()).`,
  unknownGoal: (name: unknown, known: readonly string[]) =>
    `no goal concept "${String(name)}"; use one of: ${known.join(', ')}.`,
  badCell: (x: unknown, y: unknown, size: number) =>
    `cell (${String(x)}, ${String(y)}) is outside the ${size}×${size} room; use 0…${size - 1}.`,
} as const;
