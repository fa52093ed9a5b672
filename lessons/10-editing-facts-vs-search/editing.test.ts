import { describe, expect, it, beforeAll } from 'vitest';
import {
  allPrompts, causalTrace, createFactWorld, factPrompt, matrix, matVec, rankOneUpdate, romeEdit, scoreEdit,
  secondMoment, solve, trainFactModel, useBackend, makeRooms, trainGoalAgent, editGoal, scoreGoalEdit,
} from '../../index';

beforeAll(async () => { await useBackend('wasm'); });

describe('editing/linalg', () => {
  it('solve inverts a small system and rejects a singular one', () => {
    const a = matrix([[4, 1], [2, 3]]);
    const x = solve(a, [1, 2]);
    expect(Array.from(matVec(a, x)).map((v) => +v.toFixed(9))).toEqual([1, 2]);
    expect(() => solve(matrix([[1, 2], [2, 4]]), [1, 1])).toThrow(/editing\/linalg: .*singular/);
  });
  it('a rank-one update stores v* under k* and leaves C⁻¹-orthogonal keys alone', () => {
    const w = matrix([[1, 0, 2], [0, 1, -1]]);
    const keys = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0]];
    const c = secondMoment(keys, 1e-6);
    const k = [1, 0, 0], v = [5, -3];
    const w2 = rankOneUpdate(w, k, v, c);
    expect(Array.from(matVec(w2, k)).map((x) => +x.toFixed(6))).toEqual(v);
    // A key u with uᵀ C⁻¹ k = 0 keeps its value.
    const ck = solve(c, k);
    const u = [ck[1], -ck[0], 0];
    expect(Array.from(matVec(w2, u)).map((x) => +x.toFixed(6))).toEqual(Array.from(matVec(w, u)).map((x) => +x.toFixed(6)));
  });
});

describe('editing/facts and the fact model', () => {
  const world = createFactWorld({ landmarks: 24, seed: 3 });
  it('worlds are seeded and prompts carry the right answers', () => {
    expect(createFactWorld({ landmarks: 24, seed: 3 }).landmarks).toEqual(world.landmarks);
    const p = factPrompt(world, 0, 3);
    expect(world.answers[p.answer]).toBe(world.countries[world.landmarks[0].city]);
    expect(() => createFactWorld({ landmarks: 500 })).toThrow(/editing\/facts: cannot make 500/);
  });
  it('trains to answer every prompt, traces, and edits one fact (deterministically)', () => {
    const { model } = trainFactModel(world, { steps: 120, seed: 3, cache: false });
    expect(model.accuracy(allPrompts(world))).toBe(1);
    const trace = causalTrace(model, world, { seed: 2, samples: 2 });
    expect(trace.clean).toBeGreaterThan(0.9);
    expect(trace.corrupted).toBeLessThan(trace.clean - 0.3);
    // Restoring the relation token's last state restores the answer completely.
    const last = trace.cells.find((c) => c.what === 'state' && c.layer === model.layers - 1 && c.position === 2)!;
    expect(last.recovery).toBeCloseTo(1, 5);
    const req = { landmark: 2, city: (world.landmarks[2].city + 1) % world.cities.length };
    const e = romeEdit(model, world, req, { layer: 1 });
    const s = scoreEdit(model, e.model, world, req);
    expect(s.efficacy).toBe(1);
    expect(s.specificity).toBeGreaterThan(0.8);
    expect(model.predict([factPrompt(world, 2, 0)])[0]).toBe(world.landmarks[2].city); // the original is untouched
    expect(() => romeEdit(model, world, { landmark: 2, city: world.landmarks[2].city }, { layer: 1 })).toThrow(/editing\/rome: .*already in/);
    expect(() => romeEdit(model, world, req, { layer: 9 })).toThrow(/editing\/rome: layer must be/);
    e.model.dispose(); model.dispose();
  }, 90_000);
});

describe('editing/goal-agent', () => {
  it('rooms are seeded; the agent learns its targets and a key edit retargets only "cheese"', () => {
    expect(makeRooms(3, 7, 5)).toEqual(makeRooms(3, 7, 5));
    const { agent } = trainGoalAgent({ steps: 80, rooms: 24, seed: 4, cache: false });
    const test = makeRooms(40, 7, 'unit');
    const before = scoreGoalEdit(agent, agent, 0, { kind: 'object', object: 0 }, test);
    expect(before.efficacy).toBeGreaterThan(0.95);
    const e = editGoal(agent, 0, { kind: 'object', object: 2 }, { seed: 4 });
    const s = scoreGoalEdit(agent, e.agent, 0, { kind: 'object', object: 2 }, test);
    expect(s.efficacy).toBeGreaterThan(0.9);
    expect(s.specificity).toBeGreaterThan(0.95);
    expect(() => editGoal(agent, 0, { kind: 'cell', x: 9, y: 0 })).toThrow(/editing\/goal-agent: cell \(9, 0\)/);
  }, 90_000);
});
