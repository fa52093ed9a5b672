import { describe, expect, it } from 'vitest';
import { runClaim, linearCka, ridge } from '../../index';

describe('claim 13-shared-concept', () => {
  it('is supported at the defaults: two planners from different seeds share the cheese concept in their goal layer', async () => {
    const o = await runClaim('13-shared-concept');
    expect(o.verdict).toBe('supported');
    expect(o.numbers.transfer as number).toBeGreaterThanOrEqual(0.9);
    expect(o.numbers.cka as number).toBeGreaterThan(0.9);
  }, 120_000);
  it('flips when B was trained on another reward and distribution: its goal layer has no cheese concept', async () => {
    const o = await runClaim('13-shared-concept', { b: 'planner-corner' });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.ownB as number).toBeLessThan(0.5);
  }, 120_000);
  it('yet in the hidden layer both carry the cheese: the information is there, it is not the goal', async () => {
    const o = await runClaim('13-shared-concept', { b: 'planner-corner', layer: 'hidden' });
    expect(o.verdict).toBe('supported');
    expect(o.numbers.cka as number).toBeLessThan(0.5);
  }, 120_000);
  it('depends across architectures (policy network vs planner, hidden layers): the concept carries over in part', async () => {
    const o = await runClaim('13-shared-concept', { a: 'policy', b: 'planner', layer: 'hidden' });
    expect(o.verdict).toBe('depends');
    expect(o.numbers.transfer as number).toBeGreaterThanOrEqual(0.5 * (o.numbers.ownB as number));
    expect(o.numbers.transfer as number).toBeLessThan(0.8 * (o.numbers.ownB as number));
  }, 120_000);
});

describe('claim 13-shared-concept with the learned recurrent agent', () => {
  it('its final state and the planner\'s goal layer share the cheese concept through a linear map, though their CKA is low', async () => {
    const o = await runClaim('13-shared-concept', { a: 'learned', b: 'planner', mazes: 120 });
    expect(o.verdict).toBe('supported');
    expect(o.numbers.layerA).toMatch(/^iter\.\d+\.h$/);
    expect(o.numbers.cka as number).toBeLessThan(0.5);
  }, 120_000);
  it('flips against the policy network, whose last layer has no cheese concept', async () => {
    const o = await runClaim('13-shared-concept', { a: 'learned', b: 'policy', mazes: 120 });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.ownA as number).toBeGreaterThanOrEqual(0.5);
    expect(o.numbers.ownB as number).toBeLessThan(0.5);
  }, 120_000);
});

describe('shared-concept helpers', () => {
  it('linear CKA is 1 for a representation and its rotation and scaling, and low for unrelated ones', () => {
    const X = Array.from({ length: 50 }, (_, i) => [Math.sin(i), Math.cos(3 * i), i % 7]);
    const R = X.map(([a, b, c]) => [2 * (0.6 * a - 0.8 * b), 2 * (0.8 * a + 0.6 * b), 2 * c]);
    expect(linearCka(X, R)).toBeCloseTo(1, 6);
    const U = Array.from({ length: 50 }, (_, i) => [Math.sin(17 * i + 1), Math.cos(29 * i + 2)]);
    expect(linearCka(X, U)).toBeLessThan(0.3);
  });
  it('ridge recovers a linear map with a bias', () => {
    const X = Array.from({ length: 40 }, (_, i) => [i / 10, Math.sin(i)]);
    const Y = X.map(([a, b]) => [3 * a - b + 2]);
    const B = ridge(X, Y, 1e-9);
    expect(B[0][0]).toBeCloseTo(3, 4);
    expect(B[1][0]).toBeCloseTo(-1, 4);
    expect(B[2][0]).toBeCloseTo(2, 4);
  });
});
