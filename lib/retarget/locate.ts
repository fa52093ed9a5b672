/**
 * Find an agent's target without being told where it is. The procedure reads only the layer
 * metadata of a {@link NamedModel} (names, shapes, the spatial flag, the input flag):
 * 1. Probes: on every spatial layer (every iteration of a recurrent one), a per-cell probe of
 *    "this cell holds the cheese", scored on held-out mazes; each channel alone is scored too.
 * 2. Patching: the same maze and mouse with the cheese at A and at B; B's activations are copied
 *    into A's run one channel at a time (and, for a recurrent layer, at every iteration at once),
 *    and each patch is scored by how far it moves the agent's choice toward its choice in B.
 *    The strongest channels are then patched at the two cheese cells only (a target lives where
 *    the goal is; a plan or value map acts from around the mouse) and, for the best, cell by cell.
 * 3. Verdict: located only if one non-input (layer, channel) passes BOTH a probe and a causal
 *    threshold. Layers that copy the observation are reported as the input baseline, never located.
 */
import * as tf from '@tensorflow/tfjs';
import { fail } from '../core/errors';
import { createRng } from '../core/rng';
import type { CheeseMazeLevel } from '../envs/cheese-maze';
import { CHEESE_MAZE_CHANNELS, withCheese, writeObservation } from '../envs/cheese-maze';
import type { Cell } from '../envs/grid';
import type { CellProbeResult } from '../interp/cell-probe';
import { cellProbe } from '../interp/cell-probe';
import type { LayerFamily } from '../interp/layer-family';
import { familyOf, inputLayers, layerFamilies } from '../interp/layer-family';
import type { LayerInfo, NamedModel, Patch } from '../mesa/model';
import { observeBatch } from '../mesa/rollout';
import type { ChartRow, VlSpec } from '../viz/index';
import { barChart, heatmap } from '../viz/index';
import { retargetMessages } from './messages';

/** Every parameter of the locating procedure, with its default, in one place. */
export const LOCATE_DEFAULTS = {
  /** Examples (maze, mouse cell) the probes are fitted and scored on. */
  probeExamples: 80,
  /** Held-out fraction of the probe examples. */
  testFraction: 0.3,
  /** Patching pairs (cheese at A vs at B, the agent's choice differing). */
  pairs: 32,
  /**
   * Least maze-free (Manhattan) distance from the mouse to A and to B in a pair, so that a map
   * read only around the mouse (a value or plan map) cannot pass for the target at the cheese cells.
   */
  minMouseDistance: 2,
  /** Probe threshold: held-out top-1 accuracy of the channel (is its top cell the cheese?). */
  minProbeAccuracy: 0.7,
  /** Causal threshold: mean effect of patching the channel at the two cheese cells (1 = all the way to B's choice). */
  minEffect: 0.5,
  /** How many of the strongest channels are patched at the cheese cells. */
  candidates: 8,
  /** Other channels of the best layer join the located group when their cheese-cell effect is at least this fraction of the best's. */
  groupFraction: 0.5,
  /**
   * Also patch each iteration of a recurrent layer on its own (one forward pass per iteration and
   * channel); by default a recurrent layer is patched at all its iterations at once. Probes always
   * cover every iteration.
   */
  perIteration: false,
  /**
   * Cells patched around each cheese cell (Chebyshev radius): 0 = the cheese cells only; 1 = their
   * 3×3 neighbourhoods, for networks whose convolutions see the cheese from the next cell.
   */
  goalRadius: 0,
  /** Also score every channel of a layer at once (channel -1): a representation spread over channels. */
  wholeState: true,
  /** Patch the best channel cell by cell (one forward pass per cell). */
  cellByCell: true,
  seed: 1 as number | string,
};

export type LocateOptions = Partial<typeof LOCATE_DEFAULTS> & {
  /** Restrict the search to these layers or families (`iter.*.h`); default every spatial layer. */
  layers?: readonly string[];
};

