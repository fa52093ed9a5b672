import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { PlantedRecurrentToy } from '../../lib/interp/index';
import { cheeseDependence, loadLearnedAgent, observeBatch, untrainedLearnedAgent, useBackend } from '../../lib/mesa/index';
import { locateTarget, retargetEdit } from '../../lib/retarget/index';
import { cheeseMazeLevels } from '../../lib/envs/cheese-maze';

describe('controls for the learned-agent claims', () => {
  beforeAll(async () => { await useBackend('wasm'); });

  it('the clear-only edit clears the cheese and writes nothing at the target', () => {
    const toy = new PlantedRecurrentToy(7, 4);
    const levels = cheeseMazeLevels('test', 30, 'toy', { size: 7 });
    const r = locateTarget(toy, levels, { probeExamples: 40, pairs: 16, cellByCell: false });
    const lv = levels[0];
    const target = [...Array(49).keys()].map((j) => ({ x: j % 7, y: Math.floor(j / 7) }))
      .find((c) => lv.map.passable[c.y * 7 + c.x] && (c.x !== lv.cheese.x || c.y !== lv.cheese.y))!;
    const at = (write: boolean | null) => tf.tidy(() => {
      const patch = write === null ? undefined : retargetEdit(r.best!, target, { cheese: lv.cheese, iterations: 'all', write });
      const v = toy.forward(observeBatch([lv]), { read: ['iter.3.h'], patch }).acts['iter.3.h'].arraySync() as number[][][][];
      return { target: v[0][target.y][target.x][0], cheese: v[0][lv.cheese.y][lv.cheese.x][0] };
    });
    const none = at(null), clearOnly = at(false), full = at(true);
    expect(clearOnly.target).toBeCloseTo(none.target, 6);
    expect(clearOnly.cheese).toBeLessThan(none.cheese);
    expect(full.target).toBeGreaterThan(none.target);
  });

  it('the untrained agent: same architecture, the initial weights of its seed (deterministic, not the shipped ones)', () => {
    const a = untrainedLearnedAgent({ size: 7 }, 1), b = untrainedLearnedAgent({ size: 7 }, 1), c = untrainedLearnedAgent({ size: 7 }, 2);
    const shipped = loadLearnedAgent('aligned', { size: 7 });
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
    expect(a.params.length).toBe(shipped.params.length);
    expect(Array.from(a.params)).not.toEqual(Array.from(c.params));
    expect(Array.from(a.params)).not.toEqual(Array.from(shipped.params));
  });

  it('cheese dependence: an agent that follows the cheese changes its moves when the cheese moves; the fixed-goal agent barely does', () => {
    const levels = cheeseMazeLevels('test', 12, 'dependence', { size: 7 });
    const toy = cheeseDependence(new PlantedRecurrentToy(7, 4), levels, 'moves');
    expect(toy.moved).toBeGreaterThan(0.2);
    expect(toy.removed).toBeGreaterThan(0.2);
    const fixed = cheeseDependence(loadLearnedAgent('fixed', { size: 7 }), levels, 'moves');
    const aligned = cheeseDependence(loadLearnedAgent('aligned', { size: 7 }), levels, 'moves');
    expect(aligned.moved).toBeGreaterThan(fixed.moved);
    expect(fixed.cells).toBeGreaterThan(100);
  }, 60_000);
});
