/**
 * Message catalog of lib/viz: every user-facing error text of the chart builders. Each entry
 * says what went wrong and what to do.
 */
export const vizMessages = {
  rowsNotArray: (fn: string, got: unknown) =>
    `${fn}: rows must be an array of objects or an arquero table, got ${describe(got)}; pass e.g. [{ n: 1, ms: 2.5 }].`,
  rowsNotObject: (fn: string, index: number, got: unknown) =>
    `${fn}: row ${index} is ${describe(got)}, not an object; pass one plain object per row.`,
  fieldRequired: (fn: string, option: string) =>
    `${fn}: option "${option}" is required; pass the name of a column, e.g. { ${option}: 'n' }.`,
  fieldMissing: (fn: string, option: string, field: string, columns: readonly string[]) =>
    `${fn}: ${option} field "${field}" is not a column of the rows; use one of: ${columns.join(', ') || '(no columns)'}.`,
  logNonPositive: (fn: string, field: string, value: unknown, index: number) =>
    `${fn}: a log scale needs positive values, but "${field}" is ${String(value)} in row ${index}; ` +
    `filter those rows out or turn the log scale off.`,
  sizeNotPositive: (fn: string, name: string, value: unknown) =>
    `${fn}: ${name} must be a positive number of pixels, got ${String(value)}.`,
  mazeBadMap: (got: unknown) =>
    `mazeChart: the map must be { width, height, passable: Uint8Array } with positive integer sizes, got ${describe(got)}.`,
  mazePassableLength: (length: number, width: number, height: number) =>
    `mazeChart: passable has ${length} cells but width × height is ${width * height}; ` +
    `pass one entry per cell, row by row (index = y * width + x).`,
  mazeCellOutside: (what: string, cell: unknown, width: number, height: number) =>
    `mazeChart: ${what} cell ${describeCell(cell)} is outside the ${width}×${height} map; ` +
    `pass a cell index in [0, ${width * height}) or { x, y } with 0 <= x < ${width}, 0 <= y < ${height}.`,
  paramBadName: (name: unknown) =>
    `param name ${JSON.stringify(name)} is not a valid identifier; use letters, digits and _ (e.g. "step"), since filters refer to it by name.`,
  paramBadRange: (name: string, min: number, max: number) =>
    `slider "${name}" needs min < max, got min ${min} and max ${max}.`,
  paramNoOptions: (name: string) =>
    `dropdown "${name}" needs at least one option; pass e.g. ['A*', 'BFS'].`,
  matrixRagged: (row: number, length: number, expected: number) =>
    `matrixToRows: row ${row} has ${length} entries but row 0 has ${expected}; pass a rectangular matrix.`,
} as const satisfies Record<string, (...args: never[]) => string>;

export type VizMessageKey = keyof typeof vizMessages;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'object') return `an object with keys {${Object.keys(value as object).slice(0, 6).join(', ')}}`;
  return `${typeof value} ${String(value)}`;
}

function describeCell(cell: unknown): string {
  return typeof cell === 'object' && cell !== null ? JSON.stringify(cell) : String(cell);
}
