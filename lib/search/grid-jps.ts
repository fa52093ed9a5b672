/**
 * Jump point search (Harabor & Grastien, 2011) for octile grid maps with no corner cutting: A*
 * over "jump points" instead of every cell. Of the many equally short paths on an open grid it
 * follows one canonical kind (diagonal steps first) and skips cells where nothing can branch: from
 * an expanded cell it scans in a straight or diagonal line until the scan meets the goal or a cell
 * with a *forced neighbour* (one that no canonical path could reach except through that cell). The
 * costs are the same optimal octile costs as `gridAstar` (tested against Dijkstra); the work is far
 * less on maps with open areas, where A* expands every cell of a room that one path crosses.
 *
 * Rules without corner cutting (a diagonal step needs both orthogonal neighbours free):
 * - moving straight, cell c is a jump point when a side cell next to c is free while the side
 *   cell next to the previous cell is blocked (the side cell can then only be entered via c);
 * - moving diagonally there are no forced neighbours (a blocked corner would have forbidden the
 *   step); c is a jump point when a straight scan from c along either component finds one;
 * - at a jump point reached straight, the successors are: ahead, both sides, and the diagonals
 *   ahead-and-to-a-side; reached diagonally: the two components and the diagonal.
 */
import * as grid from './grid-internal';
import type { Budget, SearchResult } from './problem';
import type { Cell, GridMap } from '../envs/grid';
import type { GridSearcher } from './grid-astar';

const MODULE = 'search/grid-jps';

// Module-local bindings: the CommonJS build reads imported names through getters, a cost in the
// inner loop (see grid-astar.ts).
const { ONE, DIAG, DIAG_EXTRA, DX, DY, heapPush, heapRemoveTop } = grid;
const { createFrontier, growFrontier, checkGridOptions, padGrid, beginQuery, endQuery, CellMarks } = grid;
const checkGridMap: typeof grid.checkGridMap = grid.checkGridMap;

/**
 * Directions to scan from a jump point, as a bit set over N, E, S, W, NE, SE, SW, NW, indexed by
 * the direction of arrival (sx + 1) * 3 + (sy + 1) with sx, sy in -1..1.
 */
const SCAN: readonly number[] = (() => {
  const table: number[] = [];
  for (let sx = -1; sx <= 1; sx++) {
    for (let sy = -1; sy <= 1; sy++) {
      let bits = 0;
      for (let k = 0; k < 8; k++) {
        const kx = DX[k], ky = DY[k];
        const take = sx !== 0 && sy !== 0
          ? (kx === sx && ky === 0) || (kx === 0 && ky === sy) || (kx === sx && ky === sy) // the components and the diagonal
          : sx !== 0
            ? kx === sx || kx === 0 // ahead, both sides, the diagonals ahead
            : sy !== 0 ? ky === sy || ky === 0 : true;
        if (take) bits |= 1 << k;
      }
      table.push(bits);
    }
  }
  return table;
})();

export interface GridJpsOptions {
  budget?: Budget;
}

/**
 * Creates a jump point searcher for many queries on one map (octile movement, diagonal cost √2,
 * no corner cutting). Same result shape as {@link createGridSearcher}; `stats.expanded` and
 * `stats.generated` count jump points, not cells.
 *
 * @example
 * const searcher = createJumpPointSearcher(parseMap(text, 'arena.map'));
 * const r = searcher.search({x: 1, y: 1}, {x: 40, y: 30});
 * if (r.status === 'found') console.log(r.cost, r.path.length, r.stats.expanded);
 */
