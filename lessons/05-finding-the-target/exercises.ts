/**
 * Notebook 05's exercises: read a location off an activation map (argmax over the open cells),
 * compute the activation-patching effect from the log-probabilities of three runs, and write the
 * channel-by-channel patching loop that looks for the learned searcher's target channel(s).
 */
import * as tf from '@tensorflow/tfjs';
import { pct } from '../../lib/core/format';
import { createRng } from '../../lib/core/rng';
import type { Rng } from '../../lib/core/rng';
import { cheeseMazeLevel, cheeseMazeLevels, withCheese } from '../../lib/envs/cheese-maze';
import type { Cell } from '../../lib/envs/grid';
import type { PatchPair } from '../../lib/interp/patching';
import { activationPatching } from '../../lib/interp/patching';
import { LearnedSearchAgent } from '../../lib/mesa/learned/agent';
import { INPUT_CHANNELS } from '../../lib/mesa/learned/net';
import type { LearnedVariant } from '../../lib/mesa/learned/config';
import { SHIPPED_WEIGHTS, loadLearnedAgent } from '../../lib/mesa/learned/shipped';
import type { NamedModel } from '../../lib/mesa/model';
import { observeBatch } from '../../lib/mesa/rollout';
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

// ---- 05-learned-patching-loop ----------------------------------------------------------------
/**
 * The learner writes the channel-by-channel patching loop on the learned searcher: for each
 * channel of the recurrent state, copy that channel from the run with the cheese at B into the run
 * with the cheese at A at every iteration, and report how far the choice moves toward B's. The
 * judge compares with the library's activationPatching on the same pairs (every iteration patched
 * together), and with the verdict those effects give: is there a single channel that carries the
 * target (effect ≥ {@link SINGLE_CHANNEL_EFFECT})?
 *
 * The loop is the lesson, so the judge hands over a network the library cannot reproduce from
 * what the learner's function receives: the shipped agent with a secret, seeded permutation of
 * its recurrent channels (weights permuted consistently: the same behaviour, other channel
 * indices) that reads its observations in a secret, seeded order of the input channels (the
 * batches it is given are encoded that way). A loop over `agent.forward` with channel patches
 * works on it unchanged; rebuilding the mazes from the observations and calling
 * activationPatching (which encodes with observeBatch), or answering from the shipped agent,
 * does not.
 */
export const SINGLE_CHANNEL_EFFECT = 0.5;
const PATCH_TOLERANCE = 0.02;
type LoopInput = { variant: LearnedVariant; size: number; seed: string; pairs: PatchPair[] };
/** A batch of cheese-maze observations [B, H, W, 5] (what observeBatch returns). */
export type ObservationBatch = tf.Tensor4D;
type LoopAnswer = (agent: LearnedSearchAgent, clean: ObservationBatch, corrupt: ObservationBatch) => number[];

/** The names of the recurrent state's layers, one per iteration (`iter.1.h` … `iter.K.h`). */
export function iterationLayers(agent: NamedModel): string[] {
  return agent.layers.filter((l) => /^iter\.\d+\.h$/.test(l.name)).map((l) => l.name);
}

/** The channels a list of per-channel effects names as the target (effect ≥ {@link SINGLE_CHANNEL_EFFECT}), strongest first. */
export function targetChannels(effects: readonly number[]): number[] {
  return effects.map((e, c) => ({ e, c })).filter((x) => x.e >= SINGLE_CHANNEL_EFFECT).sort((a, b) => b.e - a.e).map((x) => x.c);
}

/**
 * Pairs on `size` mazes for a shipped learned agent: the same maze and mouse, the cheese at the
 * level's own cell (A) or another open cell (B), kept when the agent's choices differ.
 */
