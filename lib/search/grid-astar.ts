/**
 * A* specialised for 2-D grid maps: typed arrays, an indexed binary heap, and buffers that are
 * reused across queries (generation stamps instead of clearing), so a query allocates nothing but
 * its result path. Same answers as the generic `astar` over `gridProblem` — the benchmark in
 * `bench/grid.ts` measures the price of generality.
 */
import { fail } from '../core/errors';
import { checkBudget } from './internal';
import type { Budget, SearchResult, SearchStats } from './problem';
import type { Cell, GridMap, Movement } from '../envs/grid';

const MODULE = 'search/grid-astar';

const text = {
  badMap: (map: unknown) =>
    `map must be a GridMap {width, height, passable: Uint8Array of width*height}, got ${describe(map)}; build one with parseMap() or the grid generators.`,
  badMovement: (m: unknown) => `unknown movement "${String(m)}"; use 'four' or 'octile'.`,
  badCell: (name: string, c: unknown) =>
    `${name} must be a cell {x, y} with integer coordinates, got ${describe(c)}.`,
  outside: (name: string, c: Cell, w: number, h: number) =>
    `${name} (${c.x}, ${c.y}) is outside the ${w}x${h} map; pass 0 <= x < ${w} and 0 <= y < ${h}.`,
  blocked: (name: string, c: Cell, map: string) =>
    `${name} (${c.x}, ${c.y}) is an obstacle on map "${map}"; pick a passable cell.`,
  badOptions: (o: unknown) => `options must be an object like {movement: 'octile'}, got ${describe(o)}.`,
} as const;

function describe(v: unknown): string {
  if (v === null || typeof v !== 'object') return String(v);
  try { return JSON.stringify(v).slice(0, 80); } catch { return Object.prototype.toString.call(v); }
}

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

// Neighbour order: N, E, S, W, NE, SE, SW, NW (diagonals after orthogonals).
const DX = [0, 1, 0, -1, 1, 1, -1, -1] as const;
const DY = [-1, 0, 1, 0, -1, 1, 1, -1] as const;
// For diagonal k (4..7), the two orthogonal directions it needs free (no corner cutting).
const SIDE_A = [0, 0, 0, 0, 0, 2, 2, 0];
const SIDE_B = [0, 0, 0, 0, 1, 1, 3, 3];
// Action names as in gridProblem (lib/envs/grid.ts).
const STEPS: readonly string[] = ['N', 'E', 'S', 'W', 'NE', 'SE', 'SW', 'NW'];

