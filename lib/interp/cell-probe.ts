/**
 * Per-cell probes: does a spatial layer's feature vector at a cell say "this cell holds X"
 * (the cheese, a target)? One logistic regression over the channels of a cell, fitted on some
 * examples and scored on the others: held-out top-1 accuracy (is the highest-scoring open cell
 * the right one?) and AUC (right cell vs every other open cell). Each channel alone is scored
 * the same way, with its sign chosen on the training examples.
 */
import { createRng } from '../core/rng';

export interface CellProbeInput {
  /** Activations [N, H, W, C], row-major. */
  data: Float32Array;
  H: number;
  W: number;
  C: number;
  /** Per example: 1 where the cell is open (only open cells are scored). */
  open: readonly ArrayLike<number>[];
  /** Per example: the index (y * W + x) of the labelled cell. */
  label: readonly number[];
}

export interface CellProbeOptions {
  /** Fraction of examples held out for scoring. Default 0.3. */
  testFraction?: number;
  /** Gradient steps of the logistic regression. Default 200. */
  steps?: number;
  /** L2 penalty. Default 1e-3. */
  l2?: number;
  seed?: number | string;
}

export interface ChannelScore {
  /** Held-out top-1 accuracy of the channel alone (times its sign). */
  accuracy: number;
  auc: number;
  /** +1 if the channel is higher at the labelled cell (on the training examples), else -1. */
  sign: 1 | -1;
  /** Mean of the channel at the labelled cell and over the other open cells (training examples). */
  on: number;
  off: number;
}

export interface CellProbeResult {
  /** Held-out top-1 accuracy of the probe over all channels. */
  accuracy: number;
  auc: number;
  /** 1 / open cells, averaged over the held-out examples. */
  chance: number;
  channels: ChannelScore[];
  trainExamples: number;
  testExamples: number;
}

/** Pooled AUC: P(score at a positive > score at a negative), ties counted half. */
export function auc(pos: readonly number[], neg: readonly number[]): number {
  if (pos.length === 0 || neg.length === 0) return 0.5;
  const all = [...pos.map((v) => [v, 1] as const), ...neg.map((v) => [v, 0] as const)].sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j < all.length && all[j][0] === all[i][0]) j++;
    const mid = (i + j + 1) / 2; // average 1-based rank of the tie group
    for (let k = i; k < j; k++) if (all[k][1] === 1) rankSum += mid;
    i = j;
  }
  return (rankSum - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}

/** Splits example indices into train and held-out test (seeded). */
export function splitExamples(n: number, testFraction: number, seed: number | string): { train: number[]; test: number[] } {
  const order = createRng(`cell-probe/${String(seed)}`).shuffle(Array.from({ length: n }, (_, i) => i));
  const nTest = Math.min(n - 1, Math.max(1, Math.round(n * testFraction)));
  return { test: order.slice(0, nTest), train: order.slice(nTest) };
}

/**
 * Fits and scores a per-cell probe on one layer.
 *
 * @example
 * const r = cellProbe({ data, H, W, C, open, label });
 * r.accuracy; // held-out: how often the probe's top cell is the labelled one
 */
