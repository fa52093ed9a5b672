/**
 * Narrower patches than the input's footprint. A network that reads the cheese through a 3×3
 * convolution at every iteration shows the cheese in its state over that 3×3 reach at every
 * iteration; patching all of it from a run with the cheese elsewhere is the same as moving the
 * cheese in the input. This scan patches less: only the iterations from the `from`-th on (after
 * the input's first step), only the cheese cells (radius 0), and only a few channels (the top k
 * by their single-channel effect over the widest window, k ≤ `maxChannels`, ranked on one half of the
 * patching pairs and scored on the other half, so the choice of channels is not scored on the pairs
 * that chose them). Each candidate is scored like the locating
 * procedure scores a row: a probe (held-out top-1 accuracy of a per-cell probe on those channels,
 * best iteration patched) AND a causal effect (how far the patch at the two cheese cells moves
 * the choice toward its choice in the other run). The narrowest candidate that passes both is
 * reported, or none.
 *
 * It reads only layer metadata: the recurrent family is the largest family of same-shaped
 * spatial layers whose names differ in one number (`iter.*.h`).
 */
import * as tf from '@tensorflow/tfjs';
import { fail } from '../core/errors';
import { createRng } from '../core/rng';
import type { CheeseMazeLevel } from '../envs/cheese-maze';
import { CHEESE_MAZE_CHANNELS, withCheese, writeObservation } from '../envs/cheese-maze';
import type { Cell } from '../envs/grid';
import { cellProbe } from '../interp/cell-probe';
import { layerFamilies } from '../interp/layer-family';
import type { NamedModel, Patch } from '../mesa/model';
import { observeBatch } from '../mesa/rollout';
import type { VlSpec } from '../viz/index';
import { barChart } from '../viz/index';
import { retargetMessages } from './messages';

/** Every parameter of the scan, with its default. */
export const NARROW_DEFAULTS = {
  /** Examples (maze, mouse) the probes are fitted and scored on. */
  probeExamples: 40,
  testFraction: 0.3,
  /** Patching pairs (cheese at A vs B, the agent's choice differing). */
  pairs: 16,
  /** First iterations patched: 1 = every iteration (the footprint's), 2 = after the input's first step, … */
  fromIterations: [2] as readonly number[],
  /** Window radii around each cheese cell: 1 = the 3×3 reach of the input convolution, 0 = the cheese cell only. */
  radii: [1, 0] as readonly number[],
  /** Largest channel subset tried (the top k channels by single-channel effect, k = 1..maxChannels). */
  maxChannels: 4,
  minProbeAccuracy: 0.7,
  minEffect: 0.5,
  /** Least Manhattan distance from the mouse to either cheese cell (keeps the patch away from the mouse). */
  minMouseDistance: 4,
  seed: 1 as number | string,
};

export type NarrowOptions = Partial<typeof NARROW_DEFAULTS>;

/** One patch tried. */
export interface NarrowCandidate {
  label: string;
  /** First iteration patched (then every later one). */
  from: number;
  radius: number;
  /** Channels patched (every channel for the whole state). */
  channels: number[];
  allChannels: boolean;
  /**
   * Every channel over radius ≥ 1: the input's footprint. The input is re-injected at every
   * iteration, so starting later does not make such a patch narrower than the input.
   */
  footprint: boolean;
  /** Numbers patched around one cheese cell: channels × window cells × iterations (the narrowness measure). */
  width: number;
  probeAccuracy: number;
  effect: number;
  /** Fraction of pairs whose patched choice is the other run's choice. */
  flips: number;
  passes: boolean;
  /**
   * Largest iteration-1 response among its channels (see {@link NarrowScan.iterationOne}): near 1,
   * the candidate includes a channel the input writes the cheese into directly.
   */
  iterationOne: number;
  /** Some channel of it responds to the cheese at iteration 1 at least half as much as at its strongest iteration: probably where the input writes the cheese. */
  inputDriven: boolean;
}

export interface NarrowScan {
  family: string;
  iterations: number;
  channels: number;
  pairs: number;
  /** Pairs the channels were ranked on (the first half); the candidates are scored on the rest. */
  rankPairs: number;
  /**
   * Per channel: how much adding the cheese changes the state at the cheese cell at iteration 1
   * (before any recurrence: straight from the input), as a fraction of the largest change at any
   * iteration. Near 1: the channel carries the cheese from the first step, as the input writes it.
   */
  iterationOne: number[];
  /** Every candidate, widest first. */
  candidates: NarrowCandidate[];
  /** The widest footprint candidate (every channel over radius ≥ 1), if scanned. */
  footprint: NarrowCandidate | null;
  /** The passing candidate with the least width other than a footprint one, or null. */
  narrowest: NarrowCandidate | null;
  /** The non-footprint candidate with the largest effect among those whose probe passes (for inspection). */
  strongest: NarrowCandidate | null;
  options: typeof NARROW_DEFAULTS;
  chart: VlSpec;
}

