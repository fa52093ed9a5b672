import { describe, expect, it } from 'vitest';
import { puzzleIdaStar } from '../../lib/search/puzzle-idastar';
import { idaStar } from '../../lib/search/ida-star';
import { astar } from '../../lib/search/astar';
import { buildPatternDatabase } from '../../lib/heuristics/pdb';
import { puzzleManhattan } from '../../lib/heuristics/puzzle';
import {
  applyMove, parsePuzzle, puzzleGoal, randomPuzzle, slidingPuzzleProblem, type PuzzleState,
} from '../../lib/envs/sliding-puzzle';
import { RetargetLabError } from '../../lib/core/errors';

function replay(start: PuzzleState, moves: readonly string[]): PuzzleState {
  let s: PuzzleState | null = start;
  for (const m of moves) {
    s = applyMove(s!, m as 'up');
    expect(s).not.toBeNull();
  }
  return s!;
}

describe('puzzleIdaStar', () => {
  for (const convention of ['blank-first', 'blank-last'] as const) {
    it(`8-puzzle: lengths equal the generic astar optimum for every heuristic (${convention})`, () => {
      const goal = puzzleGoal(3, convention);
      const pdb = buildPatternDatabase(goal);
      const problem = slidingPuzzleProblem(3);
      for (let seed = 0; seed < 12; seed++) {
        const start = randomPuzzle(3, { seed: `8p-${seed}`, goal });
        const generic = astar(problem, start, goal, { heuristic: puzzleManhattan });
        expect(generic.status).toBe('found');
        const cost = generic.status === 'found' ? generic.cost : -1;
        for (const heuristic of ['manhattan', 'linear-conflict', 'pdb'] as const) {
          const r = puzzleIdaStar(start, goal, { heuristic, pdb });
          expect(r.status).toBe('found');
          if (r.status === 'found') {
            expect(r.cost).toBe(cost);
            expect(r.actions.length).toBe(cost);
            expect(replay(start, r.actions).tiles).toEqual(goal.tiles);
            expect(r.path.length).toBe(cost + 1);
            expect(r.path[0].tiles).toEqual(start.tiles);
            expect(r.path[cost].tiles).toEqual(goal.tiles);
          }
        }
      }
    });

    it(`15-puzzle: same lengths as the generic idaStar and across heuristics (${convention})`, () => {
      const goal = puzzleGoal(4, convention);
      const pdb = buildPatternDatabase(goal, { partition: '5-5-5' });
      const problem = slidingPuzzleProblem(4);
      for (let seed = 0; seed < 6; seed++) {
        const start = randomPuzzle(4, { seed: `15p-${seed}`, goal, walk: 36 });
        const generic = idaStar(problem, start, goal, { heuristic: puzzleManhattan });
        expect(generic.status).toBe('found');
        const lengths = (['manhattan', 'linear-conflict', 'pdb'] as const).map((heuristic) => {
          const r = puzzleIdaStar(start, goal, { heuristic, pdb });
          if (r.status !== 'found') throw new Error('not found');
          expect(replay(start, r.actions).tiles).toEqual(goal.tiles);
          return r.cost;
        });
        expect(lengths).toEqual(Array(3).fill(generic.status === 'found' ? generic.cost : -1));
      }
    });
  }

  it('solves a Korf instance with every heuristic to the same length, fewer nodes with better ones', () => {
    const goal = puzzleGoal(4, 'blank-first');
    const start = parsePuzzle('13 5 4 10 9 12 8 14 2 3 7 1 0 15 11 6', 4); // Korf #2, 55 moves
    const pdb = buildPatternDatabase(goal, { partition: '5-5-5' });
    const runs = (['manhattan', 'linear-conflict', 'pdb'] as const).map((heuristic) => puzzleIdaStar(start, goal, { heuristic, pdb }));
    for (const r of runs) expect(r).toMatchObject({ status: 'found', cost: 55 });
    expect(runs[1].stats.generated).toBeLessThan(runs[0].stats.generated);
    expect(runs[2].stats.generated).toBeLessThan(runs[1].stats.generated);
  });

  it('returns budget results and throws on caller mistakes', () => {
    const goal = puzzleGoal(4);
    const start = parsePuzzle('13 5 4 10 9 12 8 14 2 3 7 1 0 15 11 6', 4);
    const r = puzzleIdaStar(start, goal, { budget: { maxExpansions: 1000 } });
    expect(r).toMatchObject({ status: 'budget', reason: 'expansions' });
    expect(r.stats.expanded).toBeLessThanOrEqual(1000);
    expect(r.stats.bound).toBeGreaterThanOrEqual(r.stats.initialH);
    expect(r.stats.bound).toBeLessThanOrEqual(55); // a lower bound on the solution length
    expect(puzzleIdaStar(goal, goal)).toMatchObject({ status: 'found', cost: 0, actions: [], path: [goal] });
    const swapped = parsePuzzle('0 2 1 3 4 5 6 7 8', 3);
    expect(() => puzzleIdaStar(swapped, puzzleGoal(3))).toThrow(/retarget-lab\/search\/puzzle-idastar: .*cannot reach the goal/);
    expect(() => puzzleIdaStar(start, puzzleGoal(3))).toThrow(/4x4 puzzle but goal is 3x3/);
    expect(() => puzzleIdaStar(start, goal, { heuristic: 'gaschnig' as 'pdb' })).toThrow(RetargetLabError);
    const otherGoal = buildPatternDatabase(puzzleGoal(3, 'blank-last'));
    expect(() => puzzleIdaStar(parsePuzzle('1 0 2 3 4 5 6 7 8', 3), puzzleGoal(3), { heuristic: 'pdb', pdb: otherGoal }))
      .toThrow(/built for another goal/);
  });
});
