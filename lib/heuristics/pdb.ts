/**
 * Additive pattern databases for the 8- and 15-puzzle (Culberson & Schaeffer 1998; Korf & Felner
 * 2002). The tiles are split into disjoint patterns; for each pattern a backward breadth-first
 * search from the goal records, for every placement of the pattern's tiles, the fewest moves OF
 * PATTERN TILES needed to reach the goal (blank moves through other cells are free). Because each
 * move is counted by exactly one pattern, the values of all patterns add up to an admissible
 * heuristic, at least as large as Manhattan distance.
 *
 * Table layout: pattern tile number `s` (0-based slot) contributes `position << (4 * s)` to the
 * index, so a table has 16^k entries (k <= 6 tiles) and a move changes one index by
 * `(to - from) << (4 * s)` — the specialised IDA* updates it in O(1).
 *
 * Building is pure computation ({@link buildPatternDatabase}); the disk cache (`pdb/` under the
 * lab's one cache root, lib/core/cache) is Node file I/O and lives only in
 * {@link loadOrBuildPatternDatabase} and its helpers at the end of this file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cacheRoot, readCacheFile, writeCacheFile, writeFileAtomic } from '../core/cache';
import { fail } from '../core/errors';
import type { Heuristic } from '../search/problem';
import type { PuzzleState } from '../envs/sliding-puzzle';

const MODULE = 'heuristics/pdb';

const text = {
  badGoal: (v: unknown) =>
    `goal must be a PuzzleState {size: 3 or 4, tiles: Uint8Array permutation of 0..size*size-1}, got ${String(v)}; use puzzleGoal(4, 'blank-first').`,
  badPartition: (why: string) =>
    `partition is invalid: ${why}; pass disjoint tile lists of at most 6 tiles that together cover every tile 1..size*size-1 once, or '6-6-3' / '5-5-5'.`,
  unknownPartition: (v: unknown) => `unknown partition "${String(v)}"; use '6-6-3', '5-5-5' (15-puzzle), '4-4' (8-puzzle) or tile lists.`,
  goalMismatch: () =>
    `this pattern database was built for another goal; build one for the goal you search toward with loadOrBuildPatternDatabase(goal).`,
  stateMismatch: (size: number) => `state must be a ${size}x${size} PuzzleState to be looked up in this database.`,
} as const;

/** A named partition of the tiles ('6-6-3' and '5-5-5' for the 15-puzzle, '4-4' for the 8-puzzle). */
export type PartitionName = '6-6-3' | '5-5-5' | '4-4';

export interface PatternDatabase {
  readonly size: number;
  /** The goal board the database measures distance to (tiles[pos] = tile, 0 = blank). */
  readonly goal: Uint8Array;
  /** Disjoint tile lists; slot s of pattern i is patterns[i][s]. */
  readonly patterns: readonly (readonly number[])[];
  /** tables[i][Σ pos(patterns[i][s]) << 4s] = fewest pattern-i moves to place its tiles (255 = never). */
  readonly tables: readonly Uint8Array[];
  /** Seconds spent building (0 if loaded) and where it came from. */
  readonly buildSeconds: number;
  readonly source: 'built' | 'loaded';
}

export interface PatternDatabaseOptions {
  /** Tile lists (each at most 6 tiles) or a named partition. Default '6-6-3' (4x4) / '4-4' (3x3). */
  partition?: PartitionName | readonly (readonly number[])[];
}

// Pattern cells (goal positions) for the blank-first goal; other goals map them by rotation.
const NAMED_CELLS: Record<PartitionName, { size: number; cells: number[][] }> = {
  '6-6-3': { size: 4, cells: [[1, 4, 5, 8, 9, 12], [2, 3, 6, 7, 10, 11], [13, 14, 15]] },
  '5-5-5': { size: 4, cells: [[1, 4, 5, 8, 9], [2, 3, 6, 7, 10], [11, 12, 13, 14, 15]] },
  '4-4': { size: 3, cells: [[1, 3, 4, 6], [2, 5, 7, 8]] },
};

/**
 * Builds an additive pattern database for `goal` by backward breadth-first search (no I/O).
 * A 6-6-3 database for the 15-puzzle takes a few seconds; see {@link loadOrBuildPatternDatabase}
 * to cache it on disk.
 *
 * @example
 * const pdb = buildPatternDatabase(puzzleGoal(4, 'blank-first'), {partition: '5-5-5'});
 * const h = pdbHeuristic(pdb);
 * h(parsePuzzle('1 2 3 0 4 5 6 7 8 9 10 11 12 13 14 15', 4), puzzleGoal(4, 'blank-first')); // 3
 */