const MODULE = 'retarget/narrow';

function openCells(level: CheeseMazeLevel): Cell[] {
  const out: Cell[] = [];
  const { width, height, passable } = level.map;
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (passable[y * width + x]) out.push({ x, y });
  return out;
}

function checkOptions(model: NamedModel, levels: readonly CheeseMazeLevel[], opts: NarrowOptions): typeof NARROW_DEFAULTS {
  if (!model || !Array.isArray(model.layers)) fail(MODULE, retargetMessages.notAModel());
  if (!levels || levels.length === 0) fail(MODULE, retargetMessages.noLevels());
  for (const lv of levels) if (lv.map.width !== model.size) fail(MODULE, retargetMessages.levelSize(lv.map.width, model.size));
  const o = { ...NARROW_DEFAULTS, ...opts };
  for (const k of ['probeExamples', 'pairs', 'maxChannels', 'minMouseDistance'] as const) {
    if (!Number.isInteger(o[k]) || o[k] < 1) fail(MODULE, retargetMessages.badOption(k, o[k], 'a positive integer'));
  }
  if (!Array.isArray(o.fromIterations) || o.fromIterations.length === 0 || o.fromIterations.some((v) => !Number.isInteger(v) || v < 1)) {
    fail(MODULE, retargetMessages.badOption('fromIterations', o.fromIterations, 'a list of iteration numbers >= 1'));
  }
  if (!Array.isArray(o.radii) || o.radii.length === 0 || o.radii.some((v) => !Number.isInteger(v) || v < 0)) {
    fail(MODULE, retargetMessages.badOption('radii', o.radii, 'a list of integers >= 0'));
  }
  for (const k of ['testFraction', 'minProbeAccuracy', 'minEffect'] as const) {
    if (typeof o[k] !== 'number' || !(o[k] > 0 && o[k] < 1)) fail(MODULE, retargetMessages.badOption(k, o[k], 'a number strictly between 0 and 1'));
  }
  return o;
}

/**
 * Patches narrower than the input's footprint, each scored by a probe and a causal effect.
 *
 * @example
 * const s = narrowPatchScan(agent, cheeseMazeLevels('test', 30, 'locate', { size: 9 }));
 * s.narrowest; // e.g. { label: 'from 2 · r0 · 3 ch', probeAccuracy: 0.9, effect: 0.6, … } or null
 */
