/**
 * Pattern databases that keep the blank's cell, so that a database built for one goal can be
 * used — admissibly — for any other goal (the pattern-database form of a landmark heuristic).
 *
 * The abstraction of pattern i keeps where its k tiles are AND where the blank is; the other tiles
 * are indistinguishable. Moving the blank into a non-pattern cell costs 0, moving a pattern tile
 * costs 1. Every move is reversible at the same cost, so the abstract distance d_i is a metric,
 * and for any state s and any goal g the triangle inequality gives
 *   |d_i(s, G) − d_i(g, G)| ≤ d_i(s, g) ≤ (pattern-i tile moves on any real path from s to g),
 * where G is the goal the database was built for. With disjoint patterns the moves are counted
 * once, so h(s, g) = Σ_i |T_i(s) − T_i(g)| is admissible and consistent for EVERY goal g, and
 * equals the plain table value Σ_i T_i(s) when g = G. (The standard database of `pdb.ts` takes the
 * minimum over the blank's region, which is smaller and faster but breaks the triangle inequality
 * needed for other goals.)
 *
 * Table layout: slot s of a pattern contributes `position << (4 * s)`, the blank adds
 * `blank << (4 * k)`; a table has 16^(k+1) entries, so patterns hold at most 5 tiles.
 */
import { fail } from '../core/errors';
import type { Heuristic } from '../search/problem';
import type { PuzzleState } from '../envs/sliding-puzzle';
import { resolvePatternPartition, type PartitionName } from './pdb';
import { heuristicsMessages } from './messages';

const MODULE = 'heuristics/pdb-metric';

/** A pattern database over (pattern placement, blank cell): a metric, usable for any goal. */
export interface MetricPatternDatabase {
  readonly size: number;
  /** The goal board it was built for (tiles[pos] = tile, 0 = blank). */
  readonly goal: Uint8Array;
  /** Disjoint tile lists (at most 5 tiles each). */
  readonly patterns: readonly (readonly number[])[];
  /** tables[i][placement | blank << 4k] = pattern-i moves to the goal's placement (255 = unreachable). */
  readonly tables: readonly Uint8Array[];
  /** The build's cost: abstract states expanded (all patterns) and seconds. */
  readonly buildExpanded: number;
  readonly buildSeconds: number;
}

/**
 * Builds a {@link MetricPatternDatabase} for `goal` by a backward 0-1 breadth-first search per
 * pattern (no I/O). `partition` is a named partition ('4-4' for the 8-puzzle) or tile lists of at
 * most 5 tiles; default '4-4' (3x3) or '5-5-5' (4x4).
 *
 * @example
 * const db = buildMetricPatternDatabase(puzzleGoal(3, 'blank-first'));
 * const h = differentialPdbHeuristic(db);
 * h(start, otherGoal); // admissible for any goal; exact-ish near the built goal
 */
export function buildMetricPatternDatabase(
  goal: PuzzleState, options: { partition?: PartitionName | readonly (readonly number[])[] } = {},
): MetricPatternDatabase {
  const partition = options.partition ?? (goal?.size === 4 ? '5-5-5' : '4-4');
  const patterns = resolvePatternPartition(goal, partition);
  for (const p of patterns) if (p.length > 5) fail(MODULE, heuristicsMessages.metricPdbPatternTooBig(p.length));
  const t0 = performance.now();
  let expanded = 0;
  const tables = patterns.map((p) => {
    const { table, count } = buildMetricTable(goal, p);
    expanded += count;
    return table;
  });
  return {
    size: goal.size, goal: Uint8Array.from(goal.tiles), patterns, tables,
    buildExpanded: expanded, buildSeconds: (performance.now() - t0) / 1000,
  };
}

/** The per-pattern abstract distances of `state` to the database's goal. */
export function metricPdbValues(db: MetricPatternDatabase, state: PuzzleState): number[] {
  if (!state || state.size !== db.size || !(state.tiles instanceof Uint8Array)) fail(MODULE, heuristicsMessages.metricPdbState(db.size));
  const pos = new Uint8Array(state.tiles.length);
  for (let p = 0; p < state.tiles.length; p++) pos[state.tiles[p]] = p;
  return db.patterns.map((pat, i) => {
    let idx = 0;
    for (let s = 0; s < pat.length; s++) idx += pos[pat[s]] << (4 * s);
    return db.tables[i][idx + (pos[0] << (4 * pat.length))];
  });
}

/**
 * The database used for any goal: h(s, g) = Σ_i |T_i(s) − T_i(g)| (admissible and consistent for
 * every goal; see the file comment). At the database's own goal it is the plain table value.
 *
 * @example
 * const h = differentialPdbHeuristic(buildMetricPatternDatabase(puzzleGoal(3)));
 * idaStar(slidingPuzzleProblem(3), start, anyGoal, { heuristic: h });
 */
export function differentialPdbHeuristic(db: MetricPatternDatabase): Heuristic<PuzzleState, PuzzleState> {
  let lastGoal: PuzzleState | null = null;
  let goalValues: number[] = [];
  return (s, g) => {
    if (g !== lastGoal) { goalValues = metricPdbValues(db, g); lastGoal = g; }
    const v = metricPdbValues(db, s);
    let h = 0;
    for (let i = 0; i < v.length; i++) h += Math.abs(v[i] - goalValues[i]);
    return h;
  };
}

