import { describe, expect, it } from 'vitest';
import { runClaim } from '../../index';

describe('claim 04-goal-misgeneralization', () => {
  it('depends when the agent has not learned the task (a few training steps): misgeneralization cannot be judged', async () => {
    const o = await runClaim('04-goal-misgeneralization', { trainSteps: 10, episodes: 60 });
    expect(o.verdict).toBe('depends');
    expect(o.numbers.inDistributionSuccess as number).toBeLessThan(0.95);
    expect(o.numbers.trainSteps).toBe(10);
  }, 120_000);
});
