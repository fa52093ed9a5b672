/**
 * Notebook 06's exercises: build the target map that aims the planner agent at a cell (a
 * log-reward map with walls handled), and compute a retargetability rate from a per-cell success
 * map, counting only the cells a retargeted agent could reach.
 */
import { createRng } from '../../lib/core/rng';
import type { Cell } from '../../lib/envs/grid';
import { cheeseMazeLevel, mazeDistances } from '../../lib/envs/cheese-maze';
import { MIN_LOG_REWARD, WALL_VALUE } from '../../lib/mesa/planner-agent';
import { defineExercise } from '../../lib/exercises/check';
import type { ExerciseCase } from '../../lib/exercises/types';

// ---- 06-target-map ---------------------------------------------------------------------------
type MapInput = { passable: number[]; width: number; height: number; target: Cell; name: string };

/** Reference: 0 (log of reward 1) at the target, MIN_LOG_REWARD at other open cells, WALL_VALUE on walls. */
export function referenceTargetMap(passable: readonly number[], width: number, height: number, target: Cell): number[] {
  const out = new Array<number>(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const j = y * width + x;
    out[j] = !passable[j] ? WALL_VALUE : x === target.x && y === target.y ? 0 : MIN_LOG_REWARD;
  }
  return out;
}

function openCells(passable: readonly number[], width: number): Cell[] {
  const out: Cell[] = [];
  passable.forEach((p, j) => { if (p) out.push({ x: j % width, y: Math.floor(j / width) }); });
  return out;
}

function mapCases(seed: number, count: number): ExerciseCase<MapInput>[] {
  const rng = createRng(seed);
  const out: ExerciseCase<MapInput>[] = [];
  for (let i = 0; i < count; i++) {
    const size = [7, 9, 11][i % 3];
    const lv = cheeseMazeLevel('test', `ex06-map/${String(seed)}/${i}`, { size, trainRegion: 2 });
    const passable = Array.from(lv.map.passable, (v) => (v ? 1 : 0));
    // Targets off the diagonal (x ≠ y) so a transposed index shows up.
    const cells = openCells(passable, size).filter((c) => c.x !== c.y);
    const target = rng.pick(cells);
    out.push({ label: `maze ${lv.name} (${size}x${size}), target (${target.x},${target.y})`, input: { passable, width: size, height: size, target, name: lv.name } });
  }
  return out;
}

function firstDiff(a: readonly number[], b: readonly number[], width: number): string {
  for (let j = 0; j < Math.max(a.length, b.length); j++) {
    if (a[j] !== b[j]) return `cell (${j % width},${Math.floor(j / width)}): expected ${String(a[j])}, got ${String(b[j])}`;
  }
  return '';
}

defineExercise<(passable: number[], width: number, height: number, target: Cell) => number[], MapInput>({
  id: '06-target-map',
  title: 'Aim the planner: the target map (log rewards, walls handled) for one target cell',
  points: 2,
  hint: 'One entry per cell, index y * width + x. Walls get WALL_VALUE; the target gets 0 (the log of a reward of 1); every other open cell gets MIN_LOG_REWARD (the lowest reward the planner knows). A 1/0 one-hot is not a log reward: to the planner a 0 elsewhere looks as good as the target.',
  visible: () => mapCases(606, 6),
  generate: mapCases,
  judge: (answer, { passable, width, height, target }) => {
    const expected = referenceTargetMap(passable, width, height, target);
    const got = answer(passable.slice(), width, height, { ...target });
    if (!Array.isArray(got) && !((got as unknown) instanceof Float32Array)) return { ok: false, expected: `an array of ${expected.length} numbers`, got: String(got) };
    const arr = Array.from(got as ArrayLike<number>);
    if (arr.length !== expected.length) return { ok: false, expected: `${expected.length} entries`, got: `${arr.length} entries` };
    const diff = firstDiff(expected, arr, width);
    return { ok: diff === '', expected: diff === '' ? 'the target map' : diff.replace(/, got .*/, ''), got: diff === '' ? 'the target map' : diff };
  },
});

