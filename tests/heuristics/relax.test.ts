import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  astar, checkHeuristic, createGridMap, gaschnig, generateObstacles, goalDistanceTable, gridManhattan, gridOctile,
  gridProblem, misplacedTiles, parseAsciiGrid, passableCells, puzzleFromTiles, puzzleGoal, puzzleManhattan,
  randomPuzzle, registerRelaxer, relax, slidingPuzzleProblem, uniformCost, type Cell, type PuzzleState,
} from '../../index';

const cost = (r: { status: string; cost?: number }) => (r.status === 'found' ? r.cost! : Infinity);

describe('relax: grids', () => {
  it('dropping walls gives octile (octile movement) and manhattan (four), equal to solving the relaxed problem', () => {
    const arb = fc.record({
      seed: fc.integer({ min: 0, max: 1e6 }),
      w: fc.integer({ min: 2, max: 14 }), h: fc.integer({ min: 2, max: 14 }),
      movement: fc.constantFrom('four' as const, 'octile' as const),
      a: fc.nat(), b: fc.nat(),
    });
    fc.assert(fc.property(arb, ({ seed, w, h, movement, a, b }) => {
      const map = generateObstacles(w, h, seed, { density: 0.35 });
      const problem = gridProblem(map, movement);
      const rel = relax(problem, ['walls']);
      expect(rel.closedForm).toBe(movement === 'octile' ? 'octile' : 'manhattan');
      expect(rel.heuristic).toBe(movement === 'octile' ? gridOctile : gridManhattan);
      const s = { x: a % w, y: Math.floor(a / w) % h }, g = { x: b % w, y: Math.floor(b / w) % h };
      const solved = cost(rel.solveRelaxed(s, g));
      expect(rel.heuristic(s, g)).toBeCloseTo(solved, 9);
    }), { numRuns: 120, seed: 1 });
  });

  it('relaxation heuristics are admissible and consistent on the original problem (checkHeuristic)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.constantFrom('four' as const, 'octile' as const), (seed, movement) => {
      const map = generateObstacles(16, 12, seed, { density: 0.3 });
      const cells = passableCells(map);
      if (cells.length === 0) return true;
      const problem = gridProblem(map, movement);
      const pairs = Array.from({ length: 12 }, (_, i) => ({ state: cells[(i * 37 + seed) % cells.length], goal: cells[(i * 11 + 3 * seed) % cells.length] }));
      for (const names of [['walls'], movement === 'octile' ? ['no-corner-cutting'] : [], []]) {
        const r = checkHeuristic(problem, relax(problem, names).heuristic, pairs);
        expect(r.admissible).toBe(true);
        expect(r.consistent).toBe(true);
      }
      return true;
    }), { numRuns: 25, seed: 2 });
  });

  it("dropping only 'no-corner-cutting' keeps the walls: no closed form, solved by search, between octile and the true cost", () => {
    const { map, start, goal } = parseAsciiGrid(`
      S#..
      .#..
      ..#G
      ....`);
    const problem = gridProblem(map, 'octile');
    const rel = relax(problem, ['no-corner-cutting']);
    expect(rel.closedForm).toBeNull();
    expect(rel.dropped).toEqual(['no-corner-cutting']);
    expect(rel.kept).toEqual(['walls']);
    expect(rel.problem.constraints).toEqual(['walls']);
    const h = rel.heuristic(start!, goal!);
    const exact = cost(uniformCost(problem, start!, goal!));
    // Original: down 2, diagonal to (1,3), right 2, up 1 = 5 + √2 (no squeezing past the walls).
    // Relaxed: down 1, then three diagonals squeezing between wall corners: 1 + 3√2.
    expect(exact).toBeCloseTo(5 + Math.SQRT2, 9);
    expect(h).toBeCloseTo(1 + 3 * Math.SQRT2, 9);
    expect(h).toBeCloseTo(cost(rel.solveRelaxed(start!, goal!)), 9);
    expect(h).toBeGreaterThanOrEqual(gridOctile(start!, goal!));
    // Goal-agnostic: retargeting to another goal still gives the relaxed cost to THAT goal.
    const other = { x: 3, y: 0 };
    expect(rel.heuristic(start!, other)).toBeCloseTo(cost(rel.solveRelaxed(start!, other)), 9);
  });

  it('dropping nothing gives the exact distance; a relaxed problem can be relaxed again', () => {
    const map = generateObstacles(12, 9, 5, { density: 0.25, connected: true });
    const problem = gridProblem(map, 'octile');
    const cells = passableCells(map);
    const exact = relax(problem, []);
    const s = cells[0], g = cells[cells.length - 1];
    expect(exact.heuristic(s, g)).toBeCloseTo(cost(uniformCost(problem, s, g)), 9);
    const again = relax(relax(problem, ['no-corner-cutting']).problem, ['walls']);
    expect(again.closedForm).toBe('octile');
    expect(again.dropped).toEqual(['walls']);
  });
});

