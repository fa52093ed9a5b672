import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkHeuristic, gaschnig, generateMaze, generateObstacles, goalDistanceTable, gridChebyshev, gridEuclidean,
  gridHeuristic, gridManhattan, gridOctile, gridProblem, linearConflict, misplacedTiles, parsePuzzle, passableCells,
  puzzleGoal, puzzleManhattan, randomPuzzle, samplePairs, slidingPuzzleProblem,
} from '../../index';

describe('grid heuristics', () => {
  it('closed forms', () => {
    const s = { x: 1, y: 2 }, g = { x: 4, y: 6 };
    expect(gridManhattan(s, g)).toBe(7);
    expect(gridEuclidean(s, g)).toBe(5);
    expect(gridChebyshev(s, g)).toBe(4);
    expect(gridOctile(s, g)).toBeCloseTo(4 + 3 * (Math.SQRT2 - 1), 12);
    expect(gridOctile(g, s)).toBe(gridOctile(s, g));
    expect(gridHeuristic('octile')).toBe(gridOctile);
    expect(gridHeuristic('four')).toBe(gridManhattan);
  });

  it('ordering chebyshev <= euclidean <= octile <= manhattan (property)', () => {
    const cell = fc.record({ x: fc.integer({ min: -50, max: 50 }), y: fc.integer({ min: -50, max: 50 }) });
    fc.assert(fc.property(cell, cell, (s, g) => {
      const e = 1e-9;
      return gridChebyshev(s, g) <= gridEuclidean(s, g) + e && gridEuclidean(s, g) <= gridOctile(s, g) + e
        && gridOctile(s, g) <= gridManhattan(s, g) + e && gridOctile(s, s) === 0;
    }));
  });

  it('checkHeuristic: octile-family heuristics are admissible and consistent on octile maps; manhattan is not', () => {
    const map = generateObstacles(30, 20, 2, { density: 0.3 });
    const problem = gridProblem(map, 'octile');
    const pairs = samplePairs(passableCells(map), 40, 1, passableCells(map).slice(0, 5));
    for (const h of [gridOctile, gridEuclidean, gridChebyshev]) {
      const r = checkHeuristic(problem, h, pairs);
      expect(r.admissible && r.consistent).toBe(true);
      expect(r.samples).toBe(40);
      expect(r.violations).toEqual([]);
    }
    const bad = checkHeuristic(problem, gridManhattan, pairs);
    expect(bad.admissible).toBe(false);
    expect(bad.consistent).toBe(false);
    expect(bad.violations.some((v) => v.kind === 'admissibility' && v.h > v.trueDistance)).toBe(true);
    const four = checkHeuristic(gridProblem(map, 'four'), gridManhattan, pairs);
    expect(four.admissible && four.consistent).toBe(true);
    expect(four.meanRatio).toBeGreaterThan(0.5);
    expect(four.meanRatio).toBeLessThanOrEqual(1);
  });
});

