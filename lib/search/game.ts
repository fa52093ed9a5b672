import { fail } from '../core/errors';
import { searchMessages } from './messages';

/**
 * A deterministic, perfect-information game for adversarial search (minimax, alpha-beta, MCTS),
 * after AIMA's `Game`. `P` is the player type (e.g. 'X' | 'O').
 *
 * @example
 * // Nim with one heap: take 1 or 2; whoever takes the last stone wins.
 * const nim: GameProblem<{ n: number; p: 0 | 1 }, number, 0 | 1> = {
 *   players: [0, 1],
 *   toMove: (s) => s.p,
 *   moves: (s) => [1, 2].filter((k) => k <= s.n),
 *   result: (s, k) => ({ n: s.n - k, p: (1 - s.p) as 0 | 1 }),
 *   isTerminal: (s) => s.n === 0,
 *   utility: (s, player) => (s.p === player ? -1 : 1), // the player to move at 0 lost
 * };
 */
export interface GameProblem<S, M, P = string> {
  readonly name?: string;
  /** All players, in turn order. */
  readonly players: readonly P[];
  /** The player whose turn it is in `state`. */
  toMove(state: S): P;
  /** The legal moves in a non-terminal `state` (non-empty). */
  moves(state: S): readonly M[];
  /** The state after `move` is played in `state`. */
  result(state: S, move: M): S;
  isTerminal(state: S): boolean;
  /** The payoff of terminal `state` for `player` (zero-sum: e.g. +1 win, 0 draw, -1 loss). */
  utility(state: S, player: P): number;
}

/** Counters of an adversarial search. */
export interface GameStats {
  /** States visited (internal nodes and leaves). */
  nodes: number;
  /** Leaves scored: terminal states or states at the depth limit. */
  leaves: number;
  /** Alpha-beta cutoffs (0 for plain minimax); MCTS: playouts run. */
  cutoffs: number;
  seconds: number;
}

export function checkGame(module: string, game: unknown): void {
  const g = game as GameProblem<unknown, unknown, unknown> | null;
  if (!g || typeof g !== 'object' || !Array.isArray(g.players) || typeof g.toMove !== 'function'
    || typeof g.moves !== 'function' || typeof g.result !== 'function'
    || typeof g.isTerminal !== 'function' || typeof g.utility !== 'function') {
    fail(module, searchMessages.gameBad(game));
  }
}