export function createJumpPointSearcher(map: GridMap): GridSearcher {
  checkGridMap(MODULE, map);
  const padded = padGrid(map);
  const { W, free, off } = padded;
  const n = free.length;
  const dxs = Int32Array.from(DX), dys = Int32Array.from(DY);
  const marks = new CellMarks(free);
  const mark = marks.mark;
  const g = new Float64Array(n);
  const parent = new Int32Array(n);
  const stack = new Int32Array(n);
  const frontier = createFrontier();
  let target = -1;

  /** Scans from c in straight direction `step` (±1 or ±W); returns the jump point or -1. */
  function jumpStraight(c: number, step: number): number {
    const side = step === 1 || step === -1 ? W : 1;
    for (;;) {
      const prev = c;
      c += step;
      if (free[c] === 0) return -1;
      if (c === target) return c;
      if ((free[c + side] === 1 && free[prev + side] === 0) || (free[c - side] === 1 && free[prev - side] === 0)) return c;
    }
  }

  /** Scans from c diagonally by (ox, oy) offsets (±1, ±W); returns the jump point or -1. */
  function jumpDiagonal(c: number, ox: number, oy: number): number {
    for (;;) {
      if (free[c + ox] === 0 || free[c + oy] === 0 || free[c + ox + oy] === 0) return -1;
      c += ox + oy;
      if (c === target) return c;
      if (jumpStraight(c, ox) !== -1 || jumpStraight(c, oy) !== -1) return c;
    }
  }

  function search(start: Cell, goal: Cell, budget?: Budget): SearchResult<Cell, string> {
    const q = beginQuery(MODULE, map, W, marks, start, goal, budget);
    const { OPEN, CLOSED, s, t, gx, gy, deadline } = q;
    const maxExp = q.maxExpansions;
    target = t;
    let hN = frontier.node, hF = frontier.f;
    let size = 0, sp = 0;
    let expanded = 0, generated = 1, maxFrontier = 1;
    g[s] = 0; parent[s] = -1; mark[s] = OPEN;
    hN[0] = s; hF[0] = 0; size = 1;
    let fu = 0;
    let reason: 'expansions' | 'time' | null = null;
    let found = false;
    while (size > 0 || sp > 0) {
      let u: number;
      if (sp > 0) {
        u = stack[--sp];
      } else {
        u = hN[0]; fu = hF[0];
        heapRemoveTop(hN, hF, --size);
        if (mark[u] === CLOSED) continue; // stale entry of a node improved after it was pushed
      }
      if (u === t) { found = true; break; }
      if (expanded >= maxExp) { reason = 'expansions'; break; }
      if (deadline !== Infinity && (expanded & 1023) === 0 && performance.now() > deadline) { reason = 'time'; break; }
      mark[u] = CLOSED;
      expanded++;
      const uy = (u / W) | 0, ux = u - uy * W, gu = g[u];
      // Directions to scan, as a bit set over N, E, S, W, NE, SE, SW, NW.
      let dirs = 0xff;
      const p = parent[u];
      if (p !== -1) {
        const py = (p / W) | 0;
        dirs = SCAN[(Math.sign(ux - (p - py * W)) + 1) * 3 + Math.sign(uy - py) + 1];
      }
      for (let k = 0; k < 8; k++) {
        if ((dirs & (1 << k)) === 0) continue;
        const j = k < 4 ? jumpStraight(u, off[k]) : jumpDiagonal(u, dxs[k], dys[k] * W);
        if (j === -1) continue;
        const m = mark[j];
        if (m === CLOSED) continue;
        const jy = (j / W) | 0, jx = j - jy * W;
        const steps = Math.max(Math.abs(jx - ux), Math.abs(jy - uy));
        const gv = gu + steps * (k < 4 ? ONE : DIAG);
        generated++;
        if (m === OPEN && gv >= g[j]) continue;
        mark[j] = OPEN; g[j] = gv; parent[j] = u;
        const dx = jx > gx ? jx - gx : gx - jx, dy = jy > gy ? jy - gy : gy - jy;
        const fv = gv + (dx > dy ? dx * ONE + DIAG_EXTRA * dy : dy * ONE + DIAG_EXTRA * dx);
        if (fv === fu) stack[sp++] = j;
        else {
          if (size === hN.length) { growFrontier(frontier); hN = frontier.node; hF = frontier.f; }
          heapPush(hN, hF, size++, j, fv);
        }
        if (size + sp > maxFrontier) maxFrontier = size + sp;
      }
    }
    return endQuery(q, found, reason, { expanded, generated, maxFrontier, seconds: 0 }, padded, (i) => parent[i]);
  }

  return { map, movement: 'octile', search };
}

/**
 * One jump point search on `map` (octile, no corner cutting); for many queries on one map use
 * {@link createJumpPointSearcher}, which keeps its buffers.
 *
 * @example
 * const map = generateRooms(128, 128, 7, { roomSize: 15 });
 * const r = gridJps(map, {x: 1, y: 1}, {x: 120, y: 120});
 * if (r.status === 'found') console.log(r.cost, r.stats.expanded);
 */
export function gridJps(map: GridMap, start: Cell, goal: Cell, options: GridJpsOptions = {}): SearchResult<Cell, string> {
  checkGridOptions(MODULE, options, '{budget: {maxExpansions: 1000}}');
  return createJumpPointSearcher(map).search(start, goal, options.budget);
}