export function cellProbe(input: CellProbeInput, opts: CellProbeOptions = {}): CellProbeResult {
  const { data, H, W, C, open, label } = input;
  const n = label.length, cells = H * W;
  const { train, test } = splitExamples(n, opts.testFraction ?? 0.3, opts.seed ?? 1);
  const at = (i: number, j: number, c: number) => data[(i * cells + j) * C + c];
  // Training rows: every open cell of the training examples, balanced by weight.
  const rows: number[] = [], ys: number[] = [];
  const on = new Float64Array(C), off = new Float64Array(C);
  let nOff = 0;
  for (const i of train) for (let j = 0; j < cells; j++) {
    if (!open[i][j]) continue;
    rows.push(j + i * cells);
    const y = j === label[i] ? 1 : 0;
    ys.push(y);
    for (let c = 0; c < C; c++) { const v = at(i, j, c); if (y) on[c] += v; else off[c] += v; }
    if (!y) nOff += 1;
  }
  for (let c = 0; c < C; c++) { on[c] /= Math.max(1, train.length); off[c] /= Math.max(1, nOff); }
  const nPos = ys.filter((y) => y === 1).length, nNeg = ys.length - nPos;
  const mean = new Float64Array(C), sd = new Float64Array(C);
  for (const r of rows) for (let c = 0; c < C; c++) mean[c] += data[r * C + c] / rows.length;
  for (const r of rows) for (let c = 0; c < C; c++) sd[c] += (data[r * C + c] - mean[c]) ** 2 / rows.length;
  for (let c = 0; c < C; c++) sd[c] = Math.sqrt(sd[c]) || 1;
  const X = new Float64Array(rows.length * C);
  rows.forEach((r, k) => { for (let c = 0; c < C; c++) X[k * C + c] = (data[r * C + c] - mean[c]) / sd[c]; });
  // Balanced logistic regression by full-batch gradient descent (features standardized).
  const w = new Float64Array(C); let b = 0;
  const wPos = 0.5 / Math.max(1, nPos), wNeg = 0.5 / Math.max(1, nNeg);
  const l2 = opts.l2 ?? 1e-3, lr = 1;
  const g = new Float64Array(C);
  for (let s = 0; s < (opts.steps ?? 200); s++) {
    g.fill(0); let gb = 0;
    for (let k = 0; k < ys.length; k++) {
      let z = b;
      for (let c = 0; c < C; c++) z += w[c] * X[k * C + c];
      const p = 1 / (1 + Math.exp(-z));
      const e = (p - ys[k]) * (ys[k] ? wPos : wNeg);
      for (let c = 0; c < C; c++) g[c] += e * X[k * C + c];
      gb += e;
    }
    for (let c = 0; c < C; c++) w[c] -= lr * (g[c] + 2 * l2 * w[c]);
    b -= lr * gb;
  }
  const score = (i: number, j: number) => {
    let z = b;
    for (let c = 0; c < C; c++) z += w[c] * (at(i, j, c) - mean[c]) / sd[c];
    return z;
  };
  const sign = Array.from({ length: C }, (_, c) => (on[c] >= off[c] ? 1 : -1) as 1 | -1);
  // Held-out scoring: the probe and each channel alone.
  let hits = 0, chance = 0;
  const chHits = new Array<number>(C).fill(0);
  const pos: number[] = [], neg: number[] = [];
  const chPos = Array.from({ length: C }, () => [] as number[]), chNeg = Array.from({ length: C }, () => [] as number[]);
  for (const i of test) {
    let best = -Infinity, arg = -1, count = 0;
    const chBest = new Array<number>(C).fill(-Infinity), chArg = new Array<number>(C).fill(-1), chTie = new Array<boolean>(C).fill(false);
    for (let j = 0; j < cells; j++) {
      if (!open[i][j]) continue;
      count += 1;
      const z = score(i, j);
      if (z > best) { best = z; arg = j; }
      (j === label[i] ? pos : neg).push(z);
      for (let c = 0; c < C; c++) {
        const v = sign[c] * at(i, j, c);
        if (v > chBest[c]) { chBest[c] = v; chArg[c] = j; chTie[c] = false; } else if (v === chBest[c]) chTie[c] = true;
        (j === label[i] ? chPos[c] : chNeg[c]).push(v);
      }
    }
    chance += 1 / Math.max(1, count);
    if (arg === label[i]) hits += 1;
    for (let c = 0; c < C; c++) if (chArg[c] === label[i] && !chTie[c]) chHits[c] += 1;
  }
  return {
    accuracy: hits / test.length, auc: auc(pos, neg), chance: chance / test.length,
    channels: Array.from({ length: C }, (_, c) => ({ accuracy: chHits[c] / test.length, auc: auc(chPos[c], chNeg[c]), sign: sign[c], on: on[c], off: off[c] })),
    trainExamples: train.length, testExamples: test.length,
  };
}
