import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateObstacles, goalDistanceTable, gridProblem, makeGridProblem, passableCells } from '../../index';

describe('goalDistanceTable: the grid fast path', () => {
  it('gives the same distances as the generic backward Dijkstra (every rule set, property)', () => {
    const arb = fc.record({
      seed: fc.integer({ min: 0, max: 1e6 }), w: fc.integer({ min: 1, max: 20 }), h: fc.integer({ min: 1, max: 20 }),
      movement: fc.constantFrom('four' as const, 'octile' as const), walls: fc.boolean(), corners: fc.boolean(), at: fc.nat(),
    });
    fc.assert(fc.property(arb, ({ seed, w, h, movement, walls, corners, at }) => {
      const map = generateObstacles(w, h, seed, { density: 0.3 });
      const problem = makeGridProblem(map, movement, { walls, noCornerCutting: corners });
      const goal = { x: at % w, y: Math.floor(at / w) % h };
      const fast = goalDistanceTable(problem, goal);
      const generic = goalDistanceTable({ ...problem, kind: 'generic' } as never, goal) as typeof fast;
      expect(fast.reached).toBe(generic.reached);
      expect(fast.maxDistance).toBeCloseTo(generic.maxDistance, 9);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
        const a = fast.distance({ x, y }), b = generic.distance({ x, y });
        if (b === Infinity) expect(a).toBe(Infinity); else expect(a).toBeCloseTo(b, 9);
      }
      expect(fast.distance({ x: -1, y: 0 })).toBe(Infinity);
    }), { numRuns: 60, seed: 11 });
  });

  it('handles a 256x256 octile map quickly enough for notebook cells', () => {
    const map = generateObstacles(256, 256, 1, { density: 0.25, connected: true });
    const problem = gridProblem(map, 'octile');
    const goal = passableCells(map)[0];
    const t0 = performance.now();
    const t = goalDistanceTable(problem, goal);
    const ms = performance.now() - t0;
    expect(t.reached).toBeGreaterThan(30000);
    expect(ms).toBeLessThan(5000); // typically ~30 ms on an idle machine
  });
});
