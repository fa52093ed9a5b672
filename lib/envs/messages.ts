/**
 * Error texts of lib/envs (grid maps, MovingAI files, sliding puzzles). Each entry says what went
 * wrong and what to do; parse errors name the source and line (`arena.map:5`).
 */
const where = (source: string | undefined, line?: number): string =>
  `${source ?? '<input>'}${line === undefined ? '' : `:${line}`}`;

/**
 * Input text quoted for a message: at most 60 characters (longer is cut with "…(N more)"),
 * control characters and quotes escaped as in JSON, so a hostile file cannot flood the terminal
 * or send it escape codes.
 */
export function echo(text: string, max = 60): string {
  const cut = text.length > max ? `${text.slice(0, max)}…(${text.length - max} more)` : text;
  return JSON.stringify(cut);
}

export const envsMessages = {
  gridBadDims: (width: unknown, height: unknown) =>
    `grid size must be positive integers, got width ${String(width)} and height ${String(height)}.`,
  gridBadPassable: (expected: number, got: number) =>
    `passable must be a Uint8Array of width*height = ${expected} entries, got ${got}; pass one 0/1 entry per cell, row-major.`,
  gridBadMovement: (value: unknown) =>
    `unknown movement "${String(value)}"; use 'four' or 'octile'.`,
  gridBadCell: (name: string, cell: unknown, width: number, height: number) =>
    `${name} ${JSON.stringify(cell)} is outside the ${width}x${height} map; use 0 <= x < ${width} and 0 <= y < ${height}.`,
  asciiEmpty: () => `the ASCII grid is empty; draw at least one row, e.g. "S..#..G".`,
  asciiRagged: (line: number, expected: number, got: number) =>
    `ASCII grid line ${line} has ${got} characters but the first row has ${expected}; make every row the same width.`,
  asciiUnknownChar: (line: number, column: number, ch: string, legend: string) =>
    `ASCII grid line ${line}, column ${column}: character "${ch}" is not in the legend (${legend}); add it to the legend or redraw the cell.`,
  asciiBadLegend: (ch: string) =>
    `legend key "${ch}" must be exactly one character.`,
  genBadDensity: (density: unknown) =>
    `density must be a number in [0, 1), got ${String(density)}.`,
  genTooSmall: (what: string, min: number, width: number, height: number) =>
    `${what} needs width and height of at least ${min}, got ${width}x${height}.`,
  mapHeader: (source: string | undefined, line: number, expected: string, got: string) =>
    `${where(source, line)}: expected "${expected}", got ${echo(got)}; a MovingAI .map starts with "type octile", "height H", "width W", "map".`,
  mapBadRowCount: (source: string | undefined, expected: number, got: number) =>
    `${where(source)}: the header says height ${expected} but ${got} map rows follow; fix the height line or the rows.`,
  mapBadRowWidth: (source: string | undefined, line: number, expected: number, got: number) =>
    `${where(source, line)}: map row has ${got} characters but the header says width ${expected}.`,
  mapBadChar: (source: string | undefined, line: number, column: number, ch: string) =>
    `${where(source, line)}: unknown terrain ${echo(ch)} in column ${column}; use . G S (passable) or @ O T W (blocked).`,
  scenVersion: (source: string | undefined, got: string) =>
    `${where(source, 1)}: expected the header "version 1", got ${echo(got)}; MovingAI .scen files start with "version 1".`,
  scenColumns: (source: string | undefined, line: number, got: number) =>
    `${where(source, line)}: expected 9 columns (bucket map width height startX startY goalX goalY optimal), got ${got}.`,
  scenNumber: (source: string | undefined, line: number, column: string, value: string) =>
    `${where(source, line)}: column ${column} must be a ${column === 'optimal' ? 'decimal number' : 'decimal integer'}, got ${echo(value)}.`,
  scenMapSize: (source: string | undefined, mapName: string, qw: number, qh: number, mw: number, mh: number) =>
    `${where(source)}: query for ${mapName.length > 60 || /[\u0000-\u001f"]/.test(mapName) ? echo(mapName) : mapName} says the map is ${qw}x${qh} but the map given is ${mw}x${mh}; load the map the scenario was made for.`,
  scenOutOfRange: (source: string | undefined, which: string, cell: string, mw: number, mh: number) =>
    `${where(source)}: ${which} ${cell} is outside the ${mw}x${mh} map.`,
  scenBlocked: (source: string | undefined, which: string, cell: string) =>
    `${where(source)}: ${which} ${cell} is on a blocked cell; pick a passable cell or check the map.`,
  puzzleBadSize: (size: unknown) =>
    `puzzle size must be an integer from 2 to 15 (3 = 8-puzzle, 4 = 15-puzzle), got ${String(size)}.`,
  puzzleBadCount: (expected: number, got: number, size: number) =>
    `a ${size}x${size} puzzle needs ${expected} tiles, got ${got}; list every tile once, 0 for the blank.`,
  puzzleNotSquare: (got: number) =>
    `${got} tiles is not a square number; pass size explicitly or list n*n tiles (9 or 16).`,
  puzzleBadToken: (token: string, index: number) =>
    `tile ${index + 1} "${token}" is not a non-negative integer; write tiles like "1 2 3 ... 0".`,
  puzzleNotPermutation: (size: number, missing: number[], repeated: number[]) =>
    `the tiles are not a permutation of 0..${size * size - 1}: missing [${missing.join(', ')}], repeated or out of range [${repeated.join(', ')}].`,
  puzzleSizeMismatch: (a: number, b: number) =>
    `state and goal have different sizes (${a} and ${b}); compare puzzles of one size.`,
  puzzleBadConvention: (value: unknown) =>
    `unknown goal convention "${String(value)}"; use 'blank-first' (Korf) or 'blank-last'.`,
  puzzleUnsolvable: (state: string, goal: string) =>
    `the puzzle ${state} cannot reach the goal ${goal}: its permutation parity does not match the blank's row distance parity. Swap two non-blank tiles to make it solvable, or use randomPuzzle() for solvable instances.`,
  puzzleBadWalk: (value: unknown) =>
    `walk must be a non-negative integer number of moves, got ${String(value)}.`,
} as const satisfies Record<string, (...args: never[]) => string>;
