import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/core/rng';
import { cheeseMazeLevel, cheeseMazeLevels } from '../../lib/envs/cheese-maze';
import {
  LearnedSearchAgent, computeVsDistance, computeVsDistanceChart, decodeParams, encodeParams, goalsChart, initParams,
  learnedConfig, moveFields, outcomesByCheeseDistance, paramLayout, ridgeFit, thinkingTime, thinkingTimeChart,
  fixedComputeRows, trainLearnedSearch, trainingLevel, wavefront, wavefrontChart, wavefrontFramesChart, weightsModule,
} from '../../lib/mesa/learned/index';
import { observeBatch, rollout } from '../../lib/mesa/rollout';
import { PolicyAgent } from '../../lib/mesa/policy-agent';
import { isVegaLiteSpec } from '../../lib/viz/index';

const tiny = { steps: 4, schedule: { batch: 2, sizes: [5, 7], sizeSchedule: [0.5] } };
const layout = paramLayout({ state: 16, inner: 16 });
const rng = createRng('learned-test');
const net = { params: initParams(layout, () => rng.normal()), layout };
const weights = { config: learnedConfig('aligned'), params: net.params };

describe('learned searcher: training', () => {
  it('is deterministic: a short schedule run twice with one seed writes identical bytes', () => {
    const a = weightsModule(trainLearnedSearch(learnedConfig('aligned', { seed: 3, ...tiny })));
    const b = weightsModule(trainLearnedSearch(learnedConfig('aligned', { seed: 3, ...tiny })));
    expect(a).toBe(b);
    const c = weightsModule(trainLearnedSearch(learnedConfig('aligned', { seed: 4, ...tiny })));
    expect(c).not.toBe(a);
    expect(a).toContain('retarget-lab train learned-search --variant aligned --seed 3 --steps 4');
  });
  it('reports progress and lowers the loss on a short schedule', () => {
    const seen: number[] = [];
    const t = trainLearnedSearch(learnedConfig('aligned', { seed: 1, steps: 60, schedule: { batch: 4, sizes: [5], sizeSchedule: [] } }), { progressEvery: 20, onProgress: (p) => seen.push(p.loss) });
    expect(seen).toHaveLength(3);
    expect(seen[2]).toBeLessThan(seen[0]);
    expect(t.figures.accuracy).toBeGreaterThan(0.5);
  });
  it('puts the training cheese where each variant says', () => {
    const c = learnedConfig('corner'), f = learnedConfig('fixed');
    for (let i = 0; i < 10; i++) {
      const lv = trainingLevel(c, 11, `t${i}`);
      expect(lv.cheese.x).toBeGreaterThanOrEqual(11 - 1 - 3);
      expect(lv.cheese.y).toBeLessThanOrEqual(3);
      expect(trainingLevel(f, 11, `t${i}`).cheese).toEqual({ x: 9, y: 1 });
    }
  });
  it('rejects unknown variants and bad step counts, naming the module', () => {
    expect(() => learnedConfig('nope' as 'aligned')).toThrow(/retarget-lab\/mesa\/learned: unknown variant "nope"/);
    expect(() => learnedConfig('aligned', { steps: 0 })).toThrow(/steps must be a positive integer/);
  });
});

describe('learned searcher: weights and agent', () => {
  it('round-trips the parameters through base64 exactly', () => {
    const back = decodeParams(encodeParams(net.params));
    expect(Array.from(back)).toEqual(Array.from(net.params));
  });
  it('forward reads the move at the mouse cell, matching the fast typed-array path', () => {
    const agent = new LearnedSearchAgent(weights, { size: 9, iterations: 12 });
    const lv = cheeseMazeLevel('test', 5, { size: 9 });
    const field = moveFields(net, [lv], [12]).get(12)![0];
    const mice = [lv.start, { x: 7, y: 1 }, { x: 3, y: 3 }];
    const logits = tf.tidy(() => agent.forward(observeBatch([lv, lv, lv], mice)).logits.argMax(1).arraySync() as number[]);
    mice.forEach((m, i) => expect(logits[i]).toBe(field[m.y * 9 + m.x]));
  });
  it('exposes every iteration as a named spatial layer; patches at an iteration change later ones', () => {
    const agent = new LearnedSearchAgent(weights, { size: 7, iterations: 6 });
    expect(agent.layers.map((l) => l.name)).toEqual(['obs', 'iter.1.h', 'iter.2.h', 'iter.3.h', 'iter.4.h', 'iter.5.h', 'iter.6.h', 'moves', 'logits']);
    const obs = observeBatch(cheeseMazeLevels('test', 2, 'p', { size: 7 }));
    const clean = agent.forward(obs, { read: 'all' });
    expect(clean.acts['iter.3.h'].shape).toEqual([2, 7, 7, 16]);
    // Patching with the clean activation changes nothing; zeroing iteration 3 changes iteration 4.
    const same = agent.forward(obs, { read: ['iter.6.h'], patch: { 'iter.3.h': clean.acts['iter.3.h'] } });
    expect(same.acts['iter.6.h'].arraySync()).toEqual(clean.acts['iter.6.h'].arraySync());
    const zeroed = agent.forward(obs, { read: ['iter.3.h', 'iter.4.h'], patch: { 'iter.3.h': (t) => tf.zerosLike(t) } });
    expect(zeroed.acts['iter.3.h'].sum().arraySync()).toBe(0);
    const diff = tf.sub(zeroed.acts['iter.4.h'], clean.acts['iter.4.h']).abs().max().arraySync() as number;
    expect(diff).toBeGreaterThan(1e-3);
    agent.setIterations(2);
    expect(agent.layers.map((l) => l.name)).toContain('iter.2.h');
    expect(agent.layers.map((l) => l.name)).not.toContain('iter.3.h');
    expect(() => agent.forward(obs, { read: ['iter.3.h'] })).toThrow(/no activation named "iter.3.h"/);
  });
  it('works with the lab rollout and checks its arguments', () => {
    const agent = new LearnedSearchAgent(weights, { size: 7, iterations: 4 });
    const eps = rollout(agent, cheeseMazeLevels('test', 2, 'r', { size: 7 }), { maxSteps: 5 });
    expect(eps).toHaveLength(2);
    expect(() => new LearnedSearchAgent(weights, { size: 8 })).toThrow(/retarget-lab\/mesa\/learned-agent: size must be an odd integer/);
    expect(() => agent.setIterations(0)).toThrow(/retarget-lab\/mesa\/learned-agent: iterations must be a positive integer/);
    expect(() => new LearnedSearchAgent({ config: weights.config, params: new Float32Array(3) }, { size: 7 })).toThrow(/weights do not fit/);
  });
});