function buildMetricTable(goal: PuzzleState, pattern: readonly number[]): { table: Uint8Array; count: number } {
  const n = goal.size, N = n * n, k = pattern.length;
  const blankShift = 4 * k;
  const table = new Uint8Array(1 << (4 * (k + 1))).fill(255);
  const done = new Uint8Array(table.length);
  const nb: number[][] = [];
  for (let p = 0; p < N; p++) {
    const r = (p / n) | 0, c = p % n, out: number[] = [];
    if (r > 0) out.push(p - n);
    if (r < n - 1) out.push(p + n);
    if (c > 0) out.push(p - 1);
    if (c < n - 1) out.push(p + 1);
    nb.push(out);
  }
  let start = 0;
  for (let s = 0; s < k; s++) start += goal.tiles.indexOf(pattern[s]) << (4 * s);
  start += goal.tiles.indexOf(0) << blankShift;
  // Layered 0-1 BFS: `cur` grows while 0-cost moves are pushed onto it; 1-cost moves go to `next`.
  let cur: number[] = [start], next: number[] = [];
  table[start] = 0;
  let count = 0;
  const placementMask = (1 << blankShift) - 1;
  for (let d = 0; cur.length > 0; d++) {
    for (let i = 0; i < cur.length; i++) {
      const code = cur[i];
      if (done[code] || table[code] !== d) continue;
      done[code] = 1;
      count++;
      const idx = code & placementMask, b = code >>> blankShift;
      for (const q of nb[b]) {
        let slot = -1;
        for (let s = 0; s < k; s++) if (((idx >>> (4 * s)) & 15) === q) { slot = s; break; }
        if (slot < 0) {
          const nc = idx | (q << blankShift);
          if (!done[nc] && table[nc] > d) { table[nc] = d; cur.push(nc); }
        } else {
          const nc = (idx + ((b - q) << (4 * slot))) | (q << blankShift);
          if (!done[nc] && table[nc] > d + 1) { table[nc] = d + 1; next.push(nc); }
        }
      }
    }
    cur = next; next = [];
  }
  return { table, count };
}

/** The 8 symmetries of the square board as cell maps (cell p goes to map[p]). */
export function boardSymmetries(size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  const n = size;
  for (let t = 0; t < 8; t++) {
    const m = new Uint8Array(n * n);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        let rr = r, cc = c;
        if (t & 1) cc = n - 1 - cc;          // mirror left-right
        if (t & 2) rr = n - 1 - rr;          // mirror top-bottom
        if (t & 4) { const x = rr; rr = cc; cc = x; } // transpose
        m[r * n + c] = rr * n + cc;
      }
    }
    out.push(m);
  }
  return out;
}

/**
 * The database reused for another goal through the puzzle's symmetries: renaming the tiles and
 * turning or mirroring the board change no distance, so for a goal g whose blank a board
 * symmetry T sends to the built goal's blank cell, d(s, g) = d(s', G) with s' the state renamed
 * and turned the same way, and the table is exactly as strong as one rebuilt for g. Returns the
 * largest value over the symmetries that apply, and 0 for goals none applies to (combine it with
 * another heuristic by max). `applies(g)` says whether one applies.
 *
 * @example
 * const h = symmetricPdbHeuristic(buildMetricPatternDatabase(puzzleGoal(3, 'blank-first')));
 * h.applies(puzzleGoal(3, 'blank-last')); // true: the blank is in a corner in both
 */
export function symmetricPdbHeuristic(db: MetricPatternDatabase): Heuristic<PuzzleState, PuzzleState> & { applies(goal: PuzzleState): boolean } {
  const syms = boardSymmetries(db.size);
  const builtBlank = db.goal.indexOf(0);
  let lastGoal: PuzzleState | null = null;
  let maps: { cell: Uint8Array; tile: Uint8Array }[] = [];
  const prepare = (g: PuzzleState) => {
    if (g === lastGoal) return;
    if (!g || g.size !== db.size || !(g.tiles instanceof Uint8Array)) fail(MODULE, heuristicsMessages.metricPdbState(db.size));
    maps = [];
    const gb = g.tiles.indexOf(0);
    for (const cell of syms) {
      if (cell[gb] !== builtBlank) continue;
      const tile = new Uint8Array(g.tiles.length);
      for (let p = 0; p < g.tiles.length; p++) tile[g.tiles[p]] = db.goal[cell[p]];
      maps.push({ cell, tile });
    }
    lastGoal = g;
  };
  const image = { size: db.size, tiles: new Uint8Array(db.size * db.size) };
  const h = (s: PuzzleState, g: PuzzleState): number => {
    prepare(g);
    let best = 0;
    for (const { cell, tile } of maps) {
      for (let p = 0; p < s.tiles.length; p++) image.tiles[cell[p]] = tile[s.tiles[p]];
      let v = 0;
      for (const x of metricPdbValues(db, image)) v += x;
      if (v > best) best = v;
    }
    return best;
  };
  return Object.assign(h, { applies: (g: PuzzleState) => { prepare(g); return maps.length > 0; } });
}
