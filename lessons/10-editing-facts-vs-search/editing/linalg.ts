/**
 * Small dense linear algebra on plain arrays (row-major Float64Array), enough for rank-one edits:
 * second-moment matrices, a linear solve, and the rank-one update itself. tfjs has no matrix
 * inverse, and these matrices are tiny (tens of rows), so a hand-written Gauss–Jordan is plenty.
 */
import { fail } from '../../../lib/core/errors';
import { editingMessages } from './messages';

const MODULE = 'editing/linalg';

/** A dense matrix: `rows × cols` numbers, row-major. */
export interface Matrix { rows: number; cols: number; data: Float64Array }

/** Builds a matrix from nested arrays (rows of equal length). */
export function matrix(rows: readonly (readonly number[])[]): Matrix {
  const r = rows.length, c = r ? rows[0].length : 0;
  const data = new Float64Array(r * c);
  rows.forEach((row, i) => {
    if (row.length !== c) fail(MODULE, editingMessages.badShape('row ' + i, String(row.length), String(c)));
    row.forEach((v, j) => { data[i * c + j] = v; });
  });
  return { rows: r, cols: c, data };
}

/** Nested arrays of a matrix. */
export function toArrays(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
}

/**
 * The uncentred second moment of a set of keys, C = (1/n) Σ k kᵀ + ridge·I — the statistic ROME
 * uses to say which directions of key space other facts occupy.
 */
export function secondMoment(keys: readonly ArrayLike<number>[], ridge = 0): Matrix {
  if (keys.length === 0) fail(MODULE, editingMessages.badShape('keys', '[]', 'at least one key'));
  const h = keys[0].length;
  const data = new Float64Array(h * h);
  for (const k of keys) {
    if (k.length !== h) fail(MODULE, editingMessages.badShape('a key', String(k.length), String(h)));
    for (let i = 0; i < h; i++) {
      const ki = k[i];
      if (ki === 0) continue;
      for (let j = 0; j < h; j++) data[i * h + j] += ki * k[j];
    }
  }
  for (let i = 0; i < data.length; i++) data[i] /= keys.length;
  for (let i = 0; i < h; i++) data[i * h + i] += ridge;
  return { rows: h, cols: h, data };
}

/** Solves A x = b for square A (Gauss–Jordan with partial pivoting). Throws if A is singular. */
export function solve(a: Matrix, b: ArrayLike<number>): Float64Array {
  const n = a.rows;
  if (a.cols !== n || b.length !== n) fail(MODULE, editingMessages.badShape('the system', `${a.rows}×${a.cols} with ${b.length}`, 'square with matching right-hand side'));
  const m = Float64Array.from(a.data);
  const x = Float64Array.from(b as ArrayLike<number>);
  let scale = 0;
  for (let i = 0; i < m.length; i++) scale = Math.max(scale, Math.abs(m[i]));
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r * n + col]) > Math.abs(m[piv * n + col])) piv = r;
    if (Math.abs(m[piv * n + col]) <= 1e-12 * Math.max(scale, 1e-300)) fail(MODULE, editingMessages.singular(n));
    if (piv !== col) {
      for (let j = 0; j < n; j++) { const t = m[col * n + j]; m[col * n + j] = m[piv * n + j]; m[piv * n + j] = t; }
      const t = x[col]; x[col] = x[piv]; x[piv] = t;
    }
    const d = m[col * n + col];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r * n + col] / d;
      if (f === 0) continue;
      for (let j = col; j < n; j++) m[r * n + j] -= f * m[col * n + j];
      x[r] -= f * x[col];
    }
  }
  for (let i = 0; i < n; i++) x[i] /= m[i * n + i];
  return x;
}

/**
 * The rank-one edit of a linear key→value memory `W` (values = W k, W is `out × in`):
 *
 *   W' = W + (v* − W k*) (C⁻¹ k*)ᵀ / (k*ᵀ C⁻¹ k*)
 *
 * afterwards W' k* = v* exactly, and keys "orthogonal under C⁻¹" to k* (kᵀ C⁻¹ k* = 0) keep their
 * values. With C = I this is the plain minimum-norm update. Pass `c` = null for the identity.
 *
 * @example
 * const w2 = rankOneUpdate(w, key, wantedValue, secondMoment(otherKeys, 1e-3));
 */
export function rankOneUpdate(w: Matrix, key: ArrayLike<number>, value: ArrayLike<number>, c: Matrix | null): Matrix {
  if (key.length !== w.cols) fail(MODULE, editingMessages.badShape('the key', String(key.length), String(w.cols)));
  if (value.length !== w.rows) fail(MODULE, editingMessages.badShape('the value', String(value.length), String(w.rows)));
  const u = c ? solve(c, key) : Float64Array.from(key as ArrayLike<number>);
  let denom = 0;
  for (let i = 0; i < key.length; i++) denom += key[i] * u[i];
  if (!(Math.abs(denom) > 1e-12)) fail(MODULE, editingMessages.singular(w.cols));
  const out = Float64Array.from(w.data);
  for (let r = 0; r < w.rows; r++) {
    let wk = 0;
    for (let j = 0; j < w.cols; j++) wk += w.data[r * w.cols + j] * key[j];
    const resid = (value[r] - wk) / denom;
    for (let j = 0; j < w.cols; j++) out[r * w.cols + j] += resid * u[j];
  }
  return { rows: w.rows, cols: w.cols, data: out };
}

/** Matrix–vector product W x. */
export function matVec(w: Matrix, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(w.rows);
  for (let r = 0; r < w.rows; r++) {
    let s = 0;
    for (let j = 0; j < w.cols; j++) s += w.data[r * w.cols + j] * x[j];
    out[r] = s;
  }
  return out;
}
