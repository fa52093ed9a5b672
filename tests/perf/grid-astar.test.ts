import { describe, expect, it } from 'vitest';
import { createGridSearcher, gridAstar } from '../../lib/search/grid-astar';
import { astar } from '../../lib/search/astar';
import { uniformCost } from '../../lib/search/uniform-cost';
import { gridProblem, passableCells, type Cell, type GridMap, type Movement } from '../../lib/envs/grid';
import { generateObstacles } from '../../lib/envs/obstacles';
import { parseAsciiGrid } from '../../lib/envs/ascii';
import { gridHeuristic } from '../../lib/heuristics/grid';
import { createRng } from '../../lib/core/rng';
import { RetargetLabError } from '../../lib/core/errors';
import { walkCost } from './grid-helpers';

describe('gridAstar agrees with the generic searchers', () => {
  for (const movement of ['octile', 'four'] as const) {
    it(`same optimal costs as astar and uniformCost over gridProblem (${movement}, random seeded maps)`, () => {
      const rng = createRng(`grid-${movement}`);
      let found = 0, exhausted = 0;
      for (let m = 0; m < 6; m++) {
        const map = generateObstacles(24, 18, rng.fork(m), { density: 0.3 });
        const cells = passableCells(map);
        const problem = gridProblem(map, movement);
        const searcher = createGridSearcher(map, movement);
        for (let q = 0; q < 12; q++) {
          const start = rng.pick(cells), goal = rng.pick(cells);
          const fast = searcher.search(start, goal);
          const generic = astar(problem, start, goal, { heuristic: gridHeuristic(movement) });
          const ucs = uniformCost(problem, start, goal);
          expect(fast.status).toBe(generic.status);
          expect(ucs.status).toBe(generic.status);
          if (fast.status === 'found' && generic.status === 'found' && ucs.status === 'found') {
            found++;
            expect(fast.cost).toBeCloseTo(generic.cost, 9);
            expect(fast.cost).toBeCloseTo(ucs.cost, 9);
            expect(fast.path[0]).toEqual(start);
            expect(fast.path[fast.path.length - 1]).toEqual(goal);
            expect(walkCost(map, fast.path, fast.actions, movement)).toBeCloseTo(fast.cost, 9);
            // a fresh one-shot search gives the same answer as the reused buffers
            const once = gridAstar(map, start, goal, { movement });
            expect(once.status === 'found' && once.cost).toBeCloseTo(fast.cost, 12);
          } else exhausted++;
        }
      }
      expect(found).toBeGreaterThan(30);
      expect(exhausted).toBeGreaterThan(0); // 30% obstacles cut some queries off
    });
  }
});

describe('gridAstar rules', () => {
  it('never cuts corners: a diagonal needs both orthogonal neighbours free', () => {
    const { map, start, goal } = parseAsciiGrid(`
      S#
      .G`);
    const r = gridAstar(map, start!, goal!, { movement: 'octile' });
    expect(r.status === 'found' && r.actions).toEqual(['S', 'E']);
    expect(r.status === 'found' && r.cost).toBe(2);
    const open = parseAsciiGrid(`
      S.
      .G`);
    const d = gridAstar(open.map, open.start!, open.goal!, { movement: 'octile' });
    expect(d.status === 'found' && d.actions).toEqual(['SE']);
    expect(d.status === 'found' && d.cost).toBe(Math.SQRT2);
  });

  it('walks the drawn optimal route around a wall', () => {
    const { map, start, goal, marks } = parseAsciiGrid(`
      S**#****
      .#*#*##*
      .#***#.G`);
    const r = gridAstar(map, start!, goal!, { movement: 'four' });
    expect(r.status).toBe('found');
    if (r.status === 'found') {
      expect(r.cost).toBe(13);
      expect(walkCost(map, r.path, r.actions, 'four')).toBe(13);
      const key = (c: Cell) => `${c.x},${c.y}`;
      expect(new Set(r.path.slice(1, -1).map(key))).toEqual(new Set(marks.route.map(key)));
    }
  });

  it('reports exhausted, budget and trivial queries as results', () => {
    const { map, start, goal } = parseAsciiGrid(`
      S.#.
      ..#G`);
    expect(gridAstar(map, start!, goal!).status).toBe('exhausted');
    const open = parseAsciiGrid('S.........G');
    const b = gridAstar(open.map, open.start!, open.goal!, { budget: { maxExpansions: 3 } });
    expect(b).toMatchObject({ status: 'budget', reason: 'expansions', stats: { expanded: 3 } });
    const same = gridAstar(open.map, open.start!, open.start!);
    expect(same).toMatchObject({ status: 'found', cost: 0, path: [open.start], actions: [] });
  });

  it('stays correct when its 16-bit cell stamps wrap around (over 32k queries on one searcher)', () => {
    const { map, start, goal } = parseAsciiGrid(`
      S..#....
      .#.#.##.
      .#...#.G`);
    const searcher = createGridSearcher(map, 'octile');
    const first = searcher.search(start!, goal!);
    expect(first.status).toBe('found');
    let same = 0;
    for (let i = 0; i < 33_000; i++) {
      const r = searcher.search(start!, goal!);
      if (r.status === 'found' && first.status === 'found' && r.cost === first.cost && r.path.length === first.path.length) same++;
    }
    expect(same).toBe(33_000);
  });

  it('throws module-prefixed errors for caller mistakes', () => {
    const { map } = parseAsciiGrid(`
      S#
      .G`);
    expect(() => gridAstar(map, { x: 1, y: 0 }, { x: 1, y: 1 })).toThrow(/retarget-lab\/search\/grid-astar: start \(1, 0\) is an obstacle/);
    expect(() => gridAstar(map, { x: 0, y: 0 }, { x: 5, y: 1 })).toThrow(/goal \(5, 1\) is outside the 2x2 map/);
    expect(() => createGridSearcher(map, 'hex' as Movement)).toThrow(RetargetLabError);
    expect(() => gridAstar(map, { x: 0, y: 0 }, { x: 1, y: 1 }, { budget: { maxExpansions: -1 } })).toThrow(RetargetLabError);
  });
});
