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
import { landmarkHeuristic } from '../../lib/heuristics/landmarks';
import type { SamplePair } from '../../lib/heuristics/check';
import { checkHeuristic, samplePairs } from '../../lib/heuristics/check';
import { buildMetricPatternDatabase, differentialPdbHeuristic, symmetricPdbHeuristic } from '../../lib/heuristics/pdb-metric';
import { puzzleManhattan } from '../../lib/heuristics/puzzle';
import { idaStar } from '../../lib/search/ida-star';
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
  /**
   * The goal-specific heuristic that still takes its goal ("tuned"): `landmarks` = ALT with its
   * landmarks placed in the tuned goal region (the table's goal and the cells of band 0);
   * `landmarks+octile` = the larger of that and the octile relaxation (what a practitioner would
   * run). Default `landmarks`.
   */
  tuned?: TunedHeuristicKind;
  /** Number of landmarks of the tuned heuristic, all in the tuned region (default 3). */
  landmarks?: number;
  seed?: number;
}

/** The goal-specific heuristics that take their goal, as tuned for one goal region. */
export type TunedHeuristicKind = 'landmarks' | 'landmarks+octile';

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
  /** Expansions of A* with the tuned heuristic that takes its goal (landmarks in the tuned region). */
  tuned: number;
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
  tuned: number;
  relaxedSpeedup: number;
  tableSpeedup: number;
  /** Speedup of A* with the tuned landmark heuristic (it takes the goal). */
  tunedSpeedup: number;
  /** tunedSpeedup ÷ relaxedSpeedup: what tuning for one goal region still buys at this distance. */
  tunedAdvantage: number;
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
export function goalShiftExperiment(options: GoalShiftOptions): { rows: GoalShiftRow[]; bands: GoalShiftBand[]; tableGoal: Cell; landmarks: Cell[]; queries: ScenarioQuery[] } {
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
  const landmarks = tunedRegionLandmarks(tableGoal, byBand[0], options.landmarks ?? 3);
  const alt = landmarkHeuristic(problem, landmarks);
  const tunedKind = options.tuned ?? 'landmarks';
  if (tunedKind !== 'landmarks' && tunedKind !== 'landmarks+octile') fail(MODULE, relaxationMessages.tunedKindBad(String(tunedKind)));
  const tuned: Heuristic<Cell, Cell> = tunedKind === 'landmarks' ? alt : (s, g) => Math.max(alt(s, g), relaxed(s, g));
  const rows: GoalShiftRow[] = [];
  byBand.forEach((cells, band) => {
    if (cells.length === 0) return;
    for (let i = 0; i < perBand; i++) {
      const goal = band === 0 && i === 0 ? tableGoal : rng.pick(cells);
      const start = rng.pick(reachable);
      const u = uniformCost(problem, start, goal);
      const r = astar(problem, start, goal, { heuristic: relaxed });
      const t = astar(problem, start, goal, { heuristic: table });
      const a = astar(problem, start, goal, { heuristic: tuned });
      if (u.status !== 'found' || r.status !== 'found' || t.status !== 'found' || a.status !== 'found') continue;
      rows.push({
        band, shift: table.distance(goal), start, goal, optimal: u.cost,
        ucs: u.stats.expanded, relaxed: r.stats.expanded, table: t.stats.expanded, tuned: a.stats.expanded, tableCost: t.cost,
      });
    }
  });
  const summary: GoalShiftBand[] = [];
  for (let band = 0; band < bands; band++) {
    const rs = rows.filter((r) => r.band === band);
    if (rs.length === 0) continue;
    const sum = (f: (r: GoalShiftRow) => number) => rs.reduce((a, r) => a + f(r), 0);
    const ucs = sum((r) => r.ucs), rel = sum((r) => r.relaxed), tab = sum((r) => r.table), tun = sum((r) => r.tuned);
    summary.push({
      band, shift: sum((r) => r.shift) / rs.length, queries: rs.length, ucs, relaxed: rel, table: tab, tuned: tun,
      relaxedSpeedup: ucs / rel, tableSpeedup: ucs / tab, tunedSpeedup: ucs / tun, tunedAdvantage: rel / tun,
      tableExcess: sum((r) => (r.optimal > 0 ? r.tableCost / r.optimal - 1 : 0)) / rs.length,
    });
  }
  const queries: ScenarioQuery[] = rows.map((r) => ({
    bucket: r.band, mapName: `${map.name}.map`, mapWidth: map.width, mapHeight: map.height,
    start: r.start, goal: r.goal, optimal: r.optimal,
  }));
  return { rows, bands: summary, tableGoal, landmarks, queries };
}

/**
 * Landmarks for one goal region: the tuned goal itself, then cells of the region chosen farthest
 * first (each the region cell farthest, in a straight line, from the landmarks chosen so far; ties
 * in the region's order), so the landmarks cover the region the heuristic is tuned for.
 */
