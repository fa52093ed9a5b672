import * as tf from '@tensorflow/tfjs';
import * as fs from 'fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PlannerAgent, PolicyAgent, agentConfig, evaluateAgent, loadAgent, observeBatch, plannerValues, saveAgent,
  trainFromConfig, useBackend, valueIteration, agentCachePath,
} from '../../lib/mesa/index';
import { conv } from '../../lib/mesa/ops';
import { cheeseMazeLevels } from '../../lib/envs/cheese-maze';
import { RetargetLabError } from '../../lib/core/errors';

const quick = agentConfig('planner', { levels: 150, seed: 2 });

describe('mesa agents', () => {
  beforeAll(async () => { await useBackend('wasm'); });

  it('the conv op (conv2d with hand-written gradients) matches tf.conv2d and its gradients', async () => {
    await tf.setBackend('cpu');
    const x = tf.randomNormal([2, 5, 5, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
    const w = tf.randomNormal([27, 4], 0, 1, 'float32', 2);
    const t = tf.randomNormal([2, 5, 5, 4], 0, 1, 'float32', 3);
    const ours = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(conv(a as tf.Tensor4D, b, tf.zeros([4]), 3), t));
    const ref = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b.reshape([3, 3, 3, 4]) as tf.Tensor4D, 1, 'same'), t));
    const g1 = tf.grads(ours)([x, w]), g2 = tf.grads(ref)([x, w]);
    for (let i = 0; i < 2; i++) expect(tf.max(tf.abs(tf.sub(g1[i], g2[i]))).dataSync()[0]).toBeLessThan(1e-3);
    await useBackend('wasm');
  });

  it('the planner computes the fixed point of value iteration', () => {
    const levels = cheeseMazeLevels('test', 4, 5, { size: 7 });
    const H = 7, n = 49;
    const open = new Float32Array(4 * n);
    levels.forEach((lv, b) => lv.map.passable.forEach((p, j) => { open[b * n + j] = p; }));
    const raw = tf.randomUniform([4, H, H], -8, 0, 'float32', 7) as tf.Tensor3D;
    const openT = tf.tensor3d(open, [4, H, H]);
    const target = tf.add(tf.mul(raw, openT), tf.mul(tf.sub(1, openT), -1000)) as tf.Tensor3D;
    const vi = valueIteration(target, openT, 30).reshape([4, n]).arraySync() as number[][];
    const all = Array.from({ length: n }, (_, i) => i);
    const exact = plannerValues(target.reshape([4, n]) as tf.Tensor2D, open, H, H, [all, all, all, all]).arraySync() as number[][];
    for (let b = 0; b < 4; b++) for (let j = 0; j < n; j++) if (open[b * n + j]) expect(exact[b][j]).toBeCloseTo(vi[b][j], 4);
  });

  it('every activation can be read by name and overwritten; unknown names are errors', () => {
    const agent = new PolicyAgent({ size: 7, seed: 1 });
    const obs = observeBatch(cheeseMazeLevels('train', 3, 1, { size: 7, trainRegion: 2 }));
    const r = agent.forward(obs, { read: 'all' });
    expect(Object.keys(r.acts)).toEqual(agent.layers.map((l) => l.name));
    expect(r.acts.conv2.shape).toEqual([3, 7, 7, 16]);
    const zeroed = agent.forward(obs, { patch: { fc: (a) => tf.zerosLike(a) }, read: ['fc'] });
    expect(tf.sum(zeroed.acts.fc).dataSync()[0]).toBe(0);
    expect(() => agent.forward(obs, { read: ['nope'] })).toThrow(RetargetLabError);
    expect(() => agent.forward(obs, { patch: { fc: tf.zeros([3, 5]) } })).toThrow(/shape/);
    const planner = new PlannerAgent({ size: 7, seed: 1 });
    const p = planner.forward(obs, { read: ['target.map', 'plan.value', 'policy.q'] });
    expect(p.acts['plan.value'].shape).toEqual([3, 7, 7]);
  });

  it('both agents reject a maze size they cannot be built for, naming their module', () => {
    for (const size of [6, 3, 27, 7.5]) {
      expect(() => new PlannerAgent({ size, seed: 1 })).toThrow(/retarget-lab\/mesa\/planner-agent: size must be an odd integer between 5 and 25/);
      expect(() => new PolicyAgent({ size, seed: 1 })).toThrow(/retarget-lab\/mesa\/policy-agent: size must be an odd integer between 5 and 25/);
    }
  });

  it('the base optimizer trains the planner agent to ≥ 95% success on held-out training-distribution mazes, deterministically', () => {
    const a = trainFromConfig(quick);
    const held = cheeseMazeLevels('train', 100, 'held-out', { size: 7, trainRegion: 2 });
    expect(evaluateAgent(a.agent, held).success).toBeGreaterThanOrEqual(0.95);
    const b = trainFromConfig({ ...quick, steps: 10 });
    const c = trainFromConfig({ ...quick, steps: 10 });
    expect(b.agent.getWeights()).toEqual(c.agent.getWeights());
    const file = saveAgent(a);
    expect(file).not.toBeNull();
    try {
      const loaded = loadAgent(quick)!;
      expect(loaded.fromCache).toBe(true);
      const obs = observeBatch(held.slice(0, 5));
      expect(loaded.agent.forward(obs).logits.arraySync()).toEqual(a.agent.forward(obs).logits.arraySync());
    } finally {
      fs.rmSync(file!, { force: true });
    }
    expect(loadAgent({ ...quick, seed: 424242 })).toBeNull();
    expect(agentCachePath(quick)).toMatch(/build[\\/]mesa[\\/]planner-[0-9a-f]{8}\.json$/);
  }, 60_000);
});
