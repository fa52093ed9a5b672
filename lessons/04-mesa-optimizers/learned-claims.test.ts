// The learned recurrent searcher's claims: the verdict at the defaults and a setting for each other verdict.
import { describe, expect, it } from 'vitest';
import { runClaim } from '../../lib/claims/index';
import '../index';

describe('04-training-produces-search', () => {
  it('depends at the defaults: thinking time extrapolates, the wavefront and compute signatures do not reach their bars', async () => {
    const r = await runClaim('04-training-produces-search');
    expect(r.verdict).toBe('depends');
    expect(r.numbers.thinkingHolds).toBe(true);
    expect(r.numbers.bestR2).toBeLessThan(0.5);
  }, 120_000);
  it('is supported with lenient bars, and not supported for the policy network (no iterations)', async () => {
    expect((await runClaim('04-training-produces-search', { minR2: 0.1, minCorrelation: 0.1 })).verdict).toBe('supported');
    const policy = await runClaim('04-training-produces-search', { agent: 'policy' });
    expect(policy.verdict).toBe('not supported');
    expect(policy.numbers.thinkingGain).toBe(0);
  }, 180_000);
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
