import { describe, expect, it } from 'vitest';
import {
  check, checkHeuristic, passableCells, samplePairs,
  type Cell, type GridProblem, type Heuristic, type PuzzleState,
} from '../../index';

describe('exercise 02-octile-from-relaxation (meta-test)', () => {
  const reference = (a: Cell, b: Cell) => {
    const dx = Math.abs(a.x - b.x), dy = Math.abs(a.y - b.y);
    return Math.SQRT2 * Math.min(dx, dy) + Math.abs(dx - dy);
  };
  it('the reference solution passes visible and hidden tests', () => {
    expect(check.evaluate('02-octile-from-relaxation', reference).ok).toBe(true);
    expect(check.evaluate('02-octile-from-relaxation', reference, { seed: 2024, count: 25 }).ok).toBe(true);
  });
  it('plausible wrong answers fail (Chebyshev, Euclidean, Manhattan, diagonal cost 2)', () => {
    const chebyshev = (a: Cell, b: Cell) => Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y));
    const euclid = (a: Cell, b: Cell) => Math.hypot(a.x - b.x, a.y - b.y);
    const manhattan = (a: Cell, b: Cell) => Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
    const swapped = (a: Cell, b: Cell) => {
      const dx = Math.abs(a.x - b.x), dy = Math.abs(a.y - b.y);
      return Math.SQRT2 * Math.max(dx, dy) + Math.abs(dx - dy);
    };
    for (const wrong of [chebyshev, euclid, manhattan, swapped]) expect(check.evaluate('02-octile-from-relaxation', wrong).ok).toBe(false);
    const r = check.evaluate('02-octile-from-relaxation', chebyshev);
    expect(r.failures[0]).toEqual({ label: 'from (0,0) to (3,4)', expected: '5.242641', got: '4' });
  });
});

describe('exercise 02-puzzle-manhattan (meta-test)', () => {
  const reference = (state: PuzzleState, goal: PuzzleState) => {
    const n = state.size;
    let h = 0;
    for (let p = 0; p < state.tiles.length; p++) {
      const t = state.tiles[p];
      if (t === 0) continue;
      const q = goal.tiles.indexOf(t);
      h += Math.abs((p % n) - (q % n)) + Math.abs(Math.floor(p / n) - Math.floor(q / n));
    }
    return h;
  };
  it('the reference solution passes visible and hidden tests', () => {
    expect(check.evaluate('02-puzzle-manhattan', reference).ok).toBe(true);
    expect(check.evaluate('02-puzzle-manhattan', reference, { seed: 77, count: 30 }).ok).toBe(true);
  });
  it('plausible wrong answers fail: counting the blank, misplaced tiles, assuming the blank-first goal', () => {
    const withBlank = (state: PuzzleState, goal: PuzzleState) => {
      const n = state.size;
      let h = 0;
      for (let p = 0; p < state.tiles.length; p++) {
        const q = goal.tiles.indexOf(state.tiles[p]);
        h += Math.abs((p % n) - (q % n)) + Math.abs(Math.floor(p / n) - Math.floor(q / n));
      }
      return h;
    };
    const misplaced = (state: PuzzleState, goal: PuzzleState) => state.tiles.filter((t, p) => t !== 0 && t !== goal.tiles[p]).length;
    const blankFirst = (state: PuzzleState) => {
      const n = state.size;
      let h = 0;
      state.tiles.forEach((t, p) => { if (t !== 0) h += Math.abs((p % n) - (t % n)) + Math.abs(Math.floor(p / n) - Math.floor(t / n)); });
      return h;
    };
    for (const wrong of [withBlank, misplaced]) expect(check.evaluate('02-puzzle-manhattan', wrong).ok).toBe(false);
    // Assuming tile t belongs on square t passes the blank-first cases but not the others.
    const r = check.evaluate('02-puzzle-manhattan', blankFirst);
    expect(r.ok).toBe(false);
    expect(r.passed).toBeGreaterThan(0);
    expect(check.evaluate('02-puzzle-manhattan', blankFirst, { seed: 5, count: 30 }).ok).toBe(false);
  });
});

describe('exercise 02-spot-inadmissible (meta-test)', () => {
  const reference = (problem: GridProblem, candidates: Record<string, Heuristic<Cell, Cell>>) => {
    const pairs = samplePairs(passableCells(problem.map), 300, 1);
    return Object.keys(candidates).filter((name) => !checkHeuristic(problem, candidates[name], pairs).admissible);
  };
  it('the reference solution passes visible and hidden tests', () => {
    expect(check.evaluate('02-spot-inadmissible', reference).ok).toBe(true);
    expect(check.evaluate('02-spot-inadmissible', reference, { seed: 3, count: 8 }).ok).toBe(true);
  });
  it('plausible wrong answers fail: confusing consistency with admissibility, checking too few pairs, naming none', () => {
    const consistency = (problem: GridProblem, candidates: Record<string, Heuristic<Cell, Cell>>) => {
      const pairs = samplePairs(passableCells(problem.map), 300, 1);
      return Object.keys(candidates).filter((name) => !checkHeuristic(problem, candidates[name], pairs).consistent);
    };
    const none = () => [] as string[];
    const nameBased = (_: GridProblem, candidates: Record<string, Heuristic<Cell, Cell>>) =>
      Object.keys(candidates).filter((n) => n.includes('×'));
    for (const wrong of [consistency, none, nameBased]) expect(check.evaluate('02-spot-inadmissible', wrong).ok).toBe(false);
  });
});
