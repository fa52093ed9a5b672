/**
 * MovingAI benchmark files (Sturtevant 2012, "Benchmarks for Grid-Based Pathfinding"):
 * `.map` grids and `.scen` query lists. Pure text in and out (no file system here), so notebooks
 * and the CLI read the files themselves and pass the text plus a `source` name for error messages.
 *
 * `.map` legend: `.` `G` ground, `S` swamp → passable; `@` `O` out of bounds, `T` trees,
 * `W` water → blocked (water counts as blocked: the benchmark's octile lengths never cross it).
 * `.scen` lines: bucket, map, map width, map height, start x, start y, goal x, goal y, optimal
 * length (octile movement, diagonal Math.SQRT2, no corner cutting).
 */
import { fail } from '../core/errors';
import type { Cell, GridMap } from './grid';
import { inBounds } from './grid';
import { envsMessages } from './messages';

const MODULE = 'envs/movingai';
const PASSABLE = '.GS';
const BLOCKED = '@OTW';

/** One query of a `.scen` file. */
export interface ScenarioQuery {
  bucket: number;
  mapName: string;
  mapWidth: number;
  mapHeight: number;
  start: Cell;
  goal: Cell;
  optimal: number;
}

function lines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/**
 * Parses a MovingAI `.map` file. Errors name `source` and the line.
 *
 * @example
 * const map = parseMap('type octile\nheight 2\nwidth 3\nmap\n..@\n.T.\n', 'tiny.map');
 * map.passable; // Uint8Array [1, 1, 0, 1, 0, 1]
 */
export function parseMap(text: string, source?: string): GridMap {
  const ls = lines(text);
  const header = (i: number, key: string): string => {
    const got = (ls[i] ?? '').trim();
    const m = got.split(/\s+/);
    if (m[0] !== key || (key !== 'map' && m.length !== 2) || (key === 'map' && m.length !== 1)) {
      fail(MODULE, envsMessages.mapHeader(source, i + 1, key === 'map' ? 'map' : `${key} <value>`, got));
    }
    return m[1];
  };
  header(0, 'type');
  const hs = header(1, 'height');
  const ws = header(2, 'width');
  const height = Number(hs), width = Number(ws);
  if (!Number.isInteger(height) || height <= 0) fail(MODULE, envsMessages.mapHeader(source, 2, 'height <positive integer>', ls[1].trim()));
  if (!Number.isInteger(width) || width <= 0) fail(MODULE, envsMessages.mapHeader(source, 3, 'width <positive integer>', ls[2].trim()));
  header(3, 'map');
  const rows = ls.slice(4);
  while (rows.length > height && rows[rows.length - 1].trim() === '') rows.pop();
  if (rows.length !== height) fail(MODULE, envsMessages.mapBadRowCount(source, height, rows.length));
  const passable = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = rows[y];
    if (row.length !== width) fail(MODULE, envsMessages.mapBadRowWidth(source, y + 5, width, row.length));
    for (let x = 0; x < width; x++) {
      const ch = row[x];
      if (PASSABLE.includes(ch)) passable[y * width + x] = 1;
      else if (!BLOCKED.includes(ch)) fail(MODULE, envsMessages.mapBadChar(source, y + 5, x + 1, ch));
    }
  }
  const name = source ? source.replace(/^.*[\\/]/, '').replace(/\.map$/, '') : `${width}x${height}`;
  return { name, width, height, passable };
}

/**
 * Writes a map in MovingAI `.map` format ('.' passable, '@' blocked); `parseMap` reads it back.
 *
 * @example
 * serializeMap(createGridMap(2, 1)); // 'type octile\nheight 1\nwidth 2\nmap\n..\n'
 */
export function serializeMap(map: GridMap): string {
  const rows: string[] = [];
  for (let y = 0; y < map.height; y++) {
    let row = '';
    for (let x = 0; x < map.width; x++) row += map.passable[y * map.width + x] ? '.' : '@';
    rows.push(row);
  }
  return `type octile\nheight ${map.height}\nwidth ${map.width}\nmap\n${rows.join('\n')}\n`;
}

/**
 * Parses a MovingAI `.scen` file ("version 1" header, then 9 tab- or space-separated columns per
 * line; map names must not contain spaces). Errors name `source` and the line.
 *
 * @example
 * const [q] = parseScen('version 1\n0\ttiny.map\t3\t2\t0\t0\t2\t1\t2.41421356\n');
 * q.start; // { x: 0, y: 0 }
 */
export function parseScen(text: string, source?: string): ScenarioQuery[] {
  const ls = lines(text);
  const head = (ls[0] ?? '').trim();
  if (!/^version\s+1(\.0)?$/.test(head)) fail(MODULE, envsMessages.scenVersion(source, head));
  const out: ScenarioQuery[] = [];
  const names = ['bucket', 'map', 'width', 'height', 'startX', 'startY', 'goalX', 'goalY', 'optimal'];
  for (let i = 1; i < ls.length; i++) {
    const line = ls[i].trim();
    if (line === '') continue;
    const cols = line.split(/\s+/);
    if (cols.length !== 9) fail(MODULE, envsMessages.scenColumns(source, i + 1, cols.length));
    const num = (c: number, integer: boolean): number => {
      const v = Number(cols[c]);
      // Plain decimals only: Number() would also read "0x1", "1e3" or "0b1".
      const plain = integer ? /^[-+]?\d+$/ : /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
      if (!plain.test(cols[c]) || !Number.isFinite(v) || (integer && !Number.isInteger(v))) {
        fail(MODULE, envsMessages.scenNumber(source, i + 1, names[c], cols[c]));
      }
      return v;
    };
    out.push({
      bucket: num(0, true),
      mapName: cols[1],
      mapWidth: num(2, true),
      mapHeight: num(3, true),
      start: { x: num(4, true), y: num(5, true) },
      goal: { x: num(6, true), y: num(7, true) },
      optimal: num(8, false),
    });
  }
  return out;
}

/**
 * Writes queries in `.scen` format (tab-separated, optimal length with 8 decimals).
 *
 * @example
 * serializeScen([{ bucket: 0, mapName: 'tiny.map', mapWidth: 3, mapHeight: 2,
 *   start: { x: 0, y: 0 }, goal: { x: 2, y: 1 }, optimal: 1 + Math.SQRT2 }]);
 */
export function serializeScen(queries: readonly ScenarioQuery[]): string {
  const rows = queries.map((q) => [q.bucket, q.mapName, q.mapWidth, q.mapHeight, q.start.x, q.start.y, q.goal.x, q.goal.y, q.optimal.toFixed(8)].join('\t'));
  return `version 1\n${rows.map((r) => `${r}\n`).join('')}`;
}

/**
 * Throws unless `q` fits `map`: same dimensions, start and goal on the map and passable.
 *
 * @example
 * for (const q of parseScen(scenText, 'arena.map.scen')) validateQuery(map, q, 'arena.map.scen');
 */
export function validateQuery(map: GridMap, q: ScenarioQuery, source?: string): void {
  if (q.mapWidth !== map.width || q.mapHeight !== map.height) {
    fail(MODULE, envsMessages.scenMapSize(source, q.mapName, q.mapWidth, q.mapHeight, map.width, map.height));
  }
  for (const [which, c] of [['start', q.start], ['goal', q.goal]] as const) {
    const cell = `(${c.x}, ${c.y})`;
    if (!inBounds(map, c.x, c.y)) fail(MODULE, envsMessages.scenOutOfRange(source, which, cell, map.width, map.height));
    if (!map.passable[c.y * map.width + c.x]) fail(MODULE, envsMessages.scenBlocked(source, which, cell));
  }
}
