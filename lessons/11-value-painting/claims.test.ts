import { describe, expect, it } from 'vitest';
import { runClaim } from '../../index';

describe('claim 11-value-painting-retargets', () => {
  it('is supported at the defaults: "near cheese" painted at step 20 (before the concept is stable) still hits it after training goes on', async () => {
    const o = await runClaim('11-value-painting-retargets');
    expect(o.verdict).toBe('supported');
    expect(o.numbers.paintAt).toBe(20);
    expect(o.numbers.success as number).toBeGreaterThanOrEqual(0.9);
    expect(o.chart).toBeDefined();
  }, 120_000);
  it('flips for a concept that forms late: "in corner" painted at step 20 ends up on the wrong states', async () => {
    const o = await runClaim('11-value-painting-retargets', { concept: 'in corner' });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.success as number).toBeLessThan(0.9);
  }, 120_000);
  it('flips when the painted planner is used in the infant phase itself (no further learning)', async () => {
    const o = await runClaim('11-value-painting-retargets', { trainSteps: 10, paintAt: 10 });
    expect(o.verdict).toBe('not supported');
  }, 120_000);
});

describe('claim 11-concept-extrapolation', () => {
  it('is supported at the defaults: a corner-trained detector misfires with the cheese elsewhere', async () => {
    const o = await runClaim('11-concept-extrapolation');
    expect(o.verdict).toBe('supported');
    expect(o.numbers.inDistribution as number).toBeGreaterThan(o.numbers.outOfDistribution as number);
  }, 120_000);
  it('flips when training put the cheese anywhere', async () => {
    const o = await runClaim('11-concept-extrapolation', { cheeseSpread: 9 });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.outOfDistribution as number).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
