/**
 * ASCII art for grid maps: draw a maze in a string (tests, notebooks), get a `GridMap` plus the
 * cells marked in it; print a map with a route and marks drawn in.
 *
 * Default legend: `#` and `@` wall; `.` floor; `S` start, `G` goal, `*` route (all three passable).
 */
import { fail } from '../core/errors';
import type { Cell, GridMap } from './grid';
import { envsMessages } from './messages';

const MODULE = 'envs/ascii';

/** Maps one character to 'wall', 'floor', or the name of a mark on a passable cell. */
export type AsciiLegend = Record<string, 'wall' | 'floor' | string>;

export const DEFAULT_ASCII_LEGEND: Readonly<AsciiLegend> = { '#': 'wall', '@': 'wall', '.': 'floor', S: 'start', G: 'goal', '*': 'route' };

/** What `parseAsciiGrid` returns. `marks[name]` lists marked cells in row-major order. */
export interface AsciiGrid {
  map: GridMap;
  marks: Record<string, Cell[]>;
  /** The first cell marked 'start' / 'goal', if any. */
  start?: Cell;
  goal?: Cell;
  /** The cells marked 'route' (row-major, not in walking order). */
  route: Cell[];
}

/**
 * Parses ASCII art into a map. Leading/trailing blank lines are ignored and, unless the legend
 * gives a meaning to ' ', each line is trimmed (so indented template strings work).
 *
 * @example
 * const { map, start, goal, route } = parseAsciiGrid(`
 *   S**#
 *   .#*G`);
 * // map is 4x2, start (0,0), goal (3,1), route has 3 cells
 */
export function parseAsciiGrid(text: string, legend: AsciiLegend = DEFAULT_ASCII_LEGEND, name = 'ascii'): AsciiGrid {
  for (const ch of Object.keys(legend)) if (ch.length !== 1) fail(MODULE, envsMessages.asciiBadLegend(ch));
  const keepSpaces = ' ' in legend;
  const raw = text.replace(/\r\n?/g, '\n').split('\n').map((l, i) => ({ line: i + 1, text: keepSpaces ? l : l.trim() }));
  while (raw.length && raw[0].text.trim() === '') raw.shift();
  while (raw.length && raw[raw.length - 1].text.trim() === '') raw.pop();
  if (raw.length === 0) fail(MODULE, envsMessages.asciiEmpty());
  const width = raw[0].text.length, height = raw.length;
  const passable = new Uint8Array(width * height);
  const marks: Record<string, Cell[]> = {};
  const legendText = Object.entries(legend).map(([c, m]) => `"${c}" ${m}`).join(', ');
  raw.forEach(({ line, text: row }, y) => {
    if (row.length !== width) fail(MODULE, envsMessages.asciiRagged(line, width, row.length));
    for (let x = 0; x < width; x++) {
      const meaning = legend[row[x]];
      if (meaning === undefined) fail(MODULE, envsMessages.asciiUnknownChar(line, x + 1, row[x], legendText));
      if (meaning === 'wall') continue;
      passable[y * width + x] = 1;
      if (meaning !== 'floor') (marks[meaning] ??= []).push({ x, y });
    }
  });
  return { map: { name, width, height, passable }, marks, start: marks.start?.[0], goal: marks.goal?.[0], route: marks.route ?? [] };
}

/** Options of `renderAscii`. */
export interface RenderAsciiOptions {
  /** Cells drawn as '*' (e.g. a found path; its ends are drawn as S and G when start/goal are not given). */
  path?: readonly Cell[];
  start?: Cell;
  goal?: Cell;
  /** Extra marks: character → cells (drawn last, over everything else). */
  marks?: Record<string, readonly Cell[]>;
  wall?: string;
  floor?: string;
}

/**
 * Draws a map as text, one row per line; `parseAsciiGrid` reads the result back.
 *
 * @example
 * renderAscii(map, { path: result.path });
 * // S**#
 * // .#*G
 */
export function renderAscii(map: GridMap, options: RenderAsciiOptions = {}): string {
  const { width, height, passable } = map;
  const chars: string[] = new Array(width * height);
  const wall = options.wall ?? '#', floor = options.floor ?? '.';
  for (let i = 0; i < chars.length; i++) chars[i] = passable[i] ? floor : wall;
  const put = (c: Cell | undefined, ch: string): void => {
    if (c && c.x >= 0 && c.y >= 0 && c.x < width && c.y < height) chars[c.y * width + c.x] = ch;
  };
  const path = options.path ?? [];
  for (const c of path) put(c, '*');
  put(options.start ?? path[0], 'S');
  put(options.goal ?? path[path.length - 1], 'G');
  for (const [ch, cells] of Object.entries(options.marks ?? {})) for (const c of cells) put(c, ch);
  const rows: string[] = [];
  for (let y = 0; y < height; y++) rows.push(chars.slice(y * width, y * width + width).join(''));
  return rows.join('\n');
}
