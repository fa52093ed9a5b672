import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createJumpPointSearcher, gridJps } from '../../lib/search/grid-jps';
import { createGridSearcher } from '../../lib/search/grid-astar';
import { uniformCost } from '../../lib/search/uniform-cost';
import { createGridMap, gridProblem, passableCells, type Cell, type GridMap } from '../../lib/envs/grid';
import { generateObstacles } from '../../lib/envs/obstacles';
import { generateRooms } from '../../lib/envs/rooms';
import { parseAsciiGrid } from '../../lib/envs/ascii';
import { createRng } from '../../lib/core/rng';
import { RetargetLabError } from '../../lib/core/errors';
import { walkCost } from './grid-helpers';

describe('gridJps finds the optimal octile cost', () => {
  it('agrees with uniform-cost search over gridProblem on random maps (fast-check)', () => {
    const mapArb = fc.record({
      width: fc.integer({ min: 1, max: 14 }),
      height: fc.integer({ min: 1, max: 14 }),
      density: fc.double({ min: 0, max: 0.45, noNaN: true }),
      seed: fc.integer({ min: 0, max: 1e6 }),
      picks: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }),
    });
    fc.assert(fc.property(mapArb, ({ width, height, density, seed, picks }) => {
      const rng = createRng(seed);
      const passable = new Uint8Array(width * height).map(() => (rng.next() < density ? 0 : 1));
      const map = createGridMap(width, height, passable);
      const cells = passableCells(map);
      if (cells.length === 0) return;
      const problem = gridProblem(map, 'octile');
      const jps = createJumpPointSearcher(map);
      for (const [a, b] of picks) {
        const start = cells[a % cells.length], goal = cells[b % cells.length];
        const want = uniformCost(problem, start, goal);
        const got = jps.search(start, goal);
        expect(got.status).toBe(want.status);
        if (got.status === 'found' && want.status === 'found') {
          expect(got.cost).toBeCloseTo(want.cost, 9);
          expect(got.path[0]).toEqual(start);
          expect(got.path[got.path.length - 1]).toEqual(goal);
          expect(walkCost(map, got.path, got.actions)).toBeCloseTo(got.cost, 9);
        }
      }
    }), { seed: 20261126, numRuns: 300 });
  });

  it('agrees with gridAstar on seeded obstacle and rooms maps, with far fewer expansions in rooms', () => {
    let roomsAstar = 0, roomsJps = 0, queries = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const maps = [
        generateObstacles(60, 45, seed, { density: 0.1 * seed }),
        generateRooms(64, 64, seed, { roomSize: 10, extraDoors: 0.3 }),
      ];
      maps.forEach((map, kind) => {
        const astar = createGridSearcher(map, 'octile');
        const jps = createJumpPointSearcher(map);
        const rng = createRng(`jps-${seed}-${kind}`);
        const cells = passableCells(map);
        for (let q = 0; q < 25; q++) {
          const start = rng.pick(cells), goal = rng.pick(cells);
          const a = astar.search(start, goal), j = jps.search(start, goal);
          expect(j.status).toBe(a.status);
          if (a.status === 'found' && j.status === 'found') {
            queries++;
            expect(j.cost).toBeCloseTo(a.cost, 9);
            expect(walkCost(map, j.path, j.actions)).toBeCloseTo(a.cost, 9);
            if (kind === 1) { roomsAstar += a.stats.expanded; roomsJps += j.stats.expanded; }
          }
        }
      });
    }
    expect(queries).toBeGreaterThan(120);
    expect(roomsJps * 5).toBeLessThan(roomsAstar);
  });
});

describe('gridJps rules and results', () => {
  it('never cuts corners and jumps across open space', () => {
    const corner = parseAsciiGrid(`
      S#
      .G`);
    const r = gridJps(corner.map, corner.start!, corner.goal!);
    expect(r.status === 'found' && r.actions).toEqual(['S', 'E']);
    const open = parseAsciiGrid(`
      S.........
      ..........
      .........G`);
    const o = gridJps(open.map, open.start!, open.goal!);
    expect(o.status).toBe('found');
    if (o.status === 'found') {
      expect(o.cost).toBeCloseTo(7 + 2 * Math.SQRT2, 12);
      expect(o.path).toHaveLength(10);
      expect(o.stats.expanded).toBeLessThanOrEqual(3); // jump points, not cells
    }
  });

  it('reports exhausted, budget and trivial queries as results', () => {
    const { map, start, goal } = parseAsciiGrid(`
      S.#.
      ..#G`);
    expect(gridJps(map, start!, goal!).status).toBe('exhausted');
    const maze = generateRooms(40, 40, 3, { roomSize: 5, extraDoors: 0 });
    const cells = passableCells(maze);
    const b = gridJps(maze, cells[0], cells[cells.length - 1], { budget: { maxExpansions: 2 } });
    expect(b).toMatchObject({ status: 'budget', reason: 'expansions', stats: { expanded: 2 } });
    const same = gridJps(map, start!, start!);
    expect(same).toMatchObject({ status: 'found', cost: 0, path: [start], actions: [] });
  });

  it('throws module-prefixed errors for caller mistakes', () => {
    const { map } = parseAsciiGrid(`
      S#
      .G`);
    expect(() => gridJps(map, { x: 1, y: 0 }, { x: 1, y: 1 })).toThrow(/retarget-lab\/search\/grid-jps: start \(1, 0\) is an obstacle/);
    expect(() => gridJps(map, { x: 0, y: 0 }, { x: 0, y: 7 })).toThrow(/goal \(0, 7\) is outside the 2x2 map/);
    expect(() => createJumpPointSearcher({ width: 2 } as GridMap)).toThrow(RetargetLabError);
    expect(() => gridJps(map, { x: 0, y: 0 }, { x: 1, y: 1 }, null as never)).toThrow(/options must be an object/);
    expect(() => gridJps(map, { x: 0, y: 0 }, { x: 1, y: 1 }, { budget: { maxExpansions: -1 } })).toThrow(RetargetLabError);
  });
});
