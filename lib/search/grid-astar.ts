/**
 * A* specialised for 2-D grid maps: typed arrays, buffers reused across queries (generation stamps
 * instead of clearing), so a query allocates nothing but its result path. Same optimal costs as
 * the generic `astar` over `gridProblem` — the benchmark in `bench/grid.ts` measures the price of
 * generality.
 *
 * What makes it fast (each step measured on the benchmark maps, `npm run bench`):
 * - exact costs: g and h are integers in units of 2^-32 (a diagonal is round(√2·2^32)), so two
 *   routes with the same numbers of straight and diagonal steps have bit-identical f. With plain
 *   floats, mathematically equal f values differ in the last bits and ties break at random;
 * - because equal f values are now common, the open list keeps cells in buckets of equal f (LIFO:
 *   deepest first) and only the buckets in a heap (see `OpenList`); with lazy deletion — an
 *   improved cell is added again and its stale entry skipped — there is no position index to keep;
 * - imported helpers are bound to module constants (the CommonJS build reads imports through
 *   getters, which cost 40% in the inner loop).
 * Integer costs are exact for paths up to 2^21 steps; the reported cost is summed from the path's
 * straight and diagonal steps in floating point, like the generic searchers.
 */
import { fail } from '../core/errors';
import * as grid from './grid-internal';
import type { Budget, SearchResult } from './problem';
import type { Cell, GridMap, Movement } from '../envs/grid';

const MODULE = 'search/grid-astar';

// Module-local bindings: the CommonJS build reads imported names through getters, which cost
// ~40% in the inner loop (measured with bench/grid.ts).
const { ONE, DIAG, DIAG_EXTRA, DX, DY, heapPush, heapRemoveTop } = grid;
const { checkGridOptions, padGrid, beginQuery, endQuery, CellMarks } = grid;
const checkGridMap: typeof grid.checkGridMap = grid.checkGridMap;

const text = {
  badMovement: (m: unknown) => `unknown movement "${String(m)}"; use 'four' or 'octile'.`,
} as const;

export interface GridAstarOptions {
  /** 'four' (unit cost, Manhattan heuristic) or 'octile' (diagonals cost √2, no corner cutting). Default 'octile'. */
  movement?: Movement;
  budget?: Budget;
}

/** A reusable searcher for one map: call `search` for many queries without new buffers. */
export interface GridSearcher {
  readonly map: GridMap;
  readonly movement: Movement;
  search(start: Cell, goal: Cell, budget?: Budget): SearchResult<Cell, string>;
}

/**
 * The open list of `createGridSearcher`. Cells wait in buckets of equal f — a LIFO list each, so
 * among equal f the cell added last (the deepest) goes first — and the buckets sit in a 4-ary
 * min-heap by f. With exact integer costs many open cells share an f value: on the benchmark maps
 * 7-17 cells per bucket, so the heap does a fraction of the work of a heap over cells (measured
 * 1.4-1.5x faster queries than a 4-ary heap of cells with a LIFO lane for ties). A hash table (open
 * addressing, -1 = empty) finds the bucket of an f value; buckets are not deleted during a query,
 * because an f value below the current minimum never comes back.
 */
interface OpenList {
  entryNode: Int32Array;
  entryNext: Int32Array;
  bucketHead: Int32Array;
  bucketF: Float64Array;
  heapBucket: Int32Array;
  heapF: Float64Array;
  table: Int32Array;
}

function createOpenList(): OpenList {
  return {
    entryNode: new Int32Array(1 << 14), entryNext: new Int32Array(1 << 14),
    bucketHead: new Int32Array(1 << 11), bucketF: new Float64Array(1 << 11),
    heapBucket: new Int32Array(1 << 11), heapF: new Float64Array(1 << 11),
    table: new Int32Array(1 << 12),
  };
}

