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
  it('07-builtin-goal-agent: supported at the defaults with the honest comparator (a tuned landmark heuristic that takes the goal)', async () => {
    const o = await runClaim('07-builtin-goal-agent');
    expect(o.verdict).toBe('supported');
    expect(o.params.tunedHeuristic).toBe('landmarks');
    expect(o.numbers.tunedOverPlanner).toBeGreaterThanOrEqual(2);
    // The strawman that ignores its goal is costlier still.
    const table = await runClaim('07-builtin-goal-agent', { tunedHeuristic: 'table' });
    expect(table.numbers.expandedTunedKept).toBeGreaterThan(o.numbers.expandedTunedKept as number);
  });
  it('07-builtin-goal-agent flips: targets near the built-in goal (the tuned heuristic still fits), or an open field', async () => {
    const near = await runClaim('07-builtin-goal-agent', { maxShift: 10 });
    expect(near.verdict).toBe('not supported');
    expect(near.numbers.tunedOverPlanner).toBeLessThan(2);
    expect((await runClaim('07-builtin-goal-agent', { roomSize: 40 })).verdict).toBe('not supported');
  });
});
