/**
 * What the specialised grid searchers (`grid-astar.ts`, `grid-jps.ts`) share: argument checks with
 * their messages, the padded typed-array copy of a map, exact integer step costs, the frontier heap
 * and the path read-back. Internal: not exported from the barrel.
 */
import { fail } from '../core/errors';
import { checkBudget } from './internal';
import type { Budget, SearchResult, SearchStats } from './problem';
import type { Cell, GridMap } from '../envs/grid';

const text = {
  badMap: (map: unknown) =>
    `map must be a GridMap {width, height, passable: Uint8Array of width*height}, got ${describe(map)}; build one with parseMap() or the grid generators.`,
  badCell: (name: string, c: unknown) =>
    `${name} must be a cell {x, y} with integer coordinates, got ${describe(c)}.`,
  outside: (name: string, c: Cell, w: number, h: number) =>
    `${name} (${c.x}, ${c.y}) is outside the ${w}x${h} map; pass 0 <= x < ${w} and 0 <= y < ${h}.`,
  blocked: (name: string, c: Cell, map: string) =>
    `${name} (${c.x}, ${c.y}) is an obstacle on map "${map}"; pick a passable cell.`,
  badOptions: (o: unknown, example: string) => `options must be an object like ${example}, got ${describe(o)}.`,
} as const;

function describe(v: unknown): string {
  if (v === null || typeof v !== 'object') return String(v);
  try { return JSON.stringify(v).slice(0, 80); } catch { return Object.prototype.toString.call(v); }
}

export function checkGridMap(module: string, map: unknown): asserts map is GridMap {
  const m = map as GridMap | null;
  if (!m || typeof m !== 'object' || !Number.isInteger(m.width) || !Number.isInteger(m.height)
    || m.width <= 0 || m.height <= 0 || !(m.passable instanceof Uint8Array)
    || m.passable.length !== m.width * m.height) {
    fail(module, text.badMap(map));
  }
}

export function checkGridCell(module: string, name: string, c: unknown, map: GridMap): void {
  const cell = c as Cell | null;
  if (!cell || typeof cell !== 'object' || !Number.isInteger(cell.x) || !Number.isInteger(cell.y)) {
    fail(module, text.badCell(name, c));
  }
  if (cell.x < 0 || cell.y < 0 || cell.x >= map.width || cell.y >= map.height) {
    fail(module, text.outside(name, cell, map.width, map.height));
  }
  if (!map.passable[cell.y * map.width + cell.x]) fail(module, text.blocked(name, cell, map.name ?? '(unnamed)'));
}

export function checkGridOptions(module: string, options: unknown, example: string): void {
  if (options === null || typeof options !== 'object') fail(module, text.badOptions(options, example));
}

// Directions: N, E, S, W, NE, SE, SW, NW (diagonals after orthogonals), as in gridProblem.
export const DX = [0, 1, 0, -1, 1, 1, -1, -1] as const;
export const DY = [-1, 0, 1, 0, -1, 1, 1, -1] as const;
export const STEPS: readonly string[] = ['N', 'E', 'S', 'W', 'NE', 'SE', 'SW', 'NW'];

/**
 * Step costs in units of 2^-32: exact integers in a double for sums of up to 2^21 steps, so two
 * routes with the same numbers of straight and diagonal steps have bit-identical costs (plain
 * float sums differ in the last bits, and then f ties break at random).
 */
export const ONE = 2 ** 32;
export const DIAG = Math.round(Math.SQRT2 * ONE);
export const DIAG_EXTRA = DIAG - ONE;

/** A map copied into a grid with a border of obstacles: no bounds checks in inner loops. */
export interface PaddedGrid {
  /** Row stride (map width + 2). Cell (x, y) of the map is index (y + 1) * W + x + 1. */
  W: number;
  /** 1 passable, 0 blocked or border. */
  free: Uint8Array;
  /** Index offset of each of the 8 directions. */
  off: Int32Array;
}

export function padGrid(map: GridMap): PaddedGrid {
  const w = map.width, h = map.height, W = w + 2;
  const free = new Uint8Array(W * (h + 2));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) free[(y + 1) * W + x + 1] = map.passable[y * w + x] ? 1 : 0;
  }
  const off = new Int32Array(8);
  for (let k = 0; k < 8; k++) off[k] = DY[k] * W + DX[k];
  return { W, free, off };
}

/** The mark of blocked cells: above every stamp. */
export const BLOCKED = 0xffff;

/**
 * Per-cell stamps, so that a query starts without clearing arrays: mark[i] === OPEN means the
 * g and parent of cell i are valid in this query, === CLOSED that cell i was expanded. Blocked
 * cells hold BLOCKED, above every stamp, so one comparison (mark >= CLOSED) skips closed and blocked
 * cells. 16 bits keep the cache footprint small (measured 5-9% faster queries than 32 bits), at
 * the price of a reset every 32k queries.
 */
export class CellMarks {
  readonly mark: Uint16Array;
  private open = 0;

  constructor(private readonly free: Uint8Array) {
    this.mark = new Uint16Array(free.length);
    this.reset();
  }

  /** The OPEN stamp of a new query; its CLOSED stamp is OPEN + 1. */
  nextQuery(): number {
    this.open += 2;
    if (this.open + 1 >= BLOCKED) { this.reset(); this.open = 2; }
    return this.open;
  }

  private reset(): void {
    const { mark, free } = this;
    for (let i = 0; i < mark.length; i++) mark[i] = free[i] === 0 ? BLOCKED : 0;
  }
}

