import type { GameProblem } from '../../../lib/search/game';
import { Board, moveUci } from './board';
import type { Color } from './board';
import type { ChessObjective, Evaluator } from './objectives';
import { winObjective } from './objectives';

/**
 * Chess as a `GameProblem` for the library's generic `minimax` / `alphaBeta` / `mcts`: states
 * are immutable Boards (each move copies), moves are UCI strings. Slower than `searchChess`, but
 * it shows the generic, retargetable searcher running on chess unchanged. `utility` scores
 * finished games by `objective` (ply 0).
 *
 * @example
 * const game = chessGame();
 * alphaBeta(game, Board.fromFen(fen), { depth: 2, evaluate: chessEvaluate(winEvaluation) });
 */
export function chessGame(objective: ChessObjective = winObjective()): GameProblem<Board, string, Color> {
  return {
    name: `chess (${objective.name})`,
    players: [0, 1],
    toMove: (s) => s.side,
    moves: (s) => s.legalMoves().map(moveUci),
    result: (s, m) => { const b = s.clone(); b.play(m); return b; },
    isTerminal: (s) => s.pieceCount() === 2 || !s.hasLegalMove(),
    utility: (s, player) => objective.terminal(s, player, 0),
  };
}

/** Adapts an `Evaluator` to the `evaluate(state, player)` option of the generic game searchers. */
export function chessEvaluate(evaluate: Evaluator): (state: Board, player: Color) => number {
  return (state, player) => evaluate(state, player);
}
