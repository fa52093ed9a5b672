import { describe, expect, it } from 'vitest';
import { check } from '../../index';
import { separatingNoise } from './exercises';

function sink(next: number[]): number {
  const counts = new Map<number, number>();
  for (let s = 0; s < next.length; s++) {
    let c = s;
    for (let t = 0; t <= next.length && next[c] !== c; t++) c = next[c];
    if (next[c] === c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = -1, bestN = 0;
  for (const [c, k] of [...counts].sort((a, b) => a[0] - b[0])) if (k > bestN) { best = c; bestN = k; }
  return best;
}
const firstResting = (next: number[]) => next.findIndex((d, c) => d === c);

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length, mx = xs.reduce((a, b) => a + b, 0) / n, my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) { sxy += (xs[i] - mx) * (ys[i] - my); sxx += (xs[i] - mx) ** 2; syy += (ys[i] - my) ** 2; }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

describe('exercise 12-behaviour-target (meta-test)', () => {
  it('the most-visited resting cell passes', () => {
    expect(check.evaluate('12-behaviour-target', sink).ok).toBe(true);
    expect(check.evaluate('12-behaviour-target', sink, { seed: 5, count: 9 }).ok).toBe(true);
  });
  it('the first resting cell fails (spurious targets after a noisy retarget)', () => {
    expect(check.evaluate('12-behaviour-target', firstResting).ok).toBe(false);
  });
});

describe('exercise 12-compute-signature (meta-test)', () => {
  it('Pearson correlation with the constant guard passes', () => {
    expect(check.evaluate('12-compute-signature', pearson).ok).toBe(true);
    expect(check.evaluate('12-compute-signature', pearson, { seed: 8, count: 8 }).ok).toBe(true);
  });
  it('no constant guard (NaN) or covariance alone fails', () => {
    const noGuard = (xs: number[], ys: number[]) => {
      const n = xs.length, mx = xs.reduce((a, b) => a + b, 0) / n, my = ys.reduce((a, b) => a + b, 0) / n;
      let sxy = 0, sxx = 0, syy = 0;
      for (let i = 0; i < n; i++) { sxy += (xs[i] - mx) * (ys[i] - my); sxx += (xs[i] - mx) ** 2; syy += (ys[i] - my) ** 2; }
      return sxy / Math.sqrt(sxx * syy);
    };
    const cov = (xs: number[], ys: number[]) => {
      const n = xs.length, mx = xs.reduce((a, b) => a + b, 0) / n, my = ys.reduce((a, b) => a + b, 0) / n;
      return xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / n;
    };
    expect(check.evaluate('12-compute-signature', noGuard).ok).toBe(false);
    expect(check.evaluate('12-compute-signature', cov).ok).toBe(false);
  });
});

describe('exercise 12-equal-footing (meta-test)', () => {
  it('the reference passes visible and hidden tests', () => {
    expect(check.evaluate('12-equal-footing', separatingNoise).ok).toBe(true);
    expect(check.evaluate('12-equal-footing', separatingNoise, { seed: 5, count: 2 }).ok).toBe(true);
  });
  it('ignoring the footing (always one reading) fails where equal bits closes the gap', () => {
    const oneReading = (size: number, seed: number, readout: 'values' | 'active', _f: string, levels: number[]) => separatingNoise(size, seed, readout, 'one-reading', levels);
    expect(check.evaluate('12-equal-footing', oneReading).ok).toBe(false);
  });
});