/** The slot of f in the table: where its bucket id is, or the empty slot to put it in. */
function bucketSlot(table: Int32Array, bucketF: Float64Array, f: number): number {
  const mask = table.length - 1;
  // f is an integer below 2^53; bits 12 and up, mixed.
  let x = (f * (1 / 4096)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  let slot = (x ^ (x >>> 16)) & mask;
  for (;;) {
    const id = table[slot];
    if (id === -1 || bucketF[id] === f) return slot;
    slot = (slot + 1) & mask;
  }
}

function rehash(open: OpenList, buckets: number): void {
  const table = new Int32Array(open.table.length * 2).fill(-1);
  for (let id = 0; id < buckets; id++) table[bucketSlot(table, open.bucketF, open.bucketF[id])] = id;
  open.table = table;
}

function growEntries(open: OpenList): void {
  const n = open.entryNode.length * 2;
  const node = new Int32Array(n); node.set(open.entryNode); open.entryNode = node;
  const next = new Int32Array(n); next.set(open.entryNext); open.entryNext = next;
}

function growBuckets(open: OpenList): void {
  const n = open.bucketHead.length * 2;
  const head = new Int32Array(n); head.set(open.bucketHead); open.bucketHead = head;
  const f = new Float64Array(n); f.set(open.bucketF); open.bucketF = f;
  const hb = new Int32Array(n); hb.set(open.heapBucket); open.heapBucket = hb;
  const hf = new Float64Array(n); hf.set(open.heapF); open.heapF = hf;
}

/**
 * Neighbours of a cell u that need no relaxing, by the direction k of the step from u's parent p
 * (p was expanded, and u holds the g that p gave it). If a neighbour w of u is also one legal step
 * from p, then g(w) <= g(p) + c(p, w) <= g(u) + c(u, w) already (a grid step is never longer than
 * two steps around it), so relaxing w from u cannot improve it: skipping w changes nothing A*
 * does — the same cells are expanded in the same order — and saves the look-ups (measured: rooms
 * maps, where most neighbours are already open or closed). `always[k]`: w is p itself or one
 * straight step from p; `bitA[k]`/`bitB[k]`: w is one diagonal step from p, which is legal (no
 * corner cutting) when the cell at offset `offA[k]`/`offB[k]` from u is free (its other corner is u).
 */
interface ParentSkip { always: Int32Array; bitA: Int32Array; offA: Int32Array; bitB: Int32Array; offB: Int32Array }

function parentSkip(W: number, octile: boolean): ParentSkip {
  const n = octile ? 8 : 4;
  const r: ParentSkip = {
    always: new Int32Array(8), bitA: new Int32Array(8), offA: new Int32Array(8), bitB: new Int32Array(8), offB: new Int32Array(8),
  };
  for (let k = 0; k < n; k++) {
    // Coordinates relative to u = (0, 0); the parent is at -(DX[k], DY[k]).
    const px = -DX[k], py = -DY[k];
    let conditional = 0;
    for (let d = 0; d < n; d++) {
      const ex = DX[d] - px, ey = DY[d] - py; // from p to w
      if (Math.max(Math.abs(ex), Math.abs(ey)) > 1) continue; // not next to p
      if (ex === 0 && ey === 0) { r.always[k] |= 1 << d; continue; } // w is p
      if (ex === 0 || ey === 0) { r.always[k] |= 1 << d; continue; } // straight from p
      if (!octile) continue;
      // Diagonal from p: its corners are p + (ex, 0) and p + (0, ey), and one of them is u.
      const uFirst = px + ex === 0 && py === 0;
      const ox = uFirst ? px : px + ex, oy = uFirst ? py + ey : py;
      const offset = oy * W + ox;
      if (conditional === 0) { r.bitA[k] = 1 << d; r.offA[k] = offset; } else { r.bitB[k] = 1 << d; r.offB[k] = offset; }
      conditional++;
    }
  }
  return r;
}

/** The octile (or Manhattan) distance in integer cost units. */
function octileUnits(dx: number, dy: number, octile: boolean): number {
  return !octile ? (dx + dy) * ONE : dx > dy ? dx * ONE + DIAG_EXTRA * dy : dy * ONE + DIAG_EXTRA * dx;
}

/**
 * Creates a searcher that keeps its buffers (g, parent, open list, cell stamps) for many
 * queries on the same map. The map is copied into a padded internal grid, so later edits of
 * `map.passable` are not seen — create a new searcher after editing a map.
 *
 * @example
 * const map = parseMap(text, 'arena.map');
 * const searcher = createGridSearcher(map, 'octile');
 * for (const q of parseScen(scen, 'arena.map.scen')) {
 *   const r = searcher.search(q.start, q.goal);
 *   if (r.status === 'found') console.log(r.cost, q.optimal);
 * }
 */
export function createGridSearcher(map: GridMap, movement: Movement = 'octile'): GridSearcher {
  checkGridMap(MODULE, map);
  if (movement !== 'four' && movement !== 'octile') fail(MODULE, text.badMovement(movement));
  const padded = padGrid(map);
  const { W, free, off } = padded;
  const n = free.length;
  const dxs = Int32Array.from(DX), dys = Int32Array.from(DY);
  const octile = movement === 'octile';
  const stepCost = Float64Array.from(DX, (_, k) => (k < 4 ? ONE : DIAG));
  const skip = parentSkip(W, octile);
  const invW = 1 / W; // (u + 0.5) * invW stays 0.5 / W away from whole numbers: far above rounding error
  const marks = new CellMarks(free);
  const mark = marks.mark;
  const g = new Float64Array(n);
  const parent = new Uint8Array(n); // direction of the step into a cell, 8 at the start: 1 byte, not 4
  const open = createOpenList();

  function search(start: Cell, goal: Cell, budget?: Budget): SearchResult<Cell, string> {
    const q = beginQuery(MODULE, map, W, marks, start, goal, budget);
    const { OPEN, CLOSED, s, t, gx, gy, deadline } = q;
    const maxExp = q.maxExpansions;
    // The open list's arrays in locals (re-read after a rare growth): see OpenList.
    let eNode = open.entryNode, eNext = open.entryNext, bHead = open.bucketHead, bF = open.bucketF;
    let hB = open.heapBucket, hF = open.heapF, table = open.table;
    table.fill(-1);
    let entries = 1, buckets = 1, size = 1, live = 1;
    let expanded = 0, generated = 1, maxFrontier = 1;
    g[s] = 0; parent[s] = 8; mark[s] = OPEN;
    const sy = (s / W) | 0;
    const f0 = octileUnits(Math.abs(s - sy * W - gx), Math.abs(sy - gy), octile);
    eNode[0] = s; eNext[0] = -1; bHead[0] = 0; bF[0] = f0; hB[0] = 0; hF[0] = f0;
    table[bucketSlot(table, bF, f0)] = 0;
    let reason: 'expansions' | 'time' | null = null;
    let found = false;
    while (size > 0) {
      const b = hB[0], fu = hF[0];
      const e = bHead[b];
      if (e === -1) { heapRemoveTop(hB, hF, --size); continue; } // bucket used up
      bHead[b] = eNext[e];
      live--;
      const u = eNode[e];
      if (mark[u] === CLOSED) continue; // stale entry of a cell improved after it was added
      if (u === t) { found = true; break; }
      if (expanded >= maxExp) { reason = 'expansions'; break; }
      if (deadline !== Infinity && (expanded & 1023) === 0 && performance.now() > deadline) { reason = 'time'; break; }
      mark[u] = CLOSED;
      expanded++;
      const uy = ((u + 0.5) * invW) | 0, ux = u - uy * W, gu = g[u]; // a multiply, not a divide
      // Bit k set: direction k may be tried (a diagonal needs both orthogonal neighbours free).
      const fN = free[u - W], fE = free[u + 1], fS = free[u + W], fW = free[u - 1];
      let dirs = octile
        ? fN | (fE << 1) | (fS << 2) | (fW << 3) | ((fN & fE) << 4) | ((fS & fE) << 5) | ((fS & fW) << 6) | ((fN & fW) << 7)
        : fN | (fE << 1) | (fS << 2) | (fW << 3);
      // Skip neighbours the parent already offered at no greater cost (see ParentSkip).
      const pk = parent[u];
      if (pk !== 8) {
        dirs &= ~skip.always[pk];
        if (free[u + skip.offA[pk]] === 1) dirs &= ~skip.bitA[pk];
        if (free[u + skip.offB[pk]] === 1) dirs &= ~skip.bitB[pk];
      }
      for (let d = dirs; d !== 0; d &= d - 1) {
        const k = 31 - Math.clz32(d & -d); // lowest set bit
        const v = u + off[k];
        const m = mark[v];
        if (m >= CLOSED) continue;
        const gv = gu + stepCost[k];
        generated++;
        if (m === OPEN && gv >= g[v]) continue;
        mark[v] = OPEN; g[v] = gv; parent[v] = k;
        const vx = ux + dxs[k], vy = uy + dys[k];
        const dx = vx > gx ? vx - gx : gx - vx, dy = vy > gy ? vy - gy : gy - vy;
        const fv = gv + (!octile ? (dx + dy) * ONE : dx > dy ? dx * ONE + DIAG_EXTRA * dy : dy * ONE + DIAG_EXTRA * dx);
        // The bucket of fv: the current one (nothing open has a smaller f), or found or made.
        let bv = b;
        if (fv !== fu) {
          const slot = bucketSlot(table, bF, fv);
          bv = table[slot];
          if (bv === -1) {
            if (buckets === bHead.length) { growBuckets(open); bHead = open.bucketHead; bF = open.bucketF; hB = open.heapBucket; hF = open.heapF; }
            bv = buckets++;
            bHead[bv] = -1; bF[bv] = fv;
            heapPush(hB, hF, size++, bv, fv);
            table[slot] = bv;
            if (2 * buckets > table.length) { rehash(open, buckets); table = open.table; }
          }
        }
        if (entries === eNode.length) { growEntries(open); eNode = open.entryNode; eNext = open.entryNext; }
        eNode[entries] = v; eNext[entries] = bHead[bv]; bHead[bv] = entries++;
        live++;
      }
      if (live > maxFrontier) maxFrontier = live; // live only grows while a cell is expanded
    }
    return endQuery(q, found, reason, { expanded, generated, maxFrontier, seconds: 0 }, padded, (i) => (parent[i] === 8 ? -1 : i - off[parent[i]]));
  }

  return { map, movement, search };
}

/**
 * Optimal grid A* on typed arrays: octile heuristic with diagonals of cost √2 and no corner
 * cutting (a diagonal step needs both orthogonal neighbours passable), or Manhattan with
 * `movement: 'four'`; successors that tie with the popped f are expanded next, deepest first.
 * Returns the same result shape as the generic searchers (`found` with path/actions/cost,
 * `exhausted`, or `budget`). For many queries on one map, use {@link createGridSearcher}, which
 * keeps its buffers.
 *
 * @example
 * const map = generateObstacles(64, 64, 1, {density: 0.25});
 * const r = gridAstar(map, {x: 0, y: 0}, {x: 63, y: 63}, {movement: 'octile'});
 * if (r.status === 'found') console.log(r.cost, r.stats.expanded);
 */
export function gridAstar(
  map: GridMap, start: Cell, goal: Cell, options: GridAstarOptions = {},
): SearchResult<Cell, string> {
  checkGridOptions(MODULE, options, "{movement: 'octile'}");
  return createGridSearcher(map, options.movement ?? 'octile').search(start, goal, options.budget);
}
