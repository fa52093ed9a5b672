/**
 * The learned searcher's network, as plain typed-array math (forward and backward), with no
 * planner, target or distance anywhere in it:
 *
 *   u   = conv3x3(x, Wx) + b1                 the observation, re-injected at every iteration
 *   a_t = relu(conv3x3(h_{t-1}, Wh) + u)      one tied 3×3 block …
 *   h_t = tanh(h_{t-1} + a_t · W2 + b2)       … applied K times (h_0 = 0; the skip lets a state persist)
 *   logits_t = conv3x3(h_t, Wo) + bo          a move (up, right, down, left) at every cell
 *
 * `x` is the observation's wall, cheese, x and y channels. Training reads the moves at every cell;
 * the agent reads them at the mouse's cell.
 */
import type { Arr, Geom } from './conv';
import { conv1x1, conv1x1Backward, conv3x3, conv3x3Backward, paddedSize } from './conv';

/** Observation channels the network reads (indices into CHEESE_MAZE_CHANNELS: wall, cheese, x, y). */
export const INPUT_CHANNELS = [0, 2, 3, 4] as const;
export const INPUT_NAMES = ['wall', 'cheese', 'x', 'y'] as const;

/** Sizes of the network. */
export interface NetShape {
  /** Channels of the recurrent state h. */
  state: number;
  /** Channels of the inner layer a. */
  inner: number;
  /** False: the x, y channels are fed as zeros (the net sees walls and cheese only). Default true. */
  coordinates?: boolean;
}

/** Where each named tensor lives in the flat parameter vector. */
export interface ParamLayout {
  shape: NetShape;
  tensors: { name: string; shape: number[]; offset: number; size: number }[];
  total: number;
  off: Record<'wx' | 'b1' | 'wh' | 'w2' | 'b2' | 'wo' | 'bo', number>;
}

export function paramLayout(shape: NetShape): ParamLayout {
  const cin = INPUT_CHANNELS.length, C = shape.state, A = shape.inner;
  const defs: [ParamLayout['tensors'][number]['name'], number[]][] = [
    ['wx', [3, 3, cin, A]], ['b1', [A]], ['wh', [3, 3, C, A]], ['w2', [A, C]], ['b2', [C]], ['wo', [3, 3, C, 4]], ['bo', [4]],
  ];
  let offset = 0;
  const tensors = defs.map(([name, s]) => {
    const size = s.reduce((p, d) => p * d, 1);
    const t = { name, shape: s, offset, size };
    offset += size;
    return t;
  });
  const off = Object.fromEntries(tensors.map((t) => [t.name, t.offset])) as ParamLayout['off'];
  return { shape, tensors, total: offset, off };
}

/** He-normal initial weights (zero biases) from a normal sampler. */
export function initParams(layout: ParamLayout, normal: () => number): Float32Array {
  const p = new Float32Array(layout.total);
  for (const t of layout.tensors) {
    if (t.shape.length === 1) continue;
    const fanIn = t.size / t.shape[t.shape.length - 1];
    const sd = Math.sqrt(2 / fanIn) * (t.name === 'wo' ? 0.5 : 1);
    for (let i = 0; i < t.size; i++) p[t.offset + i] = normal() * sd;
  }
  return p;
}

/** Writes the network input (padded, channels wall, cheese, x, y) from observations [B,H,W,5]. */
export function inputFromObservation(obs: ArrayLike<number>, g: Geom, out: Arr, coordinates = true): void {
  const cin = INPUT_CHANNELS.length;
  out.fill(0);
  for (let b = 0; b < g.B; b++) {
    for (let y = 0; y < g.H; y++) {
      for (let x = 0; x < g.W; x++) {
        const src = ((b * g.H + y) * g.W + x) * 5;
        const dst = ((b * (g.H + 2) + y + 1) * (g.W + 2) + x + 1) * cin;
        for (let c = 0; c < cin; c++) out[dst + c] = coordinates || c < 2 ? obs[src + INPUT_CHANNELS[c]] : 0;
      }
    }
  }
}

