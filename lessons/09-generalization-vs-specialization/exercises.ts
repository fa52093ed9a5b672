import { createRng } from '../../lib/core/rng';
import type { Cell } from '../../lib/envs/grid';
import { passableCells } from '../../lib/envs/grid';
import { errandHeuristic } from './tasks/errand';
import type { Errand } from './tasks/errand';
import { breakEvenQueries, measureTasks } from './tasks/measure';
import { routineErrands } from './tasks/suite';
import { createTown } from './tasks/town';
import { defineExercise } from '../../lib/exercises/check';
import type { ExerciseCase } from '../../lib/exercises/types';

interface BreakEvenCase { build: number; follow: number; search: number }

const show = (v: number) => (v === Infinity ? 'Infinity' : String(v));

function breakEvenCases(seed: number, count: number): ExerciseCase<BreakEvenCase>[] {
  const rng = createRng(`09-break-even-${seed}`);
  return Array.from({ length: count }, (_, i) => {
    const follow = rng.int(5, 300);
    // Mostly searches dearer than following; some exact multiples; some where search never loses.
    const kind = i % 5;
    const search = kind === 4 ? rng.int(1, follow + 1) : follow + rng.int(1, 2000);
    const build = kind === 3 ? (search - follow) * rng.int(1, 40) : rng.int(0, 200000);
    return { label: `build ${build}, follow ${follow}, search ${search}`, input: { build, follow, search } };
  });
}

/**
 * Exercise 09-break-even: after how many queries per task does a specialist's table pay off?
 */
defineExercise<(build: number, follow: number, search: number) => number, BreakEvenCase>({
  id: '09-break-even',
  title: 'When does a cached table pay off?',
  points: 2,
  hint: 'Asked q times, the specialist pays build + q·follow and the searcher q·search. Find the smallest whole q >= 1 with build/q + follow <= search; if search <= follow the table never pays off (return Infinity).',
  visible: () => [
    { build: 1000, follow: 50, search: 300 },
    { build: 1143, follow: 80, search: 600 },
    { build: 0, follow: 40, search: 90 },
    { build: 5000, follow: 120, search: 100 },
    { build: 2286, follow: 100, search: 100 },
  ].map((c) => ({ label: `build ${c.build}, follow ${c.follow}, search ${c.search}`, input: c })),
  generate: breakEvenCases,
  judge: (answer, { build, follow, search }) => {
    const expected = breakEvenQueries(build, follow, search);
    const got = answer(build, follow, search);
    return { ok: got === expected, expected: show(expected), got: typeof got === 'number' ? show(got) : String(got) };
  },
});

interface FetchCase { pickup: Cell; dropoff: Cell; states: { cell: Cell; carrying: boolean }[]; errand: Errand; width: number; height: number; passable: Uint8Array; name: string }

function fetchCases(seed: number, count: number): ExerciseCase<FetchCase>[] {
  return Array.from({ length: count }, (_, i) => {
    const townSeed = seed * 10 + i;
    const town = createTown({ width: 21 + 4 * (i % 3), height: 21, seed: townSeed });
    const rng = createRng(`09-fetch-${seed}-${i}`);
    const cells = passableCells(town.map);
    const pickup = rng.pick(cells), dropoff = i % 7 === 6 ? pickup : rng.pick(cells);
    const states = Array.from({ length: 12 }, (_, k) => ({ cell: k === 0 ? pickup : k === 1 ? dropoff : rng.pick(cells), carrying: k % 2 === 1 }));
    const errand: Errand = { name: 'fetch and deliver', stages: [[pickup], [dropoff]], order: 'sequence' };
    const name = `town ${town.map.width}x${town.map.height} seed ${townSeed}, fetch at (${pickup.x},${pickup.y}), deliver to (${dropoff.x},${dropoff.y})`;
    return { label: name, input: { pickup, dropoff, states, errand, width: town.map.width, height: town.map.height, passable: town.map.passable, name } };
  });
}

