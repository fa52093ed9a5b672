/**
 * A* specialised for 2-D grid maps: typed arrays, buffers reused across queries (generation stamps
 * instead of clearing), so a query allocates nothing but its result path. Same optimal costs as
 * the generic `astar` over `gridProblem` — the benchmark in `bench/grid.ts` measures the price of
 * generality.
 *
 * What makes it fast (each measured on the benchmark maps with `npm run bench`):
 * - exact costs: g and h are integers in units of 2^-32 (a diagonal is round(√2·2^32)), so two
 *   routes with the same numbers of straight and diagonal steps have bit-identical f. With plain
 *   floats, mathematically equal f values differ in the last bits and ties are broken at random;
 * - a LIFO "fast lane": a successor whose f equals the f just popped cannot be beaten by anything
 *   on the heap, so it goes on a stack and is expanded next (deeper first) without heap work;
 * - a 4-ary min-heap on f alone with lazy deletion (an improved node is pushed again and the stale
 *   entry skipped when popped): no position index to maintain, half the levels of a binary heap.
 * Integer costs are exact for paths up to 2^21 steps; the reported cost is summed from the path's
 * straight and diagonal steps in floating point, like the generic searchers.
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
// Action names as in gridProblem (lib/envs/grid.ts).
const STEPS: readonly string[] = ['N', 'E', 'S', 'W', 'NE', 'SE', 'SW', 'NW'];
// Costs in units of 2^-32: exact integers in a double for sums of up to 2^21 steps.
const ONE = 2 ** 32;
const DIAG = Math.round(Math.SQRT2 * ONE);
const DIAG_EXTRA = DIAG - ONE;

/**
 * Creates a searcher that keeps its buffers (g, parent, heap, stack, generation stamps) for many queries
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
  const dxs = Int32Array.from(DX), dys = Int32Array.from(DY);
  const octile = movement === 'octile';
  const nDirs = octile ? 8 : 4;
  // Per cell: mark == open stamp (g/parent valid, on the frontier) or closed stamp (expanded).
  const mark = new Uint32Array(n);
  const g = new Float64Array(n);
  const parent = new Int32Array(n);
  const stack = new Int32Array(n); // the fast lane; a cell enters it at most once per query
  const heap = { cap: 1024, node: new Int32Array(1024), f: new Float64Array(1024) };
  let gen = 0;

  function search(start: Cell, goal: Cell, budget?: Budget): SearchResult<Cell, string> {
    checkCell('start', start, map);
    checkCell('goal', goal, map);
    if (budget !== undefined) checkBudget(MODULE, budget);
    const t0 = performance.now();
    const maxExp = budget?.maxExpansions ?? Infinity;
    const deadline = budget?.maxSeconds !== undefined ? t0 + budget.maxSeconds * 1000 : Infinity;
    if (gen >= 0xfffffffc) { mark.fill(0); gen = 0; }
    gen += 2;
    const OPEN = gen, CLOSED = gen + 1;
    const gx = goal.x + 1, gy = goal.y + 1;
    const s = (start.y + 1) * W + start.x + 1;
    const t = gy * W + gx;
    let hN = heap.node, hF = heap.f, cap = heap.cap;
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
        // Pop: sift the last entry down from the root (4 children per node, contiguous).
        if (--size > 0) {
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
        if (mark[u] === CLOSED) continue; // stale entry of a node improved after it was pushed
      }
      if (u === t) { found = true; break; }
      if (expanded >= maxExp) { reason = 'expansions'; break; }
      if (deadline !== Infinity && (expanded & 1023) === 0 && performance.now() > deadline) { reason = 'time'; break; }
      mark[u] = CLOSED;
      expanded++;
      const uy = (u / W) | 0, ux = u - uy * W, gu = g[u];
      // Bit k set: direction k may be tried (diagonals need both orthogonal neighbours free).
      const fN = free[u - W], fE = free[u + 1], fS = free[u + W], fW = free[u - 1];
      const dirs = octile
        ? fN | (fE << 1) | (fS << 2) | (fW << 3) | ((fN & fE) << 4) | ((fS & fE) << 5) | ((fS & fW) << 6) | ((fN & fW) << 7)
        : fN | (fE << 1) | (fS << 2) | (fW << 3);
      for (let k = 0; k < nDirs; k++) {
        if ((dirs & (1 << k)) === 0) continue;
        const v = u + off[k];
        const m = mark[v];
        if (free[v] === 0 || m === CLOSED) continue;
        const gv = gu + (k < 4 ? ONE : DIAG);
        generated++;
        if (m === OPEN && gv >= g[v]) continue;
        mark[v] = OPEN; g[v] = gv; parent[v] = u;
        const vx = ux + dxs[k], vy = uy + dys[k];
        const dx = vx > gx ? vx - gx : gx - vx, dy = vy > gy ? vy - gy : gy - vy;
        const fv = gv + (!octile ? (dx + dy) * ONE : dx > dy ? dx * ONE + DIAG_EXTRA * dy : dy * ONE + DIAG_EXTRA * dx);
        if (fv === fu) {
          stack[sp++] = v;
        } else {
          if (size === cap) {
            cap *= 2;
            const nn = new Int32Array(cap); nn.set(hN); hN = nn;
            const nf = new Float64Array(cap); nf.set(hF); hF = nf;
            heap.node = hN; heap.f = hF; heap.cap = cap;
          }
          let i = size++;
          while (i > 0) {
            const p = (i - 1) >> 2;
            const fp = hF[p];
            if (fv >= fp) break;
            hN[i] = hN[p]; hF[i] = fp; i = p;
          }
          hN[i] = v; hF[i] = fv;
        }
        if (size + sp > maxFrontier) maxFrontier = size + sp;
      }
    }
    const stats: SearchStats = { expanded, generated, maxFrontier, seconds: 0 };
    let result: SearchResult<Cell, string>;
    if (found) {
      const path: Cell[] = [];
      const actions: string[] = [];
      let straight = 0, diagonal = 0;
      for (let i = t; i !== -1; i = parent[i]) {
        const y = (i / W) | 0;
        path.push({ x: i - y * W - 1, y: y - 1 });
        const p = parent[i];
        if (p !== -1) {
          const d = i - p;
          let k = 0;
          while (off[k] !== d) k++;
          actions.push(STEPS[k]);
          if (k < 4) straight++; else diagonal++;
        }
      }
      path.reverse(); actions.reverse();
      result = { status: 'found', path, actions, cost: straight + diagonal * Math.SQRT2, stats };
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
 * `movement: 'four'`; successors that tie with the popped f are expanded next, deepest first.
 * Returns the same result shape as the generic searchers (`found` with path/actions/cost, `exhausted`, or `budget`). For many queries on one
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
