/**
 * Sliding-tile puzzles (the 8-puzzle is size 3, the 15-puzzle size 4).
 *
 * - Description: tiles 1..n*n-1 and one blank on an n x n board; slide tiles into the blank until
 *   the board matches the goal. The goal is an argument of the search (any solvable arrangement).
 * - State: `PuzzleState` `{size, tiles}` with `tiles[position] = tile`, position row-major from the
 *   top-left, 0 = blank.
 * - Actions: the direction the BLANK moves: 'up', 'down', 'left', 'right' (cost 1 each).
 * - Reward: none; the cost of a solution is its number of moves.
 * - Termination: the tiles equal the goal's tiles.
 * - Goal conventions: 'blank-first' (0 1 2 / 3 4 5 / 6 7 8, Korf's 100 instances; the default) or
 *   'blank-last' (1 2 3 / 4 5 6 / 7 8 0).
 * - Constraints (for `relax()`): 'blank-only' (a tile may only move into the blank) and
 *   'adjacent-only' (a tile may only move to a neighbouring square).
 */
import { fail } from '../core/errors';
import type { Rng } from '../core/rng';
import { createRng } from '../core/rng';
import type { SearchProblem, Transition } from '../search/problem';
import { envsMessages } from './messages';

const MODULE = 'envs/sliding-puzzle';

export type GoalConvention = 'blank-first' | 'blank-last';

/** `tiles[position] = tile`, 0 = blank, positions row-major from the top-left. */
export interface PuzzleState {
  size: number;
  tiles: Uint8Array;
}

/** The direction the blank moves. */
export type PuzzleMove = 'up' | 'down' | 'left' | 'right';

/** The sliding-puzzle problem: unit-cost blank moves, goal given per search. */
export interface PuzzleProblem extends SearchProblem<PuzzleState, PuzzleMove, PuzzleState> {
  readonly kind: 'sliding-puzzle';
  readonly size: number;
  readonly constraints: readonly string[];
  predecessors(state: PuzzleState): Transition<PuzzleState, PuzzleMove>[];
  goalState(goal: PuzzleState): PuzzleState;
}

function checkSize(size: unknown): asserts size is number {
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 2 || size > 15) fail(MODULE, envsMessages.puzzleBadSize(size));
}

/**
 * Builds a state from a tile list, checking that it is a permutation of 0..n*n-1.
 *
 * @example
 * puzzleFromTiles([1, 2, 3, 4, 5, 6, 7, 8, 0]); // the blank-last 8-puzzle goal
 */
export function puzzleFromTiles(tiles: ArrayLike<number>, size?: number): PuzzleState {
  const n = tiles.length;
  const side = size ?? Math.round(Math.sqrt(n));
  if (size === undefined && side * side !== n) fail(MODULE, envsMessages.puzzleNotSquare(n));
  checkSize(side);
  if (n !== side * side) fail(MODULE, envsMessages.puzzleBadCount(side * side, n, side));
  const seen = new Uint8Array(n);
  const repeated: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = tiles[i];
    if (!Number.isInteger(t) || t < 0 || t >= n || seen[t]) repeated.push(t);
    else seen[t] = 1;
  }
  if (repeated.length) {
    const missing: number[] = [];
    for (let t = 0; t < n; t++) if (!seen[t]) missing.push(t);
    fail(MODULE, envsMessages.puzzleNotPermutation(side, missing, repeated));
  }
  return { size: side, tiles: Uint8Array.from(tiles) };
}

/**
 * Parses a puzzle in Korf's format: tiles separated by spaces/commas, row-major, 0 = blank.
 *
 * @example
 * parsePuzzle('14 13 15 7 11 12 9 5 6 0 2 1 4 8 10 3'); // Korf's instance #1, size 4
 */
export function parsePuzzle(text: string, size?: number): PuzzleState {
  if (size !== undefined) checkSize(size);
  const tokens = text.trim().split(/[\s,]+/).filter((t) => t !== '');
  const tiles = tokens.map((tok, i) => {
    if (!/^\d+$/.test(tok)) fail(MODULE, envsMessages.puzzleBadToken(tok, i));
    return Number(tok);
  });
  return puzzleFromTiles(tiles, size);
}

/**
 * Korf-format text of a state; with `grid: true`, one row per line with aligned columns.
 *
 * @example
 * formatPuzzle(puzzleGoal(3)); // '0 1 2 3 4 5 6 7 8'
 */
