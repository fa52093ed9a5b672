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
import * as grid from './grid-internal';
import type { Budget, SearchResult } from './problem';
import type { Cell, GridMap, Movement } from '../envs/grid';

const MODULE = 'search/grid-astar';

// Module-local bindings: the CommonJS build reads imported names through getters, which costs
// ~40% in the inner loop (measured with bench/grid.ts).
const { ONE, DIAG, DIAG_EXTRA, DX, DY, heapPush, heapRemoveTop } = grid;
const { createFrontier, growFrontier, checkGridOptions, padGrid, beginQuery, endQuery } = grid;
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
 * Creates a searcher that keeps its buffers (g, parent, heap, stack, generation stamps) for many
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
  const nDirs = octile ? 8 : 4;
  // Per cell: mark == OPEN (g/parent valid, on the frontier) or CLOSED (expanded) this query.
  const mark = new Uint32Array(n);
  const g = new Float64Array(n);
  const parent = new Int32Array(n);
  const stack = new Int32Array(n); // the fast lane; a cell enters it at most once per query
  const frontier = createFrontier();
  let gen = 0;

  function search(start: Cell, goal: Cell, budget?: Budget): SearchResult<Cell, string> {
    const q = beginQuery(MODULE, map, W, mark, gen, start, goal, budget);
    gen = q.OPEN;
    const { OPEN, CLOSED, s, t, gx, gy, deadline } = q;
    const maxExp = q.maxExpansions;
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
      // Bit k set: direction k may be tried (a diagonal needs both orthogonal neighbours free).
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
        // Nothing on the frontier has a smaller f than fu: an equal-f successor goes next.
        if (fv === fu) stack[sp++] = v;
        else {
          if (size === hN.length) { growFrontier(frontier); hN = frontier.node; hF = frontier.f; }
          heapPush(hN, hF, size++, v, fv);
        }
        if (size + sp > maxFrontier) maxFrontier = size + sp;
      }
    }
    return endQuery(q, found, reason, { expanded, generated, maxFrontier, seconds: 0 }, padded, parent);
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
