// The learned recurrent searcher's claims: the verdict at the defaults and a setting for each other verdict.
import { describe, expect, it } from 'vitest';
import { runClaim } from '../../lib/claims/index';
import '../index';

describe('04-training-produces-search', () => {
  it('not supported at the defaults: against the most iterations training gave a maze (not 5), extra thinking gains under 25 points, and the wavefront and compute signatures miss their bars', async () => {
    const r = await runClaim('04-training-produces-search');
    expect(r.verdict).toBe('not supported');
    expect(r.numbers.trainingBudget as number).toBeGreaterThan(5);
    expect(r.numbers.atTraining as number).toBeGreaterThan(r.numbers.at5 as number);
    expect(r.numbers.thinkingHolds).toBe(false);
    expect(r.numbers.bestR2).toBeLessThan(0.5);
  }, 120_000);
  it('flips with lenient bars (depends with lenient probe and correlation bars, supported with a lenient gain bar too); the policy network is not supported by construction', async () => {
    // The two settings notebook 04's searchParams cell names (its other values are the defaults).
    const lenient = await runClaim('04-training-produces-search', { minR2: 0.1, minCorrelation: 0.1 });
    expect(lenient.verdict).toBe('depends');
    expect(lenient.numbers.signatures).toBe(2);
    expect((await runClaim('04-training-produces-search', { minGain: 0.1, minR2: 0.1, minCorrelation: 0.1 })).verdict).toBe('supported');
    const policy = await runClaim('04-training-produces-search', { agent: 'policy' });
    expect(policy.verdict).toBe('not supported');
    expect(policy.numbers.byConstruction).toBe(true);
    expect(policy.summary).toContain('by construction');
    expect(policy.numbers.thinkingGain).toBe(0);
  }, 240_000);
});

describe('04-learned-inner-misgeneralization', () => {
  it('is supported for the corner agent against the aligned control, not for the aligned agent, and depends where the corner agent did not learn', async () => {
    const corner = await runClaim('04-learned-inner-misgeneralization', { count: 100 });
    expect(corner.verdict).toBe('supported');
    expect(corner.numbers.excessProxy).toBeGreaterThanOrEqual(0.1);
    expect((await runClaim('04-learned-inner-misgeneralization', { variant: 'aligned', count: 100 })).verdict).toBe('not supported');
    expect((await runClaim('04-learned-inner-misgeneralization', { size: 13, count: 40 })).verdict).toBe('depends');
  }, 240_000);
});