describe('puzzle heuristics', () => {
  const goal = puzzleGoal(3);
  it('values on hand-checked states', () => {
    const s = parsePuzzle('1 2 0 3 4 5 6 7 8');
    expect(misplacedTiles(s, goal)).toBe(2);
    expect(puzzleManhattan(s, goal)).toBe(2);
    expect(linearConflict(s, goal)).toBe(2);
    expect(gaschnig(s, goal)).toBe(2);
    // Tiles 1 and 2 swapped in their goal row: 2 + 2 for the conflict; Gaschnig 3 (cycle without blank).
    const t = parsePuzzle('0 2 1 3 4 5 6 7 8');
    expect([misplacedTiles(t, goal), puzzleManhattan(t, goal), linearConflict(t, goal), gaschnig(t, goal)]).toEqual([2, 2, 4, 3]);
    // Column conflict: 3 above... tiles 3 and 6 swapped in column 0.
    const u = parsePuzzle('0 1 2 6 4 5 3 7 8');
    expect(linearConflict(u, goal)).toBe(4);
    // Heuristics use the goal they are given (blank-last goal).
    const last = puzzleGoal(3, 'blank-last');
    expect(puzzleManhattan(last, last)).toBe(0);
    expect(puzzleManhattan(goal, last)).toBe(puzzleManhattan(last, goal));
    for (const h of [misplacedTiles, puzzleManhattan, linearConflict, gaschnig]) expect(h(goal, goal)).toBe(0);
  });

  it('misplaced <= manhattan <= linear conflict <= true distance, misplaced <= gaschnig <= true distance (8-puzzle, exact table)', () => {
    const table = goalDistanceTable(slidingPuzzleProblem(3), goal);
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
      const s = randomPuzzle(3, { seed });
      const d = table.distance(s);
      const mt = misplacedTiles(s, goal), md = puzzleManhattan(s, goal), lc = linearConflict(s, goal), ga = gaschnig(s, goal);
      return mt <= md && md <= lc && lc <= d && mt <= ga && ga <= d && (lc - md) % 2 === 0;
    }), { numRuns: 300, seed: 7 });
    const states = Array.from({ length: 30 }, (_, i) => randomPuzzle(3, { seed: 100 + i }));
    const pairs = states.map((state) => ({ state, goal }));
    for (const h of [misplacedTiles, puzzleManhattan, linearConflict, gaschnig]) {
      const r = checkHeuristic(slidingPuzzleProblem(3), h, pairs, { distance: (s) => table.distance(s) });
      expect(r.admissible && r.consistent).toBe(true);
    }
  });

  it('15-puzzle: Korf instance 1 values', () => {
    const s = parsePuzzle('14 13 15 7 11 12 9 5 6 0 2 1 4 8 10 3');
    const g = puzzleGoal(4);
    expect(puzzleManhattan(s, g)).toBe(41); // Korf 1985 lists h = 41 for instance 1
    expect(linearConflict(s, g)).toBeGreaterThanOrEqual(41);
    expect(linearConflict(s, g)).toBeLessThanOrEqual(57); // its optimal solution length
    expect(misplacedTiles(s, g)).toBe(15);
  });
});

describe('checkHeuristic', () => {
  const map = generateMaze(15, 15, 3);
  const problem = gridProblem(map, 'four');
  const cells = passableCells(map);
  const goal = cells[cells.length - 1];
  const exact = goalDistanceTable(problem, goal);

  it('an admissible but inconsistent heuristic is reported as such', () => {
    const h = (s: { x: number; y: number }) => ((s.x + s.y) % 4 === 0 ? exact.distance(s) : 0);
    const r = checkHeuristic(problem, h, cells.map((state) => ({ state, goal })));
    expect(r.admissible).toBe(true);
    expect(r.consistent).toBe(false);
    expect(r.consistencyViolations).toBeGreaterThan(0);
    const v = r.violations.find((x) => x.kind === 'consistency');
    expect(v && v.kind === 'consistency' && v.h > v.cost + v.hSuccessor).toBe(true);
  });

  it('without predecessors it falls back to uniform-cost search; unreachable pairs are counted', () => {
    const { predecessors: _p, goalState: _g, ...forwardOnly } = problem;
    const pairs = samplePairs(cells, 5, 2, [goal]);
    const r = checkHeuristic(forwardOnly, gridManhattan, [...pairs, { state: { x: 0, y: 0 }, goal }]);
    expect(r.admissible).toBe(true);
    expect(r.unreachable).toBe(1);
    expect(r.samples).toBe(6);
  });

  it('caps the violation list but counts every violation', () => {
    const r = checkHeuristic(problem, (s, g) => 10 * gridManhattan(s, g), cells.map((state) => ({ state, goal })), { maxViolations: 3 });
    expect(r.violations).toHaveLength(3);
    expect(r.admissibilityViolations).toBeGreaterThan(3);
  });

  it('caller mistakes', () => {
    expect(() => checkHeuristic(problem, 3 as never, [])).toThrow('retarget-lab/heuristics/check: h must be a function (state, goal) => number, got number.');
    expect(() => checkHeuristic(problem, gridManhattan, 'x' as never)).toThrow(/retarget-lab\/heuristics\/check: sample must be an array of \{ state, goal \} pairs, got x/);
    expect(() => checkHeuristic(problem, gridManhattan, [{ state: goal } as never])).toThrow(/sample must be an array of \{ state, goal \} pairs/);
    expect(() => samplePairs([], 3, 1)).toThrow('retarget-lab/heuristics/check: samplePairs needs at least one state and one goal.');
  });
});
