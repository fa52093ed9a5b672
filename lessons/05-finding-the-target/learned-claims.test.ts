// The locating procedure on the shipped learned searcher, through its claim.
import { describe, expect, it } from 'vitest';
import { runClaim } from '../../lib/claims/index';
import '../index';

describe('05-learned-target-located', () => {
  it('finds the learned agent\'s cheese representation with both a probe and a causal effect, never in the input layer', async () => {
    const r = await runClaim('05-learned-target-located');
    expect(r.verdict).toBe('supported');
    expect(r.numbers.probeAccuracy).toBeGreaterThanOrEqual(0.7);
    expect(r.numbers.effect).toBeGreaterThanOrEqual(0.5);
    expect(r.numbers.layer).not.toBe('obs');
  }, 120_000);
});
