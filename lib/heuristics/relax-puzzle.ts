import type { PuzzleProblem, PuzzleState } from '../envs/sliding-puzzle';
import { puzzleKey, slidingPuzzleProblem, tilePositions } from '../envs/sliding-puzzle';
import type { SearchProblem, Transition } from '../search/problem';
import { gaschnig, misplacedTiles, puzzleManhattan } from './puzzle';
import type { Relaxer } from './relax';

/**
 * A relaxed sliding-puzzle state where tiles may share squares: `pos[tile]` is the square of each
 * tile (index 0, the blank, is unused — without 'blank-only' the blank plays no role).
 */
export interface RelaxedPuzzleState {
  size: number;
  pos: Uint8Array;
}

/**
 * Sliding-puzzle relaxations of the rule "a tile moves from A to B if A is adjacent to B
 * ('adjacent-only') and B is the blank ('blank-only')" (Pearl 1984; AIMA §3.6):
 * - drop 'blank-only': a tile moves to any adjacent square, occupied or not → Manhattan distance;
 * - drop 'adjacent-only': a tile moves into the blank from anywhere (a swap with the blank) →
 *   Gaschnig's heuristic, which is ≥ misplaced tiles (misplaced tiles is NOT the exact cost here:
 *   a cycle of misplaced tiles without the blank costs one extra swap);
 * - drop both: any tile jumps anywhere → misplaced tiles.
 * Tiles that share a square are the interpretation that makes the first and last relaxations
 * decompose tile by tile, which is why their costs are sums over tiles.
 */
export const relaxPuzzle: Relaxer = (problem, dropped) => {
  const size = (problem as PuzzleProblem).size;
  const blankOnly = (problem.constraints ?? []).includes('blank-only') && !dropped.includes('blank-only');
  const adjacentOnly = (problem.constraints ?? []).includes('adjacent-only') && !dropped.includes('adjacent-only');
  if (blankOnly && adjacentOnly) return { problem: slidingPuzzleProblem(size), project: (s: PuzzleState) => s };
  if (blankOnly) return { problem: swapWithBlankProblem(size), project: (s: PuzzleState) => s, closedForm: { name: 'gaschnig', heuristic: gaschnig } };
  const rp = independentTilesProblem(size, adjacentOnly);
  const project = (s: PuzzleState): RelaxedPuzzleState => ({ size, pos: tilePositions(s) });
  return adjacentOnly
    ? { problem: rp, project, closedForm: { name: 'manhattan', heuristic: puzzleManhattan } }
    : { problem: rp, project, closedForm: { name: 'misplaced-tiles', heuristic: misplacedTiles } };
};

function swapWithBlankProblem(size: number): SearchProblem<PuzzleState, unknown, PuzzleState> & { kind: 'sliding-puzzle'; size: number } {
  const base = slidingPuzzleProblem(size);
  const successors = (s: PuzzleState): Transition<PuzzleState, string>[] => {
    const b = s.tiles.indexOf(0);
    const out: Transition<PuzzleState, string>[] = [];
    for (let q = 0; q < s.tiles.length; q++) {
      if (q === b) continue;
      const next = s.tiles.slice();
      next[b] = next[q]; next[q] = 0;
      out.push({ action: `${s.tiles[q]}@${b}`, state: { size, tiles: next }, cost: 1 });
    }
    return out;
  };
  return {
    kind: 'sliding-puzzle', size,
    name: `${base.name} without adjacent-only`,
    constraints: ['blank-only'],
    successors, predecessors: successors,
    isGoal: base.isGoal, key: puzzleKey, goalState: (g) => g,
  };
}

function independentTilesProblem(size: number, adjacentOnly: boolean): SearchProblem<RelaxedPuzzleState, unknown, PuzzleState> {
  const n = size * size;
  const successors = (s: RelaxedPuzzleState): Transition<RelaxedPuzzleState, string>[] => {
    const out: Transition<RelaxedPuzzleState, string>[] = [];
    for (let t = 1; t < n; t++) {
      const p = s.pos[t], x = p % size, y = (p / size) | 0;
      const targets: number[] = [];
      if (adjacentOnly) {
        if (y > 0) targets.push(p - size);
        if (y < size - 1) targets.push(p + size);
        if (x > 0) targets.push(p - 1);
        if (x < size - 1) targets.push(p + 1);
      } else {
        for (let q = 0; q < n; q++) if (q !== p) targets.push(q);
      }
      for (const q of targets) {
        const pos = s.pos.slice();
        pos[t] = q;
        out.push({ action: `${t}@${q}`, state: { size, pos }, cost: 1 });
      }
    }
    return out;
  };
  return {
    name: `${n - 1}-puzzle with independent tiles${adjacentOnly ? ' (adjacent-only)' : ''}`,
    constraints: adjacentOnly ? ['adjacent-only'] : [],
    successors, predecessors: successors,
    isGoal: (s, g) => {
      for (let q = 0; q < n; q++) { const t = g.tiles[q]; if (t !== 0 && s.pos[t] !== q) return false; }
      return true;
    },
    key: (s) => String.fromCharCode.apply(null, Array.from(s.pos.subarray(1))),
    goalState: (g) => ({ size, pos: tilePositions(g) }),
  };
}
