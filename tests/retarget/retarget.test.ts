import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { agentConfig, rollout, trainFromConfig, useBackend } from '../../lib/mesa/index';
import type { TrainedAgent } from '../../lib/mesa/index';
import { PlantedToyModel } from '../../lib/interp/index';
import { retarget, retargetability, retargetPatches, retrainForTarget } from '../../lib/retarget/index';
import { cheeseMazeLevels } from '../../lib/envs/cheese-maze';

let planner: TrainedAgent;

describe('retargeting', () => {
  beforeAll(async () => {
    await useBackend('wasm');
    planner = trainFromConfig(agentConfig('planner', { levels: 150, seed: 2 }));
  }, 60_000);

  it('writing the planner\'s target map sends it to any reachable cell of held-out mazes', () => {
    const held = cheeseMazeLevels('test', 4, 'held', { size: 7, trainRegion: 2 });
    const r = retargetability(planner.agent, held, { kind: 'target-map' });
    expect(r.rate).toBeGreaterThanOrEqual(0.95);
    expect(r.baselineRate).toBeLessThan(r.rate);
    expect(r.cells.every((c) => (c.success as number) >= 0 && (c.success as number) <= 1)).toBe(true);
    const aimed = retarget(planner.agent, { x: 1, y: 1 }, { kind: 'target-map' });
    const lv = held.find((l) => !(l.cheese.x === 1 && l.cheese.y === 1))!;
    const ep = rollout(aimed, [lv], { goals: [{ x: 1, y: 1 }] })[0];
    expect(ep.reachedGoal || ep.outcome === 'cheese').toBe(true);
  });

  it('a channel edit on the planted toy retargets its goal channel; wrong method/agent pairs are errors', () => {
    const toy = new PlantedToyModel(7);
    expect(() => retargetPatches(toy, [{ x: 1, y: 1 }], { kind: 'target-map' })).toThrow(/planner agent/);
    const patch = retargetPatches(toy, [{ x: 1, y: 1 }], { kind: 'channel', layer: 'features', channel: 0, value: 1, clear: true });
    const lv = { ...cheeseMazeLevels('test', 1, 3, { size: 7 })[0], cheese: { x: 5, y: 5 }, start: { x: 3, y: 3 } };
    const before = rollout(toy, [lv], { maxSteps: 1 })[0].path[1];
    const after = rollout(toy, [lv], { maxSteps: 1, patch })[0].path[1];
    expect(before.x + before.y).toBeGreaterThanOrEqual(6);
    expect(after.x + after.y).toBeLessThanOrEqual(6);
  });

  it('a channel edit writes a single-channel map ([B,H,W], the planner\'s target.map) as channel 0; another channel is an error naming the module', () => {
    const patch = retargetPatches(planner.agent, [{ x: 2, y: 3 }], { kind: 'channel', layer: 'target.map', channel: 0, value: 5, clear: true })['target.map'] as (a: tf.Tensor) => tf.Tensor;
    const out = Array.from(tf.tidy(() => patch(tf.fill([1, 7, 7], -30))).dataSync());
    expect(out[3 * 7 + 2]).toBe(5);
    expect(out.filter((v) => v === 0)).toHaveLength(48);
    const bad = retargetPatches(planner.agent, [{ x: 2, y: 3 }], { kind: 'channel', layer: 'target.map', channel: 1, value: 5 })['target.map'] as (a: tf.Tensor) => tf.Tensor;
    expect(() => bad(tf.zeros([1, 7, 7]))).toThrow(/retarget.*1 channel/);
  });

  it('retraining for a new target costs gradient steps; retargeting costs none', () => {
    const held = cheeseMazeLevels('test', 20, 'rt', { size: 7, trainRegion: 2 });
    const r = retrainForTarget(planner.agent, planner.config, { x: 1, y: 1 }, held, { every: 25, maxSteps: 200 });
    expect(r.curve[0].steps).toBe(0);
    expect(r.steps).toBeGreaterThanOrEqual(0);
    expect(r.curve.length).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('a fresh planner (from: "fresh") starts from its own untrained weights and learns a fixed new goal', () => {
    const held = cheeseMazeLevels('test', 12, 'rt-fresh', { size: 7, trainRegion: 2 });
    const before = JSON.stringify(planner.agent.getWeights());
    const r = retrainForTarget(planner.agent, planner.config, { x: 1, y: 1 }, held, { every: 25, maxSteps: 300, from: 'fresh' });
    expect(r.status).toBe('reached');
    expect(r.steps).toBeGreaterThan(0);
    expect(r.curve[0].success).toBeLessThan(r.success);
    // The trained agent is left alone.
    expect(JSON.stringify(planner.agent.getWeights())).toBe(before);
  }, 30_000);
});
