/**
 * A small chess engine: negamax alpha-beta to a fixed depth over `Board`, with switchable
 * heuristics so that each one's worth can be measured — the evaluation at the horizon, move
 * ordering (MVV-LVA captures first, killer moves, the history heuristic) and an endgame table.
 * The objective (win, keep pawns, ...) is an argument: retargeting the engine is one edit.
 */
import { fail } from '../../../lib/core/errors';
import { Board, moveFlags, moveUci, FLAG_EP } from './board';
import type { Color } from './board';
import type { EndgameTable } from './endgame';
import { probeValue } from './endgame';
import { PIECE_VALUES } from './evaluate';
import { chessMessages } from './messages';
import type { ChessObjective, Evaluator } from './objectives';
import { MATE, winObjective } from './objectives';

const MODULE = 'chess/engine';
const INF = 10 * MATE;
// Move fields, inlined (imported helpers are getters under some CommonJS transpilers).
const from_ = (m: number): number => m & 127;
const to_ = (m: number): number => (m >> 7) & 127;
const promo_ = (m: number): number => (m >> 14) & 7;
const VALUES = PIECE_VALUES;

/** Which move-ordering heuristics to use ('all' = every one, 'none' = generation order). */
export interface OrderingOptions {
  /** Captures first, most valuable victim / least valuable attacker first (and promotions). */
  mvvLva?: boolean;
  /** Two quiet moves per ply that caused a cutoff in a sibling, tried early. */
  killers?: boolean;
  /** Quiet moves scored by how often (depth²-weighted) they caused cutoffs anywhere. */
  history?: boolean;
}

export interface EngineOptions {
  /** Plies to search (>= 1). */
  depth: number;
  /** Default: winObjective(). */
  objective?: ChessObjective;
  /** Heuristic value at the horizon, for `me`; default: the objective's own score (no heuristic). */
  evaluate?: Evaluator | null;
  ordering?: OrderingOptions | 'all' | 'none';
  /** Probed at every node with its material, when the objective is one tables apply to. */
  table?: EndgameTable | null;
  /** Search every root move with a full window so `rootMoves` holds exact values (slower). */
  rootValues?: boolean;
  /**
   * With `rootValues`: search each root move in this (alpha, beta) window instead of a full one.
   * Values inside it are exact; a value <= alpha is an upper bound, >= beta a lower bound. A
   * narrow window around a known best value tells which moves reach it, much faster.
   */
  rootWindow?: readonly [number, number];
  /** Stop after this many nodes (status 'budget'). */
  maxNodes?: number;
  /**
   * Whose objective it is (0 white, 1 black); default the side to move. The result's `value` is
   * always for the side to move, whose best move is returned.
   */
  perspective?: Color;
}

export interface EngineStats {
  /** Positions visited (interior, leaves and table probes). */
  nodes: number;
  /** Positions scored at the horizon. */
  leaves: number;
  cutoffs: number;
  /** Nodes answered by the endgame table. */
  tableHits: number;
  /** Nodes whose material the table covers although the objective cannot use it. */
  tableCovered: number;
  seconds: number;
}

export interface EngineResult {
  status: 'complete' | 'budget';
  /** Best move in UCI. */
  move: string;
  /** Value of the root for the side to move (objective scale; mate = ±(MATE - plies)). */
  value: number;
  /** With `rootValues`: every root move with its exact value, best first. */
  rootMoves?: { move: string; value: number }[];
  stats: EngineStats;
}

function resolveOrdering(o: EngineOptions['ordering']): Required<OrderingOptions> {
  if (o === undefined || o === 'none') return { mvvLva: false, killers: false, history: false };
  if (o === 'all') return { mvvLva: true, killers: true, history: true };
  if (typeof o !== 'object' || o === null) fail(MODULE, chessMessages.searchBadOption('ordering', o, "'all', 'none' or { mvvLva, killers, history }"));
  return { mvvLva: !!o.mvvLva, killers: !!o.killers, history: !!o.history };
}

/**
 * Searches `position` (a FEN or a Board, not modified) and returns the best move for the side to
 * move under `objective`, with node counts.
 *
 * @example
 * const r = searchChess(START_FEN, { depth: 3, evaluate: winEvaluation, ordering: 'all' });
 * r.move; r.stats.nodes;
 */