/** One (layer, channel) of the ranked table. */
export interface LocateRow {
  /** A layer name, or a family key such as `iter.*.h` (all its iterations patched together). */
  layer: string;
  /** The layers this row patches (one, or every iteration of a family). */
  layers: string[];
  /** The channel, or -1 for every channel of the layer at once. */
  channel: number;
  /** A copy of the observation: the input baseline, never located. */
  input: boolean;
  /** Held-out top-1 accuracy of the channel alone (best iteration for a family). */
  probeAccuracy: number;
  probeAuc: number;
  /** Effect of patching the whole channel from B into A (mean over pairs, each clipped to [-1, 1]). */
  effect: number;
  /** Fraction of pairs whose patched choice is B's choice. */
  flips: number;
  /** Effect of patching the channel at the two cheese cells only (null if not among the candidates). */
  goalEffect: number | null;
  /** Passes both thresholds (and is not an input layer). */
  passes: boolean;
}

/** Probe of one layer over all its channels. */
export interface LayerProbeRow { layer: string; input: boolean; accuracy: number; auc: number; chance: number }

/** What a retargeting edit needs: where the representation lives and its values on and off the cheese. */
export interface LocatedTarget {
  size: number;
  /** The layers where it was found (one, or every iteration of a family). */
  layers: string[];
  channels: number[];
  /** The recurrent family of the layer, if any (edits may write every iteration). */
  family: LayerFamily | null;
  /** Radius of the window around the cheese that the representation occupies (the goalRadius it was found with). */
  radius: number;
  /**
   * Per layer of the family (or the layer): mean of each channel at the cheese (`on`) and over the
   * other open cells (`off`); `window[k][c]`: mean at offset k of the (2r+1)² window around the
   * cheese (row-major, dy then dx; NaN where no open cell was seen); `blank`: mean of each channel
   * over the open cells of the same mazes with the cheese removed (what "no cheese here" looks like).
   */
  stats: Record<string, { on: number[]; off: number[]; rank: number; window: number[][]; blank?: number[] }>;
}

export interface LocateResult {
  located: boolean;
  /** One sentence: what was found, or which threshold failed. */
  verdict: string;
  /** The best candidate (also when not located, for inspection); null when no layer could be scored. */
  best: LocatedTarget | null;
  bestRow: LocateRow | null;
  /** Every (layer, channel), ranked: passing rows first, then by cheese-cell effect, then by whole-channel effect. */
  rows: LocateRow[];
  probes: LayerProbeRow[];
  /** Probes of the input layers: what the observation alone gives (excluded from the verdict). */
  inputBaseline: LayerProbeRow[];
  /** Cell-by-cell patching of the best row: effect of patching one cell (x, y). */
  cells: ChartRow[];
  /** Pairs scored by patching. */
  pairs: number;
  options: typeof LOCATE_DEFAULTS & { layers: readonly string[] | null };
  charts: { effects: VlSpec; probes: VlSpec; cells: VlSpec | null };
}

interface Pair { level: CheeseMazeLevel; a: Cell; b: Cell; mouse: Cell }

const MODULE = 'retarget/locate';
const idx = (c: Cell, W: number) => c.y * W + c.x;

function openCells(level: CheeseMazeLevel): Cell[] {
  const out: Cell[] = [];
  const { width, height, passable } = level.map;
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (passable[y * width + x]) out.push({ x, y });
  return out;
}

