/**
 * Notebook 06's exercises: build the target map that aims the planner agent at a cell (a
 * log-reward map with walls handled), and compute a retargetability rate from a per-cell success
 * map, counting only the cells a retargeted agent could reach; and write the retargeting edit for
 * the learned searcher, judged by the targets it then reaches.
 */
import * as tf from '@tensorflow/tfjs';
import { fail } from '../../lib/core/errors';
import { pct } from '../../lib/core/format';
import { createRng } from '../../lib/core/rng';
import type { Cell } from '../../lib/envs/grid';
import { cheeseMazeLevel, cheeseMazeLevels, distanceFromTrainRegion, mazeDistances } from '../../lib/envs/cheese-maze';
import type { LearnedVariant } from '../../lib/mesa/learned/config';
import { loadLearnedAgent } from '../../lib/mesa/learned/shipped';
import { rollout } from '../../lib/mesa/rollout';
import { locateLearned } from '../../lib/retarget/learned';
import type { LocatedTarget } from '../../lib/retarget/locate';
import { reachableTargets } from '../../lib/retarget/retargetability';
import { MIN_LOG_REWARD, WALL_VALUE } from '../../lib/mesa/planner-agent';
import { defineExercise } from '../../lib/exercises/check';
import type { ExerciseCase } from '../../lib/exercises/types';
import { lesson06Messages } from './messages';

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

// ---- 06-learned-retarget-edit ----------------------------------------------------------------
/**
 * The learner writes the retargeting edit for the learned searcher: a function that edits one
 * episode's recurrent state (one iteration) so that the agent heads for a new cell. It is given
 * the representation notebook 05's locating procedure found (the mean state in the 3×3 window
 * around the cheese, and the state with no cheese in the maze) for that iteration. The judge
 * applies it at every iteration and measures behaviour on held-out mazes: the share of reachable
 * targets reached, against a threshold and against the agent left alone.
 *
 * The edit must be built from the template, or it could simply reproduce the state of a run with
 * the cheese moved in the input (which notebook 05 counts as moving the input, not rewriting a
 * target): every cell it changes must lie in the window around the cheese or the target, and its
 * new value must lie on the template's line there, blank + s · (window[k] − blank) for some s
 * (s = 0: blank), within {@link TEMPLATE_TOLERANCE}. Any other change makes the edit fail.
 */
export interface LearnedEditContext {
  size: number;
  /** Channels per cell: the state is row-major [y][x][channel], index (y * size + x) * channels + c. */
  channels: number;
  /** The cell to aim at. */
  target: Cell;
  /** Where the cheese is in this maze. */
  cheese: Cell;
  /** 1 for an open cell, 0 for a wall (index y * size + x). */
  open: readonly number[];
  /** Which iteration this state comes from (1 … iterations). */
  iteration: number;
  iterations: number;
}

/** What the locating procedure found, for one iteration. */
export interface CheeseTemplate {
  /** Radius of the window around the cheese (1: a 3×3 window). */
  radius: number;
  /** window[k][c]: mean of channel c at offset k of the window (k = (dy + r) · (2r + 1) + dx + r; NaN if never open). */
  window: number[][];
  /** blank[c]: mean of channel c over open cells when the maze has no cheese at all. */
  blank: number[];
}

export type LearnedEditAnswer = (state: Float32Array, ctx: LearnedEditContext, template: CheeseTemplate) => void;

/** The success the edit must reach, and its least margin over the agent left alone. */
export const LEARNED_EDIT_BAR = { rate: 0.85, margin: 0.2 } as const;

type EditInput = { variant: LearnedVariant; size: number; mazes: number; seed: string };

/** Largest distance (per channel) of an edited cell from the template's line blank + s · (window[k] − blank). */
export const TEMPLATE_TOLERANCE = 1e-3;

/**
 * Why an edited state is not built from the template, or null if it is: every changed cell must
 * be in the window (radius r) around the cheese or the target, with its value on the line
 * blank + s · (window[k] − blank) for that window's offset k (NaN channels of the window: unchanged
 * or blank).
 */
