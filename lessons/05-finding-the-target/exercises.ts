/**
 * Notebook 05's exercises: read a location off an activation map (argmax over the open cells),
 * and compute the activation-patching effect from the log-probabilities of three runs.
 */
import { pct } from '../../lib/core/format';
import { createRng } from '../../lib/core/rng';
import type { Rng } from '../../lib/core/rng';
import { cheeseMazeLevel } from '../../lib/envs/cheese-maze';
import { defineExercise } from '../../lib/exercises/check';
import type { ExerciseCase } from '../../lib/exercises/types';

// ---- 05-argmax-readoff -----------------------------------------------------------------------
type ReadoffInput = { values: number[]; width: number; open: number[] };

/** Reference: the open cell with the largest value (first in row-major order on ties). */
function readOff(values: readonly number[], width: number, open: readonly number[]): { x: number; y: number } {
  let best = -1;
  for (let j = 0; j < values.length; j++) if (open[j] && (best < 0 || values[j] > values[best])) best = j;
  return { x: best % width, y: Math.floor(best / width) };
}

function readoffCases(seed: number, count: number): ExerciseCase<ReadoffInput>[] {
  const rng = createRng(seed);
  const out: ExerciseCase<ReadoffInput>[] = [];
  for (let i = 0; i < count; i++) {
    const size = [5, 7, 9][rng.int(0, 3)];
    const level = cheeseMazeLevel('test', rng.int(0, 100000), { size });
    const { width, passable } = level.map;
    const open = Array.from(passable, (v) => (v ? 1 : 0));
    // A noisy map with a bump at the cheese; in most cases the walls carry large values too
    // (a convolution sees the wall channel), so the read-off must skip them.
    const wallsHot = i % 3 !== 2;
    const values = open.map((o) => round(o ? rng.float(-1, 1) : wallsHot ? rng.float(1, 4) : rng.float(-1, 1)));
    const c = level.cheese.y * width + level.cheese.x;
    values[c] = round(values[c] + 1 + rng.float(0, 2));
    if (i % 4 === 3) bumpElsewhere(values, open, rng); // sometimes the map points elsewhere
    out.push({ label: `${size}x${size} maze, cheese at (${level.cheese.x},${level.cheese.y})${wallsHot ? ', walls with large values' : ''}`, input: { values, width, open } });
  }
  return out;
}

function bumpElsewhere(values: number[], open: number[], rng: Rng): void {
  const cells = open.map((o, j) => (o ? j : -1)).filter((j) => j >= 0);
  const j = cells[rng.int(0, cells.length)];
  values[j] = round(Math.max(...values.filter((_, k) => open[k])) + 0.5);
}

const round = (v: number) => Math.round(v * 1000) / 1000;

defineExercise<(values: number[], width: number, open: number[]) => { x: number; y: number }, ReadoffInput>({
  id: '05-argmax-readoff',
  title: 'Read a location off an activation map: the argmax over the open cells',
  points: 2,
  hint: 'values and open are row-major over the maze (index = y * width + x). Skip cells whose open[j] is 0 (walls), keep the index of the largest value (the first one on ties), and return { x: j % width, y: Math.floor(j / width) }.',
  visible: () => readoffCases(5050, 8),
  generate: readoffCases,
  judge: (answer, { values, width, open }) => {
    const e = readOff(values, width, open);
    const got = answer(values.slice(), width, open.slice());
    const ok = !!got && got.x === e.x && got.y === e.y;
    return { ok, expected: `(${e.x},${e.y})`, got: got && typeof got === 'object' ? `(${String(got.x)},${String(got.y)})` : String(got) };
  },
});

// ---- 05-patching-effect ----------------------------------------------------------------------
type PatchInput = { clean: number[][]; corrupt: number[][]; patched: number[][] };

const argmax = (r: readonly number[]) => r.indexOf(Math.max(...r));

/** Reference: mean over pairs whose clean and corrupt moves differ of (patched - clean) / (corrupt - clean) at the corrupt move. */
function patchingEffect(clean: number[][], corrupt: number[][], patched: number[][]): number {
  let s = 0, n = 0;
  for (let i = 0; i < clean.length; i++) {
    const t = argmax(corrupt[i]);
    if (t === argmax(clean[i])) continue;
    const denom = corrupt[i][t] - clean[i][t];
    s += Math.abs(denom) < 1e-6 ? 0 : (patched[i][t] - clean[i][t]) / denom;
    n += 1;
  }
  return n === 0 ? 0 : s / n;
}

function logSoftmax(z: number[]): number[] {
  const m = Math.max(...z);
  const lse = m + Math.log(z.reduce((a, v) => a + Math.exp(v - m), 0));
  return z.map((v) => round(v - lse));
}

function patchCases(seed: number, count: number): ExerciseCase<PatchInput>[] {
  const rng = createRng(seed);
  const out: ExerciseCase<PatchInput>[] = [];
  for (let i = 0; i < count; i++) {
    const pairs = 3 + rng.int(0, 6);
    const carried = rng.float(0, 1); // how much of the change the patched piece carries
    const clean: number[][] = [], corrupt: number[][] = [], patched: number[][] = [];
    for (let k = 0; k < pairs; k++) {
      const zc = [0, 1, 2, 3].map(() => rng.float(-2, 2));
      const a = argmax(zc);
      // Most pairs: the corrupt run prefers another move; some pairs: the same move (to be skipped).
      const same = rng.next() < 0.3;
      const zk = zc.map((v) => v + rng.float(-0.5, 0.5));
      const b = same ? a : (a + 1 + rng.int(0, 3)) % 4;
      zk[b] = Math.max(...zk) + 1 + rng.float(0, 2);
      if (same) zk[a] = Math.max(...zk) + 0.5;
      const mix = Math.min(1, Math.max(0, carried + rng.float(-0.2, 0.2)));
      const zp = zc.map((v, j) => v + mix * (zk[j] - v));
      clean.push(logSoftmax(zc)); corrupt.push(logSoftmax(zk)); patched.push(logSoftmax(zp));
    }
    out.push({ label: `${pairs} pairs, piece carries about ${pct(carried)}`, input: { clean, corrupt, patched } });
  }
  return out;
}

defineExercise<(clean: number[][], corrupt: number[][], patched: number[][]) => number, PatchInput>({
  id: '05-patching-effect',
  title: 'The activation-patching effect from the log-probabilities of clean, corrupt and patched runs',
  points: 2,
  hint: 'For each pair, the move to watch is the corrupt run\'s best move t (argmax of corrupt[i]). Skip pairs where the clean run already picks t. For the others, effect = (patched[i][t] - clean[i][t]) / (corrupt[i][t] - clean[i][t]). Average over the pairs you kept (0 if none).',
  visible: () => patchCases(7070, 8),
  generate: patchCases,
  judge: (answer, { clean, corrupt, patched }) => {
    const e = patchingEffect(clean, corrupt, patched);
    const got = answer(clean.map((r) => r.slice()), corrupt.map((r) => r.slice()), patched.map((r) => r.slice()));
    const ok = typeof got === 'number' && Math.abs(got - e) <= 1e-6;
    return { ok, expected: e.toFixed(6), got: typeof got === 'number' ? got.toFixed(6) : String(got) };
  },
});