function checkOptions(model: NamedModel, levels: readonly CheeseMazeLevel[], opts: LocateOptions): LocateResult['options'] {
  if (!model || !Array.isArray(model.layers)) fail(MODULE, retargetMessages.notAModel());
  if (!levels || levels.length === 0) fail(MODULE, retargetMessages.noLevels());
  for (const lv of levels) if (lv.map.width !== model.size || lv.map.height !== model.size) fail(MODULE, retargetMessages.levelSize(lv.map.width, model.size));
  const o = { ...LOCATE_DEFAULTS, ...opts, layers: opts.layers ?? null };
  if (!Number.isInteger(o.goalRadius) || o.goalRadius < 0) fail(MODULE, retargetMessages.badOption('goalRadius', o.goalRadius, 'an integer >= 0'));
  if (!Number.isInteger(o.minMouseDistance) || o.minMouseDistance < 1) fail(MODULE, retargetMessages.badOption('minMouseDistance', o.minMouseDistance, 'a positive integer'));
  for (const k of ['probeExamples', 'pairs', 'candidates'] as const) {
    if (!Number.isInteger(o[k]) || o[k] < 1) fail(MODULE, retargetMessages.badOption(k, o[k], 'a positive integer'));
  }
  if (o.probeExamples < 4) fail(MODULE, retargetMessages.badOption('probeExamples', o.probeExamples, 'at least 4'));
  for (const k of ['testFraction', 'minProbeAccuracy', 'minEffect', 'groupFraction'] as const) {
    if (typeof o[k] !== 'number' || !(o[k] > 0 && o[k] < 1)) fail(MODULE, retargetMessages.badOption(k, o[k], 'a number strictly between 0 and 1'));
  }
  if (!model.layers.some((l) => l.spatial)) fail(MODULE, retargetMessages.noSpatialLayer(model.kind));
  return o;
}

/** Shape helpers: a spatial layer is [H, W] (one channel, rank-3 activations) or [H, W, C]. */
function channelsOf(info: LayerInfo): number { return info.shape.length > 2 ? info.shape[2] : 1; }

/** Forward passes in chunks; returns the activations of `layers` as Float32Arrays plus the logits. */
function readLayers(model: NamedModel, obsOf: (from: number, to: number) => tf.Tensor4D, n: number, layers: readonly string[], chunk = 64): { acts: Record<string, Float32Array>; logits: Float32Array } {
  const parts: Record<string, Float32Array[]> = Object.fromEntries(layers.map((l) => [l, []]));
  const logitParts: Float32Array[] = [];
  for (let s = 0; s < n; s += chunk) {
    const e = Math.min(n, s + chunk);
    const r = tf.tidy(() => {
      const out = model.forward(obsOf(s, e), { read: layers });
      return { acts: out.acts, logits: out.logits.logSoftmax() };
    });
    for (const l of layers) { parts[l].push(r.acts[l].dataSync() as Float32Array); r.acts[l].dispose(); }
    logitParts.push(r.logits.dataSync() as Float32Array); r.logits.dispose();
  }
  const cat = (xs: Float32Array[]) => { const out = new Float32Array(xs.reduce((s, x) => s + x.length, 0)); let o = 0; for (const x of xs) { out.set(x, o); o += x.length; } return out; };
  return { acts: Object.fromEntries(layers.map((l) => [l, cat(parts[l])])), logits: cat(logitParts) };
}

const argmax = (xs: ArrayLike<number>, from: number, len: number) => { let b = from; for (let i = from; i < from + len; i++) if (xs[i] > xs[b]) b = i; return b - from; };

/**
 * Locates the cheese representation an agent acts on, knowing nothing of its architecture.
 *
 * @example
 * const r = locateTarget(agent, cheeseMazeLevels('test', 40, 'locate', { size: 7 }));
 * r.located; r.bestRow; // e.g. { layer: 'target.map', channel: 0, probeAccuracy: 1, goalEffect: 1, … }
 * r.inputBaseline;      // what the observation alone decodes (never counted)
 */
