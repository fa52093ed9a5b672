import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { cheeseMazeLevels } from '../../lib/envs/cheese-maze';
import { SHIPPED_WEIGHTS, loadLearnedAgent, outcomesByCheeseDistance, paramLayout, paramsOf, shippedNet, thinkingTime } from '../../lib/mesa/learned/index';
import { observeBatch } from '../../lib/mesa/rollout';

// Figures of the shipped weights (seed 1, 1200 steps), on held-out mazes; the full tables are in
// lib/mesa/learned/README.md.
describe('learned searcher: shipped weights', () => {
  it('each variant decodes to its layout and names the command that regenerates it', () => {
    for (const v of ['aligned', 'corner', 'fixed'] as const) {
      const w = SHIPPED_WEIGHTS[v];
      expect(paramsOf(w).length).toBe(paramLayout(w.config.shape).total);
      expect(w.command).toBe(`retarget-lab train learned-search --variant ${v} --seed 1 --steps 1200`);
    }
  });
  it('thinking time: on held-out 13×13 mazes, 5 iterations solve under half, 49 solve at least 80%', () => {
    const rows = thinkingTime(shippedNet('aligned'), { sizes: [13], iterations: [5, 49], count: 24 });
    expect(rows[0].rollout).toBeLessThan(0.5);
    expect(rows[1].rollout).toBeGreaterThanOrEqual(0.8);
  });
  it('corner and fixed agents head into the top-right square when the cheese is elsewhere; aligned does not', () => {
    const proxy = (v: 'aligned' | 'corner' | 'fixed') => outcomesByCheeseDistance(shippedNet(v), v, { size: 9, count: 100 }).outside.proxy;
    expect(proxy('aligned')).toBeLessThanOrEqual(0.02);
    expect(proxy('corner')).toBeGreaterThanOrEqual(0.05);
    expect(proxy('fixed')).toBeGreaterThanOrEqual(0.2);
  }, 180_000);
  it('loads as a NamedModel at any odd size', () => {
    const agent = loadLearnedAgent('aligned', { size: 11, iterations: 40 });
    const out = agent.forward(observeBatch(cheeseMazeLevels('test', 2, 'load', { size: 11 })), { read: ['iter.40.h'] });
    expect(out.logits.shape).toEqual([2, 4]);
    expect(out.acts['iter.40.h'].shape).toEqual([2, 11, 11, 16]);
    tf.dispose([out.logits, ...Object.values(out.acts)]);
  });
});
