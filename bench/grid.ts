/**
 * Grid A* side by side: the specialised `createGridSearcher` (lib/search/grid-astar.ts) against
 * PathFinding.js (`pathfinding`, AStarFinder, OnlyWhenNoObstacles, octile heuristic, grid cloned
 * per query as its README shows), `ngraph.path` (aStar over an ngraph.graph with diagonal links
 * weighted √2 and an octile heuristic) and the generic `astar` over `gridProblem`. Every engine
 * runs the same queries; every path length is checked against the others (and against the
 * scenario's optimal length for MovingAI files).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import createGraph from 'ngraph.graph';
import { aStar as ngraphAStar } from 'ngraph.path';
import { createGridSearcher } from '../lib/search/grid-astar';
import { astar } from '../lib/search/astar';
import { gridProblem, passableCells, type Cell, type GridMap } from '../lib/envs/grid';
import { generateObstacles } from '../lib/envs/obstacles';
import { parseMap, parseScen } from '../lib/envs/movingai';
import { gridOctile } from '../lib/heuristics/grid';
import { createRng } from '../lib/core/rng';

// PathFinding.js ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const PF = require('pathfinding');

export interface GridEngineRow {
  engine: string;
  queries: number;
  /** CPU seconds (user + system) over all queries. */
  seconds: number;
  /** Queries per CPU second. */
  queriesPerSecond: number;
  /** Specialised queries/s divided by this engine's. */
  speedup: number;
  setupSeconds: number;
}

export interface GridBenchCase {
  map: string;
  width: number;
  height: number;
  queries: number;
  /** Mean optimal path length of the queries. */
  meanLength: number;
  agree: boolean;
  engines: GridEngineRow[];
}

interface Query { start: Cell; goal: Cell; optimal?: number }

const octile = (dx: number, dy: number): number => (dx > dy ? dx + (Math.SQRT2 - 1) * dy : dy + (Math.SQRT2 - 1) * dx);

function pathLength(points: readonly { x: number; y: number }[]): number {
  let len = 0;
  for (let i = 1; i < points.length; i++) {
    len += points[i].x !== points[i - 1].x && points[i].y !== points[i - 1].y ? Math.SQRT2 : 1;
  }
  return len;
}

type Engine = { name: string; setupSeconds: number; solve: (q: Query) => number };

function engines(map: GridMap, withGeneric: boolean): Engine[] {
  const out: Engine[] = [];
  let t = performance.now();
  const searcher = createGridSearcher(map, 'octile');
  out.push({
    name: 'retarget-lab gridAstar', setupSeconds: (performance.now() - t) / 1000,
    solve: (q) => { const r = searcher.search(q.start, q.goal); return r.status === 'found' ? r.cost : NaN; },
  });

  t = performance.now();
  const matrix: number[][] = [];
  for (let y = 0; y < map.height; y++) {
    const row: number[] = [];
    for (let x = 0; x < map.width; x++) row.push(map.passable[y * map.width + x] ? 0 : 1);
    matrix.push(row);
  }
  const pfGrid = new PF.Grid(matrix);
  const finder = new PF.AStarFinder({ diagonalMovement: PF.DiagonalMovement.OnlyWhenNoObstacles, heuristic: PF.Heuristic.octile });
  out.push({
    name: 'pathfinding (PathFinding.js)', setupSeconds: (performance.now() - t) / 1000,
    solve: (q) => {
      const path: [number, number][] = finder.findPath(q.start.x, q.start.y, q.goal.x, q.goal.y, pfGrid.clone());
      return path.length ? pathLength(path.map(([x, y]) => ({ x, y }))) : NaN;
    },
  });

  t = performance.now();
  const graph = createGraph<Cell, number>();
  const { width: w, height: h, passable } = map;
  const free = (x: number, y: number) => x >= 0 && y >= 0 && x < w && y < h && passable[y * w + x] === 1;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (free(x, y)) graph.addNode(y * w + x, { x, y });
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!free(x, y)) continue;
      const id = y * w + x;
      if (free(x + 1, y)) graph.addLink(id, id + 1, 1);
      if (free(x, y + 1)) graph.addLink(id, id + w, 1);
      if (free(x + 1, y + 1) && free(x + 1, y) && free(x, y + 1)) graph.addLink(id, id + w + 1, Math.SQRT2);
      if (free(x - 1, y + 1) && free(x - 1, y) && free(x, y + 1)) graph.addLink(id, id + w - 1, Math.SQRT2);
    }
  }
  const ngFinder = ngraphAStar(graph, {
    distance: (_a, _b, link) => link.data,
    heuristic: (a, b) => octile(Math.abs(a.data.x - b.data.x), Math.abs(a.data.y - b.data.y)),
  });
  out.push({
    name: 'ngraph.path aStar', setupSeconds: (performance.now() - t) / 1000,
    solve: (q) => {
      const nodes = ngFinder.find(q.start.y * w + q.start.x, q.goal.y * w + q.goal.x);
      return nodes.length ? pathLength(nodes.map((n) => n.data)) : NaN;
    },
  });

  if (withGeneric) {
    const problem = gridProblem(map, 'octile');
    out.push({
      name: 'retarget-lab generic astar', setupSeconds: 0,
      solve: (q) => { const r = astar(problem, q.start, q.goal, { heuristic: gridOctile }); return r.status === 'found' ? r.cost : NaN; },
    });
  }
  return out;
}

