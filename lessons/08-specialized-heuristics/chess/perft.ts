import { Chess } from 'chess.js';
import { fail } from '../../../lib/core/errors';
import { Board, moveUci } from './board';
import { chessMessages } from './messages';

const MODULE = 'chess/perft';

/** The position "Kiwipete" (Peter McKenzie), a standard move-generator test with castling, pins and en passant. */
export const KIWIPETE_FEN = 'r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1';

/** Published perft counts (Chess Programming Wiki, "Perft Results"), by depth from 1. */
export const PERFT_REFERENCE: Readonly<Record<string, { fen: string; counts: readonly number[] }>> = {
  start: { fen: 'rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1', counts: [20, 400, 8902, 197281, 4865609] },
  kiwipete: { fen: KIWIPETE_FEN, counts: [48, 2039, 97862, 4085603] },
  position3: { fen: '8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1', counts: [14, 191, 2812, 43238, 674624] },
};

export interface PerftResult {
  depth: number;
  /** Leaf nodes: move sequences of exactly `depth` plies. */
  nodes: number;
  seconds: number;
  nodesPerSecond: number;
}

function checkDepth(depth: unknown, max: number): number {
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 0 || depth > max) {
    fail(MODULE, chessMessages.depthBad(depth, max));
  }
  return depth;
}

function count(b: Board, depth: number): number {
  if (depth === 0) return 1;
  const moves = b.legalMoves();
  if (depth === 1) return moves.length;
  let n = 0;
  for (let i = 0; i < moves.length; i++) {
    b.make(moves[i]);
    n += count(b, depth - 1);
    b.unmake();
  }
  return n;
}

/**
 * Perft: counts the move sequences of length `depth` from `fen` with this lab's move generator.
 * Matching the published counts checks castling, en passant, promotion and pins at once.
 *
 * @example
 * perft(START_FEN, 3).nodes; // 8902
 */
export function perft(fen: string, depth: number): PerftResult {
  checkDepth(depth, 7);
  const b = Board.fromFen(fen);
  const t0 = performance.now();
  const nodes = count(b, depth);
  const seconds = (performance.now() - t0) / 1000;
  return { depth, nodes, seconds, nodesPerSecond: seconds > 0 ? nodes / seconds : nodes };
}

/** Perft split by first move (UCI -> count): find which move a generator gets wrong. */
export function perftDivide(fen: string, depth: number): Record<string, number> {
  checkDepth(depth, 7);
  if (depth < 1) fail(MODULE, chessMessages.depthBad(depth, 7));
  const b = Board.fromFen(fen);
  const out: Record<string, number> = {};
  for (const m of b.legalMoves()) {
    b.make(m);
    out[moveUci(m)] = count(b, depth - 1);
    b.unmake();
  }
  return out;
}

function countChessJs(c: Chess, depth: number): number {
  if (depth === 0) return 1;
  const moves = c.moves({ verbose: true });
  if (depth === 1) return moves.length;
  let n = 0;
  for (const m of moves) {
    c.move(m);
    n += countChessJs(c, depth - 1);
    c.undo();
  }
  return n;
}

/**
 * The same count through chess.js's public API (`moves()`, `move()`, `undo()`): the rules
 * reference our generator is checked against. Much slower (it builds SAN move objects).
 */
export function chessJsPerft(fen: string, depth: number): PerftResult {
  checkDepth(depth, 5);
  const c = new Chess(fen);
  const t0 = performance.now();
  const nodes = countChessJs(c, depth);
  const seconds = (performance.now() - t0) / 1000;
  return { depth, nodes, seconds, nodesPerSecond: seconds > 0 ? nodes / seconds : nodes };
}

/** The legal moves of `fen` according to chess.js, in UCI, sorted. */
export function chessJsMoves(fen: string): string[] {
  const c = new Chess(fen);
  return c.moves({ verbose: true }).map((m) => m.from + m.to + (m.promotion ?? '')).sort();
}