export function locateTarget(model: NamedModel, levels: readonly CheeseMazeLevel[], opts: LocateOptions = {}): LocateResult {
  const o = checkOptions(model, levels, opts);
  const size = model.size, cells = size * size;
  const rng = createRng(`locate/${String(o.seed)}`);
  const inputs = new Set(inputLayers(model.layers));
  const families = layerFamilies(model.layers.filter((l) => l.spatial));
  const wanted = (name: string) => o.layers === null || o.layers.includes(name) || families.some((f) => o.layers!.includes(f.key) && f.members.includes(name));
  const spatial = model.layers.filter((l) => l.spatial && wanted(l.name));
  if (spatial.length === 0) fail(MODULE, retargetMessages.noSpatialLayer(model.kind));
  const names = spatial.map((l) => l.name);
  const info = new Map(spatial.map((l) => [l.name, l]));

  // 1. Probes on every spatial layer.
  const examples = Array.from({ length: o.probeExamples }, (_, i) => {
    const level = levels[i % levels.length];
    const free = openCells(level).filter((c) => !(c.x === level.cheese.x && c.y === level.cheese.y));
    return { level, mouse: rng.pick(free) };
  });
  const ex = readLayers(model, (s, e) => observeBatch(examples.slice(s, e).map((x) => x.level), examples.slice(s, e).map((x) => x.mouse)), examples.length, names);
  const probeOf = new Map<string, CellProbeResult>();
  for (const name of names) {
    const l = info.get(name)!;
    probeOf.set(name, cellProbe({
      data: ex.acts[name], H: size, W: size, C: channelsOf(l),
      open: examples.map((x) => x.level.map.passable), label: examples.map((x) => idx(x.level.cheese, size)),
    }, { testFraction: o.testFraction, seed: o.seed }));
  }
  const probes: LayerProbeRow[] = names.map((n) => ({ layer: n, input: inputs.has(n), accuracy: probeOf.get(n)!.accuracy, auc: probeOf.get(n)!.auc, chance: probeOf.get(n)!.chance }));

  // 2. Patching pairs: same maze and mouse, cheese at A vs B, choices differing.
  const tries: Pair[] = Array.from({ length: o.pairs * 4 }, (_, i) => {
    const level = levels[i % levels.length];
    const a = level.cheese;
    const free = openCells(level).filter((c) => !(c.x === a.x && c.y === a.y));
    const far = (m: Cell, c: Cell) => Math.abs(m.x - c.x) + Math.abs(m.y - c.y) >= Math.max(o.minMouseDistance, 2 * o.goalRadius + 2);
    const mice = free.filter((m) => far(m, a));
    const mouse = rng.pick(mice.length > 0 ? mice : free);
    const bs = free.filter((c) => !(c.x === mouse.x && c.y === mouse.y) && far(mouse, c));
    const b = rng.pick(bs.length > 0 ? bs : free.filter((c) => !(c.x === mouse.x && c.y === mouse.y)));
    return { level, a, b, mouse };
  });
  const obsA = (ps: readonly Pair[]) => observeBatch(ps.map((p) => withCheese(p.level, p.a)), ps.map((p) => p.mouse));
  const obsB = (ps: readonly Pair[]) => observeBatch(ps.map((p) => withCheese(p.level, p.b)), ps.map((p) => p.mouse));
  const choice = (ps: readonly Pair[], obs: (p: readonly Pair[]) => tf.Tensor4D) => {
    const out = tf.tidy(() => model.forward(obs(ps)).logits.argMax(1));
    const v = Array.from(out.dataSync()); out.dispose(); return v;
  };
  const ca = choice(tries, obsA), cb = choice(tries, obsB);
  const pairs = tries.filter((_, i) => ca[i] !== cb[i]).slice(0, o.pairs);
  const rows: LocateRow[] = [];
  const familyRows = families.filter((f) => f.members.every((m) => info.has(m)));
  const inFamily = new Set(familyRows.flatMap((f) => f.members));
  for (const name of names) {
    if (!o.perIteration && inFamily.has(name)) continue;
    const p = probeOf.get(name)!;
    for (let c = 0; c < channelsOf(info.get(name)!); c++) {
      rows.push({ layer: name, layers: [name], channel: c, input: inputs.has(name), probeAccuracy: p.channels[c].accuracy, probeAuc: p.channels[c].auc, effect: 0, flips: 0, goalEffect: null, passes: false });
    }
    if (o.wholeState && channelsOf(info.get(name)!) > 1) {
      rows.push({ layer: name, layers: [name], channel: -1, input: inputs.has(name), probeAccuracy: p.accuracy, probeAuc: p.auc, effect: 0, flips: 0, goalEffect: null, passes: false });
    }
  }
  for (const f of familyRows) {
    for (let c = 0; c < channelsOf(info.get(f.members[0])!); c++) {
      const scores = f.members.map((m) => probeOf.get(m)!.channels[c]);
      const top = scores.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
      rows.push({ layer: f.key, layers: f.members.slice(), channel: c, input: f.members.some((m) => inputs.has(m)), probeAccuracy: top.accuracy, probeAuc: top.auc, effect: 0, flips: 0, goalEffect: null, passes: false });
    }
    if (o.wholeState && channelsOf(info.get(f.members[0])!) > 1) {
      const top = f.members.map((m) => probeOf.get(m)!).reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
      rows.push({ layer: f.key, layers: f.members.slice(), channel: -1, input: f.members.some((m) => inputs.has(m)), probeAccuracy: top.accuracy, probeAuc: top.auc, effect: 0, flips: 0, goalEffect: null, passes: false });
    }
  }

  const B = pairs.length;
  let cells2: ChartRow[] = [];
  if (B > 0) {
    const clean = obsA(pairs);
    const corrupt = tf.tidy(() => {
      const r = model.forward(obsB(pairs), { read: names });
      return { acts: r.acts, lp: r.logits.logSoftmax() };
    });
    const cleanLp = tf.tidy(() => model.forward(clean).logits.logSoftmax());
    const lpA = cleanLp.arraySync() as number[][], lpB = corrupt.lp.arraySync() as number[][];
    const target = lpB.map((r) => r.indexOf(Math.max(...r)));
    /** Mean effect and flip rate of a patch built from a per-layer mask (1 = take B's value). */
    const score = (layers: readonly string[], mask: (layer: string) => Float32Array): { effect: number; flips: number } => {
      const lp = tf.tidy(() => {
        const patch: Record<string, Patch> = {};
        for (const l of layers) {
          const src = corrupt.acts[l];
          const m = tf.tensor(mask(l), src.shape);
          patch[l] = (act: tf.Tensor) => tf.add(tf.mul(act, tf.sub(1, m)), tf.mul(src, m));
        }
        return model.forward(clean, { patch }).logits.logSoftmax();
      });
      const v = lp.dataSync(); lp.dispose();
      let eff = 0, flips = 0;
      for (let i = 0; i < B; i++) {
        const t = target[i], den = lpB[i][t] - lpA[i][t];
        const e = Math.abs(den) < 1e-6 ? 0 : (v[i * 4 + t] - lpA[i][t]) / den;
        eff += Math.max(-1, Math.min(1, e));
        if (argmax(v, i * 4, 4) === t) flips += 1;
      }
      return { effect: eff / B, flips: flips / B };
    };
    const channelMask = (l: string, c: number, where: (i: number, j: number) => boolean) => {
      const C = channelsOf(info.get(l)!);
      const m = new Float32Array(B * cells * C);
      for (let i = 0; i < B; i++) for (let j = 0; j < cells; j++) {
        if (!where(i, j)) continue;
        if (c < 0) m.fill(1, (i * cells + j) * C, (i * cells + j + 1) * C); else m[(i * cells + j) * C + c] = 1;
      }
      return m;
    };
    for (const r of rows) Object.assign(r, score(r.layers, (l) => channelMask(l, r.channel, () => true)));
    // Candidates: the strongest non-input channels, patched at the two cheese cells only.
    const near = (c: Cell, j: number) => Math.max(Math.abs((j % size) - c.x), Math.abs(Math.floor(j / size) - c.y)) <= o.goalRadius;
    const goalCells = (i: number, j: number) => near(pairs[i].a, j) || near(pairs[i].b, j);
    const cands = rows.filter((r) => !r.input).sort((a, b) => b.effect - a.effect).slice(0, o.candidates);
    for (const r of cands) {
      r.goalEffect = score(r.layers, (l) => channelMask(l, r.channel, goalCells)).effect;
      r.passes = r.probeAccuracy >= o.minProbeAccuracy && r.goalEffect >= o.minEffect;
    }
    rankRows(rows, model.layers);
    const top = rows.find((r) => !r.input);
    if (top && o.cellByCell) {
      for (let j = 0; j < cells; j++) {
        const { effect } = score(top.layers, (l) => channelMask(l, top.channel, (_, jj) => jj === j));
        cells2.push({ x: j % size, y: Math.floor(j / size), effect });
      }
    }
    clean.dispose(); cleanLp.dispose(); corrupt.lp.dispose();
    for (const t of Object.values(corrupt.acts)) t.dispose();
  } else rankRows(rows, model.layers);

  // 3. Verdict and the located representation.
  const bestRow = rows.find((r) => !r.input) ?? null;
  const located = !!bestRow && bestRow.passes;
  let best: LocatedTarget | null = null;
  if (bestRow) {
    const group = bestRow.channel < 0 ? [] : rows.filter((r) => r.layer === bestRow.layer && r.channel >= 0 && r.passes && r.goalEffect !== null && bestRow.goalEffect !== null && r.goalEffect >= o.groupFraction * bestRow.goalEffect).map((r) => r.channel);
    const family = bestRow.layers.length > 1 ? familyRows.find((f) => f.key === bestRow.layer) ?? null : familyOf(spatial, bestRow.layer);
    const statLayers = family ? family.members : bestRow.layers;
    const stats: LocatedTarget['stats'] = {};
    const per = size * size * CHEESE_MAZE_CHANNELS.length;
    const blankRun = readLayers(model, (s, e) => {
      const out = new Float32Array((e - s) * per);
      examples.slice(s, e).forEach((x, k) => writeObservation(x.level, x.mouse, out, k * per, null));
      return tf.tensor4d(out, [e - s, size, size, CHEESE_MAZE_CHANNELS.length]);
    }, examples.length, statLayers.filter((l) => info.has(l)));
    for (const l of statLayers) {
      const p = probeOf.get(l);
      if (!p) continue;
      stats[l] = {
        on: p.channels.map((c) => c.on), off: p.channels.map((c) => c.off), rank: info.get(l)!.shape.length > 2 ? 4 : 3,
        window: windowMeans(ex.acts[l], examples, size, channelsOf(info.get(l)!), o.goalRadius),
        blank: openMeans(blankRun.acts[l], examples, size, channelsOf(info.get(l)!)),
      };
    }
    const all = Array.from({ length: channelsOf(info.get(bestRow.layers[0])!) }, (_, c) => c);
    best = { size, layers: bestRow.layers.slice(), channels: bestRow.channel < 0 ? all : group.length > 0 ? group : [bestRow.channel], family, radius: o.goalRadius, stats };
  }
  const inputBaseline = probes.filter((p) => p.input);
  const verdict = verdictText(bestRow, located, B, o, inputBaseline);
  const label = (r: LocateRow) => `${r.layer}#${r.channel < 0 ? 'all' : r.channel}`;
  const charts = {
    effects: barChart(rows.slice(0, 24).map((r) => ({ unit: label(r), effect: r.effect, goalEffect: r.goalEffect ?? 0 })), {
      x: 'unit', y: 'effect', title: 'Patching B into A: effect of each (layer, channel), strongest first', xTitle: 'layer#channel', yTitle: 'effect on the choice', sort: 'data',
    }),
    probes: barChart(probes.map((p) => ({ layer: p.input ? `${p.layer} (input)` : p.layer, accuracy: p.accuracy })), {
      x: 'layer', y: 'accuracy', title: 'Per-cell probe "this cell holds the cheese": held-out top-1 accuracy', yTitle: 'accuracy',
    }),
    cells: cells2.length > 0 && bestRow ? heatmap(cells2, { x: 'x', y: 'y', value: 'effect', scheme: 'redblue', title: `Patching ${label(bestRow)} one cell at a time` }) : null,
  };
  return { located, verdict, best, bestRow, rows, probes, inputBaseline, cells: cells2, pairs: B, options: o, charts };
}