export function buildPatternDatabase(goal: PuzzleState, options: PatternDatabaseOptions = {}): PatternDatabase {
  checkGoal(goal);
  const patterns = resolvePartition(goal, options.partition);
  const t0 = performance.now();
  const tables = patterns.map((p) => buildTable(goal, p));
  return {
    size: goal.size, goal: Uint8Array.from(goal.tiles), patterns, tables,
    buildSeconds: (performance.now() - t0) / 1000, source: 'built',
  };
}

/**
 * The database's value for `state`: the sum over patterns of the table entries.
 *
 * @example
 * pdbValue(pdb, start) >= manhattan(start, goal); // always
 */
export function pdbValue(pdb: PatternDatabase, state: PuzzleState): number {
  if (!state || state.size !== pdb.size || !(state.tiles instanceof Uint8Array)) fail(MODULE, text.stateMismatch(pdb.size));
  let h = 0;
  for (let i = 0; i < pdb.patterns.length; i++) {
    const pat = pdb.patterns[i];
    let idx = 0;
    for (let s = 0; s < pat.length; s++) idx += state.tiles.indexOf(pat[s]) << (4 * s);
    h += pdb.tables[i][idx];
  }
  return h;
}

/**
 * The database as a `Heuristic<PuzzleState, PuzzleState>` for the generic searchers (astar,
 * idaStar, ...). Calling it with a goal other than the database's goal throws.
 *
 * @example
 * const goal = puzzleGoal(4, 'blank-last');
 * const r = idaStar(slidingPuzzleProblem(4), start, goal, {heuristic: pdbHeuristic(loadOrBuildPatternDatabase(goal))});
 */
export function pdbHeuristic(pdb: PatternDatabase): Heuristic<PuzzleState, PuzzleState> {
  let checked: PuzzleState | null = null;
  return (state, goal) => {
    if (goal !== checked) {
      if (!goal || goal.size !== pdb.size || !pdb.goal.every((t, i) => t === goal.tiles[i])) fail(MODULE, text.goalMismatch());
      checked = goal;
    }
    return pdbValue(pdb, state);
  };
}

function checkGoal(goal: unknown): asserts goal is PuzzleState {
  const g = goal as PuzzleState | null;
  const ok = !!g && typeof g === 'object' && (g.size === 3 || g.size === 4)
    && g.tiles instanceof Uint8Array && g.tiles.length === g.size * g.size
    && new Set(g.tiles).size === g.tiles.length && g.tiles.every((t) => t < g.tiles.length);
  if (!ok) fail(MODULE, text.badGoal(goal));
}

/**
 * The tile lists of a partition for `goal` (a named partition mapped onto the goal's cells, or
 * tile lists checked to be disjoint and to cover every tile). Shared with `pdb-metric.ts`.
 */
export function resolvePatternPartition(goal: PuzzleState, partition: PatternDatabaseOptions['partition']): number[][] {
  checkGoal(goal);
  return resolvePartition(goal, partition);
}

function resolvePartition(goal: PuzzleState, partition: PatternDatabaseOptions['partition']): number[][] {
  const n = goal.size, N = n * n;
  let pats: number[][];
  if (partition === undefined || typeof partition === 'string') {
    const name = partition ?? (n === 4 ? '6-6-3' : '4-4');
    const named = NAMED_CELLS[name as PartitionName];
    if (!named) fail(MODULE, text.unknownPartition(partition));
    if (named.size !== n) fail(MODULE, text.badPartition(`'${name}' is for the ${named.size}x${named.size} puzzle`));
    // Cells are given for a goal with the blank at cell 0; rotate them 180° when the goal's
    // blank is at the last cell; otherwise take non-blank cells in reading order.
    const blank = goal.tiles.indexOf(0);
    let cells: number[][];
    if (blank === 0) cells = named.cells;
    else if (blank === N - 1) cells = named.cells.map((c) => c.map((p) => N - 1 - p));
    else {
      const order = Array.from({ length: N }, (_, p) => p).filter((p) => p !== blank);
      let at = 0;
      cells = named.cells.map((c) => order.slice(at, (at += c.length)));
    }
    pats = cells.map((c) => c.map((p) => goal.tiles[p]));
  } else {
    if (!Array.isArray(partition)) fail(MODULE, text.unknownPartition(partition));
    pats = partition.map((p) => Array.from(p));
  }
  const seen = new Set<number>();
  for (const p of pats) {
    if (p.length === 0 || p.length > 6) fail(MODULE, text.badPartition(`a pattern has ${p.length} tiles`));
    for (const t of p) {
      if (!Number.isInteger(t) || t < 1 || t >= N) fail(MODULE, text.badPartition(`tile ${t} is not in 1..${N - 1}`));
      if (seen.has(t)) fail(MODULE, text.badPartition(`tile ${t} appears twice`));
      seen.add(t);
    }
  }
  if (seen.size !== N - 1) fail(MODULE, text.badPartition(`${N - 1 - seen.size} tiles are in no pattern`));
  return pats;
}

