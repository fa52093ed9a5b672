/**
 * Errands: a small task language over one grid map, and the general searcher that does any errand.
 *
 * - Description: an errand is a list of stages, each "reach any one of these cells", done in the
 *   given order ('sequence') or in any order ('any'), optionally with a zone whose cells cost
 *   extra to step on. "Go to the library", "fetch the books, then post them", "visit three houses
 *   in any order and come home", "reach the nearest printer", "cross town avoiding the party"
 *   are all errands.
 * - State: `{x, y, done}`: a cell and the bit set of completed stages. A stage completes on
 *   arriving at one of its cells (at the start too), when the order allows it; one arrival can
 *   complete several stages that share the cell (so "two houses" needs two distinct places).
 * - Actions: N, E, S, W; stepping onto a cell costs 1, plus the zone's penalty inside the zone.
 * - Termination: every stage complete.
 * - Constraints (for relaxation): 'walls' and 'zone penalty'. Dropping both leaves a problem
 *   solved exactly by Manhattan distances between stage cells — the general searcher's heuristic.
 */
import { fail } from '../../../lib/core/errors';
import type { Cell, GridMap } from '../../../lib/envs/grid';
import { gridProblem } from '../../../lib/envs/grid';
import { relax } from '../../../lib/heuristics/relax';
import { astar } from '../../../lib/search/astar';
import type { Budget, Heuristic, SearchProblem, Transition } from '../../../lib/search/problem';
import type { Town } from './town';
import { placeCells } from './town';
import { tasksMessages } from './messages';

const MODULE = 'tasks/errand';

/** A task on a map: stages to complete, in order or in any order, maybe avoiding a zone. */
export interface Errand {
  readonly name: string;
  /** Each stage: reach any one of these cells. */
  readonly stages: readonly (readonly Cell[])[];
  /** 'sequence': stages in the listed order; 'any': in any order. */
  readonly order: 'sequence' | 'any';
  /** Cells that cost `penalty` extra to step onto. */
  readonly avoid?: { readonly cells: readonly Cell[]; readonly penalty: number };
}

/** The state of an errand: where the agent stands and which stages (bits) are done. */
export interface ErrandState { readonly x: number; readonly y: number; readonly done: number }

/** An errand written with the town's names: stages are place (or group) names. */
export interface ErrandSpec {
  name: string;
  stages: readonly string[];
  order?: 'sequence' | 'any';
  /** A zone name of the town and its extra cost per step. */
  avoid?: { zone: string; penalty: number };
}

/** The most stages an errand may have (the specialist's table has 2^stages layers). */
export const MAX_STAGES = 6;

/**
 * Resolves an errand written with place names on a town.
 *
 * @example
 * const town = createTown({ seed: 1 });
 * const e = townErrand(town, { name: 'ship books', stages: ['library', 'post office'] });
 */
export function townErrand(town: Town, spec: ErrandSpec): Errand {
  if (!spec || typeof spec.name !== 'string' || !Array.isArray(spec.stages)) {
    fail(MODULE, tasksMessages.errandSpecBad(spec));
  }
  let avoid: Errand['avoid'];
  if (spec.avoid) {
    const cells = town.zones[spec.avoid.zone];
    if (!cells) fail(MODULE, tasksMessages.zoneUnknown(spec.avoid.zone, Object.keys(town.zones)));
    avoid = { cells, penalty: spec.avoid.penalty };
  }
  return checkErrand(town.map, { name: spec.name, stages: spec.stages.map((s) => placeCells(town, s)), order: spec.order ?? 'sequence', avoid });
}

/** Throws a clear error unless `errand` is a valid errand on `map`; returns it. */
export function checkErrand(map: GridMap, errand: Errand): Errand {
  const name = errand?.name ?? '(unnamed)';
  if (!errand || !Array.isArray(errand.stages) || errand.stages.length === 0) fail(MODULE, tasksMessages.errandNoStages(name));
  if (errand.stages.length > MAX_STAGES) fail(MODULE, tasksMessages.errandTooManyStages(name, errand.stages.length, MAX_STAGES));
  if (errand.order !== 'sequence' && errand.order !== 'any') fail(MODULE, tasksMessages.errandOrderBad(name, errand.order));
  const openCell = (c: Cell) => c && Number.isInteger(c.x) && Number.isInteger(c.y) && c.x >= 0 && c.y >= 0 && c.x < map.width && c.y < map.height && map.passable[c.y * map.width + c.x] === 1;
  errand.stages.forEach((stage, k) => {
    if (!Array.isArray(stage) || stage.length === 0) fail(MODULE, tasksMessages.stageEmpty(name, k));
    for (const c of stage) if (!openCell(c)) fail(MODULE, tasksMessages.stageCellBad(name, k, c, map.width, map.height));
  });
  if (errand.avoid) {
    const p = errand.avoid.penalty;
    if (typeof p !== 'number' || !Number.isFinite(p) || p < 0) fail(MODULE, tasksMessages.penaltyBad(name, p));
    for (const c of errand.avoid.cells) if (!openCell(c)) fail(MODULE, tasksMessages.avoidCellBad(name, c));
  }
  return errand;
}

