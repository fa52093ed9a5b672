import { createRng } from '../../lib/core/rng';
import type { Rng } from '../../lib/core/rng';
import type { Cell, GridMap, GridProblem } from '../../lib/envs/grid';
import { createGridMap, gridProblem, passableCells } from '../../lib/envs/grid';
import { generateRooms } from '../../lib/envs/rooms';
import { generateObstacles } from '../../lib/envs/obstacles';
import type { PuzzleState } from '../../lib/envs/sliding-puzzle';
import { formatPuzzle, puzzleGoal, randomPuzzle, slidingPuzzleProblem } from '../../lib/envs/sliding-puzzle';
import type { Heuristic } from '../../lib/search/problem';
import { relax } from '../../lib/heuristics/relax';
import type { Relaxation } from '../../lib/heuristics/relax';
import { goalDistanceTable } from '../../lib/heuristics/goal-table';
import { gridChebyshev, gridEuclidean, gridManhattan, gridOctile } from '../../lib/heuristics/grid';
import { defineExercise } from '../../lib/exercises/check';
import type { ExerciseCase } from '../../lib/exercises/types';

const EPS = 1e-9;
const fmt = (x: unknown) => (typeof x === 'number' ? (Number.isInteger(x) ? String(x) : x.toFixed(6)) : String(x));

// ---------------------------------------------------------------------------------------------
// 02-octile-from-relaxation: the exact cost of an 8-connected grid with its walls dropped.
// ---------------------------------------------------------------------------------------------

type CellPair = [Cell, Cell];

// The relaxed problem: an empty 25x25 grid, octile movement (diagonals √2). The judge SOLVES it by
// uniform-cost search, so the expected value is the relaxation's cost, not a formula.
const EMPTY = 25;
let emptyRelaxation: Relaxation<Cell, Cell> | null = null;
function relaxedOctileCost(a: Cell, b: Cell): number {
  if (!emptyRelaxation) emptyRelaxation = relax(gridProblem(createGridMap(EMPTY, EMPTY, undefined, 'empty'), 'octile'), ['walls']);
  const r = emptyRelaxation.solveRelaxed(a, b);
  return r.status === 'found' ? r.cost : Infinity;
}

function octileCases(seed: number, count: number): ExerciseCase<CellPair>[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const a = { x: rng.int(0, EMPTY), y: rng.int(0, EMPTY) };
    const b = { x: rng.int(0, EMPTY), y: rng.int(0, EMPTY) };
    return { label: `from (${a.x},${a.y}) to (${b.x},${b.y})`, input: [a, b] as CellPair };
  });
}

/**
 * Exercise 02-octile-from-relaxation: drop the walls of an 8-connected grid (diagonal steps cost
 * √2) and write the exact cost of the relaxed problem as a formula — the octile distance.
 */
defineExercise<(a: Cell, b: Cell) => number, CellPair>({
  id: '02-octile-from-relaxation',
  title: 'Octile distance: solve the wall-free 8-connected grid in closed form',
  points: 2,
  hint: 'Without walls, take as many diagonal steps (cost √2) as the smaller of |dx| and |dy| allows, then go straight (cost 1) for the rest.',
  visible: () => ([
    [{ x: 0, y: 0 }, { x: 3, y: 4 }], [{ x: 5, y: 5 }, { x: 5, y: 5 }], [{ x: 2, y: 9 }, { x: 10, y: 9 }],
    [{ x: 7, y: 1 }, { x: 1, y: 7 }], [{ x: 12, y: 3 }, { x: 4, y: 6 }],
  ] as CellPair[]).map(([a, b]) => ({ label: `from (${a.x},${a.y}) to (${b.x},${b.y})`, input: [a, b] as CellPair })),
  generate: octileCases,
  judge: (answer, [a, b]) => {
    const expected = relaxedOctileCost(a, b);
    const got = answer({ ...a }, { ...b });
    return { ok: typeof got === 'number' && Math.abs(got - expected) <= 1e-6, expected: fmt(expected), got: fmt(got) };
  },
});