function runCase(label: string, map: GridMap, queries: Query[]): GridBenchCase {
  const es = engines(map, true);
  // Queries are interleaved across engines and timed in process CPU time (user + system), so a
  // busy machine slows every engine alike instead of whichever happened to run during a burst.
  const lengths: number[][] = es.map(() => []);
  const cpu = es.map(() => 0);
  for (const e of es) e.solve(queries[0]); // warm-up (JIT), not timed
  for (const q of queries) {
    es.forEach((e, i) => {
      const c0 = process.cpuUsage();
      const len = e.solve(q);
      const c = process.cpuUsage(c0);
      cpu[i] += (c.user + c.system) / 1e6;
      lengths[i].push(len);
    });
  }
  const rows: GridEngineRow[] = es.map((e, i) => ({
    engine: e.name, queries: queries.length, seconds: cpu[i], queriesPerSecond: queries.length / cpu[i], speedup: 0, setupSeconds: e.setupSeconds,
  }));
  let agree = true;
  const ref = lengths[0];
  for (const got of lengths) got.forEach((len, i) => { if (!(Math.abs(len - ref[i]) <= 1e-6)) agree = false; });
  queries.forEach((q, i) => { if (q.optimal !== undefined && !(Math.abs(ref[i] - q.optimal) <= 1e-6)) agree = false; });
  for (const r of rows) r.speedup = rows[0].queriesPerSecond / r.queriesPerSecond;
  return {
    map: label, width: map.width, height: map.height, queries: queries.length,
    meanLength: ref.reduce((s, x) => s + x, 0) / ref.length, agree, engines: rows,
  };
}

/** Seeded queries between passable cells that are connected (checked with the fast searcher). */
function randomQueries(map: GridMap, count: number, seed: string): Query[] {
  const rng = createRng(seed);
  const cells = passableCells(map);
  const searcher = createGridSearcher(map, 'octile');
  const out: Query[] = [];
  while (out.length < count) {
    const start = rng.pick(cells), goal = rng.pick(cells);
    if (searcher.search(start, goal).status === 'found') out.push({ start, goal });
  }
  return out;
}

export interface GridBenchOptions { quick?: boolean }

/**
 * Runs the grid benchmark: two seeded random-obstacle maps (25% obstacles; 512x512 with 16
 * connected queries each, or 64x64 with 4 under `quick`) and the MovingAI-format map
 * bench/maps/rooms-256.map with its 40-query scenario. Every engine runs the same queries.
 */
export function runGridBench(options: GridBenchOptions = {}): GridBenchCase[] {
  const quick = options.quick ?? false;
  const side = quick ? 64 : 512;
  const perMap = quick ? 4 : 16;
  const cases: GridBenchCase[] = [];
  for (const seed of [1, 2]) {
    const map = generateObstacles(side, side, seed, { density: 0.25 });
    cases.push(runCase(`obstacles ${side}x${side} 25% seed ${seed}`, map, randomQueries(map, perMap, `bench/grid/${seed}`)));
  }
  const dir = join(__dirname, 'maps');
  const map = parseMap(readFileSync(join(dir, 'rooms-256.map'), 'utf8'), 'bench/maps/rooms-256.map');
  const scen = parseScen(readFileSync(join(dir, 'rooms-256.map.scen'), 'utf8'), 'bench/maps/rooms-256.map.scen');
  const qs = scen.slice(0, quick ? 4 : scen.length).map((q) => ({ start: q.start, goal: q.goal, optimal: q.optimal }));
  cases.push(runCase('MovingAI rooms-256.map (.scen)', map, qs));
  return cases;
}
