import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildPatternDatabase, loadOrBuildPatternDatabase, pdbHeuristic, pdbValue,
} from '../../lib/heuristics/pdb';
import { puzzleIdaStar } from '../../lib/search/puzzle-idastar';
import { astar } from '../../lib/search/astar';
import { puzzleManhattan } from '../../lib/heuristics/puzzle';
import {
  applyMove, puzzleGoal, puzzleKey, randomPuzzle, slidingPuzzleProblem, type PuzzleMove, type PuzzleState,
} from '../../lib/envs/sliding-puzzle';

/** Exact distances to `goal` for every 8-puzzle state (breadth-first search, 181440 states). */
function exactDistances(goal: PuzzleState): Map<string | number, number> {
  const dist = new Map<string | number, number>([[puzzleKey(goal), 0]]);
  let layer = [goal];
  for (let d = 1; layer.length; d++) {
    const next: PuzzleState[] = [];
    for (const s of layer) {
      for (const m of ['up', 'down', 'left', 'right'] as PuzzleMove[]) {
        const t = applyMove(s, m);
        if (t && !dist.has(puzzleKey(t))) { dist.set(puzzleKey(t), d); next.push(t); }
      }
    }
    layer = next;
  }
  return dist;
}

describe('pattern databases', () => {
  for (const convention of ['blank-first', 'blank-last'] as const) {
    it(`8-puzzle: admissible on every state, exact at the goal, at least Manhattan (${convention})`, () => {
      const goal = puzzleGoal(3, convention);
      const pdb = buildPatternDatabase(goal);
      const exact = exactDistances(goal);
      expect(exact.size).toBe(181440);
      let tighter = 0;
      for (let seed = 0; seed < 400; seed++) {
        const s = randomPuzzle(3, { seed: `adm-${seed}`, goal });
        const h = pdbValue(pdb, s);
        expect(h).toBeLessThanOrEqual(exact.get(puzzleKey(s))!);
        expect(h).toBeGreaterThanOrEqual(puzzleManhattan(s, goal));
        if (h > puzzleManhattan(s, goal)) tighter++;
      }
      expect(tighter).toBeGreaterThan(100);
      expect(pdbValue(pdb, goal)).toBe(0);
    });

    it(`15-puzzle 5-5-5: never above the optimal length on random instances (${convention})`, () => {
      const goal = puzzleGoal(4, convention);
      const pdb = buildPatternDatabase(goal, { partition: '5-5-5' });
      for (let seed = 0; seed < 8; seed++) {
        const s = randomPuzzle(4, { seed: `adm15-${seed}`, goal, walk: 40 });
        const r = puzzleIdaStar(s, goal, { heuristic: 'pdb', pdb });
        expect(r.status).toBe('found');
        const h = pdbValue(pdb, s);
        expect(h).toBeLessThanOrEqual(r.status === 'found' ? r.cost : -1);
        expect(h).toBeGreaterThanOrEqual(puzzleManhattan(s, goal));
        expect(h % 2).toBe((r.status === 'found' ? r.cost : 0) % 2); // additive PDB keeps parity
      }
    });
  }

  it('works as a Heuristic for the generic astar and rejects other goals', () => {
    const goal = puzzleGoal(3, 'blank-last');
    const h = pdbHeuristic(buildPatternDatabase(goal));
    const problem = slidingPuzzleProblem(3);
    for (let seed = 0; seed < 5; seed++) {
      const s = randomPuzzle(3, { seed: `gen-${seed}`, goal });
      const a = astar(problem, s, goal, { heuristic: h });
      const b = astar(problem, s, goal, { heuristic: puzzleManhattan });
      expect(a.status === 'found' && a.cost).toBe(b.status === 'found' && b.cost);
      expect(a.stats.expanded).toBeLessThanOrEqual(b.stats.expanded);
    }
    expect(() => h(goal, puzzleGoal(3, 'blank-first'))).toThrow(/retarget-lab\/heuristics\/pdb: .*another goal/);
  });

  it('caches to a binary file, loads it back, and rebuilds a corrupt file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-pdb-'));
    try {
      const goal = puzzleGoal(3, 'blank-first');
      const built = loadOrBuildPatternDatabase(goal, { cacheDir: dir });
      expect(built.source).toBe('built');
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      const file = join(dir, files[0]);
      // a second cache dir with the same file contents: loaded, identical tables
      const dir2 = mkdtempSync(join(tmpdir(), 'rl-pdb-'));
      writeFileSync(join(dir2, files[0]), readFileSync(file));
      const loaded = loadOrBuildPatternDatabase(goal, { cacheDir: dir2, partition: '4-4' });
      expect(loaded.source).toBe('loaded');
      expect(loaded.tables).toEqual(built.tables);
      // a corrupt copy (one flipped byte) fails the checksum and is rebuilt and rewritten
      const dir3 = mkdtempSync(join(tmpdir(), 'rl-pdb-'));
      const bytes = readFileSync(file);
      bytes[bytes.length - 100] ^= 0xff;
      writeFileSync(join(dir3, files[0]), bytes);
      const rebuilt = loadOrBuildPatternDatabase(puzzleGoal(3, 'blank-first'), { cacheDir: dir3, partition: [[1, 3, 4, 6], [2, 5, 7, 8]] });
      expect(rebuilt.source).toBe('built');
      expect(readFileSync(join(dir3, files[0]))).toEqual(readFileSync(file));
      for (const d of [dir2, dir3]) rmSync(d, { recursive: true, force: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects bad partitions with a message that says what to pass', () => {
    const goal = puzzleGoal(4);
    expect(() => buildPatternDatabase(goal, { partition: [[1, 2, 3]] })).toThrow(/12 tiles are in no pattern/);
    expect(() => buildPatternDatabase(goal, { partition: [[1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15]] })).toThrow(/a pattern has 7 tiles/);
    expect(() => buildPatternDatabase(goal, { partition: '7-8' as '6-6-3' })).toThrow(/unknown partition "7-8"/);
  });
});