export function learnedPatchPairs(agent: NamedModel, variant: LearnedVariant, n: number, seed: string): PatchPair[] {
  const rng = createRng(`05-learned-pairs/${seed}`);
  const size = agent.size;
  const levels = cheeseMazeLevels(variant === 'corner' ? 'train' : 'test', 4 * n, `05-learned-pairs/${seed}`, { size, trainRegion: 3 });
  const tries = levels.map((level): PatchPair => {
    const open: Cell[] = [];
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (level.map.passable[y * size + x]) open.push({ x, y });
    const free = open.filter((c) => c.x !== level.cheese.x || c.y !== level.cheese.y);
    const mouse = rng.pick(free);
    const b = rng.pick(free.filter((c) => c.x !== mouse.x || c.y !== mouse.y));
    return { clean: { level, mouse }, corrupt: { level: withCheese(level, b), mouse } };
  });
  const choose = (side: 'clean' | 'corrupt') => {
    const t = tf.tidy(() => agent.forward(observeBatch(tries.map((p) => p[side].level), tries.map((p) => p[side].mouse!))).logits.argMax(1));
    const v = Array.from(t.dataSync()); t.dispose(); return v;
  };
  const a = choose('clean'), b = choose('corrupt');
  return tries.filter((_, i) => a[i] !== b[i]).slice(0, n);
}

/** A secret, seeded hidden copy of a shipped learned agent; see {@link hiddenLearnedAgent}. */
interface HiddenAgent {
  agent: LearnedSearchAgent;
  /** channels[j]: the shipped agent's recurrent channel that the hidden agent's channel j is. */
  channels: number[];
  /** Writes a standard observation batch in the hidden agent's input encoding. */
  encode: (obs: tf.Tensor4D) => tf.Tensor4D;
}

/**
 * The shipped agent with its recurrent channels permuted (seeded), weights permuted so that the
 * behaviour is the same, reading the observation's wall, cheese, x and y channels from a seeded
 * permutation of their slots (the mouse stays where the read-out looks for it).
 */
function hiddenLearnedAgent(variant: LearnedVariant, size: number, seed: string): HiddenAgent {
  const w = SHIPPED_WEIGHTS[variant];
  const shipped = loadLearnedAgent(variant, { size });
  const layout = shipped.layout, C = layout.shape.state, A = layout.shape.inner, cin = INPUT_CHANNELS.length;
  const rng = createRng(`05-learned-loop-hidden/${seed}`);
  const channels = rng.shuffle(Array.from({ length: C }, (_, c) => c));
  // slot[k]: the observation channel where the hidden encoding puts INPUT_CHANNELS[k] (never the identity).
  let order = rng.shuffle(Array.from({ length: cin }, (_, k) => k));
  while (order.every((v, k) => v === k)) order = rng.shuffle(order);
  const slot = order.map((k) => INPUT_CHANNELS[k]);
  const old = shipped.params, p = old.slice(), o = layout.off;
  // wx [3,3,cin,A]: the hidden net's input c reads observation slot INPUT_CHANNELS[c], which holds INPUT_CHANNELS[k] with slot[k] = INPUT_CHANNELS[c].
  const from = Array.from({ length: cin }, (_, c) => slot.indexOf(INPUT_CHANNELS[c]));
  for (let q = 0; q < 9; q++) for (let c = 0; c < cin; c++) for (let a = 0; a < A; a++) p[o.wx + (q * cin + c) * A + a] = old[o.wx + (q * cin + from[c]) * A + a];
  for (let q = 0; q < 9; q++) for (let j = 0; j < C; j++) for (let a = 0; a < A; a++) p[o.wh + (q * C + j) * A + a] = old[o.wh + (q * C + channels[j]) * A + a];
  for (let a = 0; a < A; a++) for (let j = 0; j < C; j++) p[o.w2 + a * C + j] = old[o.w2 + a * C + channels[j]];
  for (let j = 0; j < C; j++) p[o.b2 + j] = old[o.b2 + channels[j]];
  for (let q = 0; q < 9; q++) for (let j = 0; j < C; j++) for (let m = 0; m < 4; m++) p[o.wo + (q * C + j) * 4 + m] = old[o.wo + (q * C + channels[j]) * 4 + m];
  const agent = new LearnedSearchAgent({ config: w.config, params: p }, { size, iterations: shipped.iterations });
  const encode = (obs: tf.Tensor4D): tf.Tensor4D => {
    const d = obs.dataSync(), out = d.slice() as Float32Array, n = obs.shape[3];
    for (let i = 0; i < d.length; i += n) for (let k = 0; k < cin; k++) out[i + slot[k]] = d[i + INPUT_CHANNELS[k]];
    return tf.tensor4d(out, obs.shape);
  };
  return { agent, channels, encode };
}

