import { createRng } from '../../lib/core/rng';
import type { Cell, GridMap } from '../../lib/envs/grid';
import { generateMaze } from '../../lib/envs/maze';
import { distancesTo, randomOpenCells } from './experiment';
import { defineExercise } from '../../lib/exercises/check';
import type { ExerciseCase } from '../../lib/exercises/types';

interface MazeGoal { map: GridMap; goal: Cell; name: string }
interface MazeGoals { map: GridMap; start: Cell; goals: Cell[]; name: string }

function mazeCase(seed: number, size: number, loops: number): { map: GridMap; name: string } {
  return { map: generateMaze(size, size, seed, { loops }), name: `maze ${size}x${size} seed ${seed}${loops ? ` loops ${loops}` : ''}` };
}

function goalCases(seed: number, count: number): ExerciseCase<MazeGoal>[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const size = 2 * rng.int(3, 9) + 1;
    const { map, name } = mazeCase(seed * 100 + i, size, rng.chance(0.5) ? 0.2 : 0);
    const goal = randomOpenCells(map, 1, seed * 31 + i)[0];
    return { label: `${name}, goal (${goal.x},${goal.y})`, input: { map, goal, name } };
  });
}

function firstDifference(expected: Int32Array, got: unknown, width: number): { ok: boolean; expected: string; got: string } {
  if (!got || typeof (got as ArrayLike<number>).length !== 'number') {
    return { ok: false, expected: `an array of ${expected.length} numbers`, got: String(got) };
  }
  const arr = got as ArrayLike<number>;
  if (arr.length !== expected.length) return { ok: false, expected: `${expected.length} entries (width × height)`, got: `${arr.length} entries` };
  for (let i = 0; i < expected.length; i++) {
    if (arr[i] !== expected[i]) {
      const at = `cell (${i % width},${Math.floor(i / width)})`;
      return { ok: false, expected: `${at}: ${expected[i]}`, got: `${at}: ${arr[i]}` };
    }
  }
  return { ok: true, expected: 'all distances', got: 'all distances' };
}

/**
 * Exercise 01-goal-distances: "train" a cached controller — label every cell of a maze with its
 * distance to one goal. Its cost (every cell) is what retraining costs each time the goal moves.
 */
defineExercise<(map: GridMap, goal: Cell) => ArrayLike<number>, MazeGoal>({
  id: '01-goal-distances',
  title: 'Distances to one goal (the cost of a cached policy)',
  points: 2,
  hint: 'Breadth-first search backwards from the goal over open cells (4 neighbours); walls and unreachable cells get -1, indexed y * width + x.',
  visible: () => [
    { ...mazeCase(1, 7, 0), goal: { x: 5, y: 5 } },
    { ...mazeCase(2, 9, 0), goal: { x: 1, y: 1 } },
    { ...mazeCase(3, 11, 0.3), goal: { x: 5, y: 3 } },
  ].map((c) => ({ label: `${c.name}, goal (${c.goal.x},${c.goal.y})`, input: c })),
  generate: goalCases,
  judge: (answer, { map, goal }) => firstDifference(distancesTo(map, goal), answer(map, { ...goal }), map.width),
});

function multiCases(seed: number, count: number): ExerciseCase<MazeGoals>[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const size = 2 * rng.int(4, 10) + 1;
    const { map, name } = mazeCase(seed * 100 + i, size, rng.chance(0.5) ? 0.15 : 0);
    const cells = randomOpenCells(map, 1 + rng.int(2, 5), seed * 17 + i);
    const [start, ...goals] = cells;
    const list = goals.map((g) => `(${g.x},${g.y})`).join(' ');
    return { label: `${name}, from (${start.x},${start.y}) to any of ${list}`, input: { map, start, goals, name } };
  });
}

/**
 * Exercise 01-nearest-goal: retarget a search to a *set* of goals. The goal type of a problem is a
 * parameter, so "reach any of these cells" is just another goal description.
 */
defineExercise<(map: GridMap, start: Cell, goals: Cell[]) => number, MazeGoals>({
  id: '01-nearest-goal',
  title: 'Retarget a search to "any of these cells"',
  points: 2,
  hint: 'Wrap the grid problem so that isGoal(state, goals) is true when the state equals any goal, then run breadthFirst once with the list of goals as the goal. The answer is the number of moves (path cost).',
  visible: () => {
    const a = mazeCase(4, 9, 0), b = mazeCase(5, 11, 0), c = mazeCase(6, 13, 0.2);
    return [
      { label: `${a.name}, from (1,1) to any of (7,7) (1,7)`, input: { ...a, start: { x: 1, y: 1 }, goals: [{ x: 7, y: 7 }, { x: 1, y: 7 }] } },
      { label: `${b.name}, from (9,9) to any of (1,1) (9,1) (1,9)`, input: { ...b, start: { x: 9, y: 9 }, goals: [{ x: 1, y: 1 }, { x: 9, y: 1 }, { x: 1, y: 9 }] } },
      { label: `${c.name}, from (5,5) to any of (5,5) (11,11)`, input: { ...c, start: { x: 5, y: 5 }, goals: [{ x: 5, y: 5 }, { x: 11, y: 11 }] } },
    ];
  },
  generate: multiCases,
  judge: (answer, { map, start, goals }) => {
    let best = Infinity;
    for (const g of goals) {
      const d = distancesTo(map, g)[start.y * map.width + start.x];
      if (d >= 0 && d < best) best = d;
    }
    const expected = best === Infinity ? -1 : best;
    const got = answer(map, { ...start }, goals.map((g) => ({ ...g })));
    return { ok: got === expected, expected: String(expected), got: String(got) };
  },
});