/** Where a query starts and ends on the padded grid, its stamps and its limits. */
export interface GridQuery {
  OPEN: number;
  CLOSED: number;
  s: number;
  t: number;
  /** Goal coordinates on the padded grid. */
  gx: number;
  gy: number;
  maxExpansions: number;
  /** performance.now() value after which the query stops, or Infinity. */
  deadline: number;
  t0: number;
}

/** Checks a query's arguments and prepares it: fresh stamps, padded start and goal, budget limits. */
export function beginQuery(
  module: string, map: GridMap, W: number, marks: CellMarks, start: Cell, goal: Cell, budget: Budget | undefined,
): GridQuery {
  checkGridCell(module, 'start', start, map);
  checkGridCell(module, 'goal', goal, map);
  if (budget !== undefined) checkBudget(module, budget);
  const t0 = performance.now();
  const OPEN = marks.nextQuery();
  const gx = goal.x + 1, gy = goal.y + 1;
  return {
    OPEN, CLOSED: OPEN + 1, s: (start.y + 1) * W + start.x + 1, t: gy * W + gx, gx, gy, t0,
    maxExpansions: budget?.maxExpansions ?? Infinity,
    deadline: budget?.maxSeconds !== undefined ? t0 + budget.maxSeconds * 1000 : Infinity,
  };
}

/**
 * The result of a finished query. `prev(i)` gives the cell before cell i on the path found (-1 at
 * the start): a neighbour for A*, a jump point on the same straight or diagonal line for JPS.
 */
export function endQuery(
  q: GridQuery, found: boolean, reason: 'expansions' | 'time' | null, stats: SearchStats, grid: PaddedGrid, prev: (i: number) => number,
): SearchResult<Cell, string> {
  const result: SearchResult<Cell, string> = found
    ? { status: 'found', ...readPath(grid, prev, q.t), stats }
    : reason ? { status: 'budget', reason, stats } : { status: 'exhausted', stats };
  stats.seconds = (performance.now() - q.t0) / 1000;
  return result;
}

/**
 * Reads a path back from the goal through `prev` links, filling in the cells between linked cells
 * on one straight or diagonal line. The cost is summed from the straight and diagonal steps in
 * floating point, as the generic searchers report it.
 */
function readPath(grid: PaddedGrid, prev: (i: number) => number, goal: number): { path: Cell[]; actions: string[]; cost: number } {
  const { W, off } = grid;
  const path: Cell[] = [];
  const actions: string[] = [];
  let straight = 0, diagonal = 0;
  for (let i = goal; ; ) {
    const p = prev(i);
    const y = (i / W) | 0;
    path.push({ x: i - y * W - 1, y: y - 1 });
    if (p === -1) break;
    const py = (p / W) | 0;
    const k = direction(i - y * W - (p - py * W), y - py);
    const steps = Math.max(Math.abs(i - y * W - (p - py * W)), Math.abs(y - py));
    for (let s = 0; s < steps; s++) {
      if (s > 0) {
        const c = i - s * off[k];
        const cy = (c / W) | 0;
        path.push({ x: c - cy * W - 1, y: cy - 1 });
      }
      actions.push(STEPS[k]);
    }
    if (k < 4) straight += steps; else diagonal += steps;
    i = p;
  }
  path.reverse(); actions.reverse();
  return { path, actions, cost: straight + diagonal * Math.SQRT2 };
}

function direction(dx: number, dy: number): number {
  const sx = Math.sign(dx), sy = Math.sign(dy);
  for (let k = 0; k < 8; k++) if (DX[k] === sx && DY[k] === sy) return k;
  throw new Error('unreachable: a parent link must join two different cells');
}

/**
 * The frontier: a 4-ary min-heap of (node, f) in two parallel typed arrays, with lazy deletion (an
 * improved node is pushed again and the caller skips the stale entry when it is popped): no
 * position index to maintain, half the levels of a binary heap, a node's four children side by
 * side in memory. Plain functions over arrays the caller holds in locals, so the hot loop reads no
 * object fields.
 */
export interface Frontier { node: Int32Array; f: Float64Array }

export function createFrontier(capacity = 1024): Frontier {
  return { node: new Int32Array(capacity), f: new Float64Array(capacity) };
}

/** Doubles the capacity, keeping the entries; the caller then re-reads `node` and `f`. */
export function growFrontier(fr: Frontier): void {
  const n = new Int32Array(fr.node.length * 2); n.set(fr.node); fr.node = n;
  const f = new Float64Array(fr.f.length * 2); f.set(fr.f); fr.f = f;
}

/** Adds (v, fv) to a heap of `size` entries (capacity must exceed size); the caller adds 1 to size. */
export function heapPush(hN: Int32Array, hF: Float64Array, size: number, v: number, fv: number): void {
  let i = size;
  while (i > 0) {
    const p = (i - 1) >> 2;
    const fp = hF[p];
    if (fv >= fp) break;
    hN[i] = hN[p]; hF[i] = fp; i = p;
  }
  hN[i] = v; hF[i] = fv;
}

/**
 * Removes the root of a heap that has `size` entries left after the removal (the caller reads
 * hN[0] first and subtracts 1 from size): the last entry is sifted down from the root.
 */
export function heapRemoveTop(hN: Int32Array, hF: Float64Array, size: number): void {
  if (size <= 0) return;
  const v = hN[size], fv = hF[size];
  let i = 0;
  for (;;) {
    const c0 = 4 * i + 1;
    if (c0 >= size) break;
    let c = c0, fc = hF[c0];
    const end = c0 + 4 < size ? c0 + 4 : size;
    for (let j = c0 + 1; j < end; j++) { const fj = hF[j]; if (fj < fc) { fc = fj; c = j; } }
    if (fv <= fc) break;
    hN[i] = hN[c]; hF[i] = fc; i = c;
  }
  hN[i] = v; hF[i] = fv;
}
