import { describe, expect, it } from 'vitest';
import { runClaim } from '../../index';

describe('claims of notebook 07', () => {
  it('07-outermost-call: supported at the defaults', async () => {
    const o = await runClaim('07-outermost-call');
    expect(o.verdict).toBe('supported');
    expect(o.numbers.successOutermost).toBe(1);
    expect(o.numbers.legsSolvedOutermost).toBe(1);
  });
  it('07-outermost-call flips: one big room leaves nothing to decompose (depends); starved calls fail (not supported)', async () => {
    expect((await runClaim('07-outermost-call', { roomSize: 40 })).verdict).toBe('depends');
    expect((await runClaim('07-outermost-call', { legBudget: 3 })).verdict).toBe('not supported');
  });
  it('07-builtin-goal-agent: supported at the defaults, not on an open field', async () => {
    expect((await runClaim('07-builtin-goal-agent')).verdict).toBe('supported');
    expect((await runClaim('07-builtin-goal-agent', { roomSize: 40 })).verdict).toBe('not supported');
  });
});