describe('learned searcher: evidence functions', () => {
  it('thinking time: one row per size and iteration count, and a chart', () => {
    const rows = thinkingTime(net, { sizes: [5, 7], iterations: [2, 4], count: 2 });
    expect(rows.map((r) => [r.size, r.iterations])).toEqual([[5, 2], [5, 4], [7, 2], [7, 4]]);
    for (const r of rows) for (const k of ['rollout', 'allCells', 'cellAccuracy'] as const) expect(r[k]).toBeGreaterThanOrEqual(0);
    expect(isVegaLiteSpec(thinkingTimeChart(rows))).toBe(true);
  });
  it('thinking time of an agent without iterations: one success figure, drawn flat', () => {
    const rows = fixedComputeRows(new PolicyAgent({ size: 5, seed: 1 }), { iterations: [2, 4, 8], count: 3 }, 'policy');
    expect(rows.map((r) => r.iterations)).toEqual([2, 4, 8]);
    expect(new Set(rows.map((r) => r.rollout)).size).toBe(1);
    expect(rows[0]).toMatchObject({ agent: 'policy', size: 5, mazes: 3 });
  });
  it('ridge regression recovers a linear map', () => {
    const X = new Float64Array(200 * 3), y = new Float64Array(200);
    for (let i = 0; i < 200; i++) { for (let k = 0; k < 3; k++) X[i * 3 + k] = rng.normal(); y[i] = 2 * X[i * 3] - X[i * 3 + 2] + 0.5; }
    const { w, b } = ridgeFit(X, y, 3, 0);
    expect(w[0]).toBeCloseTo(2, 6); expect(w[1]).toBeCloseTo(0, 6); expect(w[2]).toBeCloseTo(-1, 6); expect(b).toBeCloseTo(0.5, 6);
  });
  it('wavefront: a probe row per iteration, frames of one maze, two charts', () => {
    const r = wavefront(net, { size: 7, count: 4, iterations: 5 });
    expect(r.rows.map((x) => x.iteration)).toEqual([1, 2, 3, 4, 5]);
    for (const x of r.rows) { expect(x.reachedAccuracy).toBeLessThanOrEqual(1); expect(x.reachedBaseline).toBeGreaterThanOrEqual(0.5); }
    expect(new Set(r.frames.map((f) => f.iteration)).size).toBe(5);
    expect(isVegaLiteSpec(wavefrontChart(r))).toBe(true);
    expect(isVegaLiteSpec(wavefrontFramesChart(r))).toBe(true);
  });
  it('compute vs distance: a row per distance and a fitted slope', () => {
    const r = computeVsDistance(net, { size: 7, count: 3, maxIterations: 6 });
    expect(r.rows.length).toBeGreaterThan(3);
    expect(r.rows.every((x, i) => i === 0 || x.distance > r.rows[i - 1].distance)).toBe(true);
    expect(Number.isFinite(r.slope)).toBe(true);
    expect(isVegaLiteSpec(computeVsDistanceChart(r))).toBe(true);
  });
  it('goals: outcome rates sum to one per distance band', () => {
    const r = outcomesByCheeseDistance(net, 'random', { size: 7, count: 6, iterations: 4 });
    for (const x of r.rows) expect(x.cheese + x.proxy + x.neither).toBeCloseTo(1, 9);
    expect(isVegaLiteSpec(goalsChart(r.rows))).toBe(true);
  });
});
