import type { PuzzleState } from '../envs/sliding-puzzle';
import type { Heuristic } from '../search/problem';

// Goal position of each tile, recomputed into one reused buffer per call (O(n), no allocation,
// and always right even if a caller mutates a goal in place).
let posBuffer = new Uint8Array(16);
function goalPositions(goal: PuzzleState): Uint8Array {
  const n = goal.tiles.length;
  if (posBuffer.length < n) posBuffer = new Uint8Array(n);
  for (let p = 0; p < n; p++) posBuffer[goal.tiles[p]] = p;
  return posBuffer;
}

/**
 * Number of non-blank tiles not on their goal square. Exact cost of the relaxation where any
 * tile may jump to any square.
 *
 * @example
 * misplacedTiles(parsePuzzle('1 0 2 3 4 5 6 7 8'), puzzleGoal(3)); // 1
 */
export const misplacedTiles: Heuristic<PuzzleState, PuzzleState> = (s, g) => {
  const t = s.tiles, gt = g.tiles;
  let h = 0;
  for (let p = 0; p < t.length; p++) if (t[p] !== 0 && t[p] !== gt[p]) h++;
  return h;
};

/**
 * Sum over non-blank tiles of the Manhattan distance to the tile's goal square. Exact cost of
 * the relaxation where a tile may move to any neighbouring square, occupied or not.
 *
 * @example
 * puzzleManhattan(parsePuzzle('1 2 0 3 4 5 6 7 8'), puzzleGoal(3)); // 2
 */
export const puzzleManhattan: Heuristic<PuzzleState, PuzzleState> = (s, g) => {
  const n = s.size, t = s.tiles, pos = goalPositions(g);
  let h = 0;
  for (let p = 0; p < t.length; p++) {
    const tile = t[p];
    if (tile === 0) continue;
    const q = pos[tile];
    h += Math.abs((p % n) - (q % n)) + Math.abs(((p / n) | 0) - ((q / n) | 0));
  }
  return h;
};

// Tiles in one line that must leave it so the rest are in goal order: line length − LIS.
function lineConflicts(goalCoords: number[]): number {
  const tails: number[] = [];
  for (const v of goalCoords) {
    let lo = 0, hi = tails.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (tails[mid] < v) lo = mid + 1; else hi = mid; }
    tails[lo] = v;
  }
  return goalCoords.length - tails.length;
}

/**
 * Manhattan distance plus 2 moves for every tile that must leave its row (or column) to let
 * tiles that belong to that row (column) pass each other (Hansson, Mayer & Yung 1992). Counted
 * per line as (tiles in their goal line) − (longest subsequence already in goal order), which
 * keeps the heuristic admissible and consistent.
 *
 * @example
 * linearConflict(parsePuzzle('0 2 1 3 4 5 6 7 8'), puzzleGoal(3)); // 2 + 2 = 4
 */
export const linearConflict: Heuristic<PuzzleState, PuzzleState> = (s, g) => {
  const n = s.size, t = s.tiles, pos = goalPositions(g);
  let extra = 0;
  for (let line = 0; line < n; line++) {
    const rowCols: number[] = [], colRows: number[] = [];
    for (let i = 0; i < n; i++) {
      const tr = t[line * n + i];           // row `line`, column i
      if (tr !== 0 && ((pos[tr] / n) | 0) === line) rowCols.push(pos[tr] % n);
      const tc = t[i * n + line];           // column `line`, row i
      if (tc !== 0 && pos[tc] % n === line) colRows.push((pos[tc] / n) | 0);
    }
    extra += lineConflicts(rowCols) + lineConflicts(colRows);
  }
  return puzzleManhattan(s, g) + 2 * extra;
};

/**
 * Gaschnig's heuristic: the fewest swaps of the blank with ANY tile that solve the puzzle (the
 * relaxation that drops 'adjacent-only'). From the cycles of the permutation taking the state to
 * the goal: a cycle of length L ≥ 2 costs L − 1 if it holds the blank, L + 1 otherwise.
 * Always ≥ misplacedTiles.
 *
 * @example
 * gaschnig(parsePuzzle('0 2 1 3 4 5 6 7 8'), puzzleGoal(3)); // 3
 */
export const gaschnig: Heuristic<PuzzleState, PuzzleState> = (s, g) => {
  const t = s.tiles, pos = goalPositions(g);
  const n = t.length;
  const seen = new Uint8Array(n);
  let h = 0;
  for (let p = 0; p < n; p++) {
    if (seen[p]) continue;
    let len = 0, blank = false;
    for (let q = p; !seen[q]; q = pos[t[q]]) { seen[q] = 1; len++; if (t[q] === 0) blank = true; }
    if (len >= 2) h += blank ? len - 1 : len + 1;
  }
  return h;
};