export function formatPuzzle(state: PuzzleState, options: { grid?: boolean } = {}): string {
  const { size, tiles } = state;
  if (!options.grid) return Array.from(tiles).join(' ');
  const w = String(size * size - 1).length;
  const rows: string[] = [];
  for (let r = 0; r < size; r++) {
    rows.push(Array.from(tiles.subarray(r * size, r * size + size), (t) => (t === 0 ? '.' : String(t)).padStart(w)).join(' '));
  }
  return rows.join('\n');
}

/**
 * The goal arrangement for `size` under a convention ('blank-first' by default, as in Korf 1985).
 *
 * @example
 * formatPuzzle(puzzleGoal(3, 'blank-last')); // '1 2 3 4 5 6 7 8 0'
 */
export function puzzleGoal(size: number, convention: GoalConvention = 'blank-first'): PuzzleState {
  checkSize(size);
  if (convention !== 'blank-first' && convention !== 'blank-last') fail(MODULE, envsMessages.puzzleBadConvention(convention));
  const n = size * size;
  const tiles = new Uint8Array(n);
  for (let i = 0; i < n; i++) tiles[i] = convention === 'blank-first' ? i : (i + 1) % n;
  return { size, tiles };
}

/** `pos[tile]` = position of each tile (inverse of `tiles`). */
export function tilePositions(state: PuzzleState): Uint8Array {
  const pos = new Uint8Array(state.tiles.length);
  for (let p = 0; p < state.tiles.length; p++) pos[state.tiles[p]] = p;
  return pos;
}

function sameSize(a: PuzzleState, b: PuzzleState): void {
  if (a.size !== b.size || a.tiles.length !== b.tiles.length) fail(MODULE, envsMessages.puzzleSizeMismatch(a.size, b.size));
}

/**
 * Whether `goal` is reachable from `state`. Every move swaps the blank with a neighbour, so it
 * flips the parity of the permutation taking `state` to `goal` and moves the blank one step; the
 * state is solvable exactly when permutation parity equals the parity of the blank's Manhattan
 * distance to its goal square (valid for every board size and both conventions).
 *
 * @example
 * isSolvable(parsePuzzle('1 0 2 3 4 5 6 7 8'), puzzleGoal(3)); // true (one move away)
 * isSolvable(parsePuzzle('0 2 1 3 4 5 6 7 8'), puzzleGoal(3)); // false (two tiles swapped)
 */
export function isSolvable(state: PuzzleState, goal: PuzzleState): boolean {
  sameSize(state, goal);
  const n = state.tiles.length, size = state.size;
  const goalPos = tilePositions(goal);
  const perm = new Uint8Array(n);
  for (let p = 0; p < n; p++) perm[p] = goalPos[state.tiles[p]];
  const seen = new Uint8Array(n);
  let cycles = 0;
  for (let p = 0; p < n; p++) {
    if (seen[p]) continue;
    cycles++;
    for (let q = p; !seen[q]; q = perm[q]) seen[q] = 1;
  }
  const permParity = (n - cycles) & 1;
  const b = state.tiles.indexOf(0), gb = goalPos[0];
  const blankParity = (Math.abs((b % size) - (gb % size)) + Math.abs(Math.floor(b / size) - Math.floor(gb / size))) & 1;
  return permParity === blankParity;
}

/**
 * Throws a clear error when `state` cannot reach `goal` (call before solving).
 *
 * @example
 * assertSolvable(parsePuzzle('0 2 1 3 4 5 6 7 8'), puzzleGoal(3)); // throws: "... cannot reach the goal ..."
 */
export function assertSolvable(state: PuzzleState, goal: PuzzleState): void {
  if (!isSolvable(state, goal)) fail(MODULE, envsMessages.puzzleUnsolvable(formatPuzzle(state), formatPuzzle(goal)));
}

const MOVES: ReadonlyArray<readonly [PuzzleMove, number, number]> = [['up', 0, -1], ['down', 0, 1], ['left', -1, 0], ['right', 1, 0]];
const OPPOSITE: Record<PuzzleMove, PuzzleMove> = { up: 'down', down: 'up', left: 'right', right: 'left' };

/** The state after the blank moves in direction `move`, or null if the move leaves the board. */
export function applyMove(state: PuzzleState, move: PuzzleMove): PuzzleState | null {
  const { size, tiles } = state;
  const b = tiles.indexOf(0);
  const entry = MOVES.find((m) => m[0] === move);
  if (!entry) return null;
  const x = (b % size) + entry[1], y = Math.floor(b / size) + entry[2];
  if (x < 0 || y < 0 || x >= size || y >= size) return null;
  const out = tiles.slice();
  const q = y * size + x;
  out[b] = out[q]; out[q] = 0;
  return { size, tiles: out };
}

/**
 * A compact key of a state: a number (the tiles read as base-n*n digits) up to 3x3, where it
 * fits in 53 bits; a string of one char code per tile for larger boards.
 */