function zeros(n: number, like: Arr): Arr {
  return like instanceof Float64Array ? new Float64Array(n) : new Float32Array(n);
}

/** u = conv3x3(x, Wx) + b1: the re-injected observation. */
export function inputProjection(params: Arr, layout: ParamLayout, x: Arr, g: Geom): Arr {
  const A = layout.shape.inner;
  const u = zeros(paddedSize(g, A), params);
  conv3x3(x, INPUT_CHANNELS.length, params, layout.off.wx, A, params, layout.off.b1, u, g);
  return u;
}

/** One iteration: a = relu(conv(hPrev) + u), h = tanh(hPrev + a·W2 + b2). Writes `a` and `h`. */
export function iterate(params: Arr, layout: ParamLayout, u: Arr, hPrev: Arr, a: Arr, h: Arr, g: Geom): void {
  const { state: C, inner: A } = layout.shape;
  a.set(u);
  conv3x3(hPrev, C, params, layout.off.wh, A, null, 0, a, g, true);
  for (let i = 0; i < a.length; i++) if (a[i] < 0) a[i] = 0;
  conv1x1(a, A, params, layout.off.w2, C, params, layout.off.b2, h, g);
  // conv1x1 writes only interior cells; the border of h stays 0 and tanh(0) = 0.
  for (let i = 0; i < h.length; i++) h[i] = Math.tanh(h[i] + hPrev[i]);
}

/** Move logits [padded, 4] at every cell from a state h. */
export function readout(params: Arr, layout: ParamLayout, h: Arr, g: Geom, out?: Arr): Arr {
  const logits = out ?? zeros(paddedSize(g, 4), params);
  conv3x3(h, layout.shape.state, params, layout.off.wo, 4, params, layout.off.bo, logits, g);
  return logits;
}

/**
 * Runs `iterations` iterations; calls `onIteration(t, h, a)` after each (t = 1..iterations). The
 * callback may overwrite `h` in place (activation patching) and the next iteration reads the
 * patched state. Returns the final state.
 */
export function run(params: Arr, layout: ParamLayout, x: Arr, g: Geom, iterations: number, onIteration?: (t: number, h: Arr, a: Arr) => void, h0?: Arr): Arr {
  const u = inputProjection(params, layout, x, g);
  let h = h0 ? h0.slice() : zeros(paddedSize(g, layout.shape.state), params);
  let next = zeros(h.length, params);
  const a = zeros(paddedSize(g, layout.shape.inner), params);
  for (let t = 1; t <= iterations; t++) {
    iterate(params, layout, u, h, a, next, g);
    [h, next] = [next, h];
    onIteration?.(t, h, a);
  }
  return h;
}

/**
 * Softmax cross-entropy over labelled cells (label ≥ 0 in `labels`, one per padded cell; -1 =
 * ignored); returns the mean loss, the accuracy, and writes dL/dlogits into `dLogits`.
 */
export function crossEntropy(logits: Arr, labels: Int8Array, dLogits: Arr | null): { loss: number; correct: number; count: number } {
  let count = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) count++;
  let loss = 0, correct = 0;
  if (dLogits) dLogits.fill(0);
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y < 0) continue;
    const o = i * 4;
    let m = logits[o], arg = 0;
    for (let k = 1; k < 4; k++) if (logits[o + k] > m) { m = logits[o + k]; arg = k; }
    if (arg === y) correct++;
    let z = 0;
    for (let k = 0; k < 4; k++) z += Math.exp(logits[o + k] - m);
    loss += Math.log(z) - (logits[o + y] - m);
    if (dLogits) for (let k = 0; k < 4; k++) dLogits[o + k] = (Math.exp(logits[o + k] - m) / z - (k === y ? 1 : 0)) / count;
  }
  return { loss: count ? loss / count : 0, correct, count };
}

export interface StepResult { loss: number; accuracy: number; labelled: number }