function tunedRegionLandmarks(goal: Cell, region: Cell[], count: number): Cell[] {
  if (!Number.isInteger(count) || count < 1) fail(MODULE, relaxationMessages.positiveInt('landmarks', count));
  const chosen: Cell[] = [goal];
  // Straight-line gaps are enough to spread a handful of landmarks across a small region.
  const gap = (a: Cell, b: Cell) => Math.hypot(a.x - b.x, a.y - b.y);
  while (chosen.length < count) {
    let best: Cell | null = null, bestD = -1;
    for (const c of region) {
      const d = Math.min(...chosen.map((l) => gap(c, l)));
      if (d > bestD) { bestD = d; best = c; }
    }
    if (!best || bestD <= 0) break;
    chosen.push(best);
  }
  return chosen;
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

// ---------------------------------------------------------------------------------------------
// A pattern database built for one goal, used for others (the 8-puzzle)
// ---------------------------------------------------------------------------------------------

/** How the database built for one goal is used for another goal. */
export type PdbReuseKind = 'differential' | 'symmetry';

/** Options of {@link pdbGoalShiftExperiment}. */
export interface PdbGoalShiftOptions {
  /** Bands of true distance of the new goal from the built goal (default 6). */
  bands?: number;
  /** Queries (new goal + random start) per band (default 8). */
  perBand?: number;
  /** Only goals at most this many moves from the built goal; default (0) every distance. */
  maxShift?: number;
  /**
   * How the database built for the blank-first goal serves a new goal g. `differential`: the larger
   * of Manhattan distance and Σ_i |T_i(s) − T_i(g)| (the triangle inequality through the built
   * goal, like a landmark); `symmetry`: also the table itself through the puzzle's symmetries
   * (rename the tiles, turn or mirror the board) when one sends g's blank to the built goal's blank
   * cell. Default `symmetry`.
   */
  reuse?: PdbReuseKind;
  seed?: number;
}

/** One query: IDA* node counts for one (start, new goal). */
export interface PdbGoalShiftRow {
  band: number;
  /** True distance (moves) of the new goal from the goal the database was built for. */
  shift: number;
  /** Whether a board symmetry maps the new goal's blank onto the built goal's blank cell. */
  symmetric: boolean;
  optimal: number;
  /** IDA* expansions with Manhattan distance (goal-agnostic relaxation). */
  manhattan: number;
  /** With the database built for the old goal, reused for this goal. */
  reused: number;
  /** With a database rebuilt for this goal (same tile partition). */
  rebuilt: number;
  /** Cost of that rebuild: abstract states expanded. */
  buildExpanded: number;
}

/** One band: totals and the advantages over Manhattan (ratio of totals). */
export interface PdbGoalShiftBand {
  band: number;
  shift: number;
  queries: number;
  manhattan: number;
  reused: number;
  rebuilt: number;
  /** Manhattan expansions ÷ reused-database expansions. */
  reuseAdvantage: number;
  /** Manhattan expansions ÷ rebuilt-database expansions. */
  rebuiltAdvantage: number;
  /** Share of the band's goals a board symmetry reaches. */
  symmetricShare: number;
  /** Mean abstract states expanded to rebuild the database for one goal. */
  buildExpanded: number;
  /** Searches after which a rebuild has paid for itself in nodes (build ÷ nodes saved per search). */
  breakEven: number;
}

/**
 * Builds a pattern database (4-4 tiles, keeping the blank's cell so it is a metric) for the
 * 8-puzzle's blank-first goal, then retargets IDA* to goals ever farther from it (true distance,
 * by one breadth-first search over all 181,440 boards) and counts expansions with Manhattan
 * distance, with the old database reused for the new goal (see {@link PdbGoalShiftOptions.reuse}),
 * and with a database rebuilt for the new goal (whose cost is counted too). Starts are uniform
 * random boards. Band 0 begins with the built goal itself. Deterministic per seed.
 *
 * @example
 * const { bands } = pdbGoalShiftExperiment({ seed: 1, reuse: 'differential' });
 * bands.map((b) => [b.shift, b.reuseAdvantage, b.rebuiltAdvantage]);
 */
export function pdbGoalShiftExperiment(options: PdbGoalShiftOptions = {}): { rows: PdbGoalShiftRow[]; bands: PdbGoalShiftBand[]; buildSeconds: number } {
  const bands = options.bands ?? 6;
  const perBand = options.perBand ?? 8;
  const reuse = options.reuse ?? 'symmetry';
  if (!Number.isInteger(bands) || bands < 2) fail(MODULE, relaxationMessages.bandsBad(bands));
  if (!Number.isInteger(perBand) || perBand < 1) fail(MODULE, relaxationMessages.positiveInt('perBand', perBand));
  if (reuse !== 'differential' && reuse !== 'symmetry') fail(MODULE, relaxationMessages.reuseKindBad(String(reuse)));
  const rng = createRng(options.seed ?? 1);
  const built = puzzleGoal(3, 'blank-first');
  const db = buildMetricPatternDatabase(built);
  const diff = differentialPdbHeuristic(db);
  const sym = symmetricPdbHeuristic(db);
  const reused: Heuristic<PuzzleState, PuzzleState> = reuse === 'differential'
    ? (s, g) => Math.max(puzzleManhattan(s, g), diff(s, g))
    : (s, g) => Math.max(puzzleManhattan(s, g), diff(s, g), sym(s, g));
  const byDistance = puzzleDistanceLayers(built);
  const maxShift = Math.min(options.maxShift && options.maxShift > 0 ? options.maxShift : Infinity, byDistance.length - 1);
  const width = (maxShift + 1) / bands;
  const problem = slidingPuzzleProblem(3);
  const rows: PdbGoalShiftRow[] = [];
  const decode = (key: number): PuzzleState => {
    const tiles = new Uint8Array(9);
    for (let i = 8; i >= 0; i--) { tiles[i] = key % 9; key = Math.floor(key / 9); }
    return { size: 3, tiles };
  };
  for (let band = 0; band < bands; band++) {
    const lo = Math.ceil(band * width), hi = Math.min(maxShift, Math.ceil((band + 1) * width) - 1);
    const keys: number[] = [], dist: number[] = [];
    for (let d = lo; d <= hi; d++) for (const k of byDistance[d]) { keys.push(k); dist.push(d); }
    if (keys.length === 0) continue;
    for (let i = 0; i < perBand; i++) {
      const at = band === 0 && i === 0 ? 0 : rng.int(0, keys.length);
      const goal = decode(keys[at]);
      const start = randomPuzzle(3, { rng, goal });
      const fresh = buildMetricPatternDatabase(goal, { partition: db.patterns });
      const rebuiltH = differentialPdbHeuristic(fresh);
      const m = idaStar(problem, start, goal, { heuristic: puzzleManhattan });
      const r = idaStar(problem, start, goal, { heuristic: reused });
      const f = idaStar(problem, start, goal, { heuristic: rebuiltH });
      if (m.status !== 'found' || r.status !== 'found' || f.status !== 'found') continue;
      rows.push({
        band, shift: dist[at], symmetric: sym.applies(goal), optimal: m.cost,
        manhattan: m.stats.expanded, reused: r.stats.expanded, rebuilt: f.stats.expanded, buildExpanded: fresh.buildExpanded,
      });
    }
  }
  const summary: PdbGoalShiftBand[] = [];
  for (let band = 0; band < bands; band++) {
    const rs = rows.filter((r) => r.band === band);
    if (rs.length === 0) continue;
    const sum = (f: (r: PdbGoalShiftRow) => number) => rs.reduce((a, r) => a + f(r), 0);
    const m = sum((r) => r.manhattan), u = sum((r) => r.reused), f = sum((r) => r.rebuilt);
    const buildExpanded = sum((r) => r.buildExpanded) / rs.length;
    const saved = (m - f) / rs.length;
    summary.push({
      band, shift: sum((r) => r.shift) / rs.length, queries: rs.length, manhattan: m, reused: u, rebuilt: f,
      reuseAdvantage: m / u, rebuiltAdvantage: m / f, symmetricShare: sum((r) => (r.symmetric ? 1 : 0)) / rs.length,
      buildExpanded, breakEven: saved > 0 ? buildExpanded / saved : Infinity,
    });
  }
  return { rows, bands: summary, buildSeconds: db.buildSeconds };
}

// Every 8-puzzle board reachable from `goal`, by true distance (keys as puzzleKey numbers). Memoised.
const layerMemo = new Map<string, number[][]>();
function puzzleDistanceLayers(goal: PuzzleState): number[][] {
  const memoKey = Array.from(goal.tiles).join(',');
  const hit = layerMemo.get(memoKey);
  if (hit) return hit;
  const seen = new Set<number>();
  const key = (t: Uint8Array) => { let k = 0; for (let i = 0; i < 9; i++) k = k * 9 + t[i]; return k; };
  let frontier: Uint8Array[] = [Uint8Array.from(goal.tiles)];
  seen.add(key(frontier[0]));
  const layers: number[][] = [];
  while (frontier.length > 0) {
    layers.push(frontier.map(key));
    const next: Uint8Array[] = [];
    for (const t of frontier) {
      const b = t.indexOf(0), r = (b / 3) | 0, c = b % 3;
      for (const q of [r > 0 ? b - 3 : -1, r < 2 ? b + 3 : -1, c > 0 ? b - 1 : -1, c < 2 ? b + 1 : -1]) {
        if (q < 0) continue;
        const u = t.slice(); u[b] = u[q]; u[q] = 0;
        const k = key(u);
        if (seen.has(k)) continue;
        seen.add(k);
        next.push(u);
      }
    }
    frontier = next;
  }
  layerMemo.set(memoKey, layers);
  return layers;
}
