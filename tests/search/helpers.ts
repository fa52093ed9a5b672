// Test helpers for tests/search (not a test file): ASCII mazes, path checking, tic-tac-toe.
import { expect } from 'vitest';
import type { GameProblem, SearchProblem, SearchResult } from '../../index';

export interface Pos { x: number; y: number }

/**
 * Parses an ASCII maze: '#' wall, '.' floor (entry cost 1), digits 1-9 floor with that entry
 * cost, 'S' start, 'G' goal (both cost 1). Four moves N/E/S/W; a move costs the entered cell's cost.
 */
export function maze(rows: string[]): { problem: SearchProblem<Pos, string, Pos>; start: Pos; goal: Pos; manhattan: (s: Pos, g: Pos) => number } {
  const h = rows.length, w = rows[0].length;
  const cost = (x: number, y: number): number => {
    if (x < 0 || y < 0 || x >= w || y >= h) return 0;
    const ch = rows[y][x];
    if (ch === '#') return 0;
    return ch >= '1' && ch <= '9' ? Number(ch) : 1;
  };
  let start: Pos = { x: 0, y: 0 }, goal: Pos = { x: 0, y: 0 };
  rows.forEach((r, y) => [...r].forEach((ch, x) => {
    if (ch === 'S') start = { x, y };
    if (ch === 'G') goal = { x, y };
  }));
  const dirs: [string, number, number][] = [['N', 0, -1], ['E', 1, 0], ['S', 0, 1], ['W', -1, 0]];
  const problem: SearchProblem<Pos, string, Pos> = {
    name: 'maze',
    successors(s) {
      const out: { action: string; state: Pos; cost: number }[] = [];
      for (const [a, dx, dy] of dirs) {
        const c = cost(s.x + dx, s.y + dy);
        if (c > 0) out.push({ action: a, state: { x: s.x + dx, y: s.y + dy }, cost: c });
      }
      return out;
    },
    predecessors(s) {
      const out: { action: string; state: Pos; cost: number }[] = [];
      const c = cost(s.x, s.y);
      if (c === 0) return out; // nothing leads into a wall
      for (const [a, dx, dy] of dirs) {
        if (cost(s.x - dx, s.y - dy) > 0) out.push({ action: a, state: { x: s.x - dx, y: s.y - dy }, cost: c });
      }
      return out;
    },
    goalState: (g) => g,
    isGoal: (s, g) => s.x === g.x && s.y === g.y,
    key: (s) => s.y * w + s.x,
  };
  return { problem, start, goal, manhattan: (s, g) => Math.abs(s.x - g.x) + Math.abs(s.y - g.y) };
}

/** Asserts that a found result is a real path: starts at start, ends in the goal, follows moves, cost adds up. */
export function expectValidPath<S, A, G>(problem: SearchProblem<S, A, G>, start: S, goal: G, r: SearchResult<S, A>): void {
  if (r.status !== 'found') throw new Error(`expected found, got ${r.status}`);
  expect(problem.key(r.path[0])).toBe(problem.key(start));
  expect(problem.isGoal(r.path[r.path.length - 1], goal)).toBe(true);
  expect(r.actions.length).toBe(r.path.length - 1);
  let sum = 0;
  for (let i = 0; i < r.actions.length; i++) {
    const nextKey = problem.key(r.path[i + 1]);
    const moves = [...problem.successors(r.path[i])].filter((t) => t.action === r.actions[i] && problem.key(t.state) === nextKey);
    expect(moves.length).toBeGreaterThan(0);
    sum += Math.min(...moves.map((t) => t.cost));
  }
  expect(r.cost).toBeCloseTo(sum, 9);
}

/** Tic-tac-toe: the board is a 9-char string of 'X', 'O', '.'; X moves first. */
export type Board = string;
const LINES = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [0, 3, 6], [1, 4, 7], [2, 5, 8], [0, 4, 8], [2, 4, 6]];
export function winner(b: Board): 'X' | 'O' | null {
  for (const [i, j, k] of LINES) if (b[i] !== '.' && b[i] === b[j] && b[j] === b[k]) return b[i] as 'X' | 'O';
  return null;
}
export const ticTacToe: GameProblem<Board, number, 'X' | 'O'> = {
  name: 'tic-tac-toe',
  players: ['X', 'O'],
  toMove: (b) => ([...b].filter((c) => c !== '.').length % 2 === 0 ? 'X' : 'O'),
  moves: (b) => [...b].flatMap((c, i) => (c === '.' ? [i] : [])),
  result: (b, i) => b.slice(0, i) + ticTacToe.toMove(b) + b.slice(i + 1),
  isTerminal: (b) => winner(b) !== null || !b.includes('.'),
  utility: (b, p) => { const w = winner(b); return w === null ? 0 : w === p ? 1 : -1; },
};
