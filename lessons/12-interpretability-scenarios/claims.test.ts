import { describe, expect, it } from 'vitest';
import { runClaim } from '../../index';

describe('claims of notebook 12', () => {
  it('12-degrades-gracefully: not supported at the defaults (equal bits: retargeting gets one tool reading per bit it must deliver, and degrades with flagging)', async () => {
    const o = await runClaim('12-degrades-gracefully', { trials: 2 });
    expect(o.verdict).toBe('not supported');
    expect(o.params.footing).toBe('equal-bits');
    expect(o.numbers.retargetPerfectTool).toBe(1);
  });
  it('12-degrades-gracefully flips: with one reading for both questions (flagging wins by construction), or with the "which units are active" readout on a larger maze', async () => {
    const one = await runClaim('12-degrades-gracefully', { trials: 2, footing: 'one-reading' });
    expect(one.verdict).toBe('supported');
    expect(one.numbers.flagAtSeparation as number).toBeGreaterThanOrEqual(0.9);
    const active = await runClaim('12-degrades-gracefully', { trials: 2, readout: 'active', size: 25 });
    expect(active.verdict).toBe('supported');
  });
  it('12-retrain-vs-retarget: supported at the defaults by the measured ratio of environment steps, not by a fixed bar', async () => {
    const o = await runClaim('12-retrain-vs-retarget');
    expect(o.verdict).toBe('supported');
    expect(o.numbers.retargetReflexSuccess).toBeLessThan(0.5);
    expect(o.numbers.retrainOverRetarget as number).toBeGreaterThanOrEqual(10);
    expect(o.numbers.retargetSteps as number).toBeGreaterThan(0);
  });
  it('12-retrain-vs-retarget flips: a noisy tool falls short; a stricter ratio is not met', async () => {
    expect((await runClaim('12-retrain-vs-retarget', { noise: 2 })).verdict).toBe('not supported');
    const strict = await runClaim('12-retrain-vs-retarget', { minRatio: 200 });
    expect(strict.verdict).toBe('not supported');
    expect(strict.numbers.retrainOverRetarget as number).toBeLessThan(200);
  });
});
