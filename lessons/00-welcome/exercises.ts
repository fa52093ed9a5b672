import { createRng } from '../../lib/core/rng';
import { defineExercise } from '../../lib/exercises/check';
import type { ExerciseCase } from '../../lib/exercises/types';

type Cell = { x: number; y: number };
type Pair = [Cell, Cell];

function manhattanCases(seed: number, count: number): ExerciseCase<Pair>[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const a = { x: rng.int(-20, 21), y: rng.int(-20, 21) };
    const b = { x: rng.int(-20, 21), y: rng.int(-20, 21) };
    return { label: `from (${a.x},${a.y}) to (${b.x},${b.y})`, input: [a, b] as Pair };
  });
}

/** Notebook 00's warm-up: the Manhattan distance, the number of 4-neighbour steps on an empty grid. */
defineExercise<(a: Cell, b: Cell) => number, Pair>({
  id: '00-manhattan',
  title: 'Manhattan distance between two cells',
  points: 1,
  hint: 'Count horizontal and vertical steps separately; distances are never negative.',
  visible: () => [
    { label: 'from (0,0) to (3,4)', input: [{ x: 0, y: 0 }, { x: 3, y: 4 }] },
    { label: 'from (5,1) to (2,1)', input: [{ x: 5, y: 1 }, { x: 2, y: 1 }] },
    { label: 'from (2,7) to (2,7)', input: [{ x: 2, y: 7 }, { x: 2, y: 7 }] },
    { label: 'from (4,0) to (0,6)', input: [{ x: 4, y: 0 }, { x: 0, y: 6 }] },
  ],
  generate: manhattanCases,
  judge: (answer, [a, b]) => {
    const expected = Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
    const got = answer(a, b);
    return { ok: got === expected, expected: String(expected), got: String(got) };
  },
});
