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
