/**
 * Error texts of lib/envs (grid maps, MovingAI files, sliding puzzles). Each entry says what went
 * wrong and what to do; parse errors name the source and line (`arena.map:5`).
 */
const where = (source: string | undefined, line?: number): string =>
  `${source ?? '<input>'}${line === undefined ? '' : `:${line}`}`;

export const envsMessages = {
  'grid.badDims': (width: unknown, height: unknown) =>
    `grid size must be positive integers, got width ${String(width)} and height ${String(height)}.`,
  'grid.badPassable': (expected: number, got: number) =>
    `passable must be a Uint8Array of width*height = ${expected} entries, got ${got}; pass one 0/1 entry per cell, row-major.`,
  'grid.badMovement': (value: unknown) =>
    `unknown movement "${String(value)}"; use 'four' or 'octile'.`,
  'grid.badCell': (name: string, cell: unknown, width: number, height: number) =>
    `${name} ${JSON.stringify(cell)} is outside the ${width}x${height} map; use 0 <= x < ${width} and 0 <= y < ${height}.`,
  'ascii.empty': () => `the ASCII grid is empty; draw at least one row, e.g. "S..#..G".`,
  'ascii.ragged': (line: number, expected: number, got: number) =>
    `ASCII grid line ${line} has ${got} characters but the first row has ${expected}; make every row the same width.`,
  'ascii.unknownChar': (line: number, column: number, ch: string, legend: string) =>
    `ASCII grid line ${line}, column ${column}: character "${ch}" is not in the legend (${legend}); add it to the legend or redraw the cell.`,
  'ascii.badLegend': (ch: string) =>
    `legend key "${ch}" must be exactly one character.`,
  'gen.badDensity': (density: unknown) =>
    `density must be a number in [0, 1), got ${String(density)}.`,
  'gen.tooSmall': (what: string, min: number, width: number, height: number) =>
    `${what} needs width and height of at least ${min}, got ${width}x${height}.`,
  'map.header': (source: string | undefined, line: number, expected: string, got: string) =>
    `${where(source, line)}: expected "${expected}", got "${got}"; a MovingAI .map starts with "type octile", "height H", "width W", "map".`,
  'map.badRowCount': (source: string | undefined, expected: number, got: number) =>
    `${where(source)}: the header says height ${expected} but ${got} map rows follow; fix the height line or the rows.`,
  'map.badRowWidth': (source: string | undefined, line: number, expected: number, got: number) =>
    `${where(source, line)}: map row has ${got} characters but the header says width ${expected}.`,
  'map.badChar': (source: string | undefined, line: number, column: number, ch: string) =>
    `${where(source, line)}: unknown terrain "${ch}" in column ${column}; use . G S (passable) or @ O T W (blocked).`,
  'scen.version': (source: string | undefined, got: string) =>
    `${where(source, 1)}: expected the header "version 1", got "${got}"; MovingAI .scen files start with "version 1".`,
  'scen.columns': (source: string | undefined, line: number, got: number) =>
    `${where(source, line)}: expected 9 columns (bucket map width height startX startY goalX goalY optimal), got ${got}.`,
  'scen.number': (source: string | undefined, line: number, column: string, value: string) =>
    `${where(source, line)}: column ${column} must be a number, got "${value}".`,
  'scen.mapSize': (source: string | undefined, mapName: string, qw: number, qh: number, mw: number, mh: number) =>
    `${where(source)}: query for ${mapName} says the map is ${qw}x${qh} but the map given is ${mw}x${mh}; load the map the scenario was made for.`,
  'scen.outOfRange': (source: string | undefined, which: string, cell: string, mw: number, mh: number) =>
    `${where(source)}: ${which} ${cell} is outside the ${mw}x${mh} map.`,
  'scen.blocked': (source: string | undefined, which: string, cell: string) =>
    `${where(source)}: ${which} ${cell} is on a blocked cell; pick a passable cell or check the map.`,
  'puzzle.badSize': (size: unknown) =>
    `puzzle size must be an integer from 2 to 15 (3 = 8-puzzle, 4 = 15-puzzle), got ${String(size)}.`,
  'puzzle.badCount': (expected: number, got: number, size: number) =>
    `a ${size}x${size} puzzle needs ${expected} tiles, got ${got}; list every tile once, 0 for the blank.`,
  'puzzle.notSquare': (got: number) =>
    `${got} tiles is not a square number; pass size explicitly or list n*n tiles (9 or 16).`,
  'puzzle.badToken': (token: string, index: number) =>
    `tile ${index + 1} "${token}" is not a non-negative integer; write tiles like "1 2 3 ... 0".`,
  'puzzle.notPermutation': (size: number, missing: number[], repeated: number[]) =>
    `the tiles are not a permutation of 0..${size * size - 1}: missing [${missing.join(', ')}], repeated or out of range [${repeated.join(', ')}].`,
  'puzzle.sizeMismatch': (a: number, b: number) =>
    `state and goal have different sizes (${a} and ${b}); compare puzzles of one size.`,
  'puzzle.badConvention': (value: unknown) =>
    `unknown goal convention "${String(value)}"; use 'blank-first' (Korf) or 'blank-last'.`,
  'puzzle.unsolvable': (state: string, goal: string) =>
    `the puzzle ${state} cannot reach the goal ${goal}: its permutation parity does not match the blank's row distance parity. Swap two non-blank tiles to make it solvable, or use randomPuzzle() for solvable instances.`,
  'puzzle.badWalk': (value: unknown) =>
    `walk must be a non-negative integer number of moves, got ${String(value)}.`,
} as const satisfies Record<string, (...args: never[]) => string>;
