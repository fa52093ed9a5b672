import { describe, expect, it } from 'vitest';
import { runClaim } from '../../index';
import { bogosort, quicksort, greedyPuzzlePolicy, growthRate, puzzleInstances, costToSolve, successCurve, measureCosts } from './experiment';

describe('claim 03-search-inefficient', () => {
  it('depends at the defaults: blind methods fail within the budget, guided search solves everything', async () => {
    const o = await runClaim('03-search-inefficient');
    expect(o.verdict).toBe('depends');
    expect(o.numbers.blindSuccess).toBe(0);
    expect(o.numbers.guidedSuccess).toBe(1);
    expect(o.numbers.policySuccess as number).toBeLessThan(1);
  });
  it('flips to not supported on small puzzles, where even blind search is cheap', async () => {
    const o = await runClaim('03-search-inefficient', { walk: 4 });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.blindOverGuidedMedian as number).toBeLessThan(10);
  });
  it('is not supported when the budget is too small for anything', async () => {
    expect((await runClaim('03-search-inefficient', { budget: 5 })).verdict).toBe('not supported');
  });
});

describe('claim 03-plan-generation', () => {
  it('is supported at the defaults: with 10 plans from a proposer tuned to the old goal, retargeting the choice alone rarely reaches the new goal', async () => {
    const o = await runClaim('03-plan-generation');
    expect(o.verdict).toBe('supported');
    expect(o.numbers.before).toBeGreaterThanOrEqual(0.9);
    expect(o.numbers.both).toBeGreaterThanOrEqual(0.9);
    expect(o.numbers.chooserOnly as number).toBeLessThan(0.25);
  });
  it('flips to not supported with a goal-agnostic proposer and many plans: then the choice does the work', async () => {
    const o = await runClaim('03-plan-generation', { skill: 0, plans: 1000, trials: 20 });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.chooserOnly as number).toBeGreaterThanOrEqual(0.8 * (o.numbers.both as number));
  });
});

describe('claim 03-exp-to-pseudolinear', () => {
  it('depends at the defaults: the pattern database cuts the exponential rate but stays exponential', async () => {
    const o = await runClaim('03-exp-to-pseudolinear');
    expect(o.verdict).toBe('depends');
    expect(o.numbers.growthHeuristic as number).toBeLessThan(o.numbers.growthBlind as number);
  });
  it('flips with a perfect heuristic (linear) and with none (exponential)', async () => {
    expect((await runClaim('03-exp-to-pseudolinear', { heuristic: 'perfect', maxWalk: 16 })).verdict).toBe('supported');
    expect((await runClaim('03-exp-to-pseudolinear', { heuristic: 'none', maxWalk: 12 })).verdict).toBe('not supported');
  });
});

describe('lessons/03/experiment: helpers', () => {
  it('bogosort and quicksort sort, and bogosort needs far more comparisons', () => {
    const b = bogosort(6, 1), q = quicksort(6, 1);
    expect(b.sorted && q.sorted).toBe(true);
    expect(b.comparisons).toBeGreaterThan(20 * q.comparisons);
    expect(bogosort(10, 1, 1000)).toMatchObject({ sorted: false });
    expect(quicksort(500, 2).sorted).toBe(true);
  });
  it('growthRate recovers the base of an exponential', () => {
    expect(growthRate([1, 2, 3, 4, 5].map((d) => ({ depth: d, nodes: 3 * 2 ** d })))).toBeCloseTo(2, 6);
  });
  it('instances have the stated optimal depth, and the greedy policy solves a trivial one', () => {
    const [inst] = puzzleInstances(3, 10, 1, 5);
    expect(costToSolve('A* (Manhattan)', inst, 1e5)).toBeGreaterThanOrEqual(inst.depth);
    const one = puzzleInstances(3, 1, 1, 1)[0];
    expect(greedyPuzzlePolicy(one.start, one.goal, 10)).toEqual({ reached: true, cost: 1 });
    const rows = measureCosts([one], 100);
    const curve = successCurve(rows, [1, 100]);
    expect(curve.filter((r) => r.budget === 100).every((r) => r.success === 1)).toBe(true);
  });
});
