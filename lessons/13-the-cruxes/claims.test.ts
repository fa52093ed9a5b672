import { describe, expect, it } from 'vitest';
import { runClaim, linearCka, ridge, sharedConceptVerdict } from '../../index';

describe('claim 13-shared-concept', () => {
  it('is not supported at the defaults: two planners share the cheese read-out, but no more than the input itself gives (input baseline at ceiling)', async () => {
    const o = await runClaim('13-shared-concept');
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.transfer as number).toBeGreaterThanOrEqual(0.9);
    expect(o.numbers.inputTransfer as number).toBeGreaterThanOrEqual(o.numbers.transfer as number);
    expect(o.numbers.cka as number).toBeGreaterThan(0.9);
    expect(o.summary).toContain('at ceiling');
  }, 120_000);
  it('not supported too when B was trained on another reward and distribution: its goal layer has no cheese concept', async () => {
    const o = await runClaim('13-shared-concept', { b: 'planner-corner' });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.ownB as number).toBeLessThan(0.5);
  }, 120_000);
  it('the learned agent against the planner: a high transfer, still not above the input baseline', async () => {
    const o = await runClaim('13-shared-concept', { a: 'learned', b: 'planner', mazes: 120 });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.layerA).toMatch(/^iter\.\d+\.h$/);
    expect(o.numbers.transfer as number).toBeGreaterThanOrEqual(0.8 * (o.numbers.ownB as number));
    expect(o.numbers.excessOverInput as number).toBeLessThanOrEqual(0);
  }, 120_000);
});

describe('the verdict of 13-shared-concept (only transfer above the input baseline counts)', () => {
  it('flips: supported above the baseline, depends a little above it or with partial transfer, not supported at or below it', () => {
    expect(sharedConceptVerdict({ ownA: 1, ownB: 1, transfer: 0.95, inputTransfer: 0.6 })).toBe('supported');
    expect(sharedConceptVerdict({ ownA: 1, ownB: 1, transfer: 0.95, inputTransfer: 0.9 })).toBe('depends');
    expect(sharedConceptVerdict({ ownA: 1, ownB: 1, transfer: 0.7, inputTransfer: 0.4 })).toBe('depends');
    expect(sharedConceptVerdict({ ownA: 1, ownB: 1, transfer: 1, inputTransfer: 1 })).toBe('not supported');
    expect(sharedConceptVerdict({ ownA: 1, ownB: 0.4, transfer: 0.4, inputTransfer: 0 })).toBe('not supported');
    expect(sharedConceptVerdict({ ownA: 1, ownB: 1, transfer: 0.45, inputTransfer: 0.1 })).toBe('not supported');
  });
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
