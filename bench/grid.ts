/**
 * Grid pathfinding side by side: the specialised A* `createGridSearcher` (lib/search/grid-astar.ts)
 * and jump point search `createJumpPointSearcher` (lib/search/grid-jps.ts) against PathFinding.js
 * (`pathfinding`: AStarFinder and JumpPointFinder, OnlyWhenNoObstacles, octile heuristic, grid
 * cloned per query as its README shows), `ngraph.path` (aStar over an ngraph.graph with diagonal
 * links weighted √2 and an octile heuristic) and the generic `astar` over `gridProblem`. Every
 * engine runs the same queries; every path length is checked against the others (and against the
 * scenario's optimal length for MovingAI files).
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import createGraph from 'ngraph.graph';
import { aStar as ngraphAStar } from 'ngraph.path';
import { createGridSearcher } from '../lib/search/grid-astar';
import { createJumpPointSearcher } from '../lib/search/grid-jps';
import { astar } from '../lib/search/astar';
import { gridProblem, passableCells, type Cell, type GridMap } from '../lib/envs/grid';
import { generateObstacles } from '../lib/envs/obstacles';
import { parseMap, parseScen } from '../lib/envs/movingai';
import { gridOctile } from '../lib/heuristics/grid';
import { createRng } from '../lib/core/rng';

// A full collection before each timed block, then a pause while V8's background threads finish
// sweeping, so no engine pays for the garbage another left behind (measured: without the pause
// gridAstar's first rounds ran up to 1.6x slower, in step with the size of the heap just swept).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const pause = new Int32Array(new SharedArrayBuffer(4));
const settle = (): void => { Atomics.wait(pause, 0, 0, 150); };

// PathFinding.js ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const PF = require('pathfinding');

export interface GridEngineRow {
  engine: string;
  queries: number;
  /** Wall seconds for all queries, best of the rounds. */
  seconds: number;
  /** Queries per second (best round). */
  queriesPerSecond: number;
  /** gridAstar's queries/s divided by this engine's. */
  speedup: number;
  /** gridJps's queries/s divided by this engine's. */
  jpsSpeedup: number;
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
  const jps = createJumpPointSearcher(map);
  out.push({
    name: 'retarget-lab gridJps', setupSeconds: (performance.now() - t) / 1000,
    solve: (q) => { const r = jps.search(q.start, q.goal); return r.status === 'found' ? r.cost : NaN; },
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
  const pfSetup = (performance.now() - t) / 1000;
  out.push({
    name: 'pathfinding (PathFinding.js)', setupSeconds: pfSetup,
    solve: (q) => {
      const path: [number, number][] = finder.findPath(q.start.x, q.start.y, q.goal.x, q.goal.y, pfGrid.clone());
      return path.length ? pathLength(path.map(([x, y]) => ({ x, y }))) : NaN;
    },
  });
  // PathFinding.js's own jump point search under the same movement rules; it returns jump points
  // only, so the path is expanded (PF.Util.expandPath) before its length is taken.
  const pfJps = new PF.JumpPointFinder({ diagonalMovement: PF.DiagonalMovement.OnlyWhenNoObstacles, heuristic: PF.Heuristic.octile });
  out.push({
    name: 'pathfinding JumpPointFinder', setupSeconds: pfSetup,
    solve: (q) => {
      const path: [number, number][] = pfJps.findPath(q.start.x, q.start.y, q.goal.x, q.goal.y, pfGrid.clone());
      return path.length ? pathLength(PF.Util.expandPath(path).map(([x, y]: [number, number]) => ({ x, y }))) : NaN;
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

function runCase(label: string, map: GridMap, queries: Query[], rounds: number): GridBenchCase {
  const es = engines(map, true);
  // Each engine runs all queries back to back (its own steady state: caches, JIT, no other
  // engine's garbage to collect), in several rounds with the engine order rotated; an engine's
  // time is its best round (wall clock on the main thread: process CPU time would also count V8's
  // background GC threads sweeping up after whichever engine ran before).
  const lengths: number[][] = es.map(() => []);
  const best = es.map(() => Infinity);
  // Warm-up, not timed: each engine solves queries (round and round) for at least 0.3 s, so
  // every engine is measured with optimised code rather than while the JIT is still compiling.
  for (const e of es) {
    const t0 = performance.now();
    for (let k = 0; k === 0 || performance.now() - t0 < 300; k++) e.solve(queries[k % queries.length]);
  }
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < es.length; j++) {
      const i = (j + r) % es.length;
      const e = es[i];
      collectGarbage();
      settle();
      const t0 = performance.now();
      const got = queries.map((q) => e.solve(q));
      const seconds = (performance.now() - t0) / 1000;
      best[i] = Math.min(best[i], seconds);
      if (r === 0) lengths[i] = got;
      if (process.env.BENCH_DEBUG) console.error(label, r, e.name, seconds.toFixed(3));
    }
  }
  const rows: GridEngineRow[] = es.map((e, i) => ({
    engine: e.name, queries: queries.length, seconds: best[i], queriesPerSecond: queries.length / best[i], speedup: 0, jpsSpeedup: 0, setupSeconds: e.setupSeconds,
  }));
  let agree = true;
  const ref = lengths[0];
  for (const got of lengths) got.forEach((len, i) => { if (!(Math.abs(len - ref[i]) <= 1e-6)) agree = false; });
  queries.forEach((q, i) => { if (q.optimal !== undefined && !(Math.abs(ref[i] - q.optimal) <= 1e-6)) agree = false; });
  for (const r of rows) {
    r.speedup = rows[0].queriesPerSecond / r.queriesPerSecond;
    r.jpsSpeedup = rows[1].queriesPerSecond / r.queriesPerSecond;
  }
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
 * connected queries each, or 64x64 with 4 under `quick`) and the MovingAI-format maps
 * bench/maps/rooms-256.map and rooms-512.map with their scenarios (40 and 20 queries; 4 under
 * `quick`). Every engine runs the same queries in three
 * rounds (one under `quick`); its best round counts.
 */
export function runGridBench(options: GridBenchOptions = {}): GridBenchCase[] {
  const quick = options.quick ?? false;
  const side = quick ? 64 : 512;
  const perMap = quick ? 4 : 16;
  const rounds = quick ? 1 : 3;
  const cases: GridBenchCase[] = [];
  for (const seed of [1, 2]) {
    const map = generateObstacles(side, side, seed, { density: 0.25 });
    cases.push(runCase(`obstacles ${side}x${side} 25% seed ${seed}`, map, randomQueries(map, perMap, `bench/grid/${seed}`), rounds));
  }
  const dir = join(__dirname, 'maps');
  for (const name of ['rooms-256.map', 'rooms-512.map']) {
    const map = parseMap(readFileSync(join(dir, name), 'utf8'), `bench/maps/${name}`);
    const scen = parseScen(readFileSync(join(dir, `${name}.scen`), 'utf8'), `bench/maps/${name}.scen`);
    const qs = scen.slice(0, quick ? 4 : scen.length).map((q) => ({ start: q.start, goal: q.goal, optimal: q.optimal }));
    cases.push(runCase(`MovingAI ${name} (.scen)`, map, qs, rounds));
  }
  return cases;
}
