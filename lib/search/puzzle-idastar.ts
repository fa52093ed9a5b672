/**
 * IDA* specialised for the 8- and 15-puzzle: the board lives in one Uint8Array, the heuristic is
 * updated incrementally from precomputed delta tables, the move back to the parent is never
 * generated, and nothing is allocated inside the search. Same solution lengths as the generic
 * `idaStar` over `slidingPuzzleProblem`; `bench/puzzle.ts` measures the speed difference.
 */
import { fail } from '../core/errors';
import { checkBudget } from './internal';
import type { Budget, SearchResult, SearchStats } from './problem';
import { isSolvable, type PuzzleMove, type PuzzleState } from '../envs/sliding-puzzle';
import { loadOrBuildPatternDatabase, type PatternDatabase } from '../heuristics/pdb';

import { searchMessages } from './messages';

const MODULE = 'search/puzzle-idastar';



export type PuzzleHeuristicName = 'manhattan' | 'linear-conflict' | 'pdb';

export interface PuzzleIdaStarOptions {
  /** Default 'manhattan'. 'pdb' uses `pdb`, or loads/builds the default database for the goal (Node only). */
  heuristic?: PuzzleHeuristicName;
  /** A pattern database for `heuristic: 'pdb'` (see lib/heuristics/pdb.ts). */
  pdb?: PatternDatabase;
  /** `maxExpansions` counts expanded nodes over all iterations; `maxSeconds` wall time. */
  budget?: Budget;
}

/**
 * The common counters, over all iterations (the move back to the parent is never generated;
 * `maxFrontier` is the longest path held, start included), plus what IDA* adds: the number of
 * iterations, the heuristic's value at the start, and the last f bound (the solution length when
 * found, a lower bound on it when the budget ran out).
 */
export interface PuzzleSearchStats extends SearchStats { iterations: number; initialH: number; bound: number }

/**
 * The common search result (`actions` are the blank's moves, `cost` their number, `path` the
 * states from start to goal), with the puzzle counters. Unsolvable inputs throw, so the status is
 * `found` or `budget`.
 */
export type PuzzleSearchResult =
  Extract<SearchResult<PuzzleState, PuzzleMove>, { status: 'found' | 'budget' }> & { stats: PuzzleSearchStats };

const FOUND = -1;
const ABORT = -2;

/**
 * Optimal sliding-puzzle solver (IDA*, Korf 1985) specialised for the 8- and 15-puzzle. Works with
 * any goal arrangement of the same size (both 'blank-first' and 'blank-last' conventions).
 * Unsolvable inputs are a caller mistake and throw; running out of budget returns
 * `status: 'budget'`.
 *
 * @example
 * const start = parsePuzzle('14 13 15 7 11 12 9 5 6 0 2 1 4 8 10 3', 4);
 * const r = puzzleIdaStar(start, puzzleGoal(4, 'blank-first'), {heuristic: 'linear-conflict'});
 * if (r.status === 'found') console.log(r.cost, r.actions.join(' '), r.stats.generated / r.stats.seconds, 'nodes/s');
 */
export function puzzleIdaStar(state: PuzzleState, goal: PuzzleState, options: PuzzleIdaStarOptions = {}): PuzzleSearchResult {
  if (options === null || typeof options !== 'object') fail(MODULE, searchMessages.puzzleBadOptions(options));
  checkState('state', state);
  checkState('goal', goal);
  if (state.size !== goal.size) fail(MODULE, searchMessages.puzzleSizeMismatch(state.size, goal.size));
  if (!isSolvable(state, goal)) fail(MODULE, searchMessages.puzzleUnsolvable());
  const heuristic = options.heuristic ?? 'manhattan';
  if (heuristic !== 'manhattan' && heuristic !== 'linear-conflict' && heuristic !== 'pdb') {
    fail(MODULE, searchMessages.puzzleBadHeuristic(heuristic));
  }
  if (options.budget !== undefined) checkBudget(MODULE, options.budget);
  let pdb: PatternDatabase | undefined;
  if (heuristic === 'pdb') {
    pdb = options.pdb ?? loadOrBuildPatternDatabase(goal);
    if (pdb.size !== goal.size || !pdb.goal.every((t, i) => t === goal.tiles[i])) fail(MODULE, searchMessages.puzzlePdbMismatch());
  }
  return run(state, goal, heuristic, pdb, options.budget);
}

