import { describe, expect, it } from 'vitest';
import {
  ACTION_DELTAS, CHEESE_MAZE_CHANNELS, cheeseMazeLevel, cheeseMazeLevels, cheeseMazeReset, cheeseMazeStep,
  distanceFromTrainRegion, expertAction, inTrainRegion, mazeDistances, observeCheeseMaze, runEpisode, withCheese,
} from '../../lib/envs/cheese-maze';
import { RetargetLabError } from '../../lib/core/errors';
import { createRng } from '../../lib/core/rng';

const toCheese = (lv: ReturnType<typeof cheeseMazeLevel>) => {
  const d = mazeDistances(lv.map, lv.cheese);
  return (_: unknown, s: { mouse: { x: number; y: number } }) => expertAction(lv.map, d, s.mouse);
};

describe('cheese maze', () => {
  it('is deterministic: same seed twice gives the same level and the same rollout', () => {
    const a = cheeseMazeLevel('test', 11), b = cheeseMazeLevel('test', 11);
    expect(a).toEqual(b);
    const rngA = createRng(5), rngB = createRng(5);
    const epA = runEpisode(a, () => rngA.int(0, 4), { maxSteps: 40 });
    const epB = runEpisode(b, () => rngB.int(0, 4), { maxSteps: 40 });
    expect(epA.path).toEqual(epB.path);
    expect(cheeseMazeLevel('test', 12).map.passable).not.toEqual(a.map.passable);
  });

  it('places the training cheese in the top-right square and the test-far cheese outside it', () => {
    for (const lv of cheeseMazeLevels('train', 40, 1, { size: 9, trainRegion: 3 })) {
      expect(inTrainRegion(9, 3, lv.cheese)).toBe(true);
      expect(lv.map.passable[lv.cheese.y * 9 + lv.cheese.x]).toBe(1);
    }
    for (const lv of cheeseMazeLevels('test-far', 40, 1, { size: 9 })) {
      expect(distanceFromTrainRegion(9, 3, lv.cheese)).toBeGreaterThan(0);
    }
    const anywhere = new Set(cheeseMazeLevels('test', 200, 2).map((l) => `${l.cheese.x},${l.cheese.y}`));
    expect(anywhere.size).toBeGreaterThan(20);
  });

  it('moves, bumps into walls, and ends on the cheese with reward and performance', () => {
    const lv = withCheese(cheeseMazeLevel('test', 3), { x: 1, y: 6 });
    let s = cheeseMazeReset(lv);
    expect(s.mouse).toEqual({ x: 1, y: 7 });
    const bump = cheeseMazeStep(lv, s, 3); // left of x=1 is the border wall
    expect(bump.state.mouse).toEqual({ x: 1, y: 7 });
    expect(bump.reward).toBe(0);
    const ep = runEpisode(lv, toCheese(lv));
    expect(ep.outcome).toBe('cheese');
    expect(ep.reward).toBe(1);
    expect(ep.performance).toBe(1);
    s = cheeseMazeReset(lv);
    expect(() => cheeseMazeStep(lv, { ...s, done: true }, 0)).toThrow(RetargetLabError);
    expect(() => cheeseMazeStep(lv, s, 7)).toThrow(/action must be 0/);
  });

  it('reports visible reward and intended performance separately (corner proxy reward)', () => {
    const lv = withCheese(cheeseMazeLevel('test', 4), cheeseMazeLevel('test-far', 4).cheese);
    const d = mazeDistances(lv.map, lv.corner);
    const ep = runEpisode(lv, (_, s) => {
      const a = expertAction(lv.map, d, s.mouse);
      return a < 0 ? 0 : a;
    }, { rewardSpec: 'corner' });
    expect(ep.path.some((c) => c.x === lv.corner.x && c.y === lv.corner.y)).toBe(true);
    if (ep.outcome !== 'cheese') {
      expect(ep.reward).toBe(1);
      expect(ep.performance).toBe(0);
      expect(ep.outcome).toBe('proxy');
    }
  });

  it('the demonstrator follows shortest paths; observations have 5 channels', () => {
    for (const lv of cheeseMazeLevels('test', 10, 9)) {
      const d = mazeDistances(lv.map, lv.cheese);
      const ep = runEpisode(lv, toCheese(lv));
      expect(ep.steps).toBe(d[lv.start.y * 9 + lv.start.x]);
    }
    const lv = cheeseMazeLevel('train', 1);
    const o = observeCheeseMaze(lv, cheeseMazeReset(lv));
    expect(o.length).toBe(9 * 9 * CHEESE_MAZE_CHANNELS.length);
    const at = (c: { x: number; y: number }, ch: number) => o[(c.y * 9 + c.x) * 5 + ch];
    expect(at(lv.start, 1)).toBe(1);
    expect(at(lv.cheese, 2)).toBe(1);
    expect(at({ x: 0, y: 0 }, 0)).toBe(1);
    expect(ACTION_DELTAS).toHaveLength(4);
  });

  it('rejects bad options with a message that says what to do', () => {
    expect(() => cheeseMazeLevel('train', 1, { size: 8 })).toThrow(/odd integer/);
    expect(() => cheeseMazeLevel('train', 1, { trainRegion: 0 })).toThrow(/trainRegion/);
    expect(() => cheeseMazeLevel('nowhere' as never, 1)).toThrow(/unknown distribution/);
    expect(() => withCheese(cheeseMazeLevel('train', 1), { x: 0, y: 0 })).toThrow(/wall/);
  });
});
