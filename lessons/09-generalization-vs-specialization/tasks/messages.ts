/** Error texts of lessons/09-generalization-vs-specialization/tasks: what went wrong and what to do. */
const cell = (c: unknown) => JSON.stringify(c);

export const tasksMessages = {
  errandSpecBad: (spec: unknown) =>
    `an errand spec needs a name and a list of stage names, e.g. {name: 'ship books', stages: ['library', 'post office']}; got ${JSON.stringify(spec)}.`,
  zoneUnknown: (zone: string, known: readonly string[]) => `no zone "${zone}" in this town; known zones: ${known.join(', ')}.`,
  errandNoStages: (name: string) => `errand "${name}" needs at least one stage (a list of cells to reach).`,
  errandTooManyStages: (name: string, stages: number, max: number) =>
    `errand "${name}" has ${stages} stages; at most ${max} are supported (split it into several errands).`,
  errandOrderBad: (name: string, order: unknown) => `errand "${name}": order must be 'sequence' or 'any', got ${JSON.stringify(order)}.`,
  stageEmpty: (name: string, k: number) => `errand "${name}": stage ${k} must be a non-empty list of cells.`,
  stageCellBad: (name: string, k: number, c: unknown, width: number, height: number) =>
    `errand "${name}": stage ${k} has ${cell(c)}, which is not an open cell of the ${width}x${height} map.`,
  penaltyBad: (name: string, p: unknown) => `errand "${name}": avoid.penalty must be a finite number >= 0, got ${String(p)}.`,
  avoidCellBad: (name: string, c: unknown) => `errand "${name}": avoid zone has ${cell(c)}, which is not an open cell.`,
  startBad: (c: unknown, width: number, height: number) => `start must be an open cell {x, y} of the ${width}x${height} map, got ${cell(c)}.`,
  positiveInt: (name: string, v: unknown) => `${name} must be a positive integer, got ${String(v)}.`,
  nonNegative: (name: string, v: unknown) => `${name} must be a finite number >= 0, got ${String(v)}.`,
  noMeasures: () => 'no tasks measured; pass the result of measureTasks on a non-empty suite.',
  queriesBad: (q: unknown) => `queries per task must be a finite number >= 1, got ${String(q)}.`,
  townSizeBad: (width: number, height: number, places: number) =>
    `width and height must be integers >= 15 (room for ${places} places and the groups), got ${width} x ${height}.`,
  townTooSmall: (width: number, height: number, roomSize: number, cells: number, needed: number) =>
    `a ${width} x ${height} town with roomSize ${roomSize} has only ${cells} room cells, need ${needed}; use a bigger map or bigger rooms.`,
  seedBad: (seed: unknown) => `seed must be a finite number, got ${String(seed)}.`,
  placeUnknown: (name: string, known: readonly string[]) => `no place "${name}" in this town; known places: ${known.join(', ')}.`,
  noveltyBad: (v: unknown) => `novelty must be a probability in [0, 1], got ${String(v)}.`,
  streamTaskBad: (t: unknown, n: number) => `the stream names task ${String(t)}, but only tasks 0..${n - 1} were measured.`,
} as const;
