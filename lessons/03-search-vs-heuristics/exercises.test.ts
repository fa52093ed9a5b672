import { describe, expect, it } from 'vitest';
import { check, measureCosts, puzzleInstances, successAt } from '../../index';

/** Reference for 03-branching-factor: bisection on b + b^2 + … + b^d = nodes. */
function effectiveBranchingFactor(nodes: number, depth: number): number {
  const total = (b: number) => { let s = 0; for (let k = 1; k <= depth; k++) s += b ** k; return s; };
  let lo = 1, hi = Math.max(2, nodes);
  while (hi - lo > 1e-9) { const mid = (lo + hi) / 2; if (total(mid) < nodes) lo = mid; else hi = mid; }
  return (lo + hi) / 2;
}

/** Reference for 03-sort-comparisons: merge sort. */
function sortWith(items: number[], less: (a: number, b: number) => boolean): number[] {
  if (items.length <= 1) return items.slice();
  const mid = items.length >> 1;
  const a = sortWith(items.slice(0, mid), less), b = sortWith(items.slice(mid), less);
  const out: number[] = [];
  let i = 0, j = 0;
  while (i < a.length && j < b.length) out.push(less(b[j], a[i]) ? b[j++] : a[i++]);
  return out.concat(a.slice(i), b.slice(j));
}

describe('exercise 03-branching-factor (meta-test)', () => {
  it('the reference passes visible and hidden tests', () => {
    expect(check.evaluate('03-branching-factor', effectiveBranchingFactor).ok).toBe(true);
    expect(check.evaluate('03-branching-factor', effectiveBranchingFactor, { seed: 1985, count: 30 }).ok).toBe(true);
  });
  it('plausible wrong answers fail', () => {
    const dthRoot = (nodes: number, depth: number) => nodes ** (1 / depth);
    const offByOne = (nodes: number, depth: number) => effectiveBranchingFactor(nodes + 1, depth);
    for (const wrong of [dthRoot, offByOne]) expect(check.evaluate('03-branching-factor', wrong).ok).toBe(false);
    expect(check.evaluate('03-branching-factor', dthRoot).failures[0].label).toBe('nodes 52, depth 5');
  });
});

describe('exercise 03-sort-comparisons (meta-test)', () => {
  it('the reference passes visible and hidden tests', () => {
    expect(check.evaluate('03-sort-comparisons', sortWith).ok).toBe(true);
    expect(check.evaluate('03-sort-comparisons', sortWith, { seed: 1962, count: 20 }).ok).toBe(true);
  });
  it('plausible wrong answers fail', () => {
    const insertion = (items: number[], less: (a: number, b: number) => boolean) => {
      const a = items.slice();
      for (let i = 1; i < a.length; i++) for (let j = i; j > 0 && less(a[j], a[j - 1]); j--) [a[j], a[j - 1]] = [a[j - 1], a[j]];
      return a;
    };
    const firstPivotQuicksort = (items: number[], less: (a: number, b: number) => boolean): number[] => {
      if (items.length <= 1) return items;
      const [p, ...rest] = items;
      const lo: number[] = [], hi: number[] = [];
      for (const x of rest) (less(x, p) ? lo : hi).push(x);
      return [...firstPivotQuicksort(lo, less), p, ...firstPivotQuicksort(hi, less)];
    };
    const unsorted = (items: number[]) => items;
    for (const wrong of [insertion, firstPivotQuicksort, unsorted]) expect(check.evaluate('03-sort-comparisons', wrong).ok).toBe(false);
    const r = check.evaluate('03-sort-comparisons', firstPivotQuicksort);
    expect(r.failures[0].label).toBe('sorted list of 300 numbers');
    expect(r.failures[0].got).toMatch(/comparisons/);
  });
});

/** Reference for 03-search-wins: measure budgets in steps of 5 until search solves more. */
function budgetWhereSearchWins(seed: number, instances: number, walk: number): number {
  const searches = ['A* (Manhattan)', 'IDA* (PDB)', 'generate-and-test (PDB proposals)'] as const;
  for (let b = 5; b <= 400; b += 5) {
    const rows = measureCosts(puzzleInstances(3, walk, instances, seed), b);
    const search = Math.max(...searches.map((c) => successAt(rows, c, b)));
    if (search > successAt(rows, 'greedy + backtracking (PDB)', b)) return b;
  }
  return 400;
}

describe('exercise 03-search-wins (meta-test)', () => {
  it('the reference passes visible and hidden tests', () => {
    expect(check.evaluate('03-search-wins', budgetWhereSearchWins).ok).toBe(true);
    expect(check.evaluate('03-search-wins', budgetWhereSearchWins, { seed: 7, count: 3 }).ok).toBe(true);
  });
  it('the claim\'s default budget, or a huge one, fails: there the policy wins or both solve everything', () => {
    expect(check.evaluate('03-search-wins', () => 100).ok).toBe(false);
    expect(check.evaluate('03-search-wins', () => 100000).ok).toBe(false);
  });
});
