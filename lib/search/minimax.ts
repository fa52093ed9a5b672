import type { Budget } from './problem';
import type { GameProblem, GameStats } from './game';
import { checkGame } from './game';
import { fail } from '../core/errors';
import { searchMessages } from './messages';
import { BudgetClock, checkBudget, checkInt } from './internal';

export interface MinimaxOptions<S, M, P = string> {
  /** Plies to look ahead (default: to the end of the game). */
  depth?: number;
  /** Scores a non-terminal state at the depth limit for `player` (default 0: "unknown"). */
  evaluate?: (state: S, player: P) => number;
  /** Orders the moves to try (best first helps alpha-beta prune); default: game order. */
  order?: (state: S, moves: readonly M[]) => readonly M[];
  /** maxExpansions caps visited nodes, maxSeconds wall time; then status is 'budget'. */
  budget?: Budget;
}

export interface GameSearchResult<M> {
  /** 'budget' if a budget stopped the search: `move` is then the best among fully searched root moves. */
  status: 'complete' | 'budget';
  /** The best move for the player to move at the root. */
  move: M;
  /** The minimax value of the root for the player to move there. */
  value: number;
  stats: GameStats;
}

/**
 * Plain minimax for two-player zero-sum games: the value of a state is the best the player to
 * move can guarantee. Visits every node down to `depth` (default: the end of the game).
 *
 * @example
 * const r = minimax(ticTacToe, emptyBoard); // r.value === 0: perfect play draws
 */
export function minimax<S, M, P = string>(
  game: GameProblem<S, M, P>, state: S, options?: MinimaxOptions<S, M, P>,
): GameSearchResult<M> {
  return search('search/minimax', game, state, options, false);
}

/**
 * Minimax with alpha-beta pruning: the same value and move as {@link minimax}, visiting fewer
 * nodes — far fewer when `order` tries good moves first (best case about b^(d/2) instead of b^d).
 * `stats.cutoffs` counts the prunings.
 *
 * @example
 * const r = alphaBeta(ticTacToe, emptyBoard, { depth: 4, evaluate: openLines });
 * r.move; r.stats.nodes;
 */
export function alphaBeta<S, M, P = string>(
  game: GameProblem<S, M, P>, state: S, options?: MinimaxOptions<S, M, P>,
): GameSearchResult<M> {
  return search('search/alpha-beta', game, state, options, true);
}

function search<S, M, P>(
  module: string, game: GameProblem<S, M, P>, root: S, options: MinimaxOptions<S, M, P> | undefined, prune: boolean,
): GameSearchResult<M> {
  checkGame(module, game);
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    fail(module, searchMessages.optionsNotObject(options));
  }
  const opts = options ?? {};
  const depth = opts.depth === undefined ? Infinity : checkInt(module, 'depth', opts.depth, 1, '{ depth: 4 }');
  for (const name of ['evaluate', 'order'] as const) {
    if (opts[name] !== undefined && typeof opts[name] !== 'function') {
      fail(module, searchMessages.optionsNotFunction(name, opts[name]));
    }
  }
  if (opts.budget !== undefined) checkBudget(module, opts.budget);
  if (game.isTerminal(root)) fail(module, searchMessages.gameTerminal());
  const evaluate = opts.evaluate;
  const order = opts.order;
  const clock = new BudgetClock(opts.budget);
  const stats: GameStats = { nodes: 1, leaves: 0, cutoffs: 0, seconds: 0 };
  const me = game.toMove(root);
  let stopped = false;

  const legal = (s: S): readonly M[] => {
    const ms = game.moves(s);
    if (ms.length === 0) fail(module, searchMessages.gameNoMoves());
    return order ? order(s, ms) : ms;
  };

  // Value of `s` for `me`; `left` plies remain.
  const value = (s: S, left: number, alpha: number, beta: number): number => {
    stats.nodes++;
    if (game.isTerminal(s)) { stats.leaves++; return game.utility(s, me); }
    if (left === 0) { stats.leaves++; return evaluate ? evaluate(s, me) : 0; }
    if (clock.exceeded(stats.nodes)) { stopped = true; return 0; }
    const maxing = game.toMove(s) === me;
    let best = maxing ? -Infinity : Infinity;
    for (const m of legal(s)) {
      const v = value(game.result(s, m), left - 1, alpha, beta);
      if (stopped) return 0;
      if (maxing) {
        if (v > best) best = v;
        if (prune) {
          if (best >= beta) { stats.cutoffs++; return best; }
          if (best > alpha) alpha = best;
        }
      } else {
        if (v < best) best = v;
        if (prune) {
          if (best <= alpha) { stats.cutoffs++; return best; }
          if (best < beta) beta = best;
        }
      }
    }
    return best;
  };

  const moves = legal(root);
  let bestMove = moves[0];
  let bestValue = -Infinity;
  for (const m of moves) {
    const v = value(game.result(root, m), depth - 1, prune ? bestValue : -Infinity, Infinity);
    if (stopped) break;
    if (v > bestValue) { bestValue = v; bestMove = m; }
  }
  stats.seconds = clock.seconds();
  return {
    status: stopped ? 'budget' : 'complete',
    move: bestMove,
    value: bestValue === -Infinity ? 0 : bestValue,
    stats,
  };
}
