import { describe, expect, it } from 'vitest';
import { runClaim } from '../../index';

describe('claim 09-competitiveness-tax', () => {
  it('is supported at the defaults: with errands asked 100 times, tables beat search by more than 2x', async () => {
    const o = await runClaim('09-competitiveness-tax');
    expect(o.verdict).toBe('supported');
    expect(o.numbers.ratio as number).toBeGreaterThanOrEqual(2);
    expect(o.numbers.allOptimal).toBe(true);
    expect(o.numbers.crossoverQueries as number).toBeGreaterThan(1);
    expect(o.chart).toBeDefined();
  });
  it('flips when every errand is asked once: the general searcher is cheaper', async () => {
    const o = await runClaim('09-competitiveness-tax', { queriesPerTask: 1 });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.ratio as number).toBeLessThan(1);
  });
  it('says "depends" between the crossover and the tax', async () => {
    const o = await runClaim('09-competitiveness-tax', { queriesPerTask: 5 });
    expect(o.verdict).toBe('depends');
  });
});

describe('claim 09-cache-plus-search', () => {
  it('is supported at the defaults: caching frequent errands and searching the rest beats both', async () => {
    const o = await runClaim('09-cache-plus-search');
    expect(o.verdict).toBe('supported');
    const n = o.numbers as Record<string, number>;
    expect(n.cachePlusSearch).toBeLessThan(0.9 * Math.min(n.searchOnly, n.cacheEvery));
    expect(n.cachePlusSearch).toBeGreaterThanOrEqual(n.hindsight);
  });
  it('flips when nothing is new: caching every errand wins', async () => {
    const o = await runClaim('09-cache-plus-search', { novelty: 0 });
    expect(o.verdict).toBe('not supported');
    const n = o.numbers as Record<string, number>;
    expect(n.cacheEvery).toBeLessThan(n.cachePlusSearch);
  });
});
