import { describe, expect, it } from 'vitest';
import { createRng, RetargetLabError } from '../../index';

describe('core/rng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createRng(42), b = createRng(42), c = createRng(43);
    const sa = Array.from({ length: 20 }, () => a.next());
    const sb = Array.from({ length: 20 }, () => b.next());
    const sc = Array.from({ length: 20 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    for (const x of sa) expect(x >= 0 && x < 1).toBe(true);
  });
  it('int covers its range uniformly enough', () => {
    const rng = createRng('uniform');
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60000; i++) counts[rng.int(0, 6)]++;
    for (const n of counts) expect(Math.abs(n - 10000)).toBeLessThan(500);
  });
  it('shuffle is a permutation and does not modify its input', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = createRng(1).shuffle(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort()).toEqual(items);
    expect(out).toEqual(createRng(1).shuffle(items));
  });
  it('normal has roughly mean 0 and sd 1', () => {
    const rng = createRng(7);
    const xs = Array.from({ length: 20000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });
  it('forks are deterministic and independent of the parent stream', () => {
    expect(createRng(5).fork('x').next()).toBe(createRng(5).fork('x').next());
    expect(createRng(5).fork('x').next()).not.toBe(createRng(5).fork('y').next());
  });
  it('rejects bad seeds, empty ranges and empty picks with module-prefixed errors', () => {
    expect(() => createRng(NaN)).toThrow(/^retarget-lab\/core\/rng: seed must be/);
    expect(() => createRng({} as never)).toThrow(RetargetLabError);
    expect(() => createRng(1).int(3, 3)).toThrow(/retarget-lab\/core\/rng: range \[3, 3\) is empty/);
    expect(() => createRng(1).pick([])).toThrow(/cannot pick from an empty array/);
  });
});
