/**
 * Notebook 03's experiments: what search costs next to heuristics. Sorting by random permutation
 * ("bogosort") versus quicksort, counted in comparisons; and on the sliding puzzle, blind plan
 * enumeration, generate-and-test, breadth-first search, a greedy heuristic policy (no search), A*
 * and IDA* with a pattern database, all counted in expansions under one budget. Shared by the
 * claims `03-…` and the notebook.
 */
import { fail } from '../../lib/core/errors';
import { createRng, type Rng } from '../../lib/core/rng';
import { randomPuzzle, puzzleGoal, slidingPuzzleProblem, applyMove, puzzleKey, type PuzzleState, type PuzzleMove } from '../../lib/envs/sliding-puzzle';
import { puzzleManhattan } from '../../lib/heuristics/puzzle';
import { buildPatternDatabase, pdbHeuristic, type PatternDatabase } from '../../lib/heuristics/pdb';
import { astar } from '../../lib/search/astar';
import { breadthFirst } from '../../lib/search/breadth-first';
import { idaStar } from '../../lib/search/ida-star';
import { iterativeDeepening } from '../../lib/search/iterative-deepening';
import { generateAndTest } from '../../lib/search/generate-and-test';
import { puzzleIdaStar } from '../../lib/search/puzzle-idastar';
import { searchVsHeuristicsMessages } from './messages';
import { bfsDistances, type Cell, type GridMap } from '../../lib/envs/grid';
import { generateRooms } from '../../lib/envs/rooms';

const MODULE = 'lessons/03/experiment';

// ---------------------------------------------------------------------------------------------
// Sorting: random permutation until sorted versus quicksort, in comparisons.
// ---------------------------------------------------------------------------------------------

function shuffleInPlace(a: number[], rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = a[i]; a[i] = a[j]; a[j] = t;
  }
}

/**
 * Bogosort: shuffle, check whether sorted (stopping at the first out-of-order pair), repeat.
 * Generate-and-test in its purest form. Counts comparisons; gives up after `maxComparisons`.
 */
export function bogosort(n: number, seed: number, maxComparisons = 1e7): { comparisons: number; shuffles: number; sorted: boolean } {
  if (!Number.isInteger(n) || n < 1) fail(MODULE, searchVsHeuristicsMessages.positiveInt('n', n));
  const rng = createRng(seed);
  const a = Array.from({ length: n }, (_, i) => i);
  shuffleInPlace(a, rng);
  let comparisons = 0, shuffles = 0;
  for (;;) {
    let ok = true;
    for (let i = 1; i < n; i++) {
      comparisons++;
      if (a[i - 1] > a[i]) { ok = false; break; }
    }
    if (ok) return { comparisons, shuffles, sorted: true };
    if (comparisons >= maxComparisons) return { comparisons, shuffles, sorted: false };
    shuffleInPlace(a, rng);
    shuffles++;
  }
}

/** Quicksort with a seeded random pivot on a random permutation of n items; counts comparisons. */
export function quicksort(n: number, seed: number): { comparisons: number; sorted: boolean } {
  if (!Number.isInteger(n) || n < 1) fail(MODULE, searchVsHeuristicsMessages.positiveInt('n', n));
  const rng = createRng(seed);
  const a = Array.from({ length: n }, (_, i) => i);
  shuffleInPlace(a, rng);
  let comparisons = 0;
  const sort = (lo: number, hi: number): void => {
    while (hi - lo > 0) {
      const p = lo + Math.floor(rng.next() * (hi - lo + 1));
      const pivot = a[p];
      a[p] = a[hi]; a[hi] = pivot;
      let store = lo;
      for (let i = lo; i < hi; i++) {
        comparisons++;
        if (a[i] < pivot) { const t = a[i]; a[i] = a[store]; a[store] = t; store++; }
      }
      a[hi] = a[store]; a[store] = pivot;
      if (store - lo < hi - store) { sort(lo, store - 1); lo = store + 1; } else { sort(store + 1, hi); hi = store - 1; }
    }
  };
  sort(0, n - 1);
  return { comparisons, sorted: a.every((v, i) => v === i) };
}

// ---------------------------------------------------------------------------------------------
// Sliding puzzle: contenders under one expansion budget.
// ---------------------------------------------------------------------------------------------