// ---------------------------------------------------------------------------------------------
// 02-puzzle-manhattan: drop the sliding puzzle's 'blank-only' rule.
// ---------------------------------------------------------------------------------------------

type PuzzlePair = [PuzzleState, PuzzleState];

const manhattanRelaxation = {
  3: relax(slidingPuzzleProblem(3), ['blank-only']).heuristic,
  4: relax(slidingPuzzleProblem(4), ['blank-only']).heuristic,
} as Record<number, Heuristic<PuzzleState, PuzzleState>>;

function puzzleLabel(s: PuzzleState, g: PuzzleState): string {
  return `state ${formatPuzzle(s)} → goal ${formatPuzzle(g)}`;
}

function randomGoal(size: number, rng: Rng): PuzzleState {
  const r = rng.next();
  if (r < 0.3) return puzzleGoal(size, 'blank-first');
  if (r < 0.6) return puzzleGoal(size, 'blank-last');
  return { size, tiles: Uint8Array.from(rng.shuffle(Array.from(puzzleGoal(size).tiles))) };
}

function puzzleCases(seed: number, count: number): ExerciseCase<PuzzlePair>[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const size = rng.chance(0.5) ? 3 : 4;
    const goal = randomGoal(size, rng);
    const state = rng.chance(0.5) ? randomPuzzle(size, { rng, goal }) : randomPuzzle(size, { rng, goal, walk: rng.int(1, 30) });
    return { label: puzzleLabel(state, goal), input: [state, goal] as PuzzlePair };
  });
}

const copy = (s: PuzzleState): PuzzleState => ({ size: s.size, tiles: Uint8Array.from(s.tiles) });

/**
 * Exercise 02-puzzle-manhattan: let a tile slide onto ANY neighbouring square (drop 'blank-only');
 * the relaxed puzzle splits into independent tiles, and its exact cost is the sum of the tiles'
 * Manhattan distances — for whatever goal arrangement is passed.
 */
defineExercise<(state: PuzzleState, goal: PuzzleState) => number, PuzzlePair>({
  id: '02-puzzle-manhattan',
  title: 'Sliding-puzzle Manhattan distance from the relaxation of the blank rule',
  points: 2,
  hint: 'For each tile except the blank (0), find its square in `state` and in `goal`, and add |row difference| + |column difference|. Use goal.tiles, not the tile number, to find the goal square: the goal can be any arrangement.',
  visible: () => {
    const g3 = puzzleGoal(3), g3last = puzzleGoal(3, 'blank-last'), g4 = puzzleGoal(4);
    const pairs: PuzzlePair[] = [
      [randomPuzzle(3, { seed: 1, walk: 1 }), g3],
      [randomPuzzle(3, { seed: 2 }), g3],
      [randomPuzzle(3, { seed: 3, goal: g3last }), g3last],
      [randomPuzzle(4, { seed: 4, walk: 20 }), g4],
      [randomPuzzle(4, { seed: 5, goal: puzzleGoal(4, 'blank-last') }), puzzleGoal(4, 'blank-last')],
    ];
    return pairs.map(([s, g]) => ({ label: puzzleLabel(s, g), input: [s, g] as PuzzlePair }));
  },
  generate: puzzleCases,
  judge: (answer, [state, goal]) => {
    const expected = manhattanRelaxation[state.size](state, goal);
    const got = answer(copy(state), copy(goal));
    return { ok: got === expected, expected: fmt(expected), got: fmt(got) };
  },
});

// ---------------------------------------------------------------------------------------------
// 02-spot-inadmissible: which candidate heuristics overestimate somewhere?
// ---------------------------------------------------------------------------------------------

export interface InadmissibleCase {
  problem: GridProblem;
  candidates: Record<string, Heuristic<Cell, Cell>>;
}

