import { describe, expect, it } from 'vitest';
import { runClaim } from '../../index';
import { bogosort, quicksort, greedyPuzzlePolicy, growthRate, puzzleInstances, costToSolve, successCurve, measureCosts } from './experiment';

describe('claim 03-search-inefficient', () => {
  it('is supported at the defaults: at 100 expansions a strong heuristic policy (greedy + backtracking, PDB) solves more 8-puzzles than any search; uniform generate-and-test solves none', async () => {
    const o = await runClaim('03-search-inefficient');
    expect(o.verdict).toBe('supported');
    expect(o.numbers.policySuccess as number).toBeGreaterThan(o.numbers.searchSuccess as number);
    expect(o.numbers.uniformGenerateAndTestSuccess).toBe(0);
    expect(o.numbers.informedGenerateAndTestSuccess as number).toBeGreaterThan(0);
  });
  it('flips to not supported where search wins: the 15-puzzle, a weak policy, or a tiny budget', async () => {
    expect((await runClaim('03-search-inefficient', { size: 4, walk: 30, instances: 12, budget: 300 })).verdict).toBe('not supported');
    expect((await runClaim('03-search-inefficient', { policy: 'weak' })).verdict).toBe('not supported');
    expect((await runClaim('03-search-inefficient', { budget: 30, instances: 12 })).verdict).toBe('not supported');
  });
  it('depends when the budget is large enough for both sides', async () => {
    const o = await runClaim('03-search-inefficient', { budget: 10000, instances: 12 });
    expect(o.verdict).toBe('depends');
    expect(o.numbers.policySuccess).toBe(1);
  });
  it('a colder proposal distribution makes generate-and-test far better than uniform at equal compute', async () => {
    const o = await runClaim('03-search-inefficient', { temperature: 0.3, instances: 12 });
    expect(o.numbers.informedGenerateAndTestSuccess as number).toBeGreaterThan(0.3);
    expect(o.numbers.uniformGenerateAndTestSuccess).toBe(0);
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
  it('depends with a weakly tuned proposer and many plans (the setting notebook 03 names): the choice gets part of the way', async () => {
    const o = await runClaim('03-plan-generation', { skill: 0.1, plans: 300 });
    expect(o.verdict).toBe('depends');
    expect(o.numbers.chooserOnly as number).toBeGreaterThan(0.5 * (o.numbers.both as number));
    expect(o.numbers.chooserOnly as number).toBeLessThan(0.8 * (o.numbers.both as number));
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