/** The contenders, from "no knowledge" to "search guided by a strong heuristic". */
export const CONTENDERS = [
  'IDDFS (all plans)',
  'generate-and-test',
  'BFS (blind)',
  'greedy policy',
  'A* (Manhattan)',
  'IDA* (PDB)',
] as const;
export type Contender = (typeof CONTENDERS)[number];

export const BLIND: readonly Contender[] = [CONTENDERS[0], CONTENDERS[1], CONTENDERS[2]];
export const GUIDED: readonly Contender[] = [CONTENDERS[4], CONTENDERS[5]];
export const POLICY: Contender = CONTENDERS[3];

/** A puzzle instance with its optimal solution length. */
export interface PuzzleInstance { start: PuzzleState; goal: PuzzleState; depth: number; label: string }

/**
 * `count` seeded instances of the `size`×`size` puzzle scrambled by random walks of `walk` moves,
 * each with its optimal depth (found by the specialised IDA* with a pattern database).
 */
export function puzzleInstances(size: number, walk: number, count: number, seed: number): PuzzleInstance[] {
  if (size !== 3 && size !== 4) fail(MODULE, searchVsHeuristicsMessages.puzzleSizeBad(size));
  const goal = puzzleGoal(size);
  const pdb = sharedPdb(goal);
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const start = randomPuzzle(size, { walk, rng: rng.fork(i) });
    const r = puzzleIdaStar(start, goal, { heuristic: 'pdb', pdb });
    if (r.status !== 'found') fail(MODULE, searchVsHeuristicsMessages.referenceBudget());
    return { start, goal, depth: r.cost, label: `walk ${walk} #${i} (depth ${r.cost})` };
  });
}

const pdbs = new Map<string | number, PatternDatabase>();
/** One pattern database per goal (4-4 for the 8-puzzle, 5-5-5 for the 15-puzzle), built in memory. */
export function sharedPdb(goal: PuzzleState): PatternDatabase {
  const key = puzzleKey(goal);
  let pdb = pdbs.get(key);
  if (!pdb) {
    pdb = buildPatternDatabase(goal, { partition: goal.size === 3 ? '4-4' : '5-5-5' });
    pdbs.set(key, pdb);
  }
  return pdb;
}

const MOVES: readonly PuzzleMove[] = ['up', 'down', 'left', 'right'];

/**
 * The greedy heuristic policy: from each state take the move with the smallest Manhattan distance
 * to the goal (never undoing the previous move; first move wins ties), without lookahead or
 * backtracking. Stops at the goal, after `maxSteps` moves, or on revisiting a state (it would
 * loop). Cost = moves made (each is one expansion: its successors are scored).
 */
export function greedyPuzzlePolicy(start: PuzzleState, goal: PuzzleState, maxSteps: number): { reached: boolean; cost: number } {
  let s = start;
  const seen = new Set<string | number>([puzzleKey(s)]);
  let prev: PuzzleMove | null = null;
  const undo: Record<PuzzleMove, PuzzleMove> = { up: 'down', down: 'up', left: 'right', right: 'left' };
  for (let cost = 0; ; cost++) {
    if (puzzleManhattan(s, goal) === 0) return { reached: true, cost };
    if (cost >= maxSteps) return { reached: false, cost };
    let best: PuzzleState | null = null, bestH = Infinity, bestMove: PuzzleMove | null = null;
    for (const m of MOVES) {
      if (prev && m === undo[prev]) continue;
      const t = applyMove(s, m);
      if (!t) continue;
      const h = puzzleManhattan(t, goal);
      if (h < bestH) { bestH = h; best = t; bestMove = m; }
    }
    if (!best) return { reached: false, cost };
    const k = puzzleKey(best);
    if (seen.has(k)) return { reached: false, cost: cost + 1 };
    seen.add(k);
    s = best; prev = bestMove;
  }
}

/**
 * Expansions a contender needs to solve `inst`, or Infinity if it did not within `cap`
 * (for generate-and-test: total walk steps over random plans of `2·depth + 2` moves until one
 * reaches the goal).
 */
