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
