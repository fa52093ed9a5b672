import { describe, expect, it } from 'vitest';
import {
  generateRooms, parseAsciiGrid, roomGraph, createSubgoalPlanner, createBuiltinGoalAgent, architectureStudy, passableCells,
} from '../../index';

describe('roomGraph', () => {
  it('reads rooms and doors off an ASCII map', () => {
    const { map } = parseAsciiGrid(`
      #########
      #...#...#
      #.......#
      #...#...#
      ###.#####
      #.......#
      #.......#
      #########`);
    const g = roomGraph(map);
    expect(g.rooms).toBe(3);
    expect(g.doors.map((d) => d.cell)).toEqual([{ x: 4, y: 2 }, { x: 3, y: 4 }]);
  });
  it('generated rooms maps are connected through their doors', () => {
    const g = roomGraph(generateRooms(41, 41, 3, { roomSize: 5 }));
    expect(g.rooms).toBe(49);   // wall lines every 6 cells: 7 x 7 rooms
    const seen = new Set([0]);
    const queue = [0];
    while (queue.length) for (const t of g.problem.successors(queue.shift()!)) if (!seen.has(t.state)) { seen.add(t.state); queue.push(t.state); }
    expect(seen.size).toBe(g.rooms);
  });
});

describe('the two architectures', () => {
  const map = generateRooms(41, 41, 5, { roomSize: 5 });
  const cells = passableCells(map);
  const start = cells[0], original = cells[cells.length - 1], target = cells[Math.floor(cells.length / 2)];
  it('(1) retargeting the outermost call: every recursive call solves its own subproblem', () => {
    const r = createSubgoalPlanner(map).solve(start, target);
    expect(r.reached).toBe(true);
    expect(r.legsSolved).toBe(r.legs);
    expect(r.legs).toBeGreaterThan(1);
    expect(r.path[r.path.length - 1]).toEqual(target);
  });
  it('(1) retargeting every call overruns the per-call budget; hard-wired inner goals end elsewhere', () => {
    const planner = createSubgoalPlanner(map, { legBudget: 60 });
    expect(planner.solve(start, original, 'outer').reached).toBe(false);
    const wired = createSubgoalPlanner(map).solve(start, target, { fixed: original });
    expect(wired.reached).toBe(false);
    expect(wired.status === "found" ? wired.path[wired.path.length - 1] : original).toEqual(original);
  });
  it('(2) is cheap on its built-in goal and expensive when only the goal test changes', () => {
    const agent = createBuiltinGoalAgent(map, original);
    const own = agent.solve(start), stale = agent.solve(start, target), generic = agent.solve(start, target, 'generic');
    expect(own.expanded).toBeLessThanOrEqual(own.moves + 1);   // a perfect heuristic: only the path
    expect(stale.reached && generic.reached).toBe(true);
    expect(stale.moves).toBe(generic.moves);
    expect(stale.expanded).toBeGreaterThan(generic.expanded);
    // The honest tuned heuristic (a landmark at the built-in goal) is exact on its goal and takes a new goal.
    const ownAlt = agent.solve(start, original, 'landmarks'), alt = agent.solve(start, target, 'landmarks');
    expect(ownAlt.expanded).toBe(own.expanded);
    expect(alt.reached).toBe(true);
    expect(alt.moves).toBe(generic.moves);
    expect(alt.expanded).toBeLessThanOrEqual(stale.expanded);
  });
  it('is deterministic and rejects bad input', () => {
    expect(architectureStudy({ maps: 1, targets: 3 }).runs).toEqual(architectureStudy({ maps: 1, targets: 3 }).runs);
    expect(() => createSubgoalPlanner(map).solve({ x: 0, y: 0 }, target)).toThrow(/retarget-lab\/agents\/planner: start/);
    expect(() => createSubgoalPlanner(map, { legBudget: 0 })).toThrow(/legBudget must be a positive integer/);
    expect(() => createBuiltinGoalAgent(map, original).solve(start, target, 'magic' as never)).toThrow(/heuristic must be/);
  });
});