export function costToSolve(contender: Contender, inst: PuzzleInstance, cap: number, seed = 0): number {
  const problem = slidingPuzzleProblem(inst.start.size);
  const budget = { maxExpansions: cap };
  const { start, goal } = inst;
  switch (contender) {
    case 'IDDFS (all plans)': {
      const r = iterativeDeepening(problem, start, goal, { budget });
      return r.status === 'found' ? r.stats.expanded : Infinity;
    }
    case 'generate-and-test': {
      const rng = createRng(seed * 1009 + 17);
      const maxLength = 2 * inst.depth + 2;
      let used = 0;
      while (used < cap) {
        const r = generateAndTest(problem, start, goal, { samples: 1, maxLength: maxLength, rng: rng, budget: { maxExpansions: cap - used } });
        used += r.stats.expanded;
        if (r.status === 'found') return used;
        if (r.stats.expanded === 0) break;
      }
      return Infinity;
    }
    case 'BFS (blind)': {
      const r = breadthFirst(problem, start, goal, { budget });
      return r.status === 'found' ? r.stats.expanded : Infinity;
    }
    case 'greedy policy': {
      const r = greedyPuzzlePolicy(start, goal, cap);
      return r.reached ? r.cost : Infinity;
    }
    case 'A* (Manhattan)': {
      const r = astar(problem, start, goal, { heuristic: puzzleManhattan, budget });
      return r.status === 'found' ? r.stats.expanded : Infinity;
    }
    case 'IDA* (PDB)': {
      const r = idaStar(problem, start, goal, { heuristic: pdbHeuristic(sharedPdb(goal)), budget });
      return r.status === 'found' ? r.stats.expanded : Infinity;
    }
    default:
      return fail(MODULE, searchVsHeuristicsMessages.contenderBad(contender, CONTENDERS));
  }
}

/** One measured (instance, contender) pair. */
export interface CostRow { instance: string; depth: number; contender: Contender; cost: number }

/** Costs of every contender on every instance (Infinity where it needed more than `cap`). */
export function measureCosts(instances: readonly PuzzleInstance[], cap: number, contenders: readonly Contender[] = CONTENDERS): CostRow[] {
  const rows: CostRow[] = [];
  instances.forEach((inst, i) => {
    for (const c of contenders) rows.push({ instance: inst.label, depth: inst.depth, contender: c, cost: costToSolve(c, inst, cap, i) });
  });
  return rows;
}

/** Share of instances a contender solves within `budget` expansions. */
export function successAt(rows: readonly CostRow[], contender: Contender, budget: number): number {
  const mine = rows.filter((r) => r.contender === contender);
  return mine.length ? mine.filter((r) => r.cost <= budget).length / mine.length : 0;
}

/** Success rate of every contender at each budget: the crossover chart's rows. */
export function successCurve(rows: readonly CostRow[], budgets: readonly number[]): { budget: number; contender: string; success: number }[] {
  const out: { budget: number; contender: string; success: number }[] = [];
  const present = CONTENDERS.filter((c) => rows.some((r) => r.contender === c));
  for (const b of budgets) for (const c of present) out.push({ budget: b, contender: c, success: successAt(rows, c, b) });
  return out;
}

/** The median of a list (Infinity allowed). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Least-squares fit of log(nodes) = a + depth·log(b): returns the growth rate b per extra move
 * of solution depth (b ≈ 1 means the cost hardly grows with depth; b = 2 means it doubles).
 */
export function growthRate(points: readonly { depth: number; nodes: number }[]): number {
  const ok = points.filter((p) => p.nodes > 0 && Number.isFinite(p.nodes));
  if (ok.length < 2) return NaN;
  const mx = ok.reduce((a, p) => a + p.depth, 0) / ok.length;
  const my = ok.reduce((a, p) => a + Math.log(p.nodes), 0) / ok.length;
  let sxy = 0, sxx = 0;
  for (const p of ok) { sxy += (p.depth - mx) * (Math.log(p.nodes) - my); sxx += (p.depth - mx) ** 2; }
  return sxx === 0 ? NaN : Math.exp(sxy / sxx);
}

// ---------------------------------------------------------------------------------------------
// Plan generation: "consider k plans and choose the best", where the plans come from a proposer.
// ---------------------------------------------------------------------------------------------

/** Parameters of {@link planGenerationExperiment}. */
export interface PlanGenerationOptions {
  /** Side of the rooms-and-doors map. */
  size: number;
  /** Trials (each: a start, the proposer's old goal, a new goal). */
  trials: number;
  /** Plans considered per decision (the k of "considers k plans and chooses the best"). */
  plans: number;
  /**
   * How strongly the proposer heads for the goal it was tuned to: at each step it takes a move
   * that gets closer with this probability, a random move otherwise. 0 = a goal-agnostic
   * proposer (random walks).
   */
  skill: number;
  seed: number;
}