/**
 * Exercise 09-fetch-deliver-heuristic: the general searcher's heuristic for one errand type,
 * derived by relaxation (no walls) when the errand arrives.
 */
defineExercise<(cell: Cell, carrying: boolean, pickup: Cell, dropoff: Cell) => number, FetchCase>({
  id: '09-fetch-deliver-heuristic',
  title: 'A relaxation heuristic for "fetch, then deliver"',
  points: 2,
  hint: 'Drop the walls. If you already carry the parcel, only the way to the drop-off is left; if not, you must first walk to the pick-up and then from there to the drop-off. On a grid without walls, each leg is a Manhattan distance.',
  visible: () => fetchCases(1, 3),
  generate: (seed, count) => fetchCases(1000 + seed, count),
  judge: (answer, { pickup, dropoff, states, errand, width, height, passable }) => {
    const h = errandHeuristic({ name: 'exercise', width, height, passable }, errand);
    for (const { cell, carrying } of states) {
      // A state "not carrying" on the pick-up cell has just picked it up (the errand advances on arrival).
      const done = carrying || (cell.x === pickup.x && cell.y === pickup.y) ? 1 : 0;
      const expected = h({ x: cell.x, y: cell.y, done }, errand);
      const got = answer({ ...cell }, carrying, { ...pickup }, { ...dropoff });
      if (got !== expected) {
        const at = `at (${cell.x},${cell.y}) ${carrying ? 'carrying' : 'not carrying yet'}`;
        return { ok: false, expected: `${at}: ${expected}`, got: `${at}: ${got}` };
      }
    }
    return { ok: true, expected: 'all states', got: 'all states' };
  },
});

// ---- 09-tax-threshold ------------------------------------------------------------------------
// Test the claim: from measured work, how often must an errand repeat before the tax appears?
interface TaxCase { build: number[]; follow: number[]; search: number[]; tax: number }

/** Reference: the smallest whole number of queries per errand with ratio >= tax (Infinity if never). */
export function queriesForTax(c: TaxCase): number {
  const b = c.build.reduce((x, y) => x + y, 0), l = c.follow.reduce((x, y) => x + y, 0), s = c.search.reduce((x, y) => x + y, 0);
  if (s <= c.tax * l) return Infinity;
  let q = Math.max(1, Math.ceil((c.tax * b) / (s - c.tax * l)));
  const ratio = (n: number) => (n * s) / (b + n * l);
  while (q > 1 && ratio(q - 1) >= c.tax) q--;
  while (ratio(q) < c.tax) q++;
  return q;
}

function taxCases(seed: number, count: number): ExerciseCase<TaxCase>[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const townSeed = rng.int(1, 1000);
    const town = createTown({ width: 31, height: 31, roomSize: 5, seed: townSeed });
    const m = measureTasks(town, routineErrands(), { samples: 3, seed: townSeed });
    const tax = [2, 3, 5, 1.5][i % 4];
    const c = { build: m.map((x) => x.build), follow: m.map((x) => x.follow), search: m.map((x) => x.search), tax };
    return { label: `town seed ${townSeed} (${m.length} errands), tax ${tax}`, input: c };
  });
}

defineExercise<(build: number[], follow: number[], search: number[], tax: number) => number, TaxCase>({
  id: '09-tax-threshold',
  title: 'Test the claim: how often must an errand repeat before the general searcher pays a tax?',
  points: 2,
  hint: 'With q queries per errand, the searcher\'s work is q·Σsearch and the specialists\' is Σbuild + q·Σfollow; the claim is supported once their ratio reaches tax. Solve for the smallest whole q (Infinity if Σsearch ≤ tax·Σfollow). The break-even point (tax 1) is not the answer.',
  visible: () => taxCases(909, 3),
  generate: taxCases,
  judge: (answer, c) => {
    const expected = queriesForTax(c);
    const got = answer([...c.build], [...c.follow], [...c.search], c.tax);
    return { ok: got === expected, expected: show(expected), got: show(got) };
  },
});
