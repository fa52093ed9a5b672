import { describe, expect, it } from 'vitest';
import {
  boardSymmetries, breadthFirst, buildMetricPatternDatabase, buildPatternDatabase, createRng, differentialPdbHeuristic,
  idaStar, pdbValue, puzzleGoal, puzzleManhattan, randomPuzzle, slidingPuzzleProblem, symmetricPdbHeuristic,
} from '../../index';

const problem = slidingPuzzleProblem(3);
const built = puzzleGoal(3, 'blank-first');
const db = buildMetricPatternDatabase(built);

describe('heuristics/pdb-metric', () => {
  it('at its own goal is at least the standard (blank-minimised) database and reports its build cost', () => {
    const std = buildPatternDatabase(built, { partition: db.patterns });
    const h = differentialPdbHeuristic(db);
    for (let i = 0; i < 30; i++) {
      const s = randomPuzzle(3, { seed: i, goal: built });
      expect(h(s, built)).toBeGreaterThanOrEqual(pdbValue(std, s));
    }
    expect(h(built, built)).toBe(0);
    // Each 4-tile pattern: 9·8·7·6 placements × 5 free cells for the blank.
    expect(db.buildExpanded).toBe(2 * 9 * 8 * 7 * 6 * 5);
  });

  it('is admissible for goals other than its own, through the triangle inequality and through symmetries', () => {
    const rng = createRng(4);
    const diff = differentialPdbHeuristic(db);
    const sym = symmetricPdbHeuristic(db);
    let symmetricSeen = 0;
    for (let i = 0; i < 25; i++) {
      const goal = randomPuzzle(3, { rng, walk: rng.int(1, 40), goal: built });
      const state = randomPuzzle(3, { rng, walk: rng.int(1, 14), goal });
      const r = breadthFirst(problem, state, goal);
      if (r.status !== 'found') throw new Error('unreachable');
      expect(diff(state, goal)).toBeLessThanOrEqual(r.cost);
      expect(sym(state, goal)).toBeLessThanOrEqual(r.cost);
      if (sym.applies(goal)) {
        symmetricSeen++;
        // Where a symmetry applies, the old table is exact at the new goal, as a rebuilt one would be.
        expect(sym(goal, goal)).toBe(0);
      } else {
        expect(sym(state, goal)).toBe(0);
      }
    }
    expect(symmetricSeen).toBeGreaterThan(0);
  });

  it('a symmetry applies exactly when the new goal has its blank in a corner, like the built goal', () => {
    const sym = symmetricPdbHeuristic(db);
    expect(sym.applies(puzzleGoal(3, 'blank-last'))).toBe(true);
    const centre = { size: 3, tiles: Uint8Array.from([1, 2, 3, 4, 0, 5, 6, 7, 8]) };
    const edge = { size: 3, tiles: Uint8Array.from([1, 0, 2, 3, 4, 5, 6, 7, 8]) };
    expect(sym.applies(centre)).toBe(false);
    expect(sym.applies(edge)).toBe(false);
    expect(boardSymmetries(3).map((m) => m[0]).sort()).toEqual([0, 0, 2, 2, 6, 6, 8, 8]);
  });

  it('reused for a far goal it is much weaker than at its own goal; a rebuilt one is strong again', () => {
    const diff = differentialPdbHeuristic(db);
    const far = puzzleGoal(3, 'blank-last');
    const fresh = differentialPdbHeuristic(buildMetricPatternDatabase(far, { partition: db.patterns }));
    let reused = 0, rebuilt = 0, manhattan = 0;
    for (let i = 0; i < 6; i++) {
      const s = randomPuzzle(3, { seed: 50 + i, goal: far });
      const a = idaStar(problem, s, far, { heuristic: (x, g) => Math.max(puzzleManhattan(x, g), diff(x, g)) });
      const b = idaStar(problem, s, far, { heuristic: fresh });
      const c = idaStar(problem, s, far, { heuristic: puzzleManhattan });
      if (a.status !== 'found' || b.status !== 'found' || c.status !== 'found') throw new Error('IDA* failed on a solvable board');
      expect(a.cost).toBe(c.cost);
      expect(b.cost).toBe(c.cost);
      reused += a.stats.expanded; rebuilt += b.stats.expanded; manhattan += c.stats.expanded;
    }
    expect(manhattan / rebuilt).toBeGreaterThan(3);
    expect(manhattan / reused).toBeLessThan(1.5);
  });

  it('rejects patterns too big for the blank-aware table', () => {
    expect(() => buildMetricPatternDatabase(puzzleGoal(4), { partition: '6-6-3' })).toThrow(/heuristics\/pdb-metric: a pattern of 6 tiles/);
  });
});
