import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/core/rng';
import { cheeseMazeLevels } from '../../lib/envs/cheese-maze';
import { conv1x1, conv1x1Backward, conv3x3, conv3x3Backward, paddedSize, type Geom } from '../../lib/mesa/learned/conv';
import { makeBatch } from '../../lib/mesa/learned/data';
import { crossEntropy, initParams, lossAndGradient, paramLayout } from '../../lib/mesa/learned/net';

// Every hand-written gradient against central finite differences, in float64.
const rng = createRng('grad-check');
const rand = (n: number) => Float64Array.from({ length: n }, () => rng.normal());

function interiorOnly(a: Float64Array, g: Geom, c: number): Float64Array {
  for (let b = 0; b < g.B; b++) for (let y = 0; y < g.H + 2; y++) for (let x = 0; x < g.W + 2; x++) {
    if (y === 0 || x === 0 || y === g.H + 1 || x === g.W + 1) for (let k = 0; k < c; k++) a[((b * (g.H + 2) + y) * (g.W + 2) + x) * c + k] = 0;
  }
  return a;
}

function numeric(f: () => number, v: Float64Array, i: number, eps = 1e-6): number {
  const keep = v[i];
  v[i] = keep + eps; const up = f();
  v[i] = keep - eps; const down = f();
  v[i] = keep;
  return (up - down) / (2 * eps);
}

function expectClose(analytic: number, num: number): void {
  expect(Math.abs(analytic - num)).toBeLessThan(1e-6 * Math.max(1, Math.abs(num)) + 1e-7);
}

describe('learned searcher: hand-written gradients (finite differences, float64)', () => {
  const g: Geom = { B: 2, H: 4, W: 3 };
  it('conv3x3 backward: input and kernel', () => {
    const cin = 3, cout = 2;
    const inp = interiorOnly(rand(paddedSize(g, cin)), g, cin);
    const w = rand(9 * cin * cout);
    const r = interiorOnly(rand(paddedSize(g, cout)), g, cout); // loss = <r, conv(inp)>
    const loss = () => { const o = new Float64Array(paddedSize(g, cout)); conv3x3(inp, cin, w, 0, cout, null, 0, o, g); return o.reduce((s, v, i) => s + v * r[i], 0); };
    const dIn = new Float64Array(inp.length), dW = new Float64Array(w.length);
    conv3x3Backward(inp, cin, w, 0, cout, r, dIn, dW, g);
    for (let i = 0; i < w.length; i += 5) expectClose(dW[i], numeric(loss, w, i));
    const interiorIdx = [(((0 * 6 + 1) * 5 + 1) * cin), (((1 * 6 + 4) * 5 + 3) * cin + 2), (((1 * 6 + 2) * 5 + 2) * cin + 1)];
    for (const i of interiorIdx) expectClose(dIn[i], numeric(loss, inp, i));
  });
  it('conv1x1 backward: input, kernel and bias', () => {
    const cin = 3, cout = 4;
    const inp = interiorOnly(rand(paddedSize(g, cin)), g, cin);
    const w = rand(cin * cout), bias = rand(cout);
    const r = interiorOnly(rand(paddedSize(g, cout)), g, cout);
    const loss = () => { const o = new Float64Array(paddedSize(g, cout)); conv1x1(inp, cin, w, 0, cout, bias, 0, o, g); return o.reduce((s, v, i) => s + v * r[i], 0); };
    const dIn = new Float64Array(inp.length), dW = new Float64Array(w.length), dB = new Float64Array(cout);
    conv1x1Backward(inp, cin, w, 0, cout, r, dIn, dW, dB, 0, g);
    for (let i = 0; i < w.length; i++) expectClose(dW[i], numeric(loss, w, i));
    for (let i = 0; i < cout; i++) expectClose(dB[i], numeric(loss, bias, i));
    expectClose(dIn[((1 * 6 + 3) * 5 + 2) * cin + 1], numeric(loss, inp, ((1 * 6 + 3) * 5 + 2) * cin + 1));
  });
  it('cross-entropy: gradient of the mean loss over labelled cells', () => {
    const logits = rand(5 * 4);
    const labels = Int8Array.from([2, -1, 0, 3, 1]);
    const d = new Float64Array(logits.length);
    crossEntropy(logits, labels, d);
    for (let i = 0; i < logits.length; i++) expectClose(d[i], numeric(() => crossEntropy(logits, labels, null).loss, logits, i));
  });
  it('whole network: every parameter tensor, through several differentiated iterations (no warm-up: truncation is not the full gradient by design)', () => {
    const layout = paramLayout({ state: 3, inner: 4 });
    const r2 = createRng('net');
    const params = Float64Array.from(initParams(layout, () => r2.normal()));
    for (const t of layout.tensors) if (t.shape.length === 1) for (let i = 0; i < t.size; i++) params[t.offset + i] = 0.1 * r2.normal();
    const batch = makeBatch(cheeseMazeLevels('test', 2, 'gc', { size: 5 }));
    const x = Float64Array.from(batch.x);
    const f = () => lossAndGradient(params, layout, x, batch.labels, batch.g, 0, 4, new Float64Array(layout.total)).loss;
    const grads = new Float64Array(layout.total);
    lossAndGradient(params, layout, x, batch.labels, batch.g, 0, 4, grads);
    let checked = 0;
    for (const t of layout.tensors) {
      for (let j = 0; j < t.size; j += Math.max(1, Math.floor(t.size / 7))) {
        expectClose(grads[t.offset + j], numeric(f, params, t.offset + j));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});