/**
 * Creates a searcher that keeps its buffers (g, parent, heap, generation stamps) for many queries
 * on the same map. The map is copied into a padded internal grid, so later edits of
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
  checkMap(map);
  if (movement !== 'four' && movement !== 'octile') fail(MODULE, text.badMovement(movement));
  const w = map.width, h = map.height;
  const W = w + 2, n = W * (h + 2);
  // Padded grid: a border of obstacles removes all bounds checks from the inner loop.
  const free = new Uint8Array(n);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) free[(y + 1) * W + x + 1] = map.passable[y * w + x] ? 1 : 0;
  }
  const off = new Int32Array(8);
  for (let k = 0; k < 8; k++) off[k] = DY[k] * W + DX[k];
  const nDirs = movement === 'octile' ? 8 : 4;
  const g = new Float64Array(n);
  const parent = new Int32Array(n);
  const seen = new Uint32Array(n);   // == gen: g/parent valid this query
  const closed = new Uint32Array(n); // == gen: expanded this query
  const heapPos = new Int32Array(n); // position in heap, -1 when popped
  const heap = new Int32Array(n);
  const hF = new Float64Array(n);    // f of heap[i]
  const hG = new Float64Array(n);    // g of heap[i]
  let gen = 0;

  function search(start: Cell, goal: Cell, budget?: Budget): SearchResult<Cell, string> {
    checkCell('start', start, map);
    checkCell('goal', goal, map);
    if (budget !== undefined) checkBudget(MODULE, budget);
    const t0 = performance.now();
    const maxExp = budget?.maxExpansions ?? Infinity;
    const deadline = budget?.maxSeconds !== undefined ? t0 + budget.maxSeconds * 1000 : Infinity;
    if (++gen === 0xffffffff) { seen.fill(0); closed.fill(0); gen = 1; }
    const stamp = gen;
    const gx = goal.x + 1, gy = goal.y + 1;
    const s = (start.y + 1) * W + start.x + 1;
    const t = gy * W + gx;
    const octile = nDirs === 8;
    const H = (i: number): number => {
      const y = (i / W) | 0;
      const dx = Math.abs(i - y * W - gx), dy = Math.abs(y - gy);
      return octile ? (dx > dy ? dx + 0.41421356237309515 * dy : dy + 0.41421356237309515 * dx) : dx + dy;
    };
    let size = 0;
    let expanded = 0, generated = 1, maxFrontier = 1;
    // Binary heap keyed by (f, g) stored beside the node ids, so comparisons read contiguous
    // memory. Order: smaller f first; on equal f, larger g first (deeper nodes finish sooner).
    const up = (i: number, v: number, fv: number, gv: number): void => {
      while (i > 0) {
        const p = (i - 1) >> 1;
        const fp = hF[p];
        if (fv > fp || (fv === fp && gv <= hG[p])) break;
        const pv = heap[p];
        heap[i] = pv; hF[i] = fp; hG[i] = hG[p]; heapPos[pv] = i; i = p;
      }
      heap[i] = v; hF[i] = fv; hG[i] = gv; heapPos[v] = i;
    };
    const down = (v: number, fv: number, gv: number): void => {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        let fc = hF[c];
        if (c + 1 < size) {
          const f2 = hF[c + 1];
          if (f2 < fc || (f2 === fc && hG[c + 1] > hG[c])) { c++; fc = f2; }
        }
        if (fv < fc || (fv === fc && gv >= hG[c])) break;
        const cv = heap[c];
        heap[i] = cv; hF[i] = fc; hG[i] = hG[c]; heapPos[cv] = i; i = c;
      }
      heap[i] = v; hF[i] = fv; hG[i] = gv; heapPos[v] = i;
    };
    g[s] = 0; parent[s] = -1; seen[s] = stamp;
    size = 1; up(0, s, H(s), 0);
    let reason: 'expansions' | 'time' | null = null;
    let found = false;
    while (size > 0) {
      const u = heap[0];
      if (u === t) { found = true; break; }
      if (expanded >= maxExp) { reason = 'expansions'; break; }
      if (deadline !== Infinity && (expanded & 1023) === 0 && performance.now() > deadline) { reason = 'time'; break; }
      size--;
      heapPos[u] = -1;
      if (size > 0) down(heap[size], hF[size], hG[size]);
      closed[u] = stamp;
      expanded++;
      const gu = g[u];
      for (let k = 0; k < nDirs; k++) {
        const v = u + off[k];
        if (free[v] === 0 || closed[v] === stamp) continue;
        let cost = 1;
        if (k >= 4) {
          if (free[u + off[SIDE_A[k]]] === 0 || free[u + off[SIDE_B[k]]] === 0) continue;
          cost = Math.SQRT2;
        }
        const gv = gu + cost;
        generated++;
        if (seen[v] !== stamp) {
          seen[v] = stamp; g[v] = gv; parent[v] = u;
          size++; up(size - 1, v, gv + H(v), gv);
          if (size > maxFrontier) maxFrontier = size;
        } else if (gv < g[v]) {
          g[v] = gv; parent[v] = u;
          up(heapPos[v], v, gv + H(v), gv);
        }
      }
    }
    const stats: SearchStats = { expanded, generated, maxFrontier, seconds: 0 };
    let result: SearchResult<Cell, string>;
    if (found) {
      const path: Cell[] = [];
      const actions: string[] = [];
      for (let i = t; i !== -1; i = parent[i]) {
        const y = (i / W) | 0;
        path.push({ x: i - y * W - 1, y: y - 1 });
        const p = parent[i];
        if (p !== -1) {
          const d = i - p;
          let k = 0;
          while (off[k] !== d) k++;
          actions.push(STEPS[k]);
        }
      }
      path.reverse(); actions.reverse();
      result = { status: 'found', path, actions, cost: g[t], stats };
    } else if (reason) {
      result = { status: 'budget', reason, stats };
    } else {
      result = { status: 'exhausted', stats };
    }
    stats.seconds = (performance.now() - t0) / 1000;
    return result;
  }

  return { map, movement, search };
}

/**
 * Optimal grid A* on typed arrays: octile heuristic with diagonals of cost √2 and no corner
 * cutting (a diagonal step needs both orthogonal neighbours passable), or Manhattan with
 * `movement: 'four'`; ties broken toward larger g. Returns the same result shape as the generic
 * searchers (`found` with path/actions/cost, `exhausted`, or `budget`). For many queries on one
 * map, use {@link createGridSearcher}, which keeps its buffers.
 *
 * @example
 * const map = randomObstacleGrid({width: 64, height: 64, density: 0.25, seed: 1});
 * const r = gridAstar(map, {x: 0, y: 0}, {x: 63, y: 63}, {movement: 'octile'});
 * if (r.status === 'found') console.log(r.cost, r.stats.expanded);
 */
export function gridAstar(
  map: GridMap, start: Cell, goal: Cell, options: GridAstarOptions = {},
): SearchResult<Cell, string> {
  if (options === null || typeof options !== 'object') fail(MODULE, text.badOptions(options));
  return createGridSearcher(map, options.movement ?? 'octile').search(start, goal, options.budget);
}

function checkMap(map: unknown): asserts map is GridMap {
  const m = map as GridMap | null;
  if (!m || typeof m !== 'object' || !Number.isInteger(m.width) || !Number.isInteger(m.height)
    || m.width <= 0 || m.height <= 0 || !(m.passable instanceof Uint8Array)
    || m.passable.length !== m.width * m.height) {
    fail(MODULE, text.badMap(map));
  }
}

function checkCell(name: string, c: unknown, map: GridMap): void {
  const cell = c as Cell | null;
  if (!cell || typeof cell !== 'object' || !Number.isInteger(cell.x) || !Number.isInteger(cell.y)) {
    fail(MODULE, text.badCell(name, c));
  }
  if (cell.x < 0 || cell.y < 0 || cell.x >= map.width || cell.y >= map.height) {
    fail(MODULE, text.outside(name, cell, map.width, map.height));
  }
  if (!map.passable[cell.y * map.width + cell.x]) fail(MODULE, text.blocked(name, cell, map.name ?? '(unnamed)'));
}
