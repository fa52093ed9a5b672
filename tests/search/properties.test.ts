// Property tests (fast-check, seeded): optimal searches agree with uniform-cost search.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { astar, bidirectional, breadthFirst, idaStar, straightLineHeuristic, uniformCost, weightedAstar, weightedGraph } from '../../index';
import { maze } from './helpers';

const cost = (r: { status: string; cost?: number }) => (r.status === 'found' ? (r as { cost: number }).cost : null);
const close = (a: number | null, b: number | null) => {
  if (a === null || b === null) expect(a).toBe(b);
  else expect(a).toBeCloseTo(b, 9);
};

/** A random graph on points in the plane; each edge costs its length times a factor >= 1, so straight-line distance is admissible. */
const graphArb = fc.integer({ min: 2, max: 9 }).chain((n) => fc.record({
  n: fc.constant(n),
  points: fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), { minLength: n, maxLength: n }),
  edges: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.double({ min: 1, max: 3, noNaN: true })), { maxLength: 3 * n }),
  directed: fc.boolean(),
  goal: fc.integer({ min: 0, max: n - 1 }),
}));

describe('properties on random weighted graphs', () => {
  it('A* (straight-line h), IDA*, bidirectional match uniform-cost; weighted A* is within w', () => {
    fc.assert(fc.property(graphArb, ({ n, points, edges, directed, goal }) => {
      const name = (i: number) => `v${i}`;
      const coords: Record<string, [number, number]> = {};
      points.forEach((p, i) => { coords[name(i)] = p; });
      const es = edges.map(([a, b, k]) => [name(a), name(b), k * Math.hypot(points[a][0] - points[b][0], points[a][1] - points[b][1])] as [string, string, number]);
      // make sure every node exists: a self-loop per node
      for (let i = 0; i < n; i++) es.push([name(i), name(i), 1]);
      const g = weightedGraph(es, { directed });
      const h = straightLineHeuristic(coords);
      const u = uniformCost(g, 'v0', name(goal));
      close(cost(astar(g, 'v0', name(goal), { heuristic: h })), cost(u));
      close(cost(idaStar(g, 'v0', name(goal), { heuristic: h })), cost(u));
      close(cost(bidirectional(g, 'v0', name(goal))), cost(u));
      const w = weightedAstar(g, 'v0', name(goal), { heuristic: h, weight: 2 });
      expect(w.status).toBe(u.status);
      if (w.status === 'found' && u.status === 'found') expect(w.cost).toBeLessThanOrEqual(2 * u.cost + 1e-9);
    }), { seed: 20240601, numRuns: 300 });
  });
});

const gridArb = fc.record({
  w: fc.integer({ min: 2, max: 8 }),
  h: fc.integer({ min: 2, max: 8 }),
  cells: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 64, maxLength: 64 }),
  gx: fc.nat(), gy: fc.nat(),
});

describe('properties on random grids', () => {
  it('A* (Manhattan), bidirectional, IDA* match uniform-cost; BFS matches on unit-cost grids', () => {
    fc.assert(fc.property(gridArb, ({ w, h, cells, gx, gy }) => {
      // 0-2: wall, 3-9 floor; half the grids are unit cost, half use the digit as entry cost.
      const weighted = cells[63] % 2 === 0;
      const rows = Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => {
        if (x === 0 && y === 0) return 'S';
        const c = cells[y * 8 + x];
        return c < 3 ? '#' : weighted ? String(c) : '.';
      }).join(''));
      const m = maze(rows);
      const goal = { x: gx % w, y: gy % h };
      const u = uniformCost(m.problem, m.start, goal);
      close(cost(astar(m.problem, m.start, goal, { heuristic: m.manhattan })), cost(u));
      close(cost(bidirectional(m.problem, m.start, goal)), cost(u));
      if (w * h <= 20) close(cost(idaStar(m.problem, m.start, goal, { heuristic: m.manhattan })), cost(u));
      if (!weighted) close(cost(breadthFirst(m.problem, m.start, goal)), cost(u));
    }), { seed: 7, numRuns: 300 });
  });
});