/**
 * Loss and gradient of one truncated pass: `warm` iterations without gradient, then `grad`
 * iterations with it (backpropagation through time over those only), loss on the moves after
 * the last. Adds the gradient into `grads` (same layout as params).
 */
export function lossAndGradient(params: Arr, layout: ParamLayout, x: Arr, labels: Int8Array, g: Geom, warm: number, grad: number, grads: Arr): StepResult {
  const { state: C, inner: A } = layout.shape;
  const { off } = layout;
  const cin = INPUT_CHANNELS.length;
  const u = inputProjection(params, layout, x, g);
  let h = zeros(paddedSize(g, C), params);
  let tmp = zeros(h.length, params);
  const a0 = zeros(paddedSize(g, A), params);
  for (let t = 0; t < warm; t++) { iterate(params, layout, u, h, a0, tmp, g); [h, tmp] = [tmp, h]; }
  const hs: Arr[] = [h];
  const as: Arr[] = [];
  for (let t = 0; t < grad; t++) {
    const a = zeros(a0.length, params), hn = zeros(h.length, params);
    iterate(params, layout, u, hs[t], a, hn, g);
    as.push(a); hs.push(hn);
  }
  const hT = hs[grad];
  const logits = readout(params, layout, hT, g);
  const dLogits = zeros(logits.length, params);
  const ce = crossEntropy(logits, labels, dLogits);
  // Head.
  for (let i = 0; i < dLogits.length; i += 4) for (let k = 0; k < 4; k++) grads[off.bo + k] += dLogits[i + k];
  let dh = zeros(hT.length, params);
  conv3x3Backward(hT, C, params, off.wo, 4, dLogits, dh, grads, g);
  const dz2 = zeros(hT.length, params), da = zeros(a0.length, params), du = zeros(a0.length, params);
  const interior = interiorMask(g);
  for (let t = grad; t >= 1; t--) {
    const ht = hs[t], at = as[t - 1];
    for (let i = 0; i < ht.length; i++) dz2[i] = interior[(i / C) | 0] ? dh[i] * (1 - ht[i] * ht[i]) : 0;
    conv1x1Backward(at, A, params, off.w2, C, dz2, da, grads, grads, off.b2, g);
    for (let i = 0; i < da.length; i++) { if (at[i] <= 0) da[i] = 0; du[i] += da[i]; }
    const dPrev = zeros(ht.length, params);
    if (t > 1) dPrev.set(dz2);
    conv3x3Backward(hs[t - 1], C, params, off.wh, A, da, t > 1 ? dPrev : null, grads, g);
    dh = dPrev;
  }
  // The input projection (its gradient summed over the iterations).
  for (let i = 0; i < du.length; i += A) for (let k = 0; k < A; k++) grads[off.b1 + k] += du[i + k];
  conv3x3Backward(x, cin, params, off.wx, A, du, null, grads, g);
  return { loss: ce.loss, accuracy: ce.count ? ce.correct / ce.count : 0, labelled: ce.count };
}

const maskCache = new Map<string, Uint8Array>();
/** 1 at interior cells of a padded buffer, 0 on the border. */
export function interiorMask(g: Geom): Uint8Array {
  const key = `${g.B}x${g.H}x${g.W}`;
  let m = maskCache.get(key);
  if (!m) {
    m = new Uint8Array(g.B * (g.H + 2) * (g.W + 2));
    for (let b = 0; b < g.B; b++) for (let y = 0; y < g.H; y++) for (let x = 0; x < g.W; x++) m[(b * (g.H + 2) + y + 1) * (g.W + 2) + x + 1] = 1;
    maskCache.set(key, m);
  }
  return m;
}

/** Floating-point operations of one forward iteration over a batch (multiply-add = 2). */
export function flopsPerIteration(layout: ParamLayout, g: Geom): number {
  const { state: C, inner: A } = layout.shape;
  return g.B * g.H * g.W * 2 * (9 * C * A + A * C);
}