function loopCases(seed: number, count: number): ExerciseCase<LoopInput>[] {
  const variants: LearnedVariant[] = ['aligned', 'corner'];
  return Array.from({ length: count }, (_, i) => {
    const variant = variants[(seed + i) % variants.length];
    const agent = loadLearnedAgent(variant, { size: 7 });
    const s = `${seed}/${i}`;
    const pairs = learnedPatchPairs(agent, variant, 10, s);
    return { label: `${variant} agent, 7×7 mazes, ${pairs.length} pairs (seed ${s})`, input: { variant, size: 7, seed: s, pairs } };
  });
}

const libraryEffects = new Map<string, readonly number[]>();

const fmtEffects = (e: readonly number[]) => {
  const top = e.map((v, c) => ({ v, c })).sort((a, b) => b.v - a.v).slice(0, 3).map((x) => `ch${x.c} ${x.v.toFixed(3)}`).join(', ');
  const named = targetChannels(e);
  return `${e.length} effects; strongest ${top}; target channel(s): ${named.length > 0 ? named.join(', ') : 'none'}`;
};

defineExercise<LoopAnswer, LoopInput>({
  id: '05-learned-patching-loop',
  title: 'Locate the learned searcher\'s target channel(s) with your own patching loop',
  points: 3,
  hint: 'Run the corrupt batch once reading every iteration layer (iterationLayers(agent)); keep its log-probabilities (logits.logSoftmax()) and the clean run\'s. For each channel c, patch every iteration layer with channelPatch(corruptActs[layer], c) in ONE forward pass of the clean batch, and score it as in exercise 05-patching-effect: the corrupt run\'s best move t, effect (patched[t] - clean[t]) / (corrupt[t] - clean[t]), averaged over the pairs. Patching only one iteration undoes itself: the later iterations read the cheese from the input again.',
  visible: () => loopCases(5, 2),
  generate: loopCases,
  judge: (answer, { variant, size, seed, pairs }) => {
    const key = `${variant}/${size}/${seed}`;
    // The library's effects on the shipped agent (deterministic: cached, so re-running a check costs half).
    if (!libraryEffects.has(key)) {
      const shipped = loadLearnedAgent(variant, { size });
      libraryEffects.set(key, activationPatching(shipped, pairs, iterationLayers(shipped), { together: true }).rows.map((r) => r.effect as number));
    }
    // The hidden agent's channel j is the shipped agent's channel channels[j]: same effect.
    const hidden = hiddenLearnedAgent(variant, size, seed);
    const expected = hidden.channels.map((c) => libraryEffects.get(key)![c]);
    const encode = (side: 'clean' | 'corrupt') => tf.tidy(() => hidden.encode(observeBatch(pairs.map((p) => p[side].level), pairs.map((p) => p[side].mouse!))));
    const clean = encode('clean'), corrupt = encode('corrupt');
    let got: unknown;
    try {
      tf.tidy(() => { got = answer(hidden.agent, clean, corrupt); });
    } finally { clean.dispose(); corrupt.dispose(); }
    if (!Array.isArray(got) || got.length !== expected.length || got.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
      return { ok: false, expected: fmtEffects(expected), got: Array.isArray(got) ? `an array of ${got.length} values (one finite number per channel needed)` : String(got) };
    }
    const effects = got as number[];
    const close = effects.every((v, c) => Math.abs(v - expected[c]) <= PATCH_TOLERANCE);
    const same = targetChannels(effects).join() === targetChannels(expected).join();
    return { ok: close && same, expected: fmtEffects(expected), got: fmtEffects(effects) };
  },
});
