import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { InputOnlyToy, PlantedCausalToy, PlantedRecurrentToy, PlantedToyModel, layerFamilies } from '../../lib/interp/index';
import { agentConfig, observeBatch, rollout, trainFromConfig, useBackend } from '../../lib/mesa/index';
import type { LayerInfo, TrainedAgent } from '../../lib/mesa/index';
import { fixMisgeneralization, locateTarget, retargetEdit, retargetabilityByDistance } from '../../lib/retarget/index';
import { cheeseMazeLevels, withCheese } from '../../lib/envs/cheese-maze';
import { isVegaLiteSpec } from '../../lib/viz/index';

const small = { probeExamples: 40, pairs: 16, cellByCell: false } as const;

describe('locateTarget: the target, found from layer metadata alone', () => {
  beforeAll(async () => { await useBackend('wasm'); });

  it('finds the planted channel of a toy and rejects the correlated channel that nothing reads', () => {
    const toy = new PlantedCausalToy(7);
    const r = locateTarget(toy, cheeseMazeLevels('test', 30, 'toy', { size: 7 }), { ...small, cellByCell: true });
    expect(r.located).toBe(true);
    expect(r.bestRow).toMatchObject({ layer: 'hidden', channel: 3 });
    expect(r.best!.channels).toEqual([3]);
    const copy = r.rows.find((row) => row.layer === 'hidden' && row.channel === 2)!;
    expect(copy.probeAccuracy).toBeGreaterThan(0.9); // decodes the cheese perfectly…
    expect(copy.effect).toBeLessThan(0.05);           // …but patching it changes nothing
    expect(copy.passes).toBe(false);
    expect(r.inputBaseline.map((p) => p.layer)).toEqual(['obs']);
    expect(r.rows.filter((row) => row.input).every((row) => !row.passes)).toBe(true);
    expect(r.cells.length).toBe(49);
    expect(r.verdict).toMatch(/^located at hidden channel 3/);
  });

  it('reports a model whose only cheese information is its input as not located', () => {
    const r = locateTarget(new InputOnlyToy(7), cheeseMazeLevels('test', 30, 'toy', { size: 7 }), small);
    expect(r.located).toBe(false);
    expect(r.inputBaseline[0]).toMatchObject({ layer: 'obs' });
    expect(r.inputBaseline[0].accuracy).toBeGreaterThan(0.9);
    expect(r.verdict).toMatch(/not located/);
    expect(r.verdict).toMatch(/input layer alone/);
  });

  it('throws on caller mistakes with a message that says what to do', () => {
    const toy = new PlantedToyModel(7);
    expect(() => locateTarget(toy, [])).toThrow(/retarget\/locate: pass at least one held-out level/);
    expect(() => locateTarget(toy, cheeseMazeLevels('test', 2, 1, { size: 9 }))).toThrow(/generate levels with \{ size: 7 \}/);
    expect(() => locateTarget(toy, cheeseMazeLevels('test', 2, 1, { size: 7 }), { minEffect: 2 })).toThrow(/minEffect must be/);
  });

  it('on a recurrent toy, finds the goal trace and edits it at one, some or every iteration', () => {
    const toy = new PlantedRecurrentToy(7, 4);
    const levels = cheeseMazeLevels('test', 30, 'toy', { size: 7 });
    const r = locateTarget(toy, levels, small);
    expect(r.located).toBe(true);
    expect(r.bestRow!.channel).toBe(0);
    expect(r.best!.family!.key).toBe('iter.*.h');
    // The unread copy of the cheese (channel 1) probes perfectly at every iteration and never passes.
    expect(r.rows.filter((row) => row.channel === 1 && row.layer.startsWith('iter')).every((row) => row.probeAccuracy === 1 && !row.passes)).toBe(true);
    const lv = levels[0];
    const target = [...Array(49).keys()].map((j) => ({ x: j % 7, y: Math.floor(j / 7) }))
      .find((c) => lv.map.passable[c.y * 7 + c.x] && !(c.x === lv.cheese.x && c.y === lv.cheese.y))!;
    const last = (iterations: 'all' | number[]) => tf.tidy(() => {
      const h = toy.forward(observeBatch([lv]), { read: ['iter.3.h'], patch: retargetEdit(r.best!, target, { cheese: lv.cheese, iterations }) }).acts['iter.3.h'];
      const v = h.arraySync() as number[][][][];
      return { atTarget: v[0][target.y][target.x][0], atCheese: v[0][lv.cheese.y][lv.cheese.x][0] };
    });
    const on = r.best!.stats['iter.3.h'].on[0], off = r.best!.stats['iter.3.h'].off[0];
    expect(last('all').atTarget).toBeCloseTo(on, 5);
    expect(last('all').atCheese).toBeCloseTo(off, 5);
    expect(Object.keys(retargetEdit(r.best!, target, { cheese: lv.cheese, iterations: 'all' }))).toEqual(['iter.0.h', 'iter.1.h', 'iter.2.h', 'iter.3.h']);
    expect(Object.keys(retargetEdit(r.best!, target, { cheese: lv.cheese, iterations: [0, 2] }))).toEqual(['iter.0.h', 'iter.2.h']);
    expect(last([0]).atCheese).toBeGreaterThan(0.5); // an early edit is washed out by the input fed in again
    expect(() => retargetEdit(r.best!, target, { cheese: lv.cheese, iterations: [9] })).toThrow(/retarget\/edit: iterations must be 'all' or a list/);
    expect(() => retargetEdit(r.best!, target)).toThrow(/needs the cheese cells/);
    // A region cleared per episode (every cell listed), with zero (the claims of notebook 06 show where zero and the no-cheese mean differ).
    const region = [lv.cheese, target];
    const z = tf.tidy(() => toy.forward(observeBatch([lv]), { read: ['iter.3.h'], patch: retargetEdit(r.best!, target, { cheese: [region], iterations: 'all', write: false, clearWith: 'zero' }) }).acts['iter.3.h'].arraySync() as number[][][][]);
    for (const c of region) expect(z[0][c.y][c.x][0]).toBe(0);
    expect(last('all').atTarget).not.toBe(0); // without the region, the target cell is written, not cleared
  });

  it('walking a per-cell policy layer gives the same rollouts as one forward pass per step, edited or not', () => {
    const toy = new PlantedRecurrentToy(7, 3);
    const levels = cheeseMazeLevels('test', 12, 'walk', { size: 7 });
    const r = locateTarget(toy, levels, small);
    const goals = levels.map(() => ({ x: 1, y: 1 }));
    const patchFor = (ids: readonly number[]) => retargetEdit(r.best!, ids.map((i) => goals[i]), { cheese: ids.map((i) => levels[i].cheese), iterations: 'all' });
    const paths = (opts: object) => rollout(toy, levels, { goals, stopOnLoop: true, ...opts }).map((e) => `${e.path.map((c) => `${c.x},${c.y}`).join(' ')}|${e.outcome}|${e.reachedGoal}`);
    expect(paths({ cellPolicy: 'moves', chunk: 5 })).toEqual(paths({}));
    expect(paths({ cellPolicy: 'moves', chunk: 5, patchFor })).toEqual(paths({ patchFor }));
  });

  it('groups the iterations of a recurrent layer by name and shape', () => {
    const L = (name: string, shape = [7, 7, 4]): LayerInfo => ({ name, shape, spatial: true, description: '' });
    const fams = layerFamilies([L('obs', [7, 7, 5]), L('iter.0.h'), L('iter.1.h'), L('iter.10.h'), L('conv1'), L('conv2')]);
    expect(fams).toEqual([{ key: 'iter.*.h', members: ['iter.0.h', 'iter.1.h', 'iter.10.h'], iterations: [0, 1, 10] }]);
  });
});