export function offTemplate(before: Float32Array, after: Float32Array, ctx: LearnedEditContext, t: CheeseTemplate): string | null {
  const { size, channels: C } = ctx, r = t.radius, side = 2 * r + 1;
  const offset = (at: Cell, x: number, y: number): number | null => (Math.abs(x - at.x) <= r && Math.abs(y - at.y) <= r ? (y - at.y + r) * side + (x - at.x + r) : null);
  const onLine = (j: number, k: number): boolean => {
    const w = t.window[k], b = t.blank;
    let num = 0, den = 0;
    for (let c = 0; c < C; c++) if (!Number.isNaN(w[c])) { num += (after[j * C + c] - b[c]) * (w[c] - b[c]); den += (w[c] - b[c]) ** 2; }
    const s = den > 0 ? num / den : 0;
    for (let c = 0; c < C; c++) {
      const v = after[j * C + c];
      const ok = Number.isNaN(w[c]) ? Math.abs(v - before[j * C + c]) <= TEMPLATE_TOLERANCE || Math.abs(v - b[c]) <= TEMPLATE_TOLERANCE : Math.abs(v - b[c] - s * (w[c] - b[c])) <= TEMPLATE_TOLERANCE;
      if (!ok) return false;
    }
    return true;
  };
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const j = y * size + x;
    let changed = false;
    for (let c = 0; c < C && !changed; c++) changed = !(Math.abs(after[j * C + c] - before[j * C + c]) <= 1e-6);
    if (!changed) continue;
    const ks = [offset(ctx.cheese, x, y), offset(ctx.target, x, y)].filter((k): k is number => k !== null);
    if (ks.length === 0) return `iteration ${ctx.iteration}: cell (${x},${y}) changed, outside the windows around the cheese (${ctx.cheese.x},${ctx.cheese.y}) and the target (${ctx.target.x},${ctx.target.y})`;
    if (!ks.some((k) => onLine(j, k))) return `iteration ${ctx.iteration}: cell (${x},${y}) is not blank + s · (window[k] − blank) for any s`;
  }
  return null;
}

const templates = new Map<string, LocatedTarget>();
/** The located representation of a shipped learned agent (cached: the procedure is deterministic). */
function foundFor(variant: LearnedVariant, size: number): LocatedTarget {
  const key = `${variant}/${size}`;
  if (!templates.has(key)) {
    const best = locateLearned(variant, size, 1).result.best;
    if (!best) fail('exercises/06-learned-retarget-edit', lesson06Messages.noLocatedTarget(variant));
    templates.set(key, best);
  }
  return templates.get(key)!;
}

export interface LearnedEditMeasure {
  rate: number; baseline: number; trials: number; farthest: number;
  /** Edited states (episode × iteration × step) not built from the template (see {@link offTemplate}), and the first reason. */
  offTemplate: number; firstOffTemplate: string | null;
  verdict: 'supported' | 'depends' | 'not supported';
}

/**
 * Applies an edit function at every iteration of a shipped learned agent and measures it over
 * every reachable cell of `mazes` held-out mazes (the same trials as retargetability), with the
 * no-edit baseline and the rate in the farthest distance band from the training region. The
 * verdict uses the bar of the exercise: supported if the rate reaches {@link LEARNED_EDIT_BAR}.rate
 * and beats the baseline by its margin; not supported if it beats the baseline by less than the
 * margin, or if any edited state is not built from the template (then it is not an edit of the
 * located representation); depends otherwise.
 */
