import { describe, expect, it } from 'vitest';
import { runClaim } from '../../lib/claims/index';
import '../index';

// Agents are trained once and cached under build/mesa (first run ≈ 20 s, later runs load them).
describe('claim 05-target-located', () => {
  it('the planner\'s target map points at the cheese and carries its behaviour (supported at the defaults)', async () => {
    const o = await runClaim('05-target-located', {});
    expect(o.verdict).toBe('supported');
    expect(o.numbers.accuracy as number).toBeGreaterThanOrEqual(0.95);
    expect(o.numbers.channelEffect as number).toBeGreaterThan(0.9);
  }, 90_000);

  it('in the policy network the best single channel falls short (not supported); a probe on conv1 reads the cheese but patching shows it unused (depends); the observation never counts', async () => {
    const channel = await runClaim('05-target-located', { kind: 'policy', mazes: 120 });
    expect(channel.verdict).toBe('not supported');
    expect(channel.numbers.accuracy as number).toBeGreaterThan(2 * (channel.numbers.chance as number));
    expect(channel.numbers.channelEffect as number).toBeLessThan(0.5);
    // The setting notebook 05 names: its policyParams cell with method "probe", layer "conv1".
    const probe = await runClaim('05-target-located', { kind: 'policy', method: 'probe', layer: 'conv1', threshold: 0.9, mazes: 200 });
    expect(probe.verdict).toBe('depends');
    expect(probe.numbers.read).toBe(true);
    expect(probe.numbers.used).toBe(false);
    const obs = await runClaim('05-target-located', { layer: 'obs', method: 'probe', mazes: 60 });
    expect(obs.numbers.accuracy as number).toBeGreaterThanOrEqual(0.9);
    expect(obs.verdict).toBe('not supported');
  }, 120_000);
});