/** Mean of each channel over the open cells of the examples. */
function openMeans(data: Float32Array, examples: readonly { level: CheeseMazeLevel }[], size: number, C: number): number[] {
  const sum = new Float64Array(C);
  let n = 0;
  examples.forEach((e, i) => {
    for (let j = 0; j < size * size; j++) {
      if (!e.level.map.passable[j]) continue;
      n += 1;
      for (let c = 0; c < C; c++) sum[c] += data[(i * size * size + j) * C + c];
    }
  });
  return Array.from(sum, (v) => v / Math.max(1, n));
}

/** Mean activation at each offset of the (2r+1)² window around the cheese, over the examples (open cells only). */
function windowMeans(data: Float32Array, examples: readonly { level: CheeseMazeLevel }[], size: number, C: number, r: number): number[][] {
  const side = 2 * r + 1;
  const sum = Array.from({ length: side * side }, () => new Float64Array(C)), n = new Array<number>(side * side).fill(0);
  examples.forEach((e, i) => {
    for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) {
      const x = e.level.cheese.x + dx, y = e.level.cheese.y + dy;
      if (x < 0 || y < 0 || x >= size || y >= size || !e.level.map.passable[y * size + x]) continue;
      const k = (dy + r) * side + dx + r;
      n[k] += 1;
      for (let c = 0; c < C; c++) sum[k][c] += data[((i * size + y) * size + x) * C + c];
    }
  });
  return sum.map((s, k) => Array.from(s, (v) => (n[k] > 0 ? v / n[k] : NaN)));
}