export function narrowPatchScan(model: NamedModel, levels: readonly CheeseMazeLevel[], opts: NarrowOptions = {}): NarrowScan {
  const o = checkOptions(model, levels, opts);
  const fam = layerFamilies(model.layers.filter((l) => l.spatial)).sort((a, b) => b.members.length - a.members.length)[0];
  if (!fam) fail(MODULE, retargetMessages.noRecurrentLayer(model.kind));
  const shape = model.layers.find((l) => l.name === fam.members[0])!.shape;
  const size = model.size, cells = size * size, C = shape.length > 2 ? shape[2] : 1;
  const from = [...new Set(o.fromIterations)].filter((f) => f <= fam.members.length).sort((a, b) => a - b);
  const rng = createRng(`narrow/${String(o.seed)}`);

  // Probe examples: every iteration's state, for probes on any channel subset.
  const examples = Array.from({ length: o.probeExamples }, (_, i) => {
    const level = levels[i % levels.length];
    const free = openCells(level).filter((c) => c.x !== level.cheese.x || c.y !== level.cheese.y);
    return { level, mouse: rng.pick(free) };
  });
  const ex = tf.tidy(() => model.forward(observeBatch(examples.map((e) => e.level), examples.map((e) => e.mouse)), { read: fam.members }).acts);
  const exData = Object.fromEntries(fam.members.map((m) => [m, ex[m].dataSync() as Float32Array]));
  for (const t of Object.values(ex)) t.dispose();
  // Iteration-1 response: the same examples with the cheese removed from the input.
  const per = cells * CHEESE_MAZE_CHANNELS.length;
  const noCheese = new Float32Array(examples.length * per);
  examples.forEach((e, k) => writeObservation(e.level, e.mouse, noCheese, k * per, null));
  const blank = tf.tidy(() => model.forward(tf.tensor4d(noCheese, [examples.length, size, size, CHEESE_MAZE_CHANNELS.length]), { read: fam.members }).acts);
  const blankData = fam.members.map((m) => blank[m].dataSync() as Float32Array);
  for (const t of Object.values(blank)) t.dispose();
  // Per iteration and channel: mean |state with the cheese − state without| at the cheese cell.
  const response = fam.members.map((m, t) => {
    const r = new Array<number>(C).fill(0);
    examples.forEach((e, i) => {
      const j = (i * cells + e.level.cheese.y * size + e.level.cheese.x) * C;
      for (let c = 0; c < C; c++) r[c] += Math.abs(exData[m][j + c] - blankData[t][j + c]) / examples.length;
    });
    return r;
  });
  const iterationOne = Array.from({ length: C }, (_, c) => response[0][c] / Math.max(1e-9, ...response.map((r) => r[c])));
  const probeCache = new Map<string, number>();
  /** Best held-out accuracy over the iterations from `f` on, of a probe on `chs`. */
  const probeOf = (chs: readonly number[], f: number): number => {
    const key = `${chs.join(',')}@${f}`;
    if (probeCache.has(key)) return probeCache.get(key)!;
    let best = 0;
    for (const m of fam.members.slice(f - 1)) {
      const src = exData[m], k = chs.length;
      const data = new Float32Array(examples.length * cells * k);
      for (let i = 0; i < examples.length * cells; i++) for (let c = 0; c < k; c++) data[i * k + c] = src[i * C + chs[c]];
      const p = cellProbe({ data, H: size, W: size, C: k, open: examples.map((e) => e.level.map.passable), label: examples.map((e) => e.level.cheese.y * size + e.level.cheese.x) }, { testFraction: o.testFraction, seed: o.seed });
      best = Math.max(best, k === 1 ? Math.max(p.accuracy, p.channels[0].accuracy) : p.accuracy);
    }
    probeCache.set(key, best);
    return best;
  };

  // Pairs: same maze and mouse, cheese at A or B, the agent's choices differing.
  const far = (m: Cell, c: Cell) => Math.abs(m.x - c.x) + Math.abs(m.y - c.y) >= o.minMouseDistance;
  const tries = Array.from({ length: o.pairs * 8 }, (_, i) => {
    const level = levels[i % levels.length];
    const a = level.cheese;
    const free = openCells(level).filter((c) => c.x !== a.x || c.y !== a.y);
    const mice = free.filter((m) => far(m, a));
    const mouse = rng.pick(mice.length > 0 ? mice : free);
    const bs = free.filter((c) => (c.x !== mouse.x || c.y !== mouse.y) && far(mouse, c));
    const b = rng.pick(bs.length > 0 ? bs : free.filter((c) => c.x !== mouse.x || c.y !== mouse.y));
    return { level, a, b, mouse };
  });
  type Pair = (typeof tries)[number];
  const obsOf = (ps: readonly Pair[], which: 'a' | 'b') => observeBatch(ps.map((p) => withCheese(p.level, p[which])), ps.map((p) => p.mouse));
  const choices = (ps: readonly Pair[], which: 'a' | 'b') => { const t = tf.tidy(() => model.forward(obsOf(ps, which)).logits.argMax(1)); const v = Array.from(t.dataSync()); t.dispose(); return v; };
  const ca = choices(tries, 'a'), cb = choices(tries, 'b');
  const pairs = tries.filter((_, i) => ca[i] !== cb[i]).slice(0, o.pairs);
  const B = pairs.length;
  // Channels are ranked on the first half of the pairs and scored on the second (both halves when there is one pair).
  const rankPairs = B > 1 ? Math.floor(B / 2) : B;
  const candidates: NarrowCandidate[] = [];
  if (B > 0) {
    const clean = obsOf(pairs, 'a');
    const corrupt = tf.tidy(() => model.forward(obsOf(pairs, 'b'), { read: fam.members }).acts);
    const lpA = tf.tidy(() => model.forward(clean).logits.logSoftmax()).arraySync() as number[][];
    const lpB = tf.tidy(() => model.forward(obsOf(pairs, 'b')).logits.logSoftmax()).arraySync() as number[][];
    const target = lpB.map((r) => r.indexOf(Math.max(...r)));
    const scoreOf = (chs: readonly number[], f: number, r: number, use: 'rank' | 'score' = 'score'): { effect: number; flips: number } => {
      const m = new Float32Array(B * cells * C);
      const near = (c: Cell, j: number) => Math.max(Math.abs((j % size) - c.x), Math.abs(Math.floor(j / size) - c.y)) <= r;
      for (let i = 0; i < B; i++) for (let j = 0; j < cells; j++) {
        if (!near(pairs[i].a, j) && !near(pairs[i].b, j)) continue;
        for (const c of chs) m[(i * cells + j) * C + c] = 1;
      }
      const lp = tf.tidy(() => {
        const mask = tf.tensor(m, corrupt[fam.members[0]].shape);
        const patch: Record<string, Patch> = {};
        for (const l of fam.members.slice(f - 1)) patch[l] = (act: tf.Tensor) => tf.add(tf.mul(act, tf.sub(1, mask)), tf.mul(corrupt[l], mask));
        return model.forward(clean, { patch }).logits.logSoftmax();
      });
      const v = lp.dataSync(); lp.dispose();
      let eff = 0, flips = 0;
      const lo = use === 'rank' || B === 1 ? 0 : rankPairs, hi = use === 'rank' ? rankPairs : B;
      for (let i = lo; i < hi; i++) {
        const t = target[i], den = lpB[i][t] - lpA[i][t];
        eff += Math.max(-1, Math.min(1, Math.abs(den) < 1e-6 ? 0 : (v[i * 4 + t] - lpA[i][t]) / den));
        let arg = 0; for (let k = 1; k < 4; k++) if (v[i * 4 + k] > v[i * 4 + arg]) arg = k;
        if (arg === t) flips += 1;
      }
      return { effect: eff / (hi - lo), flips: flips / (hi - lo) };
    };
    const all = Array.from({ length: C }, (_, c) => c);
    const iters = fam.members.length;
    const add = (chs: number[], f: number, r: number) => {
      const s = scoreOf(chs, f, r);
      const allChannels = chs.length === C;
      const probeAccuracy = probeOf(chs, f);
      const one = Math.max(...chs.map((c) => iterationOne[c]));
      candidates.push({
        label: `${allChannels ? 'all' : chs.length} ch · r${r} · from ${f}${allChannels ? '' : ` [${chs.join(',')}]`}`,
        from: f, radius: r, channels: chs, allChannels, footprint: allChannels && r >= 1,
        width: chs.length * (2 * r + 1) ** 2 * (iters - f + 1), probeAccuracy, ...s,
        passes: probeAccuracy >= o.minProbeAccuracy && s.effect >= o.minEffect,
        iterationOne: one, inputDriven: one >= 0.5,
      });
    };
    const radii = [...new Set(o.radii)].sort((a, b) => b - a);
    for (const f of from) {
      // Channels ranked once per first iteration, by their single-channel effect over the widest window;
      // then the top k together at every radius.
      const ranked = all.map((c) => ({ c, ...scoreOf([c], f, radii[0], 'rank') })).sort((a, b) => b.effect - a.effect);
      for (const r of radii) {
        add(all, f, r);
        for (let k = 1; k <= Math.min(o.maxChannels, C - 1); k++) add(ranked.slice(0, k).map((s) => s.c).sort((a, b) => a - b), f, r);
      }
    }
    for (const t of Object.values(corrupt)) t.dispose();
    clean.dispose();
  }
  candidates.sort((a, b) => b.width - a.width);
  const footprint = candidates.find((c) => c.footprint) ?? null;
  const narrow = candidates.filter((c) => !c.footprint);
  const narrowest = narrow.filter((c) => c.passes).sort((a, b) => a.width - b.width || b.effect - a.effect)[0] ?? null;
  const strongest = [...narrow].filter((c) => c.probeAccuracy >= o.minProbeAccuracy).sort((a, b) => b.effect - a.effect)[0] ?? null;
  const chart = barChart(candidates.flatMap((c) => [
    { patch: c.label, measure: 'probe accuracy', value: c.probeAccuracy },
    { patch: c.label, measure: 'effect at the cheese cells', value: c.effect },
  ]), { x: 'patch', y: 'value', color: 'measure', sort: 'data', title: `Narrower patches than the input's footprint (bars: probe ${o.minProbeAccuracy}, effect ${o.minEffect})`, xTitle: 'patch (channels · radius · first iteration)', yTitle: 'probe accuracy / effect' });
  return { family: fam.key, iterations: fam.members.length, channels: C, pairs: B, rankPairs, iterationOne, candidates, footprint, narrowest, strongest, options: o, chart };
}
