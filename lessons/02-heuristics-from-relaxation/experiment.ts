/**
 * Experiments of notebook 02 (heuristics from relaxation), shared by its claims and the notebook:
 * MovingAI-format test maps, the "move the goal" experiment (uniform-cost vs A* with a relaxation
 * heuristic vs A* with a goal-specific distance table), and admissibility checks of relaxations.
 */
import { fail } from '../../lib/core/errors';
import { createRng } from '../../lib/core/rng';
import type { Cell, GridMap, Movement } from '../../lib/envs/grid';
import { gridProblem, passableCells, isPassable } from '../../lib/envs/grid';
import { generateMaze } from '../../lib/envs/maze';
import { generateRooms } from '../../lib/envs/rooms';
import { generateObstacles } from '../../lib/envs/obstacles';
import { parseMap, serializeMap } from '../../lib/envs/movingai';
import type { ScenarioQuery } from '../../lib/envs/movingai';
import type { PuzzleState } from '../../lib/envs/sliding-puzzle';
import { puzzleGoal, randomPuzzle, slidingPuzzleProblem } from '../../lib/envs/sliding-puzzle';
import { astar } from '../../lib/search/astar';
import { uniformCost } from '../../lib/search/uniform-cost';
import { puzzleIdaStar } from '../../lib/search/puzzle-idastar';
import type { Heuristic, SearchProblem } from '../../lib/search/problem';
import { relax } from '../../lib/heuristics/relax';
import { goalDistanceTable } from '../../lib/heuristics/goal-table';
import type { GoalDistanceTable } from '../../lib/heuristics/goal-table';
import type { SamplePair } from '../../lib/heuristics/check';
import { checkHeuristic, samplePairs } from '../../lib/heuristics/check';
import { relaxationMessages } from './messages';

const MODULE = 'lessons/02/experiment';

/** The kinds of test map {@link relaxationTestMap} generates. */
export type RelaxationMapKind = 'rooms' | 'obstacles' | 'maze';

/**
 * A seeded test map, written out in MovingAI `.map` format and read back (so it is exactly what a
 * `.map` file would give). Returns the map and its `.map` text.
 *
 * @example
 * const { map, text } = relaxationTestMap('rooms', 48, 3);
 * text.split('\n')[0]; // 'type octile'
 */
export function relaxationTestMap(kind: RelaxationMapKind, size: number, seed: number): { map: GridMap; text: string } {
  if (!Number.isInteger(size) || size < 9) fail(MODULE, relaxationMessages.sizeBad(size));
  let map: GridMap;
  if (kind === 'rooms') map = generateRooms(size, size, seed, { roomSize: 7, extraDoors: 0.35 });
  else if (kind === 'obstacles') map = generateObstacles(size, size, seed, { density: 0.3, connected: true, movement: 'octile' });
  else if (kind === 'maze') map = generateMaze(size % 2 ? size : size + 1, size % 2 ? size : size + 1, seed, { loops: 0.05 });
  else return fail(MODULE, relaxationMessages.mapKindBad(kind));
  const text = serializeMap(map);
  return { map: parseMap(text, `${kind}-${map.width}-seed${seed}.map`), text };
}

/** Options of {@link goalShiftExperiment}. */
export interface GoalShiftOptions {
  map: GridMap;
  /** Default 'octile' (MovingAI rules: diagonals √2, no corner cutting). */
  movement?: Movement;
  /** The goal the goal-specific table is built for (default: the passable cell nearest the map's centre). */
  tableGoal?: Cell;
  /** Number of bands of "distance of the new goal from the table's goal" (default 6). */
  bands?: number;
  /** Queries per band (default 6). */
  perBand?: number;
  /** Only goals at most this far (true distance) from the table's goal; default: the whole map. */
  maxShift?: number;
  seed?: number;
}

/** One query of the experiment: expansions of the three searches for one (start, new goal). */
export interface GoalShiftRow {
  band: number;
  /** True (octile) distance of the query's goal from the table's goal. */
  shift: number;
  start: Cell;
  goal: Cell;
  optimal: number;
  ucs: number;
  relaxed: number;
  table: number;
  /** Cost of the path A* returns with the goal table (≥ optimal: the table is inadmissible for other goals). */
  tableCost: number;
}