// ---- 06-retargetability-rate -----------------------------------------------------------------
type RateInput = { passable: number[]; width: number; height: number; start: Cell; cheese: Cell; success: number[] };

/** Reference: mean success over the cells reachable from the start without stepping on the cheese (start and cheese excluded). */
export function referenceRetargetabilityRate(passable: readonly number[], width: number, height: number, start: Cell, cheese: Cell, success: readonly number[]): number {
  const blocked = Uint8Array.from(passable, (v) => (v ? 1 : 0));
  blocked[cheese.y * width + cheese.x] = 0;
  const d = mazeDistances({ name: 'ex', width, height, passable: blocked }, start);
  let sum = 0, n = 0;
  for (let j = 0; j < width * height; j++) if (d[j] > 0) { sum += success[j]; n += 1; }
  return n === 0 ? 0 : sum / n;
}

function rateCases(seed: number, count: number): ExerciseCase<RateInput>[] {
  const rng = createRng(seed);
  const out: ExerciseCase<RateInput>[] = [];
  for (let i = 0; i < count; i++) {
    const size = [7, 9][i % 2];
    const lv = cheeseMazeLevel('test', `ex06-rate/${String(seed)}/${i}`, { size, trainRegion: 2 });
    const passable = Array.from(lv.map.passable, (v) => (v ? 1 : 0));
    const W = size;
    const cellsBehind = (c: Cell): number => {
      const b = passable.slice(); b[c.y * W + c.x] = 0;
      const d = mazeDistances({ name: 'ex', width: W, height: W, passable: Uint8Array.from(b) }, lv.start);
      return passable.filter((p, j) => p && d[j] < 0).length - 1;
    };
    // Most cases put the cheese where it cuts off part of the maze (cells a retargeted agent cannot reach).
    const candidates = openCells(passable, W).filter((c) => !(c.x === lv.start.x && c.y === lv.start.y));
    const cutting = candidates.filter((c) => cellsBehind(c) > 0);
    const cheese = i % 4 !== 3 && cutting.length > 0 ? rng.pick(cutting) : rng.pick(candidates);
    const blocked = Uint8Array.from(passable); blocked[cheese.y * W + cheese.x] = 0;
    const d = mazeDistances({ name: 'ex', width: W, height: W, passable: blocked }, lv.start);
    const p = rng.float(0.25, 0.9);
    const success = passable.map((open, j) => {
      if (!open) return 0;                                    // walls: never a target
      if (j === lv.start.y * W + lv.start.x) return 1;        // "reached" at step 0: not a real trial
      if (j === cheese.y * W + cheese.x) return 1;            // the episode ends there anyway
      if (d[j] < 0) return 0;                                 // behind the cheese: unreachable
      return rng.chance(p) ? 1 : 0;
    });
    out.push({
      label: `maze ${lv.name} (${size}x${size}), cheese (${cheese.x},${cheese.y}) cutting off ${cellsBehind(cheese)} cells`,
      input: { passable, width: W, height: W, start: { ...lv.start }, cheese, success },
    });
  }
  return out;
}

defineExercise<(passable: number[], width: number, height: number, start: Cell, cheese: Cell, success: number[]) => number, RateInput>({
  id: '06-retargetability-rate',
  title: 'A retargetability rate from a per-cell success map, over the reachable cells only',
  points: 2,
  hint: 'Run a breadth-first search from the start over open cells, treating the cheese cell as a wall (stepping on the cheese ends the episode). The targets are the cells it reaches other than the start itself. Average success over those cells only: walls, the start, the cheese and the cells behind it are not trials.',
  visible: () => rateCases(6060, 8),
  generate: rateCases,
  judge: (answer, { passable, width, height, start, cheese, success }) => {
    const expected = referenceRetargetabilityRate(passable, width, height, start, cheese, success);
    const got = answer(passable.slice(), width, height, { ...start }, { ...cheese }, success.slice());
    const ok = typeof got === 'number' && Math.abs(got - expected) <= 1e-9;
    return { ok, expected: expected.toFixed(4), got: typeof got === 'number' ? got.toFixed(4) : String(got) };
  },
});
