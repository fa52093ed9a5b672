/**
 * Direct-loop convolutions over padded, channels-last typed arrays (the hot loop of the learned
 * searcher; bench/learned-step.ts measures it). A batch of B maps of H×W cells is stored with a
 * one-cell zero border: index of cell (b, y, x), channel c is `((b*(H+2) + y+1)*(W+2) + x+1)*C + c`.
 * Only interior cells are ever written, so the border stays zero ('same' zero padding for free).
 *
 * Kernels are [ky][kx][cin][cout] (3×3) or [cin][cout] (1×1). Every function works on Float32Array
 * (training) or Float64Array (the gradient checks).
 */
export type Arr = Float32Array | Float64Array;

/** Batch geometry: B maps of H×W cells (each stored as (H+2)×(W+2) with the zero border). */
export interface Geom { B: number; H: number; W: number }

/** Elements of a padded buffer of `c` channels. */
export function paddedSize(g: Geom, c: number): number {
  return g.B * (g.H + 2) * (g.W + 2) * c;
}

/** Offset of interior cell (b, y, x) in a padded buffer, in cells (multiply by channels). */
export function cellIndex(g: Geom, b: number, y: number, x: number): number {
  return (b * (g.H + 2) + y + 1) * (g.W + 2) + x + 1;
}

/** out[interior] = (accumulate ? out : bias) + conv3x3(inp, w). `bias` may be null (zero). */
export function conv3x3(inp: Arr, cin: number, w: Arr, wOff: number, cout: number, bias: Arr | null, bOff: number, out: Arr, g: Geom, accumulate = false): void {
  if (cout === 16 && out instanceof Float32Array) {
    conv3x3To16(inp, cin, w, wOff, bias, bOff, out, g, accumulate);
    return;
  }
  const { B, H, W } = g;
  const Wp = W + 2, Hp = H + 2;
  for (let b = 0; b < B; b++) {
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const o = ((b * Hp + y + 1) * Wp + x + 1) * cout;
        if (!accumulate) {
          if (bias) for (let co = 0; co < cout; co++) out[o + co] = bias[bOff + co];
          else for (let co = 0; co < cout; co++) out[o + co] = 0;
        }
        for (let ky = 0; ky < 3; ky++) {
          const row = ((b * Hp + y + ky) * Wp + x) * cin;
          for (let kx = 0; kx < 3; kx++) {
            const ib = row + kx * cin;
            const wb = wOff + (ky * 3 + kx) * cin * cout;
            for (let ci = 0; ci < cin; ci++) {
              const v = inp[ib + ci];
              if (v === 0) continue;
              const wr = wb + ci * cout;
              for (let co = 0; co < cout; co++) out[o + co] += v * w[wr + co];
            }
          }
        }
      }
    }
  }
}

/**
 * {@link conv3x3} for 16 float32 output channels (the learned searcher's state and inner width):
 * the 16 sums live in locals instead of being read and written through `out` for every input
 * value, about 2.3× faster (bench/learned-step.ts). `Math.fround` after every addition rounds
 * exactly as storing into the Float32Array does, so results are bit-identical to the general loop
 * (tests/mesa/learned-conv.test.ts) and the shipped weights still regenerate exactly.
 */
function conv3x3To16(inp: Arr, cin: number, w: Arr, wOff: number, bias: Arr | null, bOff: number, out: Float32Array, g: Geom, accumulate: boolean): void {
  const { B, H, W } = g;
  const Wp = W + 2, Hp = H + 2;
  const f = Math.fround;
  for (let b = 0; b < B; b++) {
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const o = ((b * Hp + y + 1) * Wp + x + 1) * 16;
        const src = accumulate ? out : bias, s = accumulate ? o : bOff;
        let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0;
        if (src) {
          a0 = src[s]; a1 = src[s + 1]; a2 = src[s + 2]; a3 = src[s + 3]; a4 = src[s + 4]; a5 = src[s + 5]; a6 = src[s + 6]; a7 = src[s + 7];
          a8 = src[s + 8]; a9 = src[s + 9]; a10 = src[s + 10]; a11 = src[s + 11]; a12 = src[s + 12]; a13 = src[s + 13]; a14 = src[s + 14]; a15 = src[s + 15];
          if (!accumulate) { // a bias array may be Float64 (gradient checks): round as the store would
            a0 = f(a0); a1 = f(a1); a2 = f(a2); a3 = f(a3); a4 = f(a4); a5 = f(a5); a6 = f(a6); a7 = f(a7);
            a8 = f(a8); a9 = f(a9); a10 = f(a10); a11 = f(a11); a12 = f(a12); a13 = f(a13); a14 = f(a14); a15 = f(a15);
          }
        }
        for (let ky = 0; ky < 3; ky++) {
          const row = ((b * Hp + y + ky) * Wp + x) * cin;
          for (let kx = 0; kx < 3; kx++) {
            const ib = row + kx * cin;
            const wb = wOff + (ky * 3 + kx) * cin * 16;
            for (let ci = 0; ci < cin; ci++) {
              const v = inp[ib + ci];
              if (v === 0) continue;
              const r = wb + ci * 16;
              a0 = f(a0 + v * w[r]); a1 = f(a1 + v * w[r + 1]); a2 = f(a2 + v * w[r + 2]); a3 = f(a3 + v * w[r + 3]);
              a4 = f(a4 + v * w[r + 4]); a5 = f(a5 + v * w[r + 5]); a6 = f(a6 + v * w[r + 6]); a7 = f(a7 + v * w[r + 7]);
              a8 = f(a8 + v * w[r + 8]); a9 = f(a9 + v * w[r + 9]); a10 = f(a10 + v * w[r + 10]); a11 = f(a11 + v * w[r + 11]);
              a12 = f(a12 + v * w[r + 12]); a13 = f(a13 + v * w[r + 13]); a14 = f(a14 + v * w[r + 14]); a15 = f(a15 + v * w[r + 15]);
            }
          }
        }
        out[o] = a0; out[o + 1] = a1; out[o + 2] = a2; out[o + 3] = a3; out[o + 4] = a4; out[o + 5] = a5; out[o + 6] = a6; out[o + 7] = a7;
        out[o + 8] = a8; out[o + 9] = a9; out[o + 10] = a10; out[o + 11] = a11; out[o + 12] = a12; out[o + 13] = a13; out[o + 14] = a14; out[o + 15] = a15;
      }
    }
  }
}