/** Summary of one band: total expansions and the speedups over uniform-cost (ratio of totals). */
export interface GoalShiftBand {
  band: number;
  /** Mean shift of the band's goals. */
  shift: number;
  queries: number;
  ucs: number;
  relaxed: number;
  table: number;
  relaxedSpeedup: number;
  tableSpeedup: number;
  /** Mean (tableCost / optimal) − 1 of the band. */
  tableExcess: number;
}

/**
 * Retargets one search to goals ever farther from `tableGoal` and counts expansions of
 * uniform-cost search, A* with the relaxation heuristic (`relax(problem, ['walls'])`: octile or
 * Manhattan, the same function for every goal), and A* with the exact distance table built for
 * `tableGoal` (perfect for that goal, misleading for others). Goals are drawn per band of true
 * distance from the table's goal; band 0 always contains the table's goal itself. Deterministic
 * per seed.
 *
 * @example
 * const { map } = relaxationTestMap('rooms', 48, 3);
 * const { rows, bands } = goalShiftExperiment({ map, seed: 1 });
 * bands.map((b) => [b.shift, b.relaxedSpeedup, b.tableSpeedup]);
 */
export function goalShiftExperiment(options: GoalShiftOptions): { rows: GoalShiftRow[]; bands: GoalShiftBand[]; tableGoal: Cell; queries: ScenarioQuery[] } {
  const { map } = options;
  const movement = options.movement ?? 'octile';
  const bands = options.bands ?? 6;
  const perBand = options.perBand ?? 6;
  if (!Number.isInteger(bands) || bands < 2) fail(MODULE, relaxationMessages.bandsBad(bands));
  if (!Number.isInteger(perBand) || perBand < 1) fail(MODULE, relaxationMessages.positiveInt('perBand', perBand));
  const problem = gridProblem(map, movement);
  const tableGoal = options.tableGoal ?? mapCentreCell(map);
  if (!isPassable(map, tableGoal)) fail(MODULE, relaxationMessages.cellNotPassable('tableGoal', tableGoal, map.name));
  const rng = createRng(options.seed ?? 1);
  const table = goalDistanceTable(problem, tableGoal);
  const relaxed = relax(problem, ['walls']).heuristic;
  const reachable = passableCells(map).filter((c) => table.distance(c) < Infinity);
  const maxShift = Math.min(options.maxShift ?? Infinity, table.maxDistance);
  const width = maxShift / bands;
  const byBand: Cell[][] = Array.from({ length: bands }, () => []);
  for (const c of reachable) {
    const d = table.distance(c);
    if (d > maxShift) continue;
    byBand[Math.min(bands - 1, Math.floor(d / (width || 1)))].push(c);
  }
  const rows: GoalShiftRow[] = [];
  byBand.forEach((cells, band) => {
    if (cells.length === 0) return;
    for (let i = 0; i < perBand; i++) {
      const goal = band === 0 && i === 0 ? tableGoal : rng.pick(cells);
      const start = rng.pick(reachable);
      const u = uniformCost(problem, start, goal);
      const r = astar(problem, start, goal, { heuristic: relaxed });
      const t = astar(problem, start, goal, { heuristic: table });
      if (u.status !== 'found' || r.status !== 'found' || t.status !== 'found') continue;
      rows.push({
        band, shift: table.distance(goal), start, goal, optimal: u.cost,
        ucs: u.stats.expanded, relaxed: r.stats.expanded, table: t.stats.expanded, tableCost: t.cost,
      });
    }
  });
  const summary: GoalShiftBand[] = [];
  for (let band = 0; band < bands; band++) {
    const rs = rows.filter((r) => r.band === band);
    if (rs.length === 0) continue;
    const sum = (f: (r: GoalShiftRow) => number) => rs.reduce((a, r) => a + f(r), 0);
    const ucs = sum((r) => r.ucs), rel = sum((r) => r.relaxed), tab = sum((r) => r.table);
    summary.push({
      band, shift: sum((r) => r.shift) / rs.length, queries: rs.length, ucs, relaxed: rel, table: tab,
      relaxedSpeedup: ucs / rel, tableSpeedup: ucs / tab,
      tableExcess: sum((r) => (r.optimal > 0 ? r.tableCost / r.optimal - 1 : 0)) / rs.length,
    });
  }
  const queries: ScenarioQuery[] = rows.map((r) => ({
    bucket: r.band, mapName: `${map.name}.map`, mapWidth: map.width, mapHeight: map.height,
    start: r.start, goal: r.goal, optimal: r.optimal,
  }));
  return { rows, bands: summary, tableGoal, queries };
}

