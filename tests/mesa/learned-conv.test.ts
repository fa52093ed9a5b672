/**
 * The learned searcher's 3×3 convolution (lib/mesa/learned/conv.ts) against a naive reference
 * that rounds to float32 after every addition, as storing into a Float32Array does: the 16-channel
 * fast path and the general loop must agree bit for bit (so the shipped weights still regenerate
 * exactly), with a bias, without one, accumulating, and with zeros in the input.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/core/rng';
import { conv3x3, paddedSize, type Geom } from '../../lib/mesa/learned/conv';

function reference(inp: Float32Array, cin: number, w: Float32Array, cout: number, bias: Float32Array | null, out: Float32Array, g: Geom, accumulate: boolean): Float32Array {
  const res = out.slice();
  const at = (b: number, y: number, x: number) => ((b * (g.H + 2) + y + 1) * (g.W + 2) + x + 1);
  for (let b = 0; b < g.B; b++) for (let y = 0; y < g.H; y++) for (let x = 0; x < g.W; x++) for (let co = 0; co < cout; co++) {
    let s = accumulate ? res[at(b, y, x) * cout + co] : bias ? bias[co] : 0;
    for (let ky = 0; ky < 3; ky++) for (let kx = 0; kx < 3; kx++) for (let ci = 0; ci < cin; ci++) {
      const v = inp[at(b, y + ky - 1, x + kx - 1) * cin + ci];
      if (v !== 0) s = Math.fround(s + v * w[((ky * 3 + kx) * cin + ci) * cout + co]);
    }
    res[at(b, y, x) * cout + co] = s;
  }
  return res;
}

function padded(g: Geom, c: number, rng: { next(): number }, zeroShare: number): Float32Array {
  const a = new Float32Array(paddedSize(g, c));
  for (let b = 0; b < g.B; b++) for (let y = 1; y <= g.H; y++) for (let x = 1; x <= g.W; x++) for (let k = 0; k < c; k++) {
    a[((b * (g.H + 2) + y) * (g.W + 2) + x) * c + k] = rng.next() < zeroShare ? 0 : rng.next() * 2 - 1;
  }
  return a;
}

describe('mesa/learned conv3x3', () => {
  const g: Geom = { B: 3, H: 7, W: 5 };
  for (const cout of [16, 4]) for (const cin of [4, 16]) for (const mode of ['bias', 'no bias', 'accumulate'] as const) {
    it(`matches the float32 reference bit for bit (cin ${cin}, cout ${cout}, ${mode})`, () => {
      const rng = createRng(`conv/${cin}/${cout}/${mode}`);
      const inp = padded(g, cin, rng, 0.3);
      const w = Float32Array.from({ length: 9 * cin * cout }, () => rng.next() - 0.5);
      const bias = mode === 'bias' ? Float32Array.from({ length: cout }, () => rng.next() - 0.5) : null;
      const out = mode === 'accumulate' ? padded(g, cout, rng, 0) : new Float32Array(paddedSize(g, cout));
      const want = reference(inp, cin, w, cout, bias, out, g, mode === 'accumulate');
      conv3x3(inp, cin, w, 0, cout, bias, 0, out, g, mode === 'accumulate');
      expect(Array.from(out)).toEqual(Array.from(want));
    });
  }
  it('leaves the zero border untouched', () => {
    const rng = createRng('conv/border');
    const inp = padded(g, 16, rng, 0), w = Float32Array.from({ length: 9 * 16 * 16 }, () => rng.next());
    const out = new Float32Array(paddedSize(g, 16));
    conv3x3(inp, 16, w, 0, 16, null, 0, out, g);
    for (let x = 0; x < g.W + 2; x++) for (let k = 0; k < 16; k++) expect(out[x * 16 + k]).toBe(0);
  });
});
