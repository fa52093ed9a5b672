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

describe('claim 12-detects-trained-search', () => {
  it('not supported at the defaults (both detectors): the learned agent thinks, but its compute does not follow distance; the policy non-flag holds by construction', async () => {
    const o = await runClaim('12-detects-trained-search');
    expect(o.params.detector).toBe('both');
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.validated).toBe(true);
    expect(o.numbers.learnedThinks).toBe(true);
    expect(o.numbers.learnedCorrelation as number).toBeLessThan(0.5);
    expect(o.numbers.policyFlag).toBe(false);
    expect(o.numbers.policyByConstruction).toBe(true);
    expect(o.summary).toContain('by construction');
  }, 60_000);
  it('flips: the unvalidated thinking-time detector alone gives depends; a lenient compute bar gives supported; too little thinking time gives not supported; no gain asked flags the policy too', async () => {
    const tt = await runClaim('12-detects-trained-search', { detector: 'thinking-time' });
    expect(tt.numbers.learnedFlag).toBe(true);
    expect(tt.verdict).toBe('depends');
    const lenient = await runClaim('12-detects-trained-search', { minCorrelation: 0.1 });
    expect(lenient.numbers.learnedFlag).toBe(true);
    expect(lenient.verdict).toBe('supported');
    expect((await runClaim('12-detects-trained-search', { maxIterations: 10 })).verdict).toBe('not supported');
    const lax = await runClaim('12-detects-trained-search', { minGain: 0, minCorrelation: -1 });
    expect(lax.numbers.policyFlag).toBe(true);
    expect(lax.verdict).toBe('depends');
  }, 180_000);
});