describe('relax: sliding puzzle', () => {
  const both = (size: number) => Array.from(permutationsOf(size * size), (t) => puzzleFromTiles(t));

  it("exact on every 2x2 state: 'blank-only' → manhattan, 'adjacent-only' → Gaschnig, both → misplaced tiles", () => {
    const problem = slidingPuzzleProblem(2);
    const cases: Array<[string[], string, (s: PuzzleState, g: PuzzleState) => number]> = [
      [['blank-only'], 'manhattan', puzzleManhattan],
      [['adjacent-only'], 'gaschnig', gaschnig],
      [['blank-only', 'adjacent-only'], 'misplaced-tiles', misplacedTiles],
    ];
    for (const conv of ['blank-first', 'blank-last'] as const) {
      const goal = puzzleGoal(2, conv);
      for (const [names, name, h] of cases) {
        const rel = relax(problem, names);
        expect(rel.closedForm).toBe(name);
        expect(rel.heuristic).toBe(h);
        for (const s of both(2)) expect(rel.heuristic(s, goal)).toBe(cost(rel.solveRelaxed(s, goal)));
      }
    }
  });

  it('equals solving the relaxed problem on sampled 8-puzzle states (property)', () => {
    const problem = slidingPuzzleProblem(3);
    const rels = [relax(problem, ['blank-only']), relax(problem, ['adjacent-only']), relax(problem, ['adjacent-only', 'blank-only'])];
    const walks = [3, 4, 2]; // keep the uniform-cost searches on the relaxed problems small (misplaced: ~64^k states)
    rels.forEach((rel, i) => {
      fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.constantFrom('blank-first' as const, 'blank-last' as const), (seed, conv) => {
        const goal = puzzleGoal(3, conv);
        const s = randomPuzzle(3, { seed, walk: walks[i], goal });
        return rel.heuristic(s, goal) === cost(rel.solveRelaxed(s, goal, { maxExpansions: 200000 }));
      }), { numRuns: 8, seed: 3 + i });
    });
    // Gaschnig's relaxation keeps puzzle states, so unsolvable-parity states are fine too.
    const g = puzzleGoal(3);
    const swapped = puzzleFromTiles([0, 2, 1, 3, 4, 5, 6, 7, 8]);
    expect(rels[1].heuristic(swapped, g)).toBe(cost(rels[1].solveRelaxed(swapped, g)));
  });

  it('the relaxation heuristics are admissible and consistent for the 8-puzzle', () => {
    const problem = slidingPuzzleProblem(3);
    const goal = puzzleGoal(3);
    const table = goalDistanceTable(problem, goal);
    const pairs = Array.from({ length: 60 }, (_, i) => ({ state: randomPuzzle(3, { seed: i }), goal }));
    for (const names of [['blank-only'], ['adjacent-only'], ['blank-only', 'adjacent-only']]) {
      const r = checkHeuristic(problem, relax(problem, names).heuristic, pairs, { distance: (s) => table.distance(s) });
      expect(r.admissible && r.consistent).toBe(true);
    }
  });

  it('dropping nothing on the 2x2 puzzle is the exact distance', () => {
    const problem = slidingPuzzleProblem(2);
    const goal = puzzleGoal(2);
    const rel = relax(problem, []);
    expect(rel.closedForm).toBeNull();
    for (const s of both(2)) expect(rel.heuristic(s, goal)).toBe(cost(uniformCost(problem, s, goal)));
  });
});

describe('relax: errors and extension', () => {
  const grid = gridProblem(createGridMap(3, 3), 'octile');
  it('unknown constraint names list the known ones', () => {
    expect(() => relax(grid, ['walls', 'gravity'])).toThrow(
      'retarget-lab/heuristics/relax: unknown constraint "gravity" for problem grid 3x3 (octile); its constraints are: walls, no-corner-cutting.');
    expect(() => relax(slidingPuzzleProblem(3), ['a', 'b'])).toThrow(
      'unknown constraints "a", "b" for problem 8-puzzle; its constraints are: blank-only, adjacent-only.');
    expect(() => relax(grid, 'walls' as never)).toThrow("names must be an array of constraint names, got walls; pass e.g. ['walls'].");
  });

  it('a problem without constraints, or of an unregistered kind, is refused', () => {
    const bare = { name: 'line', successors: () => [], isGoal: () => true, key: (s: number) => s };
    expect(() => relax(bare, [])).toThrow(/problem line declares no constraints, so there is nothing to relax/);
    const custom = { ...bare, kind: 'line', constraints: ['speed-limit'] };
    expect(() => relax(custom, ['speed-limit'])).toThrow(
      `no relaxer is registered for problems of kind "line" (line); call registerRelaxer('line', ...) first.`);
  });

  it('registerRelaxer adds relaxations for other environments', () => {
    // A number line where moves of +1/-1 cost 1 and a 'no-jumps' constraint forbids +5/-5 jumps of cost 1.
    const line = (jumps: boolean) => ({
      name: 'line', kind: 'line', constraints: jumps ? [] : ['no-jumps'],
      successors: (s: number) => [-1, 1, ...(jumps ? [-5, 5] : [])].map((d) => ({ action: d, state: s + d, cost: 1 }))
        .filter((t) => t.state >= 0 && t.state <= 40),
      isGoal: (s: number, g: number) => s === g, key: (s: number) => s,
    });
    registerRelaxer('line', (_p, dropped) => ({ problem: line(dropped.includes('no-jumps')), project: (s: number) => s }));
    const rel = relax(line(false), ['no-jumps']);
    expect(rel.closedForm).toBeNull();
    expect(rel.heuristic(0, 12)).toBe(4); // 5 + 5 + 1 + 1, found by uniform-cost search
    const r = checkHeuristic(line(false), rel.heuristic, [0, 7, 13, 40].map((state) => ({ state, goal: 21 })));
    expect(r.admissible && r.consistent).toBe(true);
  });
});