export function puzzleKey(state: PuzzleState): string | number {
  const t = state.tiles, n = t.length;
  if (n > 9) return String.fromCharCode.apply(null, t as unknown as number[]);
  let k = 0;
  for (let i = 0; i < n; i++) k = k * n + t[i];
  return k;
}

/**
 * The sliding-puzzle search problem for boards of `size` x `size`.
 *
 * @example
 * const problem = slidingPuzzleProblem(3);
 * breadthFirst(problem, parsePuzzle('1 2 0 3 4 5 6 7 8'), puzzleGoal(3)); // cost 2
 */
export function slidingPuzzleProblem(size: number): PuzzleProblem {
  checkSize(size);
  const successors = (s: PuzzleState): Transition<PuzzleState, PuzzleMove>[] => {
    const { tiles } = s;
    const b = tiles.indexOf(0);
    const bx = b % size, by = (b / size) | 0;
    const out: Transition<PuzzleState, PuzzleMove>[] = [];
    for (const [a, dx, dy] of MOVES) {
      const x = bx + dx, y = by + dy;
      if (x < 0 || y < 0 || x >= size || y >= size) continue;
      const next = tiles.slice();
      const q = y * size + x;
      next[b] = next[q]; next[q] = 0;
      out.push({ action: a, state: { size, tiles: next }, cost: 1 });
    }
    return out;
  };
  return {
    kind: 'sliding-puzzle',
    name: `${size * size - 1}-puzzle`,
    size,
    constraints: ['blank-only', 'adjacent-only'],
    successors,
    predecessors: (s) => successors(s).map((t) => ({ action: OPPOSITE[t.action], state: t.state, cost: 1 })),
    isGoal: (s, g) => {
      const a = s.tiles, b = g.tiles;
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
      return true;
    },
    key: puzzleKey,
    goalState: (g) => g,
  };
}

/** Type guard for problems built by `slidingPuzzleProblem`. */
export function isPuzzleProblem(problem: unknown): problem is PuzzleProblem {
  return typeof problem === 'object' && problem !== null && (problem as { kind?: unknown }).kind === 'sliding-puzzle';
}

/** Options of `randomPuzzle`. */
export interface RandomPuzzleOptions {
  /** Seed or generator (default seed 0). */
  seed?: number | string;
  rng?: Rng;
  /** If given: a random walk of this many blank moves from the goal (never undoing the last move). Otherwise a uniformly random permutation with its parity fixed. */
  walk?: number;
  /** The goal the instance is solvable towards (default `puzzleGoal(size)`). */
  goal?: PuzzleState;
}

/**
 * A random instance that is solvable towards `goal`, deterministic per seed.
 *
 * @example
 * randomPuzzle(4, { seed: 1 });              // uniform over solvable 15-puzzles
 * randomPuzzle(3, { seed: 1, walk: 10 });    // at most 10 moves from the goal
 */
export function randomPuzzle(size: number, options: RandomPuzzleOptions = {}): PuzzleState {
  checkSize(size);
  const rng = options.rng ?? createRng(options.seed ?? 0);
  const goal = options.goal ?? puzzleGoal(size);
  sameSize({ size, tiles: new Uint8Array(size * size) }, goal);
  if (options.walk !== undefined) {
    const walk = options.walk;
    if (!Number.isInteger(walk) || walk < 0) fail(MODULE, envsMessages.puzzleBadWalk(walk));
    const tiles = goal.tiles.slice();
    let b = tiles.indexOf(0);
    let last = -1;
    for (let i = 0; i < walk; i++) {
      const bx = b % size, by = (b / size) | 0;
      const options: number[] = [];
      if (by > 0) options.push(b - size);
      if (by < size - 1) options.push(b + size);
      if (bx > 0) options.push(b - 1);
      if (bx < size - 1) options.push(b + 1);
      const choices = options.filter((q) => q !== last);
      const q = rng.pick(choices);
      tiles[b] = tiles[q]; tiles[q] = 0;
      last = b; b = q;
    }
    return { size, tiles };
  }
  const tiles = Uint8Array.from(rng.shuffle(Array.from(goal.tiles)));
  const state = { size, tiles };
  if (!isSolvable(state, goal)) {
    // Swapping two non-blank tiles flips the permutation parity and keeps the blank in place.
    const i = tiles[0] === 0 || tiles[1] === 0 ? 2 : 0;
    const j = tiles[i + 1] === 0 ? i + 2 : i + 1;
    const t = tiles[i]; tiles[i] = tiles[j]; tiles[j] = t;
  }
  return state;
}