function run(state: PuzzleState, goal: PuzzleState, heuristic: PuzzleHeuristicName,
  pdb: PatternDatabase | undefined, budget: Budget | undefined): PuzzleSearchResult {
  const t0 = performance.now();
  const n = state.size, N = n * n;
  const tiles = Uint8Array.from(state.tiles);
  const goalPos = new Int8Array(N);
  for (let p = 0; p < N; p++) goalPos[goal.tiles[p]] = p;
  // Neighbours of every cell (4 slots, -1 padded).
  const nbr = new Int8Array(N * 4).fill(-1);
  for (let p = 0; p < N; p++) {
    const r = (p / n) | 0, c = p % n;
    let k = 0;
    if (r > 0) nbr[p * 4 + k++] = p - n;
    if (c > 0) nbr[p * 4 + k++] = p - 1;
    if (c < n - 1) nbr[p * 4 + k++] = p + 1;
    if (r < n - 1) nbr[p * 4 + k++] = p + n;
  }
  const md = (t: number, p: number): number => {
    const q = goalPos[t];
    return Math.abs(((p / n) | 0) - ((q / n) | 0)) + Math.abs((p % n) - (q % n));
  };
  // delta[(t*N + from)*N + to]: change of tile t's Manhattan distance when it moves from -> to.
  const delta = new Int8Array(N * N * N);
  for (let t = 1; t < N; t++) {
    for (let a = 0; a < N; a++) for (let b = 0; b < N; b++) delta[(t * N + a) * N + b] = md(t, b) - md(t, a);
  }
  let blank = 0, h0 = 0;
  for (let p = 0; p < N; p++) {
    if (tiles[p] === 0) blank = p; else h0 += md(tiles[p], p);
  }

  const maxExp = budget?.maxExpansions ?? Infinity;
  const deadline = budget?.maxSeconds !== undefined ? t0 + budget.maxSeconds * 1000 : Infinity;
  let expanded = 0, generated = 0, deepest = 0;
  let reason: 'expansions' | 'time' | null = null;
  let nextCheck = Math.min(maxExp, 1 << 20);
  const check = (): boolean => {
    if (expanded >= maxExp) { reason = 'expansions'; return true; }
    if (deadline !== Infinity && performance.now() > deadline) { reason = 'time'; return true; }
    nextCheck = Math.min(maxExp, expanded + (1 << 20));
    return false;
  };
  const pathBlank = new Int8Array(256); // blank position after each move
  let bound = 0;
  let solution = 0;
  let dfs: (blank: number, prev: number, g: number, h: number) => number;

  if (heuristic === 'manhattan') {
    dfs = function search(b: number, prev: number, g: number, h: number): number {
      if (expanded >= nextCheck && check()) return ABORT;
      expanded++;
      if (g > deepest) deepest = g;
      let min = 1 << 30;
      const base = b * 4;
      for (let k = 0; k < 4; k++) {
        const q = nbr[base + k];
        if (q < 0) break;
        if (q === prev) continue;
        const t = tiles[q];
        const nh = h + delta[(t * N + q) * N + b];
        generated++;
        const f = g + 1 + nh;
        if (f > bound) { if (f < min) min = f; continue; }
        pathBlank[g] = q;
        if (nh === 0) { solution = g + 1; return FOUND; }
        tiles[b] = t; tiles[q] = 0;
        const r = search(q, b, g + 1, nh);
        tiles[q] = t; tiles[b] = 0;
        if (r < 0) return r;
        if (r < min) min = r;
      }
      return min;
    };
  } else if (heuristic === 'linear-conflict') {
    // Each row/column keeps a base-(n+1) code of its tiles that belong to that line in the goal
    // (digit = goal index in the line + 1, 0 = other tile or blank); lcTable[code] is how many of
    // them must leave the line (k minus the longest increasing run), 2 moves each. A move changes
    // two row codes (vertical move) or two column codes (horizontal), each by one precomputed term.
    const B = n + 1;
    const pow = new Int32Array(n);
    for (let i = 0, x = 1; i < n; i++, x *= B) pow[i] = x;
    const lcTable = buildConflictTable(n);
    const rowTerm = new Int32Array(N * N), colTerm = new Int32Array(N * N);
    for (let t = 1; t < N; t++) {
      const gr = (goalPos[t] / n) | 0, gc = goalPos[t] % n;
      for (let p = 0; p < N; p++) {
        const r = (p / n) | 0, c = p % n;
        rowTerm[t * N + p] = gr === r ? (gc + 1) * pow[c] : 0;
        colTerm[t * N + p] = gc === c ? (gr + 1) * pow[r] : 0;
      }
    }
    const rowCode = new Int32Array(n), colCode = new Int32Array(n);
    for (let p = 0; p < N; p++) {
      const t = tiles[p];
      if (t !== 0) { rowCode[(p / n) | 0] += rowTerm[t * N + p]; colCode[p % n] += colTerm[t * N + p]; }
    }
    for (let i = 0; i < n; i++) h0 += 2 * (lcTable[rowCode[i]] + lcTable[colCode[i]]);
    dfs = function search(b: number, prev: number, g: number, h: number): number {
      if (expanded >= nextCheck && check()) return ABORT;
      expanded++;
      if (g > deepest) deepest = g;
      let min = 1 << 30;
      const base = b * 4;
      for (let k = 0; k < 4; k++) {
        const q = nbr[base + k];
        if (q < 0) break;
        if (q === prev) continue;
        const t = tiles[q];
        const tq = t * N + q, tb = t * N + b;
        let nh = h + delta[tq * N + b];
        // the tile crosses lines of one kind (codes: lines i1 -> i2); in the other kind it stays in
        // line j, whose order, and so whose conflicts, do not change
        const vertical = q - b === n || b - q === n;
        const lines = vertical ? rowCode : colCode, other = vertical ? colCode : rowCode;
        const terms = vertical ? rowTerm : colTerm, otherTerms = vertical ? colTerm : rowTerm;
        const i1 = vertical ? (q / n) | 0 : q % n, i2 = vertical ? (b / n) | 0 : b % n, j = vertical ? q % n : (q / n) | 0;
        const o1 = lines[i1], o2 = lines[i2], oj = other[j];
        const n1 = o1 - terms[tq], n2 = o2 + terms[tb];
        nh += 2 * (lcTable[n1] + lcTable[n2] - lcTable[o1] - lcTable[o2]);
        generated++;
        const f = g + 1 + nh;
        if (f > bound) { if (f < min) min = f; continue; }
        pathBlank[g] = q;
        if (nh === 0) { solution = g + 1; return FOUND; }
        lines[i1] = n1; lines[i2] = n2; other[j] = oj - otherTerms[tq] + otherTerms[tb];
        tiles[b] = t; tiles[q] = 0;
        const r = search(q, b, g + 1, nh);
        tiles[q] = t; tiles[b] = 0;
        lines[i1] = o1; lines[i2] = o2; other[j] = oj;
        if (r < 0) return r;
        if (r < min) min = r;
      }
      return min;
    };
  } else {
    // Additive pattern database: each pattern's index is a base-16 number of its tiles'
    // positions, so a move changes one index by (to - from) << (4 * slot).
    const db = pdb as PatternDatabase;
    const nP = db.patterns.length;
    const patOf = new Int8Array(N).fill(-1), shiftOf = new Int8Array(N);
    db.patterns.forEach((pat, i) => pat.forEach((t, s) => { patOf[t] = i; shiftOf[t] = 4 * s; }));
    const idx = new Int32Array(nP);
    const tables = db.tables;
    h0 = 0;
    for (let p = 0; p < N; p++) {
      const t = tiles[p];
      if (t !== 0) idx[patOf[t]] += p << shiftOf[t];
    }
    for (let i = 0; i < nP; i++) h0 += tables[i][idx[i]];
    dfs = function search(b: number, prev: number, g: number, h: number): number {
      if (expanded >= nextCheck && check()) return ABORT;
      expanded++;
      if (g > deepest) deepest = g;
      let min = 1 << 30;
      const base = b * 4;
      for (let k = 0; k < 4; k++) {
        const q = nbr[base + k];
        if (q < 0) break;
        if (q === prev) continue;
        const t = tiles[q];
        const pi = patOf[t];
        const table = tables[pi];
        const oldIdx = idx[pi];
        const newIdx = oldIdx + ((b - q) << shiftOf[t]);
        const nh = h - table[oldIdx] + table[newIdx];
        generated++;
        const f = g + 1 + nh;
        if (f > bound) { if (f < min) min = f; continue; }
        pathBlank[g] = q;
        if (nh === 0) { solution = g + 1; return FOUND; }
        tiles[b] = t; tiles[q] = 0; idx[pi] = newIdx;
        const r = search(q, b, g + 1, nh);
        tiles[q] = t; tiles[b] = 0; idx[pi] = oldIdx;
        if (r < 0) return r;
        if (r < min) min = r;
      }
      return min;
    };
  }

  const stats = (maxFrontier: number): PuzzleSearchStats => ({
    expanded, generated, maxFrontier, seconds: (performance.now() - t0) / 1000, iterations, initialH: h0, bound,
  });
  let iterations = 0;
  if (h0 === 0) return { status: 'found', path: [state], actions: [], cost: 0, stats: stats(1) };
  bound = h0;
  for (;;) {
    iterations++;
    const r = dfs(blank, -1, 0, h0);
    if (r === FOUND) {
      // the goal, at depth `solution`, is held on the path too
      return { status: 'found', ...replay(state, blank, pathBlank, solution), cost: solution, stats: stats(solution + 1) };
    }
    if (r === ABORT) return { status: 'budget', reason: reason ?? 'expansions', stats: stats(deepest + 1) };
    bound = r;
    if (bound > 250) return { status: 'budget', reason: 'expansions', stats: stats(deepest + 1) }; // unreachable for solvable inputs
  }
}

