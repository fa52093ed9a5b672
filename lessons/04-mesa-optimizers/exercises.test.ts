import { describe, expect, it } from 'vitest';
import { check } from '../../index';

type Outcome = 'cheese' | 'proxy' | 'neither';
type Ep = { distance: number; outcome: Outcome };
type Report = { rewardSpec: 'cheese' | 'corner'; trainDistribution: 'train' | 'test'; behaviour: Outcome };

const rate = (eps: Ep[]) => {
  const ood = eps.filter((e) => e.distance > 0);
  return ood.length ? ood.filter((e) => e.outcome === 'proxy').length / ood.length : 0;
};

const classify = (r: Report) =>
  r.behaviour === 'cheese' ? 'none' : r.behaviour === 'neither' ? 'capability' : r.rewardSpec === 'corner' ? 'outer' : 'inner';

describe('exercise 04-misgeneralization-rate (meta-test)', () => {
  it('the proxy share among out-of-distribution episodes passes', () => {
    expect(check.evaluate('04-misgeneralization-rate', rate).ok).toBe(true);
    expect(check.evaluate('04-misgeneralization-rate', rate, { seed: 77, count: 14 }).ok).toBe(true);
  });
  it('counting all episodes, counting "neither" as misgeneralization, or dividing by zero fails', () => {
    const allEpisodes = (eps: Ep[]) => eps.filter((e) => e.outcome === 'proxy').length / eps.length;
    const notCheese = (eps: Ep[]) => {
      const ood = eps.filter((e) => e.distance > 0);
      return ood.length ? ood.filter((e) => e.outcome !== 'cheese').length / ood.length : 0;
    };
    const noGuard = (eps: Ep[]) => {
      const ood = eps.filter((e) => e.distance > 0);
      return ood.filter((e) => e.outcome === 'proxy').length / ood.length;
    };
    expect(check.evaluate('04-misgeneralization-rate', allEpisodes).ok).toBe(false);
    expect(check.evaluate('04-misgeneralization-rate', notCheese).ok).toBe(false);
    expect(check.evaluate('04-misgeneralization-rate', noGuard).ok).toBe(false);
  });
});

describe('exercise 04-inner-or-outer (meta-test)', () => {
  it('behaviour first, then blame the reward or the learned goal: passes', () => {
    expect(check.evaluate('04-inner-or-outer', classify).ok).toBe(true);
    expect(check.evaluate('04-inner-or-outer', classify, { seed: 12, count: 20 }).ok).toBe(true);
  });
  it('blaming the reward alone, or the training distribution, fails', () => {
    const byReward = (r: Report) => (r.rewardSpec === 'corner' ? 'outer' : 'inner');
    const byDistribution = (r: Report) =>
      r.behaviour === 'cheese' ? 'none' : r.behaviour === 'neither' ? 'capability' : r.trainDistribution === 'train' ? 'inner' : 'outer';
    const noCapability = (r: Report) => (r.behaviour === 'cheese' ? 'none' : r.rewardSpec === 'corner' ? 'outer' : 'inner');
    expect(check.evaluate('04-inner-or-outer', byReward).ok).toBe(false);
    expect(check.evaluate('04-inner-or-outer', byDistribution).ok).toBe(false);
    expect(check.evaluate('04-inner-or-outer', noCapability).ok).toBe(false);
  });
});

describe('exercise 04-thinking-extrapolates (meta-test)', () => {
  type Row = { size: number; iterations: number; success: number };
  const reference = (rows: Row[], trainMax: number) => [...new Set(rows.filter((r) => r.size > trainMax).map((r) => r.size))].some((s) => {
    const mine = rows.filter((r) => r.size === s);
    const fewest = mine.reduce((a, b) => (b.iterations < a.iterations ? b : a));
    const best = Math.max(...mine.map((r) => r.success));
    return best - fewest.success >= 0.25 && best >= 0.5;
  });
  it('gain from the fewest iterations on sizes beyond training, with a floor on the best: passes', () => {
    expect(check.evaluate('04-thinking-extrapolates', reference).ok).toBe(true);
    expect(check.evaluate('04-thinking-extrapolates', reference, { seed: 5, count: 18 }).ok).toBe(true);
  });
  it('a high best alone, any size, or the first row instead of the fewest iterations fails', () => {
    const highBest = (rows: Row[], trainMax: number) => rows.some((r) => r.size > trainMax && r.success >= 0.5);
    const anySize = (rows: Row[]) => [...new Set(rows.map((r) => r.size))].some((s) => {
      const mine = rows.filter((r) => r.size === s);
      return Math.max(...mine.map((r) => r.success)) - Math.min(...mine.map((r) => r.success)) >= 0.25;
    });
    const firstRow = (rows: Row[], trainMax: number) => [...new Set(rows.filter((r) => r.size > trainMax).map((r) => r.size))].some((s) => {
      const mine = rows.filter((r) => r.size === s);
      const best = Math.max(...mine.map((r) => r.success));
      return best - mine[0].success >= 0.25 && best >= 0.5;
    });
    expect(check.evaluate('04-thinking-extrapolates', highBest).ok).toBe(false);
    expect(check.evaluate('04-thinking-extrapolates', anySize).ok).toBe(false);
    expect(check.evaluate('04-thinking-extrapolates', firstRow).ok).toBe(false);
  });
});