/**
 * Backward 0-1 BFS over (pattern placement, blank region). The blank's region (cells reachable
 * through non-pattern cells) is flood-filled as a bit mask: moving the blank inside it is free;
 * moving a pattern tile into an adjacent region cell costs 1. `visited[idx]` holds the blank
 * cells already covered for placement idx, so each (placement, region) is expanded once.
 */
function buildTable(goal: PuzzleState, pattern: readonly number[]): Uint8Array {
  const n = goal.size, N = n * n, k = pattern.length;
  const size = 1 << (4 * k);
  const dist = new Uint8Array(size).fill(255);
  const visited = new Uint16Array(size);
  const all = (1 << N) - 1;
  let notFirstCol = all, notLastCol = all;
  for (let r = 0; r < n; r++) { notFirstCol &= ~(1 << (r * n)); notLastCol &= ~(1 << (r * n + n - 1)); }
  const nbMask = new Uint16Array(N);
  for (let p = 0; p < N; p++) {
    const r = (p / n) | 0, c = p % n;
    if (r > 0) nbMask[p] |= 1 << (p - n);
    if (r < n - 1) nbMask[p] |= 1 << (p + n);
    if (c > 0) nbMask[p] |= 1 << (p - 1);
    if (c < n - 1) nbMask[p] |= 1 << (p + 1);
  }
  let start = 0;
  for (let s = 0; s < k; s++) start += goal.tiles.indexOf(pattern[s]) << (4 * s);
  let cur = new Int32Array(1024), curLen = 0;
  let next = new Int32Array(1024), nextLen = 0;
  cur[curLen++] = (start << 4) | goal.tiles.indexOf(0);
  for (let d = 0; curLen > 0; d++) {
    nextLen = 0;
    for (let i = 0; i < curLen; i++) {
      const code = cur[i], idx = code >>> 4, b = code & 15;
      if (visited[idx] & (1 << b)) continue;
      let occ = 0;
      for (let s = 0; s < k; s++) occ |= 1 << ((idx >>> (4 * s)) & 15);
      const freeCells = all & ~occ;
      let region = 1 << b;
      for (;;) {
        const grown = (region | ((region << 1) & notFirstCol) | ((region >>> 1) & notLastCol)
          | (region << n) | (region >>> n)) & freeCells;
        if (grown === region) break;
        region = grown;
      }
      visited[idx] |= region;
      if (dist[idx] === 255) dist[idx] = d;
      for (let s = 0; s < k; s++) {
        const p = (idx >>> (4 * s)) & 15;
        let targets = nbMask[p] & region;
        while (targets) {
          const q = 31 - Math.clz32(targets);
          targets &= ~(1 << q);
          const nidx = idx + ((q - p) << (4 * s));
          if (visited[nidx] & (1 << p)) continue;
          if (nextLen === next.length) { const grown = new Int32Array(next.length * 2); grown.set(next); next = grown; }
          next[nextLen++] = (nidx << 4) | p;
        }
      }
    }
    const tmp = cur; cur = next; next = tmp; curLen = nextLen;
  }
  return dist;
}

// ---------------------------------------------------------------------------------------------
// Node file I/O: the on-disk cache. Everything above is pure; only this section touches files.
// Format (little-endian): "RLPD" | u32 version | u32 size | u32 #patterns | goal (size² bytes) |
// per pattern: u32 k, k tile bytes | tables (16^k bytes each) | u32 FNV-1a of everything before.
// ---------------------------------------------------------------------------------------------

const FORMAT_VERSION = 1;
const memo = new Map<string, PatternDatabase>();

export interface PatternDatabaseCacheOptions extends PatternDatabaseOptions {
  /** Directory of the cache files. Default: `pdb/` under the lab's one cache root (lib/core/cache). */
  cacheDir?: string;
}