/** The passable cell nearest the map's centre (ties: first in row-major order). */
export function mapCentreCell(map: GridMap): Cell {
  const cx = (map.width - 1) / 2, cy = (map.height - 1) / 2;
  let best: Cell | null = null, bestD = Infinity;
  for (const c of passableCells(map)) {
    const d = (c.x - cx) ** 2 + (c.y - cy) ** 2;
    if (d < bestD) { bestD = d; best = c; }
  }
  if (!best) return fail(MODULE, relaxationMessages.mapEmpty(map.name));
  return best;
}

/**
 * Heatmap rows `{x, y, goal, heuristic, h}` of several heuristics over every passable cell, one
 * block per goal (blocked cells are left out, so they show as blank).
 *
 * @example
 * heuristicField(map, { octile: gridOctile }, [{ x: 3, y: 4 }]);
 */
export function heuristicField(
  map: GridMap, heuristics: Record<string, Heuristic<Cell, Cell>>, goals: readonly Cell[],
): { x: number; y: number; goal: string; heuristic: string; h: number }[] {
  const cells = passableCells(map);
  const out: { x: number; y: number; goal: string; heuristic: string; h: number }[] = [];
  for (const g of goals) {
    if (!isPassable(map, g)) fail(MODULE, relaxationMessages.cellNotPassable('goal', g, map.name));
    const label = `(${g.x},${g.y})`;
    for (const [name, h] of Object.entries(heuristics)) {
      for (const c of cells) {
        const v = h(c, g);
        out.push({ x: c.x, y: c.y, goal: label, heuristic: name, h: Number.isFinite(v) ? Math.round(v * 10) / 10 : -1 });
      }
    }
  }
  return out;
}

/** One relaxation checked for admissibility. */
export interface RelaxationCheckRow {
  problem: string;
  dropped: string;
  closedForm: string;
  weight: number;
  samples: number;
  admissible: boolean;
  consistent: boolean;
  admissibilityViolations: number;
  /** Mean h / true distance (1 = perfect). */
  meanRatio: number;
}

/** Options of {@link checkRelaxations}. */
export interface CheckRelaxationsOptions {
  /** Multiplies every derived heuristic (1 = as derived; > 1 inflates it, which can break admissibility). */
  weight?: number;
  /** Sampled (state, goal) pairs per relaxation (default 60). */
  samples?: number;
  /** Map side for the grid cases (default 32). */
  size?: number;
  seed?: number;
}

/** One sampled pair of {@link checkRelaxations}: the derived heuristic's value against the true distance. */
export interface RelaxationPoint {
  relaxation: string;
  h: number;
  trueDistance: number;
}

/**
 * Derives heuristics with `relax()` for every way of dropping constraints of an octile grid
 * (MovingAI rules) and of the 8-puzzle, and checks each with `checkHeuristic` against true
 * distances on sampled (state, goal) pairs (admissibility at the pair, consistency along every
 * move out of it). Puzzle pairs are random walks from two different goals, so goals vary too.
 * Returns one row per relaxation and the sampled (h, true distance) points.
 *
 * @example
 * checkRelaxations({ seed: 1 }).rows.every((r) => r.admissible); // true
 * checkRelaxations({ seed: 1, weight: 2 }).rows.some((r) => !r.admissible); // true
 */
