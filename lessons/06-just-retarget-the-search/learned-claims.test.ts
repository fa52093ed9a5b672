// Retargeting the learned searcher: the claims' verdicts follow their criteria at the defaults.
import { describe, expect, it } from 'vitest';
import { runClaim } from '../../lib/claims/index';
import '../index';

describe('learned searcher: retargeting', () => {
  it('06-learned-retargetable: the edit beats the untouched agent by a wide margin; the verdict follows the stated bars', async () => {
    const r = await runClaim('06-learned-retargetable');
    expect(r.numbers.located).toBe(true);
    expect(Number(r.numbers.rate) - Number(r.numbers.baseline)).toBeGreaterThanOrEqual(0.2);
    const bars = Number(r.numbers.rate) >= 0.9 && Number(r.numbers.farthest) >= 0.8 && Number(r.numbers.baseline) <= 0.5;
    expect(r.verdict).toBe(bars ? 'supported' : 'depends');
  }, 180_000);

  it('06-retarget-removes-inner-misalignment: retargeting barely moves the corner agent out of distribution (not supported at the defaults)', async () => {
    const r = await runClaim('06-retarget-removes-inner-misalignment');
    expect(r.verdict).toBe('not supported');
    expect(Math.abs(Number(r.numbers.gain))).toBeLessThan(0.05);
  }, 180_000);

  it('06-goal-diversity: the many-goals agent is located and retargetable; the verdict follows the narrow agent\'s figures', async () => {
    const r = await runClaim('06-goal-diversity', { mazes: 4 });
    expect(r.numbers.manyLocated).toBe(true);
    expect(Number(r.numbers.manyGain)).toBeGreaterThanOrEqual(0.2);
    const narrowOk = r.numbers.narrowLocated === true && Number(r.numbers.narrowGain) >= 0.1;
    if (!narrowOk && Number(r.numbers.manyGain) >= 0.3) expect(r.verdict).toBe('supported');
    else expect(['depends', 'not supported']).toContain(r.verdict);
  }, 240_000);
});