/** Passing rows first; then cheese-cell effect, probe accuracy, whole-channel effect; on exact ties one channel beats the whole state, and later layers win. */
function rankRows(rows: LocateRow[], layers: readonly LayerInfo[]): void {
  const order = (r: LocateRow) => layers.findIndex((l) => l.name === r.layers[r.layers.length - 1]);
  const q = (v: number) => Math.round(v * 1000);
  rows.sort((a, b) => Number(b.passes) - Number(a.passes)
    || q(b.goalEffect ?? -2) - q(a.goalEffect ?? -2)
    || q(b.probeAccuracy) - q(a.probeAccuracy)
    || q(b.effect) - q(a.effect)
    || Number(b.channel >= 0) - Number(a.channel >= 0)
    || order(b) - order(a));
}

function verdictText(best: LocateRow | null, located: boolean, pairs: number, o: typeof LOCATE_DEFAULTS, input: LayerProbeRow[]): string {
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const inp = input.length > 0 ? ` (the input layer alone decodes the cheese at ${pct(Math.max(...input.map((p) => p.accuracy)))}; not counted)` : '';
  if (pairs === 0) return `not located: moving the cheese never changed the agent's choice, so no patch can show a causal effect${inp}.`;
  if (!best) return `not located: no non-input spatial layer to test${inp}.`;
  const what = `${best.layer} ${best.channel < 0 ? 'all channels' : `channel ${best.channel}`}: probe ${pct(best.probeAccuracy)}, cheese-cell patch effect ${best.goalEffect === null ? 'n/a' : pct(best.goalEffect)}, whole-channel effect ${pct(best.effect)}`;
  if (located) return `located at ${what}${inp}.`;
  const why = best.probeAccuracy < o.minProbeAccuracy ? `probe below ${pct(o.minProbeAccuracy)}` : `causal effect below ${pct(o.minEffect)}`;
  return `not located (${why}); best candidate ${what}${inp}.`;
}
