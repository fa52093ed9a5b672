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
  it('supported at the defaults: validated tools, thinking time found in the learned agent, none in the policy network', async () => {
    const o = await runClaim('12-detects-trained-search');
    expect(o.verdict).toBe('supported');
    expect(o.numbers.validated).toBe(true);
    expect(o.numbers.learnedFlag).toBe(true);
    expect(o.numbers.policyFlag).toBe(false);
    expect(o.numbers.policyGain).toBe(0);
  }, 60_000);
  it('flips: too little thinking time, or the fixed-goal agent, or both detectors at once: not supported; no gain asked: the policy is flagged too (depends)', async () => {
    expect((await runClaim('12-detects-trained-search', { maxIterations: 10 })).verdict).toBe('not supported');
    expect((await runClaim('12-detects-trained-search', { variant: 'fixed' })).verdict).toBe('not supported');
    const both = await runClaim('12-detects-trained-search', { detector: 'both' });
    expect(both.verdict).toBe('not supported');
    expect(both.numbers.learnedThinks).toBe(true);
    const lax = await runClaim('12-detects-trained-search', { minGain: 0 });
    expect(lax.verdict).toBe('depends');
    expect(lax.numbers.policyFlag).toBe(true);
  }, 120_000);
});