/** An errand compiled onto a map's cell indices (shared by the general searcher and the specialist). */
export interface CompiledErrand {
  readonly map: GridMap;
  readonly errand: Errand;
  readonly stageCount: number;
  readonly full: number;
  /** Cost of stepping onto cell i (1, or 1 + penalty in the zone). */
  readonly stepCost: Float64Array;
  /** Bit set of the stages cell i belongs to. */
  readonly stagesAt: Int32Array;
  /** The done-set after arriving at cell i with `done` (completes what the order allows). */
  advance(done: number, cell: number): number;
  /** The done-sets the errand can be in (all subsets for 'any', prefixes for 'sequence'). */
  readonly masks: readonly number[];
}

/** Compiles an errand onto its map (checks it first). */
export function compileErrand(map: GridMap, errand: Errand): CompiledErrand {
  checkErrand(map, errand);
  const n = map.width * map.height;
  const stageCount = errand.stages.length;
  const full = (1 << stageCount) - 1;
  const stagesAt = new Int32Array(n);
  errand.stages.forEach((stage, k) => { for (const c of stage) stagesAt[c.y * map.width + c.x] |= 1 << k; });
  const stepCost = new Float64Array(n).fill(1);
  if (errand.avoid) for (const c of errand.avoid.cells) stepCost[c.y * map.width + c.x] = 1 + errand.avoid.penalty;
  const advance = errand.order === 'any'
    ? (done: number, cell: number) => done | stagesAt[cell]
    : (done: number, cell: number) => {
      let k = 0;
      while (done & (1 << k)) k++;
      while (k < stageCount && (stagesAt[cell] & (1 << k))) k++;
      return (1 << k) - 1;
    };
  const masks: number[] = [];
  if (errand.order === 'any') for (let m = 0; m <= full; m++) masks.push(m);
  else for (let k = 0; k <= stageCount; k++) masks.push((1 << k) - 1);
  return { map, errand, stageCount, full, stepCost, stagesAt, advance, masks };
}

/** The errand as a search problem for the library's generic searchers (goal: the errand itself). */
export interface ErrandProblem extends SearchProblem<ErrandState, string, Errand> {
  readonly compiled: CompiledErrand;
  /** The start state for standing at `cell` (stages at the start cell count as done). */
  startState(cell: Cell): ErrandState;
}

const MOVES: readonly (readonly [string, number, number])[] = [['N', 0, -1], ['E', 1, 0], ['S', 0, 1], ['W', -1, 0]];

/**
 * The errand as a `SearchProblem`: states are (cell, done-set), goal test "all stages done".
 *
 * @example
 * const p = errandProblem(town.map, errand);
 * astar(p, p.startState(start), errand, { heuristic: errandHeuristic(town.map, errand) });
 */
export function errandProblem(map: GridMap, errand: Errand): ErrandProblem {
  const c = compileErrand(map, errand);
  const { width, height, passable } = map;
  const n = width * height;
  const successors = (s: ErrandState): Transition<ErrandState, string>[] => {
    const out: Transition<ErrandState, string>[] = [];
    for (const [a, dx, dy] of MOVES) {
      const x = s.x + dx, y = s.y + dy;
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      const i = y * width + x;
      if (!passable[i]) continue;
      out.push({ action: a, state: { x, y, done: c.advance(s.done, i) }, cost: c.stepCost[i] });
    }
    return out;
  };
  return {
    name: `errand "${errand.name}" on ${map.name}`,
    compiled: c,
    constraints: errand.avoid ? ['walls', 'zone penalty'] : ['walls'],
    successors,
    isGoal: (s) => s.done === c.full,
    key: (s) => s.done * n + s.y * width + s.x,
    startState: (cell) => {
      if (!cell || !Number.isInteger(cell.x) || !Number.isInteger(cell.y) || cell.x < 0 || cell.y < 0 || cell.x >= width || cell.y >= height || !passable[cell.y * width + cell.x]) {
        fail(MODULE, tasksMessages.startBad(cell, width, height));
      }
      return { x: cell.x, y: cell.y, done: c.advance(0, cell.y * width + cell.x) };
    },
  };
}

