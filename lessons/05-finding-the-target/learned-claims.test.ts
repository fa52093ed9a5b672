// The locating procedure on the shipped learned searcher, through its claim.
import { describe, expect, it } from 'vitest';
import { runClaim } from '../../lib/claims/index';
import '../index';

describe('05-learned-target-located', () => {
  it('passes the probe and the patch only with the input\'s whole footprint (depends), never in the input layer; no single channel passes', async () => {
    const r = await runClaim('05-learned-target-located');
    expect(r.numbers.located).toBe(true);
    expect(r.numbers.footprintOnly).toBe(true);
    expect(r.verdict).toBe('depends');
    expect(r.numbers.singlePasses).toBe(false);
    expect(r.numbers.probeAccuracy).toBeGreaterThanOrEqual(0.7);
    expect(r.numbers.effect).toBeGreaterThanOrEqual(0.5);
    expect(r.numbers.layer).not.toBe('obs');
  }, 120_000);
});