export function measureLearnedEdit(edit: LearnedEditAnswer, variant: LearnedVariant, size: number, mazes: number, seed: string): LearnedEditMeasure {
  const agent = loadLearnedAgent(variant, { size });
  const found = foundFor(variant, size);
  const held = cheeseMazeLevels('test', mazes, `06-learned-edit/${seed}`, { size, trainRegion: 3 });
  const { levels, targets } = reachableTargets(held);
  const C = agent.layout.shape.state, cells = size * size, iterations = agent.iterations;
  const tpl = (layer: string): CheeseTemplate => {
    const st = found.stats[layer];
    return { radius: found.radius, window: st.window.map((w) => w.slice()), blank: (st.blank ?? st.off).slice() };
  };
  const patchFor = (ids: readonly number[]) => Object.fromEntries(agent.layers.filter((l) => /^iter\.\d+\.h$/.test(l.name)).map((l) => {
    const iteration = Number(l.name.split('.')[1]);
    const t = tpl(l.name);
    return [l.name, (act: tf.Tensor) => {
      const data = (act.dataSync() as Float32Array).slice();
      ids.forEach((id, k) => {
        const lv = levels[id];
        const open = Array.from(lv.map.passable, (v) => (v ? 1 : 0));
        const state = data.subarray(k * cells * C, (k + 1) * cells * C), before = state.slice();
        const ctx = { size, channels: C, target: { ...targets[id] }, cheese: { ...lv.cheese }, open, iteration, iterations };
        edit(state, ctx, { radius: t.radius, window: t.window.map((w) => w.slice()), blank: t.blank.slice() });
        const why = offTemplate(before, state, ctx, t);
        if (why !== null) { off += 1; firstOff ??= why; }
      });
      return tf.tensor(data, act.shape);
    }];
  }));
  let off = 0, firstOff: string | null = null;
  const ro = { goals: targets, cellPolicy: 'moves', stopOnLoop: true };
  const hit = rollout(agent, levels, { ...ro, patchFor }).map((e) => e.reachedGoal);
  const base = rollout(agent, levels, ro).map((e) => e.reachedGoal);
  const share = (xs: boolean[]) => xs.filter(Boolean).length / Math.max(1, xs.length);
  const dist = targets.map((c, i) => distanceFromTrainRegion(size, levels[i].trainRegion, c));
  const maxD = Math.max(...dist);
  const far = hit.filter((_, i) => dist[i] > (2 * maxD) / 3);
  const rate = share(hit), baseline = share(base);
  const verdict = off > 0 ? 'not supported' : rate >= LEARNED_EDIT_BAR.rate && rate - baseline >= LEARNED_EDIT_BAR.margin ? 'supported' : rate - baseline < LEARNED_EDIT_BAR.margin ? 'not supported' : 'depends';
  return { rate, baseline, trials: targets.length, farthest: share(far), offTemplate: off, firstOffTemplate: firstOff, verdict };
}

function editCases(seed: number, count: number): ExerciseCase<EditInput>[] {
  return Array.from({ length: count }, (_, i) => ({ label: `aligned agent, 3 held-out 7×7 mazes (seed ${seed}/${i}), every reachable cell a target`, input: { variant: 'aligned' as const, size: 7, mazes: 3, seed: `${seed}/${i}` } }));
}

defineExercise<LearnedEditAnswer, EditInput>({
  id: '06-learned-retarget-edit',
  title: 'Write the retargeting edit for the learned searcher, judged by where the agent goes',
  points: 3,
  hint: 'Two steps, at every iteration: (1) clear the cheese: every open cell of the window around ctx.cheese gets template.blank (all channels); (2) write the cheese at the target: every open cell (x, y) of the window around ctx.target gets, per channel c, blank[c] + s · (window[k][c] − blank[c]) with k = (dy + r) · (2r + 1) + (dx + r) (skip NaN); s = 1 copies the cheese, a little more (1.5) makes it stronger. The state is row-major: index (y · size + x) · channels + c. Editing only some iterations lets the later ones read the real cheese again. Change nothing else: the checker accepts only changes in those two windows, each cell set to blank + s · (window[k] − blank) for some s.',
  // Four visible cases (12 mazes): an edit that skips clearing the cheese passes some cases but not all.
  visible: () => editCases(6, 4),
  generate: editCases,
  judge: (answer, { variant, size, mazes, seed }) => {
    const m = measureLearnedEdit(answer, variant, size, mazes, seed);
    const show = (r: number, b: number) => `${pct(r)} of ${m.trials} targets (left alone ${pct(b)}): ${m.verdict}`;
    return {
      ok: m.verdict === 'supported',
      expected: `an edit built from the template (changes only in the windows around the cheese and the target, each cell blank + s · (window[k] − blank)) that reaches at least ${pct(LEARNED_EDIT_BAR.rate)} of targets, and at least ${Math.round(100 * LEARNED_EDIT_BAR.margin)} points above the agent left alone`,
      got: m.offTemplate > 0 ? `${m.offTemplate} edited states not built from the template; first: ${m.firstOffTemplate}` : show(m.rate, m.baseline),
    };
  },
});