/** The general searcher's heuristic for one errand, and the work it took to build. */
export interface ErrandHeuristic extends Heuristic<ErrandState, Errand> {
  /** Relaxed-problem entries evaluated so far (one per (done-set, stage cell) solved). */
  readonly work: () => number;
}

/**
 * The relaxation heuristic of an errand: drop the walls and the zone penalty, and solve the
 * relaxed errand exactly — Manhattan distances (from `relax(gridProblem(map), ['walls'])`)
 * chained through the stage cells, minimised over the orders the errand allows, by dynamic
 * programming over (done-set, cell) — memoised, a few hundred entries at most. Admissible and
 * consistent. Goal-agnostic in the sense of the comment thread: nothing is learned about any one
 * errand in advance; the heuristic is derived from the errand when it arrives.
 *
 * @example
 * const h = errandHeuristic(town.map, errand);
 * h({ x: 3, y: 4, done: 0 }, errand); // a lower bound on the errand's cost from (3, 4)
 */
export function errandHeuristic(map: GridMap, errand: Errand): ErrandHeuristic {
  const c = compileErrand(map, errand);
  const manhattan = relax(gridProblem(map, 'four'), ['walls']).heuristic;
  const stages = errand.stages;
  const next = (done: number): number[] => {
    const ks: number[] = [];
    for (let k = 0; k < c.stageCount; k++) {
      if (done & (1 << k)) continue;
      ks.push(k);
      if (errand.order === 'sequence') break;
    }
    return ks;
  };
  const memo = new Map<number, number>();
  let work = 0;
  const n = map.width * map.height;
  // Relaxed cost to finish from `cell` once `done` is complete, through the next stage cells.
  const viaNext = (done: number, cell: Cell): number => {
    if (done === c.full) return 0;
    let best = Infinity;
    for (const k of next(done)) {
      for (const t of stages[k]) {
        const v = manhattan(cell, t) + rest(c.advance(done, t.y * map.width + t.x), t);
        if (v < best) best = v;
      }
    }
    return best;
  };
  // rest(done, t) for a stage cell t: memoised (these are the relaxed problem's entries).
  const rest = (done: number, t: Cell): number => {
    if (done === c.full) return 0;
    const key = done * n + t.y * map.width + t.x;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    work++;
    const v = viaNext(done, t);
    memo.set(key, v);
    return v;
  };
  const h = (s: ErrandState): number => viaNext(s.done, s);
  return Object.assign(h, { work: () => work });
}

/** What one errand query cost the general searcher. */
export interface ErrandRun {
  reached: boolean;
  /** Path cost (Infinity when not reached). */
  cost: number;
  /** Thinking work: states expanded plus relaxed-problem entries solved for the heuristic. */
  work: number;
  expanded: number;
  seconds: number;
  /** The cells walked, start first (empty when not reached). */
  path: Cell[];
}

/**
 * The general retargetable searcher: A* over the errand's problem with its relaxation heuristic.
 * No precomputation, nothing cached between calls: a new errand is just a new argument.
 *
 * @example
 * const run = searchErrand(town.map, errand, home);
 * run.cost; run.work;
 */
export function searchErrand(map: GridMap, errand: Errand, start: Cell, budget?: Budget): ErrandRun {
  const t0 = performance.now();
  const problem = errandProblem(map, errand);
  const h = errandHeuristic(map, errand);
  const r = astar(problem, problem.startState(start), errand, budget ? { heuristic: h, budget } : { heuristic: h });
  const seconds = (performance.now() - t0) / 1000;
  const work = r.stats.expanded + h.work();
  if (r.status !== 'found') return { reached: false, cost: Infinity, work, expanded: r.stats.expanded, seconds, path: [] };
  return { reached: true, cost: r.cost, work, expanded: r.stats.expanded, seconds, path: r.path.map((s) => ({ x: s.x, y: s.y })) };
}
