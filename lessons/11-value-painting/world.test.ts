import { beforeAll, describe, expect, it } from 'vitest';
import { makeEpisodes, openCells, trueConcepts, observe, OBS_SIZE, planBest, paintValue, trainDetectors, paintingSuccess, testEpisodes, useBackend } from '../../index';

beforeAll(async () => { await useBackend('wasm'); });

describe('worldmodel/world', () => {
  it('episodes are seeded; concepts and observations are what they say', () => {
    expect(makeEpisodes(4, 7)).toEqual(makeEpisodes(4, 7));
    const [e] = makeEpisodes(1, 3, { cheeseSpread: 0 });
    expect(e.cheese).toEqual({ x: 8, y: 0 });
    expect(trueConcepts(e, { x: 7, y: 1 })).toEqual([1, 0, 0]);
    expect(trueConcepts(e, e.door)[1]).toBe(1);
    expect(trueConcepts(e, { x: 0, y: 8 })[2]).toBe(1);
    expect(observe(e, e.start)).toHaveLength(OBS_SIZE);
    expect(openCells(e).some((c) => c.x === e.wallX && c.y !== e.door.y)).toBe(false);
    expect(() => makeEpisodes(1, 1, { size: 3 })).toThrow(/worldmodel\/world: size must be/);
  });
  it('the planner goes to the best reachable state, nearest first', () => {
    const [e] = makeEpisodes(1, 5);
    const p = planBest(e, (c) => (c.x === e.cheese.x && c.y === e.cheese.y ? 1 : 0));
    expect(p.goal).toEqual(e.cheese);
    expect(planBest(e, () => 0).goal).toEqual(e.start);
    expect(paintValue([0, 1, 0], 'in corner', 4)).toEqual([0, 1, 4]);
    expect(() => paintValue([0, 1, 0], 'near mouse')).toThrow(/worldmodel\/planner: no concept "near mouse"/);
  });
});

describe('worldmodel/detector', () => {
  it('trained detectors make painting work; untrained ones do not', () => {
    const det = trainDetectors({ steps: 120, episodes: 20, seed: 5, cache: false });
    const test = testEpisodes(30, 5);
    expect(paintingSuccess(det.snapshots[det.snapshots.length - 1].weights, 'at door', test, [0, 0, 0]).success).toBeGreaterThan(0.9);
    expect(paintingSuccess(det.snapshots[0].weights, 'at door', test, [0, 0, 0]).success).toBeLessThan(0.5);
  }, 60_000);
});
