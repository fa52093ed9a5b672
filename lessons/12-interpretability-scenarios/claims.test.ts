import { describe, expect, it } from 'vitest';
import { runClaim } from '../../index';

describe('claims of notebook 12', () => {
  it('12-degrades-gracefully: supported at the defaults, not when the noise stays small', async () => {
    const o = await runClaim('12-degrades-gracefully', { trials: 2 });
    expect(o.verdict).toBe('supported');
    expect(o.numbers.retargetPerfectTool).toBe(1);
    expect(o.numbers.flagAtSeparation as number).toBeGreaterThanOrEqual(0.9);
    expect((await runClaim('12-degrades-gracefully', { trials: 2, maxNoise: 1 })).verdict).toBe('not supported');
  });
  it('12-retrain-vs-retarget: supported with a perfect tool, not with a noisy one', async () => {
    const o = await runClaim('12-retrain-vs-retarget');
    expect(o.verdict).toBe('supported');
    expect(o.numbers.retargetReflexSuccess).toBeLessThan(0.5);
    expect(o.numbers.retrainSteps as number).toBeGreaterThan(1000);
    expect((await runClaim('12-retrain-vs-retarget', { noise: 3 })).verdict).toBe('not supported');
  });
});
