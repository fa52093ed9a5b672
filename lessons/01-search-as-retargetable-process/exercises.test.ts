import { describe, expect, it } from 'vitest';
import { breadthFirst, check, gridProblem, type Cell, type GridMap, type SearchProblem } from '../../index';

/** Reference for 01-goal-distances: BFS backwards from the goal. */
function goalDistances(map: GridMap, goal: Cell): number[] {
  const dist = new Array<number>(map.width * map.height).fill(-1);
  const queue = [goal];
  dist[goal.y * map.width + goal.x] = 0;
  for (let head = 0; head < queue.length; head++) {
    const c = queue[head];
    for (const [dx, dy] of [[0, -1], [1, 0], [0, 1], [-1, 0]]) {
      const x = c.x + dx, y = c.y + dy;
      if (x < 0 || y < 0 || x >= map.width || y >= map.height) continue;
      const i = y * map.width + x;
      if (!map.passable[i] || dist[i] !== -1) continue;
      dist[i] = dist[c.y * map.width + c.x] + 1;
      queue.push({ x, y });
    }
  }
  return dist;
}

/** Reference for 01-nearest-goal: one BFS whose goal is a list of cells. */
function nearestGoal(map: GridMap, start: Cell, goals: Cell[]): number {
  const p = gridProblem(map, 'four');
  const multi: SearchProblem<Cell, string, Cell[]> = {
    successors: (s) => p.successors(s), key: (s) => p.key(s),
    isGoal: (s, gs) => gs.some((g) => g.x === s.x && g.y === s.y),
  };
  const r = breadthFirst(multi, start, goals);
  return r.status === 'found' ? r.cost : -1;
}

describe('exercise 01-goal-distances (meta-test)', () => {
  it('the reference passes visible and hidden tests', () => {
    expect(check.evaluate('01-goal-distances', goalDistances).ok).toBe(true);
    expect(check.evaluate('01-goal-distances', goalDistances, { seed: 5150, count: 15 }).ok).toBe(true);
  });
  it('plausible wrong answers fail', () => {
    const manhattanEverywhere = (map: GridMap, goal: Cell) => Array.from({ length: map.width * map.height },
      (_, i) => (map.passable[i] ? Math.abs((i % map.width) - goal.x) + Math.abs(Math.floor(i / map.width) - goal.y) : -1));
    const wallsAsZero = (map: GridMap, goal: Cell) => goalDistances(map, goal).map((d) => Math.max(d, 0));
    for (const wrong of [manhattanEverywhere, wallsAsZero]) expect(check.evaluate('01-goal-distances', wrong).ok).toBe(false);
    expect(check.evaluate('01-goal-distances', wallsAsZero).failures[0].expected).toMatch(/cell \(0,0\): -1/);
  });
});

describe('exercise 01-nearest-goal (meta-test)', () => {
  it('the reference passes visible and hidden tests', () => {
    expect(check.evaluate('01-nearest-goal', nearestGoal).ok).toBe(true);
    expect(check.evaluate('01-nearest-goal', nearestGoal, { seed: 77, count: 15 }).ok).toBe(true);
  });
  it('plausible wrong answers fail', () => {
    const firstGoalOnly = (map: GridMap, start: Cell, goals: Cell[]) => nearestGoal(map, start, goals.slice(0, 1));
    const lastGoalOnly = (map: GridMap, start: Cell, goals: Cell[]) => nearestGoal(map, start, goals.slice(-1));
    const manhattan = (_: GridMap, s: Cell, goals: Cell[]) => Math.min(...goals.map((g) => Math.abs(g.x - s.x) + Math.abs(g.y - s.y)));
    for (const wrong of [firstGoalOnly, lastGoalOnly, manhattan]) expect(check.evaluate('01-nearest-goal', wrong).ok).toBe(false);
    expect(check.evaluate('01-nearest-goal', () => { throw new Error('todo'); }).failures[0].got).toMatch(/your answer threw: todo/);
  });
});