// Candidate heuristics for an octile grid; `admissible` is what the judge CHECKS exhaustively,
// the flag here only documents the intent.
function candidatePool(map: GridMap, rng: Rng): Record<string, Heuristic<Cell, Cell>> {
  const cells = passableCells(map);
  const other = rng.pick(cells);
  const table = goalDistanceTable(gridProblem(map, 'octile'), other);
  const w = 1.5 + 0.5 * rng.int(0, 3);
  return {
    octile: gridOctile,
    euclidean: gridEuclidean,
    chebyshev: gridChebyshev,
    zero: () => 0,
    manhattan: gridManhattan,
    [`octile × ${w}`]: (s, g) => w * gridOctile(s, g),
    [`distance table for goal (${other.x},${other.y})`]: table,
    // Admissible but NOT consistent: zero on odd cells, octile on even ones.
    'octile on even cells': (s, g) => ((s.x + s.y) % 2 === 0 ? gridOctile(s, g) : 0),
    'half octile': (s, g) => 0.5 * gridOctile(s, g),
  };
}

function inadmissibleCase(seed: number, size: number, kind: 'rooms' | 'obstacles', pick: number): ExerciseCase<InadmissibleCase> {
  const rng = createRng(seed);
  const map = kind === 'rooms'
    ? generateRooms(size, size, seed, { roomSize: 5, extraDoors: 0.3 })
    : generateObstacles(size, size, seed, { density: 0.2, connected: true, movement: 'octile' });
  const pool = candidatePool(map, rng);
  const names = rng.shuffle(Object.keys(pool)).slice(0, pick);
  const candidates: Record<string, Heuristic<Cell, Cell>> = {};
  for (const n of names) candidates[n] = pool[n];
  return {
    label: `${kind} ${size}x${size} seed ${seed}, candidates: ${names.join(', ')}`,
    input: { problem: gridProblem(map, 'octile'), candidates },
  };
}

/** The names of the candidates that exceed the true distance for some (state, goal) pair (all pairs checked). */
export function trulyInadmissible(c: InadmissibleCase): string[] {
  const cells = passableCells(c.problem.map);
  const tables = cells.map((g) => goalDistanceTable(c.problem, g));
  return Object.keys(c.candidates).filter((name) => {
    const h = c.candidates[name];
    return cells.some((g, i) => cells.some((s) => {
      const d = tables[i].distance(s);
      return d < Infinity && h(s, g) > d + EPS * Math.max(1, d);
    }));
  }).sort();
}

/**
 * Exercise 02-spot-inadmissible: given an octile grid problem and named candidate heuristics,
 * return the names of those that are NOT admissible (use `checkHeuristic` on sampled pairs).
 */
defineExercise<(problem: GridProblem, candidates: Record<string, Heuristic<Cell, Cell>>) => string[], InadmissibleCase>({
  id: '02-spot-inadmissible',
  title: 'Spot the inadmissible heuristics with checkHeuristic',
  points: 2,
  hint: 'Sample a few hundred (state, goal) pairs with samplePairs(passableCells(problem.map), 300, seed) and keep the names whose checkHeuristic report says admissible: false. Admissible is not the same as consistent.',
  visible: () => [inadmissibleCase(11, 13, 'rooms', 9), inadmissibleCase(12, 14, 'obstacles', 6), inadmissibleCase(13, 15, 'rooms', 5)],
  generate: (seed, count) => {
    const rng = createRng(seed);
    return Array.from({ length: count }, (_, i) => inadmissibleCase(seed * 1000 + i, rng.int(11, 17), rng.chance(0.5) ? 'rooms' : 'obstacles', rng.int(4, 10)));
  },
  judge: (answer, input) => {
    const expected = trulyInadmissible(input);
    const got = answer(input.problem, { ...input.candidates });
    const gotSorted = Array.isArray(got) ? [...got].map(String).sort() : got;
    const ok = Array.isArray(gotSorted) && gotSorted.length === expected.length && gotSorted.every((n, i) => n === expected[i]);
    return { ok, expected: JSON.stringify(expected), got: JSON.stringify(gotSorted) };
  },
});