describe('locating, retargeting and fixing misgeneralization on the planner agent', () => {
  let planner: TrainedAgent;
  beforeAll(async () => {
    await useBackend('wasm');
    planner = trainFromConfig(agentConfig('planner', { levels: 150, seed: 2 }));
  }, 60_000);

  it('finds the planner\'s target map (or the logit feeding it) without being told', () => {
    const r = locateTarget(planner.agent, cheeseMazeLevels('test', 30, 'loc', { size: 7, trainRegion: 2 }), small);
    expect(r.located).toBe(true);
    expect(['target.map', 'target.logit']).toContain(r.bestRow!.layer);
    // The planner's value map moves the choice as much, but from around the mouse, not at the cheese.
    const value = r.rows.find((row) => row.layer === 'plan.value')!;
    expect(value.effect).toBeGreaterThan(0.5);
    expect(value.passes).toBe(false);
  });

  it('the located edit retargets the planner everywhere, far from the training region too', () => {
    const r = locateTarget(planner.agent, cheeseMazeLevels('test', 30, 'loc', { size: 7, trainRegion: 2 }), small);
    const held = cheeseMazeLevels('test', 4, 'held', { size: 7, trainRegion: 2 });
    const by = retargetabilityByDistance(planner.agent, { kind: 'located', located: r.best! }, held, { ceiling: true });
    expect(by.rate).toBeGreaterThanOrEqual(0.9);
    expect(by.bands.at(-1)!.rate).toBeGreaterThanOrEqual(0.8);
    expect(by.baselineRate).toBeLessThan(by.rate);
    expect(by.bands[0].band).toBe('in region (0)');
    expect(by.ceilingRate).toBeGreaterThanOrEqual(0.9); // the planner goes wherever the cheese is
    expect(by.bands.every((b) => b.ceilingRate !== undefined)).toBe(true);
    expect(by.bands.reduce((s, b) => s + b.trials, 0)).toBe(by.trials);
    expect(isVegaLiteSpec(by.charts.bands) && isVegaLiteSpec(by.charts.heatmap)).toBe(true);
    expect(isVegaLiteSpec(r.charts.effects) && isVegaLiteSpec(r.charts.probes)).toBe(true);
    const lv = held[0], cell = { x: 1, y: 1 };
    const ep = rollout(planner.agent, [lv], { goals: [cell], patch: retargetEdit(r.best!, cell, { cheese: lv.cheese }) })[0];
    expect(ep.reachedGoal || lv.cheese.x + lv.cheese.y === 2).toBe(true);
  });

  it('a planner that learned the corner carries no cheese target to find; the edit found in its aligned twin fixes it', () => {
    // Trained on the corner reward with the cheese anywhere: moving the cheese never changes its
    // choice, so nothing causal can be located (outer misalignment: its target is the corner).
    const corner = trainFromConfig(agentConfig('planner', { levels: 150, seed: 2, rewardSpec: 'corner', trainDistribution: 'test' }));
    const levels = cheeseMazeLevels('test', 30, 'loc', { size: 7, trainRegion: 2 });
    const own = locateTarget(corner.agent, levels, small);
    expect(own.located).toBe(false);
    expect(own.pairs).toBe(0);
    // The same layer, found in the aligned planner, written onto the cheese, fixes it out of distribution.
    const found = locateTarget(planner.agent, levels, small);
    const far = cheeseMazeLevels('test-far', 20, 'ood', { size: 7, trainRegion: 2 });
    const fix = fixMisgeneralization(corner.agent, found.best!, far);
    expect(fix.before).toBeLessThan(0.9);
    expect(fix.after).toBeGreaterThanOrEqual(0.95);
    expect(fix.proxyAfter).toBeLessThanOrEqual(fix.proxyBefore);
    expect(far.every((lv) => withCheese(lv, lv.cheese).cheese === lv.cheese)).toBe(true);
  }, 60_000);
});
