import { describe, expect, it } from 'vitest';
import {
  createScenarioWorld, createSearchAgent, createReflexAgent, createPopulation, codeOf, followPolicy,
  detectionStudy, searchSignature, degradeSweep, qLearningRetrain, retrainVsRetarget, reachRate,
} from '../../index';

describe('scenario world and agents', () => {
  const world = createScenarioWorld(11, 3);
  it('a searcher walks a shortest path to its target, with compute = distance + 1', () => {
    const a = createSearchAgent(world, world.intended, 't1');
    const p = a.policy();
    const r = followPolicy(p, 0, world.intended, 4 * world.n);
    expect(r.reached).toBe(true);
    expect(r.path.length - 1).toBe(world.dist(0, world.intended));
    expect(p.compute[0]).toBe(world.dist(0, world.intended) + 1);
  });
  it('writing another code retargets a searcher but not a reflex', () => {
    const s = createSearchAgent(world, world.intended, 't2');
    const r = createReflexAgent(world, world.intended, 't3', 0);
    const units = codeOf(s.codes, s.m, 0);
    expect(followPolicy(s.policy(units), world.intended, 0, 4 * world.n).reached).toBe(true);
    expect(reachRate(world, r.policy(codeOf(r.codes, r.m, 0)), [world.intended], 0)).toBe(0);
  });
  it('is deterministic per seed and rejects bad input', () => {
    const a = createPopulation({ seed: 4, searchers: 2, reflexes: 2 }), b = createPopulation({ seed: 4, searchers: 2, reflexes: 2 });
    expect(a.agents.map((x) => x.goal)).toEqual(b.agents.map((x) => x.goal));
    expect(Array.from(a.agents[2].policy().next)).toEqual(Array.from(b.agents[2].policy().next));
    expect(() => createScenarioWorld(10, 1)).toThrow(/scenarios\/world/);
    expect(() => createPopulation({ searchers: 0 })).toThrow(/scenarios\/population/);
    expect(() => degradeSweep(a, { readout: 'bits' as never })).toThrow(/readout/);
    expect(() => createSearchAgent(world, world.intended, 'x').policy(new Float32Array(3))).toThrow(/units/);
  });
});

describe('detection, costs and the degrade sweep', () => {
  const pop = createPopulation({ seed: 1 });
  it('intervention and compute detect searchers exactly; behaviour alone is fooled by tidy reflexes', () => {
    const d = detectionStudy(pop.world, pop.agents);
    const [behaviour, compute, intervention] = d.scores;
    expect(intervention.precision).toBe(1); expect(intervention.recall).toBe(1);
    expect(compute.precision).toBe(1);
    expect(behaviour.recall).toBe(1);
    expect(behaviour.precision).toBeLessThan(1);
    expect(d.readOffAccuracy).toBe(1);
    const reflex = searchSignature(pop.world, pop.agents.find((a) => a.kind === 'reflex')!);
    expect(reflex.follows).toBe(0);
    expect(reflex.computeCorrelation).toBe(0);
  });
  it('flagging outlasts retargeting as tool noise grows', () => {
    const rows = degradeSweep(pop, { levels: [0, 3], trials: 2 });
    expect(rows[0].retargetSuccess).toBe(1);
    expect(rows[0].flagAccuracy).toBe(1);
    expect(rows[1].flagAccuracy).toBeGreaterThan(0.75);
    expect(rows[1].flagAccuracy - rows[1].retargetSuccess).toBeGreaterThan(0.4);
    expect(rows[1].retargetSuccess).toBeLessThan(0.5);
  });
  it('retraining reaches the target and costs environment steps; retargeting writes once and is checked by running the agent', () => {
    const r = qLearningRetrain(pop.world, pop.world.intended, [0, 1, 2, 3], { seed: 2 });
    expect(r.status).toBe('reached');
    expect(r.steps).toBeGreaterThan(1000);
    expect(qLearningRetrain(pop.world, pop.world.intended, [0, 1, 2, 3], { seed: 2, budget: 50 }).status).toBe('budget');
    const c = retrainVsRetarget(pop, { retrainRuns: 1 });
    expect(c.rows.filter((x) => x.method === 'retarget' && x.kind === 'search').every((x) => x.success === 1 && x.writes === 1 && x.steps > 0)).toBe(true);
  });
});