/** The moves and states of a solution, from the blank's positions after each move. */
function replay(start: PuzzleState, blank: number, pathBlank: Int8Array, len: number): { path: PuzzleState[]; actions: PuzzleMove[] } {
  const n = start.size;
  const path: PuzzleState[] = [start];
  const actions: PuzzleMove[] = [];
  let b = blank, tiles = start.tiles;
  for (let i = 0; i < len; i++) {
    const q = pathBlank[i];
    actions.push(q === b - n ? 'up' : q === b + n ? 'down' : q === b - 1 ? 'left' : 'right');
    tiles = tiles.slice();
    tiles[b] = tiles[q]; tiles[q] = 0;
    path.push({ size: n, tiles });
    b = q;
  }
  return { path, actions };
}

/** lcTable[code] for a line of n cells: tiles (goal index + 1, 0 = other) that must leave the line. */
function buildConflictTable(n: number): Int8Array {
  const B = n + 1;
  let size = 1;
  for (let i = 0; i < n; i++) size *= B;
  const table = new Int8Array(size);
  const vals: number[] = [];
  for (let code = 0; code < size; code++) {
    vals.length = 0;
    for (let c = 0, x = code; c < n; c++, x = (x / B) | 0) { const v = x % B; if (v) vals.push(v); }
    // longest strictly increasing subsequence (values are distinct in reachable boards)
    const best: number[] = [];
    for (let i = 0; i < vals.length; i++) {
      best[i] = 1;
      for (let j = 0; j < i; j++) if (vals[j] < vals[i] && best[j] + 1 > best[i]) best[i] = best[j] + 1;
    }
    table[code] = vals.length - (vals.length ? Math.max(...best) : 0);
  }
  return table;
}

function checkState(name: string, s: unknown): asserts s is PuzzleState {
  const st = s as PuzzleState | null;
  const ok = !!st && typeof st === 'object' && (st.size === 3 || st.size === 4)
    && st.tiles instanceof Uint8Array && st.tiles.length === st.size * st.size;
  if (!ok) fail(MODULE, searchMessages.puzzleBadState(name, s));
  const seen = new Uint8Array(st.tiles.length);
  for (const t of st.tiles) {
    if (t >= seen.length || seen[t]) fail(MODULE, searchMessages.puzzleBadState(name, s));
    seen[t] = 1;
  }
}
