// The locating procedure on the shipped learned searcher, through its claim: each verdict at a setting notebook 05 shows.
import { describe, expect, it } from 'vitest';
import { runClaim } from '../../lib/claims/index';
import '../index';

describe('05-learned-target-located', () => {
  it('supported at the defaults: a patch narrower than the input\'s footprint (a few channels) passes the probe and the causal bar', async () => {
    const r = await runClaim('05-learned-target-located');
    expect(r.verdict).toBe('supported');
    expect(r.numbers.footprintPasses).toBe(true);
    expect(r.numbers.narrowPasses).toBe(true);
    const n = r.numbers;
    expect(Number(n.narrowestChannels) <= 4 || Number(n.narrowestRadius) === 0).toBe(true);
    expect(Number(n.narrowestProbe)).toBeGreaterThanOrEqual(0.7);
    expect(Number(n.narrowestEffect)).toBeGreaterThanOrEqual(0.5);
    expect(n.layer).not.toBe('obs');
    // Every passing row of the table is what the verdict says it is.
    for (const row of r.rows ?? []) expect(row.passes).toBe(Number(row.probe) >= 0.7 && Number(row.effect) >= 0.5);
  }, 400_000);

  it('depends with single channels only (maxChannels 1): only the footprint passes', async () => {
    const r = await runClaim('05-learned-target-located', { maxChannels: 1 });
    expect(r.numbers.footprintPasses).toBe(true);
    expect(r.numbers.narrowPasses).toBe(false);
    expect(r.verdict).toBe('depends');
  }, 400_000);

  it('the untrained control, at the two settings notebook 05 names: only the footprint passes (depends); with minProbe 0.95 nothing passes (not supported)', async () => {
    const loose = await runClaim('05-learned-target-located', { variant: 'untrained' });
    expect(loose.numbers.narrowPasses).toBe(false);
    expect(loose.numbers.footprintPasses).toBe(true);
    expect(loose.verdict).toBe('depends');
    const strict = await runClaim('05-learned-target-located', { variant: 'untrained', minProbe: 0.95 });
    expect(strict.numbers.footprintPasses).toBe(false);
    expect(strict.verdict).toBe('not supported');
  }, 600_000);
});
