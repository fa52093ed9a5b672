import { describe, expect, it } from 'vitest';
import { runClaim } from '../../index';

describe('claim 10-rome-edits-facts', () => {
  it('is supported at the defaults: the traced edit changes the fact, generalises, and is specific', async () => {
    const o = await runClaim('10-rome-edits-facts');
    expect(o.verdict).toBe('supported');
    expect(o.numbers.efficacy as number).toBeGreaterThanOrEqual(0.9);
    expect(o.numbers.specificity as number).toBeGreaterThanOrEqual(0.9);
    expect(o.chart).toBeDefined();
  }, 120_000);
  it('flips without the keys\' second moment: the edit spills onto other facts', async () => {
    const o = await runClaim('10-rome-edits-facts', { covariance: false });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.specificity as number).toBeLessThan(0.9);
  }, 120_000);
});

describe('claim 10-search-editable-like-facts', () => {
  it('is supported at the defaults: "cheese" now means the key, other instructions unchanged', async () => {
    const o = await runClaim('10-search-editable-like-facts');
    expect(o.verdict).toBe('supported');
    expect(o.numbers.efficacy as number).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
  it('flips when the new target cannot be expressed by the target map (the room centre)', async () => {
    const o = await runClaim('10-search-editable-like-facts', { newTarget: 'centre' });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.efficacy as number).toBeLessThan(0.5);
    expect(o.numbers.specificity).toBe(1);
  }, 120_000);
});

describe('claim 10-localization-informs-editing', () => {
  it('is supported at the defaults: the layer traced at the subject\'s last token is the best edit site', async () => {
    const o = await runClaim('10-localization-informs-editing', { edits: 3 });
    expect(o.verdict).toBe('supported');
    expect(o.numbers.tracedLayer).toBe(o.numbers.bestLayer);
    expect(o.numbers.rankCorrelation as number).toBeGreaterThan(0.5);
  }, 120_000);
  it('depends when the trace is read at the first name token: its layer works, but less well than the best', async () => {
    const o = await runClaim('10-localization-informs-editing', { tracePosition: 0 });
    expect(o.verdict).toBe('depends');
    expect(o.numbers.gap as number).toBeGreaterThan(0.05);
    expect(o.numbers.gap as number).toBeLessThanOrEqual(0.2);
  }, 120_000);
  it('flips when the trace is read at the relation token: it picks the last layer, where edits of the subject fail', async () => {
    const o = await runClaim('10-localization-informs-editing', { edits: 3, tracePosition: 2 });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.gap as number).toBeGreaterThan(0.2);
    expect(o.numbers.rankCorrelation as number).toBeLessThan(0);
  }, 120_000);
});
