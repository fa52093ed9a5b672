import { describe, expect, it } from 'vitest';
import {
  applyMove, assertSolvable, breadthFirst, formatPuzzle, goalDistanceTable, isPuzzleProblem, isSolvable, parsePuzzle,
  puzzleFromTiles, puzzleGoal, randomPuzzle, slidingPuzzleProblem, type PuzzleState,
} from '../../index';

const tables = new Map<string, ReturnType<typeof goalDistanceTable<PuzzleState, unknown, PuzzleState>>>();
/** Exact distances to a goal, memoised: the full 8-puzzle table (181,440 states) takes a second or two. */
function tableFor(size: number, conv: 'blank-first' | 'blank-last') {
  const k = `${size}/${conv}`;
  if (!tables.has(k)) tables.set(k, goalDistanceTable(slidingPuzzleProblem(size), puzzleGoal(size, conv)));
  return tables.get(k)!;
}

describe('envs/sliding-puzzle', () => {
  it("parses Korf's format and prints it back", () => {
    const s = parsePuzzle('14 13 15 7 11 12 9 5 6 0 2 1 4 8 10 3');
    expect(s.size).toBe(4);
    expect(s.tiles[9]).toBe(0);
    expect(formatPuzzle(s)).toBe('14 13 15 7 11 12 9 5 6 0 2 1 4 8 10 3');
    expect(parsePuzzle('1,2,3\n4,5,6\n7,8,0').size).toBe(3);
    expect(formatPuzzle(puzzleGoal(3), { grid: true })).toBe('. 1 2\n3 4 5\n6 7 8');
    expect(formatPuzzle(puzzleGoal(3, 'blank-last'))).toBe('1 2 3 4 5 6 7 8 0');
    expect(formatPuzzle(puzzleGoal(4))).toBe('0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15');
  });

  it('moves the blank; the problem has unit costs, reversible moves and named constraints', () => {
    const p = slidingPuzzleProblem(3);
    expect(isPuzzleProblem(p)).toBe(true);
    expect(p.constraints).toEqual(['blank-only', 'adjacent-only']);
    const g = puzzleGoal(3);
    const succ = [...p.successors(g)];
    expect(succ.map((t) => t.action).sort()).toEqual(['down', 'right']);
    expect(formatPuzzle(applyMove(g, 'right')!)).toBe('1 0 2 3 4 5 6 7 8');
    expect(applyMove(g, 'up')).toBeNull();
    for (const t of succ) {
      const back = [...p.predecessors(t.state)].find((u) => p.isGoal(u.state, g));
      expect(back?.cost).toBe(1);
    }
    const r = breadthFirst(p, parsePuzzle('1 2 0 3 4 5 6 7 8'), g);
    expect(r.status === 'found' && r.cost).toBe(2);
  });

  it('parity check agrees with exhaustive reachability (2x2 and 3x3, both conventions)', () => {
    for (const size of [2, 3]) {
      for (const conv of ['blank-first', 'blank-last'] as const) {
        const goal = puzzleGoal(size, conv);
        const table = tableFor(size, conv);
        const fact = size === 2 ? 24 : 362880;
        expect(table.reached).toBe(fact / 2);
        const all = size === 2 ? permutations([0, 1, 2, 3]) : randomPerms(9, 400, 3);
        for (const tiles of all) {
          const s = puzzleFromTiles(tiles);
          expect(isSolvable(s, goal)).toBe(table.distance(s) < Infinity);
        }
      }
    }
    expect(tableFor(3, 'blank-first').maxDistance).toBe(31); // the 8-puzzle's diameter
  });

  it('parity for 4x4 matches the textbook rule (blank row counts)', () => {
    // Korf's instance 1 is solvable; swapping two tiles makes it unsolvable.
    const s = parsePuzzle('14 13 15 7 11 12 9 5 6 0 2 1 4 8 10 3');
    expect(isSolvable(s, puzzleGoal(4))).toBe(true);
    const t = parsePuzzle('13 14 15 7 11 12 9 5 6 0 2 1 4 8 10 3');
    expect(isSolvable(t, puzzleGoal(4))).toBe(false);
    // Blank-first and blank-last goals of the 15-puzzle are not reachable from one another... check via parity.
    expect(isSolvable(puzzleGoal(4, 'blank-last'), puzzleGoal(4, 'blank-first'))).toBe(false);
    expect(isSolvable(puzzleGoal(3, 'blank-last'), puzzleGoal(3, 'blank-first'))).toBe(true);
  });

  it('random instances are solvable, deterministic per seed, and walks stay within their length', () => {
    for (const size of [3, 4]) {
      for (const conv of ['blank-first', 'blank-last'] as const) {
        const goal = puzzleGoal(size, conv);
        for (let seed = 0; seed < 30; seed++) {
          const s = randomPuzzle(size, { seed, goal });
          expect(isSolvable(s, goal)).toBe(true);
          expect(puzzleFromTiles(s.tiles).size).toBe(size);
          expect(randomPuzzle(size, { seed, goal }).tiles).toEqual(s.tiles);
        }
      }
    }
    expect(randomPuzzle(4, { seed: 1 }).tiles).not.toEqual(randomPuzzle(4, { seed: 2 }).tiles);
    const g = puzzleGoal(3);
    const table = tableFor(3, 'blank-first');
    for (let seed = 0; seed < 20; seed++) {
      const s = randomPuzzle(3, { seed, walk: 8 });
      expect(table.distance(s)).toBeLessThanOrEqual(8);
      expect(table.distance(s) % 2).toBe(0); // walk parity
    }
    expect(randomPuzzle(3, { walk: 0 }).tiles).toEqual(g.tiles);
  });

  it('errors: bad tokens, not a permutation, wrong size, unsolvable', () => {
    const M = 'retarget-lab/envs/sliding-puzzle: ';
    expect(() => parsePuzzle('1 2 3 4 5 6 7 8 8')).toThrow(
      `${M}the tiles are not a permutation of 0..8: missing [0], repeated or out of range [8].`);
    expect(() => parsePuzzle('1 2 3 4 5 6 7 8 9')).toThrow(/missing \[0\], repeated or out of range \[9\]/);
    expect(() => parsePuzzle('1 2 3 x')).toThrow(`${M}tile 4 "x" is not a non-negative integer; write tiles like "1 2 3 ... 0".`);
    expect(() => parsePuzzle('1 2 3 4 5 0')).toThrow(`${M}6 tiles is not a square number; pass size explicitly or list n*n tiles (9 or 16).`);
    expect(() => parsePuzzle('1 2 3 0', 3)).toThrow(`${M}a 3x3 puzzle needs 9 tiles, got 4; list every tile once, 0 for the blank.`);
    expect(() => puzzleGoal(1)).toThrow(`${M}puzzle size must be an integer from 2 to 15 (3 = 8-puzzle, 4 = 15-puzzle), got 1.`);
    expect(() => puzzleGoal(3, 'middle' as never)).toThrow(`${M}unknown goal convention "middle"; use 'blank-first' (Korf) or 'blank-last'.`);
    expect(() => isSolvable(puzzleGoal(3), puzzleGoal(4))).toThrow(`${M}state and goal have different sizes (3 and 4); compare puzzles of one size.`);
    expect(() => assertSolvable(parsePuzzle('0 2 1 3 4 5 6 7 8'), puzzleGoal(3))).toThrow(
      `${M}the puzzle 0 2 1 3 4 5 6 7 8 cannot reach the goal 0 1 2 3 4 5 6 7 8`);
    expect(() => assertSolvable(parsePuzzle('1 0 2 3 4 5 6 7 8'), puzzleGoal(3))).not.toThrow();
    expect(() => randomPuzzle(3, { walk: -1 })).toThrow(`${M}walk must be a non-negative integer number of moves, got -1.`);
  });
});

function permutations(xs: number[]): number[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

function randomPerms(n: number, count: number, seed: number): number[][] {
  const out: number[][] = [];
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let k = 0; k < count; k++) {
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [p[i], p[j]] = [p[j], p[i]]; }
    out.push(p);
  }
  return out;
}