export function searchChess(position: string | Board, options: EngineOptions): EngineResult {
  const board = typeof position === 'string' ? Board.fromFen(position) : position.clone();
  if (!options || typeof options !== 'object') fail(MODULE, chessMessages.searchBadOption('options', options, '{ depth: 3 }'));
  const depth = options.depth;
  if (!Number.isInteger(depth) || depth < 1 || depth > 12) fail(MODULE, chessMessages.depthBad(depth, 12));
  const objective = options.objective ?? winObjective();
  if (!objective || typeof objective.terminal !== 'function' || typeof objective.score !== 'function') {
    fail(MODULE, chessMessages.objectiveBad(objective));
  }
  const evaluate = options.evaluate ?? null;
  if (evaluate !== null && typeof evaluate !== 'function') fail(MODULE, chessMessages.searchBadOption('evaluate', evaluate, 'a function (board, me) => number'));
  const ord = resolveOrdering(options.ordering);
  const table = options.table ?? null;
  const useTable = table !== null && objective.tableApplies;
  const maxNodes = options.maxNodes ?? Infinity;
  // Finished games need not be detected at the horizon when they score like any other position.
  const skipLeafCheck = evaluate === null && objective.terminalIsScore === true;
  const me: Color = options.perspective ?? board.side;
  if (me !== 0 && me !== 1) fail(MODULE, chessMessages.searchBadOption('perspective', me, '0 (white) or 1 (black)'));

  const rootMovesList = board.legalMoves();
  if (rootMovesList.length === 0) fail(MODULE, chessMessages.searchTerminal(board.fen()));

  const stats: EngineStats = { nodes: 0, leaves: 0, cutoffs: 0, tableHits: 0, tableCovered: 0, seconds: 0 };
  const killers = new Int32Array(2 * (depth + 2)).fill(-1);
  const history = new Int32Array(16 * 128);
  let stopped = false;
  const t0 = performance.now();
  const forStm = (v: number): number => (board.side === me ? v : -v);

  const isQuiet = (m: number): boolean => !(promo_(m) || board.captured(m));
  const order = (moves: number[], ply: number): number[] => {
    if (!ord.mvvLva && !ord.killers && !ord.history) return moves;
    const scored = moves.map((m, i) => {
      let s = 0;
      const victim = board.captured(m);
      if (ord.mvvLva && (victim || promo_(m))) {
        s = 1e7 + 10 * VALUES[victim & 7] - VALUES[board.sq[from_(m)] & 7] / 100 + VALUES[promo_(m)];
      } else if (ord.killers && (m === killers[2 * ply] || m === killers[2 * ply + 1])) {
        s = m === killers[2 * ply] ? 2e6 : 1e6;
      } else if (ord.history) {
        s = Math.min(9e5, history[(board.sq[from_(m)] & 15) * 128 + to_(m)]);
      }
      return { m, s, i };
    });
    scored.sort((a, b) => b.s - a.s || a.i - b.i);
    return scored.map((x) => x.m);
  };
  const onCutoff = (m: number, ply: number, left: number): void => {
    stats.cutoffs++;
    if (ord.mvvLva && !isQuiet(m)) return;
    if (ord.killers && killers[2 * ply] !== m) { killers[2 * ply + 1] = killers[2 * ply]; killers[2 * ply] = m; }
    if (ord.history) history[(board.sq[from_(m)] & 15) * 128 + to_(m)] += left * left;
  };

  const negamax = (left: number, alpha: number, beta: number, ply: number): number => {
    stats.nodes++;
    if (stats.nodes > maxNodes) { stopped = true; return 0; }
    if (table !== null && board.pieceCount() === 3) {
      if (useTable) {
        const p = table.probe(board);
        if (p) { stats.tableHits++; return probeValue(p, ply, MATE); }
      } else if (table.covers(board)) stats.tableCovered++;
    }
    if (board.pieceCount() === 2) return forStm(objective.terminal(board, me, ply));
    if (left === 0) {
      if (!(skipLeafCheck || board.hasLegalMove())) return forStm(objective.terminal(board, me, ply));
      stats.leaves++;
      return forStm(evaluate ? evaluate(board, me) : objective.score(board, me));
    }
    const moves = board.legalMoves();
    if (moves.length === 0) return forStm(objective.terminal(board, me, ply));
    const ordered = order(moves, ply);
    let best = -INF;
    for (let i = 0; i < ordered.length; i++) {
      const m = ordered[i];
      board.make(m);
      const v = -negamax(left - 1, -beta, -alpha, ply + 1);
      board.unmake();
      if (stopped) return 0;
      if (v > best) best = v;
      if (v > alpha) alpha = v;
      if (alpha >= beta) { onCutoff(m, ply, left); break; }
    }
    return best;
  };

  const [rootAlpha, rootBeta] = options.rootWindow ?? [-INF, INF];
  stats.nodes++;
  const rootOrdered = order(rootMovesList, 0);
  const values: { move: string; value: number }[] = [];
  let bestMove = rootOrdered[0], bestValue = -INF;
  for (const m of rootOrdered) {
    board.make(m);
    const v = options.rootValues ? -negamax(depth - 1, -rootBeta, -rootAlpha, 1) : -negamax(depth - 1, -INF, -bestValue, 1);
    board.unmake();
    if (stopped) break;
    values.push({ move: moveUci(m), value: v });
    if (v > bestValue) { bestValue = v; bestMove = m; }
  }
  stats.seconds = (performance.now() - t0) / 1000;
  const result: EngineResult = {
    status: stopped ? 'budget' : 'complete',
    move: moveUci(bestMove),
    value: bestValue === -INF ? 0 : bestValue,
    stats,
  };
  if (options.rootValues) result.rootMoves = values.sort((a, b) => b.value - a.value);
  return result;
}

/** Whether move `m` captures in `board` (en passant included). */
export function isCapture(board: Board, m: number): boolean {
  return (moveFlags(m) & FLAG_EP) !== 0 || board.sq[to_(m)] !== 0;
}
