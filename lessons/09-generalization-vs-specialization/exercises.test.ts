import { describe, expect, it } from 'vitest';
import { check, type Cell } from '../../index';
import { queriesForTax } from './exercises';

/** Reference for 09-break-even. */
function breakEven(build: number, follow: number, search: number): number {
  if (search <= follow) return build === 0 && search === follow ? 1 : Infinity;
  return Math.max(1, Math.ceil(build / (search - follow)));
}

/** Reference for 09-fetch-deliver-heuristic. */
function fetchDeliver(cell: Cell, carrying: boolean, pickup: Cell, dropoff: Cell): number {
  const md = (a: Cell, b: Cell) => Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
  return carrying ? md(cell, dropoff) : md(cell, pickup) + md(pickup, dropoff);
}

describe('exercise 09-break-even (meta-test)', () => {
  it('the reference passes visible and hidden tests', () => {
    expect(check.evaluate('09-break-even', breakEven).ok).toBe(true);
    expect(check.evaluate('09-break-even', breakEven, { seed: 4242, count: 40 }).ok).toBe(true);
  });
  it('plausible wrong answers fail', () => {
    const floor = (b: number, f: number, s: number) => (s <= f ? Infinity : Math.max(1, Math.floor(b / (s - f))));
    const ignoresFollow = (b: number, _f: number, s: number) => Math.max(1, Math.ceil(b / s));
    const noNeverCase = (b: number, f: number, s: number) => Math.max(1, Math.ceil(b / (s - f)));
    for (const wrong of [floor, ignoresFollow, noNeverCase]) {
      expect(check.evaluate('09-break-even', wrong).ok).toBe(false);
      expect(check.evaluate('09-break-even', wrong, { seed: 4242, count: 40 }).ok).toBe(false);
    }
    expect(check.evaluate('09-break-even', noNeverCase).failures[0].expected).toBe('Infinity');
  });
});

describe('exercise 09-fetch-deliver-heuristic (meta-test)', () => {
  it('the reference passes visible and hidden tests', () => {
    expect(check.evaluate('09-fetch-deliver-heuristic', fetchDeliver).ok).toBe(true);
    expect(check.evaluate('09-fetch-deliver-heuristic', fetchDeliver, { seed: 31, count: 8 }).ok).toBe(true);
  });
  it('plausible wrong answers fail', () => {
    const md = (a: Cell, b: Cell) => Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
    const onlyDropoff = (c: Cell, _k: boolean, _p: Cell, d: Cell) => md(c, d);
    const ignoresCarrying = (c: Cell, _k: boolean, p: Cell, d: Cell) => md(c, p) + md(p, d);
    const bothFromHere = (c: Cell, k: boolean, p: Cell, d: Cell) => (k ? md(c, d) : md(c, p) + md(c, d));
    for (const wrong of [onlyDropoff, ignoresCarrying, bothFromHere]) expect(check.evaluate('09-fetch-deliver-heuristic', wrong).ok).toBe(false);
    expect(check.evaluate('09-fetch-deliver-heuristic', () => { throw new Error('todo'); }).failures[0].got).toMatch(/your answer threw: todo/);
  });
});

describe('exercise 09-tax-threshold (meta-test)', () => {
  const reference = (build: number[], follow: number[], search: number[], tax: number) => queriesForTax({ build, follow, search, tax });
  it('the reference passes visible and hidden tests', () => {
    expect(check.evaluate('09-tax-threshold', reference).ok).toBe(true);
    expect(check.evaluate('09-tax-threshold', reference, { seed: 4, count: 2 }).ok).toBe(true);
  });
  it('the break-even point (a tax of 1) is not the answer', () => {
    expect(check.evaluate('09-tax-threshold', (b: number[], l: number[], s: number[]) => queriesForTax({ build: b, follow: l, search: s, tax: 1 })).ok).toBe(false);
  });
});
