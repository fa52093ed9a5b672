import { describe, expect, it } from 'vitest';
import { runPool } from '../../kernel/pool';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('kernel/pool: at most N tasks at once, results in input order', () => {
  it('never runs more than `jobs` at once, fills every slot, and keeps input order whatever finishes first', async () => {
    for (const jobs of [1, 2, 3, 8]) {
      let running = 0;
      let peak = 0;
      const durations = [30, 5, 20, 1, 15, 2, 8];
      const out = await runPool(durations, jobs, async (ms, k) => {
        running++;
        peak = Math.max(peak, running);
        await sleep(ms);
        running--;
        return `${k}:${ms}`;
      });
      expect(out).toEqual(durations.map((ms, k) => `${k}:${ms}`));
      expect(peak).toBe(Math.min(jobs, durations.length));
    }
  });

  it('rejects with the first error and starts nothing after it; refuses a bad jobs count', async () => {
    const started: number[] = [];
    await expect(runPool([0, 1, 2, 3, 4], 2, async (x) => {
      started.push(x);
      await sleep(x === 1 ? 5 : 40);
      if (x === 1) throw new Error('task 1 broke');
      return x;
    })).rejects.toThrow('task 1 broke');
    expect(started).toEqual([0, 1]); // task 0 was still running when 1 broke; it finished, nothing new started
    for (const bad of [0, -1, 1.5, NaN]) {
      await expect(runPool([1], bad, async (x) => x)).rejects.toThrow(/^retarget-lab\/kernel\/pool: jobs must be a positive integer/);
    }
    expect(await runPool([], 3, async (x) => x)).toEqual([]);
  });
});
