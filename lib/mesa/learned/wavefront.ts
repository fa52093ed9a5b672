/**
 * Evidence 2, a wavefront: at each iteration, a linear probe (ridge regression, fitted on half of
 * the held-out mazes and scored on the other half) from every open cell's recurrent state to
 * (a) the cell's maze distance to the cheese (R²) and (b) whether that distance is within the
 * iterations run so far (accuracy against the majority-class baseline). A search that spreads
 * from the cheese one cell per iteration shows (b) high at every iteration and (a) rising as the
 * front covers the maze.
 */
import { fail } from '../../core/errors';
import { cheeseMazeLevels, mazeDistances } from '../../envs/cheese-maze';
import type { CheeseMazeLevel } from '../../envs/cheese-maze';
import type { ChartRow, VlSpec } from '../../viz/index';
import { heatmap, lineChart, sliderParam } from '../../viz/index';
import type { LearnedNet } from './fields';
import { learnedMessages } from './messages';
import { moveFields } from './fields';

/** Ridge regression y ≈ X·w + b in closed form (penalty λ·n on w, none on b). */
export function ridgeFit(X: Float64Array, y: Float64Array, features: number, lambda = 1e-3): { w: Float64Array; b: number } {
  const n = y.length, p = features + 1;
  if (X.length !== n * features) fail('mesa/learned', learnedMessages.ridgeShape(X.length, n, features));
  const A = new Float64Array(p * p), r = new Float64Array(p);
  const row = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < features; j++) row[j] = X[i * features + j];
    row[features] = 1;
    for (let j = 0; j < p; j++) { r[j] += row[j] * y[i]; for (let k = 0; k < p; k++) A[j * p + k] += row[j] * row[k]; }
  }
  for (let j = 0; j < features; j++) A[j * p + j] += lambda * n;
  // Gaussian elimination with partial pivoting.
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let k = c + 1; k < p; k++) if (Math.abs(A[k * p + c]) > Math.abs(A[piv * p + c])) piv = k;
    if (piv !== c) { for (let k = 0; k < p; k++) [A[c * p + k], A[piv * p + k]] = [A[piv * p + k], A[c * p + k]]; [r[c], r[piv]] = [r[piv], r[c]]; }
    const d = A[c * p + c] || 1e-12;
    for (let k = c + 1; k < p; k++) {
      const f = A[k * p + c] / d;
      if (f === 0) continue;
      for (let m = c; m < p; m++) A[k * p + m] -= f * A[c * p + m];
      r[k] -= f * r[c];
    }
  }
  const sol = new Float64Array(p);
  for (let c = p - 1; c >= 0; c--) {
    let s = r[c];
    for (let k = c + 1; k < p; k++) s -= A[c * p + k] * sol[k];
    sol[c] = s / (A[c * p + c] || 1e-12);
  }
  return { w: sol.subarray(0, features), b: sol[features] };
}

export interface WavefrontRow extends ChartRow {
  iteration: number;
  /** Held-out R² of the distance probe. */
  distanceR2: number;
  /** Held-out accuracy of the "distance ≤ iteration" probe, and its majority-class baseline. */
  reachedAccuracy: number;
  reachedBaseline: number;
}

export interface WavefrontFrameRow extends ChartRow { iteration: number; x: number; y: number; decoded: number; distance: number }

export interface WavefrontResult {
  rows: WavefrontRow[];
  /** Decoded distance of every open cell of the first test maze, at every iteration. */
  frames: WavefrontFrameRow[];
  size: number;
}

interface CellSample { level: number; cell: number; dist: number }

/**
 * Probes every iteration's state. `count` held-out mazes of side `size` (half to fit, half to
 * score); iterations 1..`iterations` (default 3·size + 10).
 */