/**
 * Backward of {@link conv3x3}: adds dL/dw into `dw` (at wOff) and, when `dInp` is given, dL/dinp
 * into `dInp` (border entries receive junk that callers ignore). Cells whose output gradient is
 * all zero are skipped.
 */
export function conv3x3Backward(inp: Arr, cin: number, w: Arr, wOff: number, cout: number, dOut: Arr, dInp: Arr | null, dw: Arr, g: Geom): void {
  const { B, H, W } = g;
  const Wp = W + 2, Hp = H + 2;
  for (let b = 0; b < B; b++) {
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const o = ((b * Hp + y + 1) * Wp + x + 1) * cout;
        let any = false;
        for (let co = 0; co < cout; co++) if (dOut[o + co] !== 0) { any = true; break; }
        if (!any) continue;
        for (let ky = 0; ky < 3; ky++) {
          const row = ((b * Hp + y + ky) * Wp + x) * cin;
          for (let kx = 0; kx < 3; kx++) {
            const ib = row + kx * cin;
            const wb = wOff + (ky * 3 + kx) * cin * cout;
            for (let ci = 0; ci < cin; ci++) {
              const v = inp[ib + ci];
              const wr = wb + ci * cout;
              let s = 0;
              if (v !== 0) {
                for (let co = 0; co < cout; co++) { const d = dOut[o + co]; s += d * w[wr + co]; dw[wr + co] += v * d; }
              } else {
                for (let co = 0; co < cout; co++) s += dOut[o + co] * w[wr + co];
              }
              if (dInp) dInp[ib + ci] += s;
            }
          }
        }
      }
    }
  }
}

/** out[interior] = bias + inp · w (a 1×1 convolution, i.e. a per-cell dense layer). */
export function conv1x1(inp: Arr, cin: number, w: Arr, wOff: number, cout: number, bias: Arr, bOff: number, out: Arr, g: Geom): void {
  const { B, H, W } = g;
  const Wp = W + 2, Hp = H + 2;
  for (let b = 0; b < B; b++) {
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const cell = (b * Hp + y + 1) * Wp + x + 1;
        const i = cell * cin, o = cell * cout;
        for (let co = 0; co < cout; co++) out[o + co] = bias[bOff + co];
        for (let ci = 0; ci < cin; ci++) {
          const v = inp[i + ci];
          if (v === 0) continue;
          const wr = wOff + ci * cout;
          for (let co = 0; co < cout; co++) out[o + co] += v * w[wr + co];
        }
      }
    }
  }
}

/** Backward of {@link conv1x1}: adds into dw, db and (overwrites) dInp at interior cells. */
export function conv1x1Backward(inp: Arr, cin: number, w: Arr, wOff: number, cout: number, dOut: Arr, dInp: Arr, dw: Arr, db: Arr, bOff: number, g: Geom): void {
  const { B, H, W } = g;
  const Wp = W + 2, Hp = H + 2;
  for (let b = 0; b < B; b++) {
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const cell = (b * Hp + y + 1) * Wp + x + 1;
        const i = cell * cin, o = cell * cout;
        for (let co = 0; co < cout; co++) db[bOff + co] += dOut[o + co];
        for (let ci = 0; ci < cin; ci++) {
          const v = inp[i + ci];
          const wr = wOff + ci * cout;
          let s = 0;
          for (let co = 0; co < cout; co++) { const d = dOut[o + co]; s += d * w[wr + co]; dw[wr + co] += v * d; }
          dInp[i + ci] = s;
        }
      }
    }
  }
}