/**
 * Returns the pattern database for `goal`, loading it from its cache file (`pdb/` under the lab's
 * cache root: the install's `build/`, or the per-user cache when the install is read-only) when
 * present and valid, otherwise building it and writing the file atomically (a corrupt or stale
 * file is rebuilt and overwritten). Memoised per process. Node only (uses node:fs).
 *
 * @example
 * const pdb = loadOrBuildPatternDatabase(puzzleGoal(4, 'blank-first')); // 6-6-3, seconds once, then instant
 * puzzleIdaStar(start, puzzleGoal(4, 'blank-first'), {heuristic: 'pdb', pdb});
 */
export function loadOrBuildPatternDatabase(goal: PuzzleState, options: PatternDatabaseCacheOptions = {}): PatternDatabase {
  checkGoal(goal);
  const patterns = resolvePartition(goal, options.partition);
  const key = `${goal.size}-${Array.from(goal.tiles).join('.')}-${patterns.map((p) => p.join('.')).join('_')}`;
  const kind = `pdb/puzzle${goal.size}`;
  const hash = hashString(key).toString(16);
  const dir = options.cacheDir;
  const memoKey = `${dir ?? cacheRoot() ?? ''}|${key}`;
  const cached = memo.get(memoKey);
  if (cached) return cached;
  const file = dir === undefined ? null : path.join(dir, `puzzle${goal.size}-${hash}.pdb`);
  let pdb: PatternDatabase | null = null;
  try {
    const bytes = file === null ? readCacheFile(kind, hash, 'pdb') : new Uint8Array(fs.readFileSync(file));
    if (bytes) pdb = decode(bytes, goal, patterns);
  } catch { pdb = null; }
  if (!pdb) {
    pdb = buildPatternDatabase(goal, { partition: patterns });
    if (file === null) writeCacheFile(kind, hash, 'pdb', encode(pdb));
    else {
      try { writeFileAtomic(file, encode(pdb)); } catch { /* read-only folder: keep the in-memory database */ }
    }
  }
  memo.set(memoKey, pdb);
  return pdb;
}

function encode(pdb: PatternDatabase): Uint8Array {
  const N = pdb.size * pdb.size;
  let len = 16 + N;
  for (const p of pdb.patterns) len += 4 + p.length;
  for (const t of pdb.tables) len += t.length;
  const out = new Uint8Array(len + 4);
  const view = new DataView(out.buffer);
  out.set([82, 76, 80, 68], 0); // "RLPD"
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, pdb.size, true);
  view.setUint32(12, pdb.patterns.length, true);
  out.set(pdb.goal, 16);
  let at = 16 + N;
  for (const p of pdb.patterns) { view.setUint32(at, p.length, true); out.set(p, at + 4); at += 4 + p.length; }
  for (const t of pdb.tables) { out.set(t, at); at += t.length; }
  view.setUint32(at, fnv1a(out, 0, at), true);
  return out;
}

function decode(bytes: Uint8Array, goal: PuzzleState, patterns: number[][]): PatternDatabase | null {
  const N = goal.size * goal.size;
  if (bytes.length < 20 + N) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] !== 82 || bytes[1] !== 76 || bytes[2] !== 80 || bytes[3] !== 68) return null;
  if (view.getUint32(4, true) !== FORMAT_VERSION || view.getUint32(8, true) !== goal.size) return null;
  if (view.getUint32(12, true) !== patterns.length) return null;
  for (let i = 0; i < N; i++) if (bytes[16 + i] !== goal.tiles[i]) return null;
  let at = 16 + N;
  for (const p of patterns) {
    if (view.getUint32(at, true) !== p.length) return null;
    for (let s = 0; s < p.length; s++) if (bytes[at + 4 + s] !== p[s]) return null;
    at += 4 + p.length;
  }
  let expected = at;
  for (const p of patterns) expected += 1 << (4 * p.length);
  if (bytes.length !== expected + 4) return null;
  if (view.getUint32(expected, true) !== fnv1a(bytes, 0, expected)) return null;
  const tables = patterns.map((p) => {
    const t = bytes.slice(at, at + (1 << (4 * p.length)));
    at += t.length;
    return t;
  });
  return { size: goal.size, goal: Uint8Array.from(goal.tiles), patterns, tables, buildSeconds: 0, source: 'loaded' };
}

function fnv1a(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