/** Success rates of the three ways to choose among proposed plans (shares of trials in [0, 1]). */
export interface PlanGenerationResult {
  /** Proposer tuned to the old goal, plans scored by the old goal: the system before retargeting. */
  before: number;
  /** Proposer still tuned to the old goal, plans scored by the new goal: only the chooser is retargeted. */
  chooserOnly: number;
  /** Proposer and chooser both retargeted to the new goal. */
  both: number;
  /** Mean length of the plans (steps), for scale. */
  planLength: number;
}

/** Passable cells of a map, as indices. */
function openCells(map: GridMap): number[] {
  const out: number[] = [];
  for (let i = 0; i < map.passable.length; i++) if (map.passable[i]) out.push(i);
  return out;
}

/**
 * Does a proposed plan reach `target`? The proposer walks `length` steps from `start`; at each step
 * it takes a move that brings it closer to `tunedTo` with probability `skill` (ties at random),
 * any legal move otherwise. The plan counts as reaching `target` if it passes through it.
 */
function proposeAndTest(map: GridMap, start: number, tunedTo: Int32Array, target: number, length: number, skill: number, rng: Rng): boolean {
  const w = map.width;
  let at = start;
  const nbrs: number[] = [];
  const better: number[] = [];
  for (let step = 0; step < length; step++) {
    if (at === target) return true;
    nbrs.length = 0; better.length = 0;
    const x = at % w, y = (at - x) / w;
    if (x > 0 && map.passable[at - 1]) nbrs.push(at - 1);
    if (x < w - 1 && map.passable[at + 1]) nbrs.push(at + 1);
    if (y > 0 && map.passable[at - w]) nbrs.push(at - w);
    if (y < map.height - 1 && map.passable[at + w]) nbrs.push(at + w);
    for (const n of nbrs) if (tunedTo[n] >= 0 && tunedTo[n] < tunedTo[at]) better.push(n);
    const pool = better.length && rng.next() < skill ? better : nbrs;
    at = pool[Math.floor(rng.next() * pool.length)];
  }
  return at === target;
}

/**
 * The commenter's picture of a budgeted optimizer: it considers `plans` plans from a proposer and
 * keeps one that reaches the goal. "Retargeting the search" here rewrites the chooser's goal; the
 * question is whether that is enough when the proposer was tuned to the old goal. Each trial
 * draws a start and two goals at least a third of the map apart; plans are three times as long as
 * the shortest route to the farther goal, so a plan can reach either one.
 */
export function planGenerationExperiment(opts: PlanGenerationOptions): PlanGenerationResult {
  const { size, trials, plans, skill, seed } = opts;
  if (!(skill >= 0 && skill <= 1)) fail(MODULE, searchVsHeuristicsMessages.skillBad(skill));
  const rng = createRng(`plan-generation:${seed}`);
  const map = generateRooms(size, size, rng, { roomSize: 5 });
  const cells = openCells(map);
  const at = (i: number): Cell => ({ x: i % map.width, y: Math.floor(i / map.width) });
  let before = 0, chooserOnly = 0, both = 0, lengthSum = 0;
  for (let t = 0; t < trials; t++) {
    const start = cells[rng.int(0, cells.length)];
    const fromStart = bfsDistances(map, at(start));
    const far = cells.filter((c) => fromStart[c] >= size / 3);
    const oldGoal = far[rng.int(0, far.length)];
    const distOld = bfsDistances(map, at(oldGoal));
    const candidates = far.filter((c) => c !== oldGoal && distOld[c] >= size / 3);
    const newGoal = (candidates.length ? candidates : far)[rng.int(0, (candidates.length ? candidates : far).length)];
    const distNew = bfsDistances(map, at(newGoal));
    const length = 3 * Math.max(fromStart[oldGoal], fromStart[newGoal]);
    lengthSum += length;
    const anyReach = (tuned: Int32Array, target: number) => {
      for (let k = 0; k < plans; k++) if (proposeAndTest(map, start, tuned, target, length, skill, rng)) return true;
      return false;
    };
    if (anyReach(distOld, oldGoal)) before++;
    if (anyReach(distOld, newGoal)) chooserOnly++;
    if (anyReach(distNew, newGoal)) both++;
  }
  return { before: before / trials, chooserOnly: chooserOnly / trials, both: both / trials, planLength: lengthSum / trials };
}
