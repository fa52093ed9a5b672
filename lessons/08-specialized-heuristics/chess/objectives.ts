/**
 * What a chess search optimises. The search procedure is the same for every objective; only the
 * value of finished games and of positions where the search stops changes — the essay's
 * "retarget the search" applied to a game engine.
 */
import type { Board, Color } from './board';

/** Centipawn scale of a forced mate; mate in n plies from the root scores MATE - n. */
export const MATE = 100000;

/** A heuristic estimate of a position's value for `me` (the side to move at the root). */
export type Evaluator = (board: Board, me: Color) => number;

export interface ChessObjective {
  readonly name: string;
  /** Exact value for `me` of a finished game (no legal moves, or bare kings) at `ply` from the root. */
  terminal(board: Board, me: Color, ply: number): number;
  /** The objective's own value for `me` where the search stops, with no heuristic knowledge. */
  score(board: Board, me: Color): number;
  /**
   * What an endgame-table hit tells this objective: the exact value for `me` of a position the
   * table covers (`probe` is the table's game-theoretic answer, `mateValue` that answer as a mate
   * score), or null if the table's answer does not settle the objective there. The engine uses
   * the table wherever this returns a value; whether that saves nodes is measured, not assumed.
   */
  tableValue(board: Board, me: Color, mateValue: number): number | null;
  /**
   * True if a finished game scores the same as `score` (the end of the game changes nothing), so
   * the search can skip looking for checkmate at its horizon.
   */
  readonly terminalIsScore?: boolean;
}

/**
 * Win the game: checkmate scores ±(MATE - ply), every other finished game 0. Short of the end of
 * the game the objective itself says nothing (score 0); engines lean on an evaluation instead.
 */
export function winObjective(): ChessObjective {
  return {
    name: 'win',
    tableValue: (_board, _me, mateValue) => mateValue,
    terminal(board, me, ply) {
      if (board.pieceCount() > 2 && board.inCheck()) return board.side === me ? -(MATE - ply) : MATE - ply;
      return 0;
    },
    score: () => 0,
  };
}

/**
 * Keep your pawns: the value for `me` is 100 x the number of pawns `me` still has when the game
 * (or the objective's horizon) ends; the opponent tries to take them. Checkmate does not matter.
 * This is the comment thread's pawn-count goal in the form "keep as many of your pawns as possible".
 */
export function keepPawnsObjective(): ChessObjective {
  const pawns = (board: Board, me: Color): number => 100 * board.counts[1 | (me << 3)]; // white/black pawn codes 1 / 9
  // In a table ending (three pieces, no pawns) no pawn can appear any more: the count is settled.
  const tableValue = (board: Board, me: Color): number | null => (board.pieceCount() <= 3 ? pawns(board, me) : null);
  return { name: 'keep-pawns', tableValue, terminalIsScore: true, terminal: pawns, score: pawns };
}
