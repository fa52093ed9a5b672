import { describe, expect, it } from 'vitest';
import { check } from '../../index';

type Cell = { x: number; y: number };

describe('exercise 00-manhattan (meta-test)', () => {
  const reference = (a: Cell, b: Cell) => Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
  it('the reference solution passes visible and hidden tests', () => {
    expect(check.evaluate('00-manhattan', reference).ok).toBe(true);
    expect(check.evaluate('00-manhattan', reference, { seed: 4242, count: 30 }).ok).toBe(true);
  });
  it('plausible wrong answers fail', () => {
    const euclid = (a: Cell, b: Cell) => Math.hypot(a.x - b.x, a.y - b.y);
    const noAbs = (a: Cell, b: Cell) => (b.x - a.x) + (b.y - a.y);
    const chebyshev = (a: Cell, b: Cell) => Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y));
    for (const wrong of [euclid, noAbs, chebyshev]) expect(check.evaluate('00-manhattan', wrong).ok).toBe(false);
    const r = check.evaluate('00-manhattan', noAbs);
    expect(r.failures[0]).toEqual({ label: 'from (5,1) to (2,1)', expected: '3', got: '-3' });
  });
});