export function checkRelaxations(options: CheckRelaxationsOptions = {}): { rows: RelaxationCheckRow[]; points: RelaxationPoint[] } {
  const weight = options.weight ?? 1;
  const samples = options.samples ?? 60;
  const size = options.size ?? 32;
  const seed = options.seed ?? 1;
  if (!(typeof weight === 'number' && weight > 0 && Number.isFinite(weight))) fail(MODULE, relaxationMessages.weightBad(weight));
  if (!Number.isInteger(samples) || samples < 1) fail(MODULE, relaxationMessages.positiveInt('samples', samples));
  const rows: RelaxationCheckRow[] = [];
  const points: RelaxationPoint[] = [];
  const { map } = relaxationTestMap('rooms', size, seed);
  const grid = gridProblem(map, 'octile');
  const gridPairs = samplePairs(passableCells(map), samples, seed);
  // True grid distances: one backward table per goal, shared by all relaxations.
  const tables = new Map<number, GoalDistanceTable<Cell, Cell>>();
  const gridDistance = (s: Cell, g: Cell): number => {
    const k = g.y * map.width + g.x;
    let t = tables.get(k);
    if (!t) tables.set(k, (t = goalDistanceTable(grid, g)));
    return t.distance(s);
  };
  for (const dropped of [['walls'], ['no-corner-cutting'], ['walls', 'no-corner-cutting']]) {
    rows.push(checkOne(grid, dropped, gridPairs, weight, gridDistance, points));
  }
  const puzzle = slidingPuzzleProblem(3);
  const rng = createRng(seed + 7919);
  const puzzlePairs: SamplePair<PuzzleState, PuzzleState>[] = [];
  const goals = [puzzleGoal(3, 'blank-first'), puzzleGoal(3, 'blank-last')];
  for (let i = 0; i < samples; i++) {
    const goal = goals[i % goals.length];
    puzzlePairs.push({ state: randomPuzzle(3, { rng, walk: rng.int(4, 22), goal }), goal });
  }
  // True puzzle distances from the specialised optimal solver (a full 8-puzzle table per goal is slow).
  const puzzleDistance = (s: PuzzleState, g: PuzzleState): number => {
    const r = puzzleIdaStar(s, g, { heuristic: 'manhattan' });
    return r.status === 'found' ? r.cost : Infinity;
  };
  for (const dropped of [['blank-only'], ['adjacent-only'], ['blank-only', 'adjacent-only']]) {
    rows.push(checkOne(puzzle, dropped, puzzlePairs, weight, puzzleDistance, points));
  }
  return { rows, points };
}

function checkOne<S, A, G>(
  problem: SearchProblem<S, A, G>, dropped: string[], pairs: SamplePair<S, G>[], weight: number,
  distance: (s: S, g: G) => number, points: RelaxationPoint[],
): RelaxationCheckRow {
  const r = relax(problem, dropped);
  const h: Heuristic<S, G> = weight === 1 ? r.heuristic : (s, g) => weight * r.heuristic(s, g);
  const report = checkHeuristic(problem, h, pairs, { distance });
  const short: Record<string, string> = { walls: 'walls', 'no-corner-cutting': 'corner rule', 'blank-only': 'blank rule', 'adjacent-only': 'adjacency' };
  const label = `${(problem as { kind?: string }).kind === 'grid' ? 'grid' : '8-puzzle'} −${dropped.length > 1 ? 'both' : short[dropped[0]] ?? dropped[0]}`;
  for (const p of pairs) {
    const d = distance(p.state, p.goal);
    if (d < Infinity) points.push({ relaxation: label, h: h(p.state, p.goal), trueDistance: d });
  }
  return {
    problem: problem.name ?? 'problem', dropped: dropped.join(' + '), closedForm: r.closedForm ?? '(solved by search)', weight,
    samples: report.samples, admissible: report.admissible, consistent: report.consistent,
    admissibilityViolations: report.admissibilityViolations, meanRatio: report.meanRatio,
  };
}