describe('goalDistanceTable', () => {
  const { map } = parseAsciiGrid(`
    A....#....
    .###.#.##.
    .#.....#..
    .#.###.#.#
    ...#B....#`, { '#': 'wall', '.': 'floor', A: 'a', B: 'b' });
  const problem = gridProblem(map, 'four');
  const a = { x: 0, y: 0 }, b = { x: 4, y: 4 };

  it('is exact for its own goal, so A* expands only the optimal path', () => {
    const hA = goalDistanceTable(problem, a);
    expect(hA.goal).toEqual(a);
    for (const c of passableCells(map)) expect(hA.distance(c)).toBe(cost(uniformCost(problem, c, a)));
    const r = astar(problem, b, a, { heuristic: hA });
    expect(r.status).toBe('found');
    if (r.status === 'found') expect(r.stats.expanded).toBe(r.path.length - 1);
    expect(hA.reached).toBe(passableCells(map).length);
  });

  it('retargeted to another goal it still measures distance to its own goal: inadmissible and misleading', () => {
    const hA = goalDistanceTable(problem, a);
    expect(hA(b, b)).toBe(hA.distance(b)); // ignores the goal argument, by design
    expect(hA(b, b)).toBeGreaterThan(0);
    const pairs = passableCells(map).map((state) => ({ state, goal: b }));
    const report = checkHeuristic(problem, hA, pairs);
    expect(report.admissible).toBe(false);
    // The relaxation heuristic, by contrast, is goal-agnostic and stays admissible.
    expect(checkHeuristic(problem, relax(problem, ['walls']).heuristic, pairs).admissible).toBe(true);
    const fair = astar(problem, a, b, { heuristic: gridManhattan });
    const misled = astar(problem, a, b, { heuristic: hA });
    expect(fair.status === 'found' && misled.status === 'found').toBe(true);
    if (fair.status === 'found' && misled.status === 'found') expect(misled.stats.expanded).toBeGreaterThan(fair.stats.expanded);
  });

  it('works from a list of states when the problem has no predecessors (multi-goal sources)', () => {
    const { predecessors: _p, goalState: _g, ...forward } = problem;
    const cells = passableCells(map);
    const t = goalDistanceTable(forward, b, cells);
    for (const c of cells) expect(t.distance(c)).toBe(goalDistanceTable(problem, b).distance(c));
    // Unreachable states: distance Infinity, heuristic value configurable (default 0).
    const { map: split } = parseAsciiGrid('..#..');
    const sp = gridProblem(split);
    const t2 = goalDistanceTable(sp, { x: 0, y: 0 }, undefined, { unreachable: 99 });
    expect(t2.distance({ x: 4, y: 0 })).toBe(Infinity);
    expect(t2({ x: 4, y: 0 }, { x: 0, y: 0 })).toBe(99);
    expect(goalDistanceTable(sp, { x: 0, y: 0 })({ x: 4, y: 0 }, { x: 0, y: 0 })).toBe(0);
  });

  it('caller mistakes', () => {
    const bare = { name: 'bare', successors: (s: Cell) => [] as never[], isGoal: (s: Cell, g: Cell) => s.x === g.x, key: (s: Cell) => s.x };
    expect(() => goalDistanceTable(bare, a)).toThrow(
      'retarget-lab/heuristics/goal-table: problem bare has no goalState(goal) and no states were given; add goalState to the problem or pass the list of states.');
    expect(() => goalDistanceTable({ ...bare, goalState: (g: Cell) => g }, a)).toThrow(
      'problem bare has no predecessors(state) and no states were given; add predecessors to the problem or pass the list of all states.');
    expect(() => goalDistanceTable(bare, a, [b])).toThrow('none of the given states satisfies the goal for problem bare; include the goal state in the list.');
  });
});

function* permutationsOf(n: number): Generator<number[]> {
  const a = Array.from({ length: n }, (_, i) => i);
  function* rec(k: number): Generator<number[]> {
    if (k === n) { yield a.slice(); return; }
    for (let i = k; i < n; i++) {
      [a[k], a[i]] = [a[i], a[k]];
      yield* rec(k + 1);
      [a[k], a[i]] = [a[i], a[k]];
    }
  }
  yield* rec(0);
}