export function wavefront(net: LearnedNet, opts: { size?: number; count?: number; iterations?: number; seed?: number | string; lambda?: number } = {}): WavefrontResult {
  const size = opts.size ?? 13;
  const T = opts.iterations ?? 3 * size + 10;
  const levels: CheeseMazeLevel[] = cheeseMazeLevels('test', opts.count ?? 16, `wavefront/${String(opts.seed ?? 1)}/${size}`, { size });
  const C = net.layout.shape.state;
  const samples: CellSample[] = [];
  levels.forEach((lv, li) => {
    const d = mazeDistances(lv.map, lv.cheese);
    for (let c = 0; c < d.length; c++) if (d[c] >= 0) samples.push({ level: li, cell: c, dist: d[c] });
  });
  const half = Math.ceil(levels.length / 2);
  const train = samples.filter((s) => s.level < half), test = samples.filter((s) => s.level >= half);
  const rows: WavefrontRow[] = [];
  const frames: WavefrontFrameRow[] = [];
  const states = new Map<number, Float64Array>(); // iteration → features of every sample
  moveFields(net, levels, [T], {
    chunk: levels.length,
    onState: (t, h, g) => {
      const F = new Float64Array(samples.length * C);
      samples.forEach((s, i) => {
        const y = (s.cell / size) | 0, x = s.cell % size;
        const o = ((s.level * (g.H + 2) + y + 1) * (g.W + 2) + x + 1) * C;
        for (let k = 0; k < C; k++) F[i * C + k] = h[o + k];
      });
      states.set(t, F);
    },
  });
  const pick = (F: Float64Array, set: CellSample[], offset: number) => F.subarray(offset * C, (offset + set.length) * C);
  for (let t = 1; t <= T; t++) {
    const F = states.get(t)!;
    const Ftr = pick(F, train, 0), Fte = pick(F, test, train.length);
    const dist = ridgeFit(Ftr, Float64Array.from(train, (s) => s.dist), C, opts.lambda);
    const predict = (w: Float64Array, b: number, X: Float64Array, i: number) => { let s = b; for (let k = 0; k < C; k++) s += w[k] * X[i * C + k]; return s; };
    const mean = test.reduce((s, v) => s + v.dist, 0) / test.length;
    let ssRes = 0, ssTot = 0;
    test.forEach((s, i) => { ssRes += (s.dist - predict(dist.w, dist.b, Fte, i)) ** 2; ssTot += (s.dist - mean) ** 2; });
    const reachedTrain = Float64Array.from(train, (s) => (s.dist <= t ? 1 : -1));
    const reach = ridgeFit(Ftr, reachedTrain, C, opts.lambda);
    let right = 0, positives = 0;
    test.forEach((s, i) => { const yes = s.dist <= t; if (yes) positives++; if ((predict(reach.w, reach.b, Fte, i) > 0) === yes) right++; });
    rows.push({ iteration: t, distanceR2: 1 - ssRes / ssTot, reachedAccuracy: right / test.length, reachedBaseline: Math.max(positives, test.length - positives) / test.length });
    test.forEach((s, i) => {
      if (s.level !== half) return;
      frames.push({ iteration: t, x: s.cell % size, y: (s.cell / size) | 0, decoded: Math.round(predict(dist.w, dist.b, Fte, i) * 10) / 10, distance: s.dist });
    });
  }
  return { rows, frames, size };
}

/** Probe quality by iteration: distance R², "reached" accuracy and its baseline. */
export function wavefrontChart(r: WavefrontResult): VlSpec {
  return lineChart(r.rows, {
    x: 'iteration', y: ['distanceR2', 'reachedAccuracy', 'reachedBaseline'],
    title: `Linear probes on the recurrent state, ${r.size}×${r.size} held-out mazes`,
    xTitle: 'iteration', yTitle: 'held-out R² / accuracy',
  });
}

/** The decoded distance map of one maze, one frame per iteration (a slider picks the frame). */
export function wavefrontFramesChart(r: WavefrontResult): VlSpec {
  const last = r.frames.reduce((m, f) => Math.max(m, f.iteration), 1);
  return heatmap(r.frames, {
    x: 'x', y: 'y', value: 'decoded', title: 'Decoded distance to the cheese, by iteration',
    params: [sliderParam('frame', { min: 1, max: last, step: 1, value: Math.min(last, Math.ceil(last / 3)), label: 'iteration ' })],
    filter: 'datum.iteration == frame', valueTitle: 'decoded distance',
  });
}
