/**
 * The win-tuned evaluation: material plus piece-square tables (the values of Tomasz Michniewski's
 * "Simplified Evaluation Function"), and a "mop-up" term for lone-king endings that drives the
 * losing king to the edge and brings the winning king close. Everything here estimates one
 * thing: how likely the side is to WIN.
 */
import type { Board, Color } from './board';
// Local copies of the board constants: imported bindings are getters under some CommonJS
// transpilers, which costs a lot in the inner loops of a search.
const WHITE = 0, PAWN = 1, KNIGHT = 2, BISHOP = 3, ROOK = 4, QUEEN = 5, KING = 6;

/** Centipawn values by piece type (index = type; the king counts 0). */
export const PIECE_VALUES: readonly number[] = [0, 100, 320, 330, 500, 900, 0];
const VALUES = PIECE_VALUES;

// Tables are written as seen from White, rank 8 first (as printed in the source).
const PAWN_T = [
  0, 0, 0, 0, 0, 0, 0, 0, 50, 50, 50, 50, 50, 50, 50, 50, 10, 10, 20, 30, 30, 20, 10, 10,
  5, 5, 10, 25, 25, 10, 5, 5, 0, 0, 0, 20, 20, 0, 0, 0, 5, -5, -10, 0, 0, -10, -5, 5,
  5, 10, 10, -20, -20, 10, 10, 5, 0, 0, 0, 0, 0, 0, 0, 0];
const KNIGHT_T = [
  -50, -40, -30, -30, -30, -30, -40, -50, -40, -20, 0, 0, 0, 0, -20, -40, -30, 0, 10, 15, 15, 10, 0, -30,
  -30, 5, 15, 20, 20, 15, 5, -30, -30, 0, 15, 20, 20, 15, 0, -30, -30, 5, 10, 15, 15, 10, 5, -30,
  -40, -20, 0, 5, 5, 0, -20, -40, -50, -40, -30, -30, -30, -30, -40, -50];
const BISHOP_T = [
  -20, -10, -10, -10, -10, -10, -10, -20, -10, 0, 0, 0, 0, 0, 0, -10, -10, 0, 5, 10, 10, 5, 0, -10,
  -10, 5, 5, 10, 10, 5, 5, -10, -10, 0, 10, 10, 10, 10, 0, -10, -10, 10, 10, 10, 10, 10, 10, -10,
  -10, 5, 0, 0, 0, 0, 5, -10, -20, -10, -10, -10, -10, -10, -10, -20];
const ROOK_T = [
  0, 0, 0, 0, 0, 0, 0, 0, 5, 10, 10, 10, 10, 10, 10, 5, -5, 0, 0, 0, 0, 0, 0, -5,
  -5, 0, 0, 0, 0, 0, 0, -5, -5, 0, 0, 0, 0, 0, 0, -5, -5, 0, 0, 0, 0, 0, 0, -5,
  -5, 0, 0, 0, 0, 0, 0, -5, 0, 0, 0, 5, 5, 0, 0, 0];
const QUEEN_T = [
  -20, -10, -10, -5, -5, -10, -10, -20, -10, 0, 0, 0, 0, 0, 0, -10, -10, 0, 5, 5, 5, 5, 0, -10,
  -5, 0, 5, 5, 5, 5, 0, -5, 0, 0, 5, 5, 5, 5, 0, -5, -10, 5, 5, 5, 5, 5, 0, -10,
  -10, 0, 5, 0, 0, 0, 0, -10, -20, -10, -10, -5, -5, -10, -10, -20];
const KING_MID_T = [
  -30, -40, -40, -50, -50, -40, -40, -30, -30, -40, -40, -50, -50, -40, -40, -30,
  -30, -40, -40, -50, -50, -40, -40, -30, -30, -40, -40, -50, -50, -40, -40, -30,
  -20, -30, -30, -40, -40, -30, -30, -20, -10, -20, -20, -20, -20, -20, -20, -10,
  20, 20, 0, 0, 0, 0, 20, 20, 20, 30, 10, 0, 0, 10, 30, 20];
const KING_END_T = [
  -50, -40, -30, -20, -20, -30, -40, -50, -30, -20, -10, 0, 0, -10, -20, -30,
  -30, -10, 20, 30, 30, 20, -10, -30, -30, -10, 30, 40, 40, 30, -10, -30,
  -30, -10, 30, 40, 40, 30, -10, -30, -30, -10, 20, 30, 30, 20, -10, -30,
  -30, -30, 0, 0, 0, 0, -30, -30, -50, -30, -30, -30, -30, -30, -30, -50];
const TABLES = [[], PAWN_T, KNIGHT_T, BISHOP_T, ROOK_T, QUEEN_T, KING_MID_T];

/** Piece-square bonus of a piece of `type` and `color` on 0x88 square `sq` (middlegame king). */
export function pieceSquare(type: number, color: Color, sq: number, endgame = false): number {
  const rank = sq >> 4, file = sq & 7;
  const idx = color === WHITE ? (7 - rank) * 8 + file : rank * 8 + file;
  const table = type === KING && endgame ? KING_END_T : TABLES[type];
  return table[idx];
}

/** Non-pawn, non-king material of one side, in centipawns. */
export function pieceMaterial(board: Board, color: Color): number {
  return board.count(KNIGHT, color) * 320 + board.count(BISHOP, color) * 330
    + board.count(ROOK, color) * 500 + board.count(QUEEN, color) * 900;
}

/** Whether the king tables switch to the endgame (no queens, or little material left). */
export function isEndgame(board: Board): boolean {
  const q = board.count(QUEEN, 0) + board.count(QUEEN, 1);
  return q === 0 || (pieceMaterial(board, 0) <= 1230 && pieceMaterial(board, 1) <= 1230);
}

const centreDistance = (sq: number): number => {
  const r = sq >> 4, f = sq & 7;
  return Math.max(3 - r, r - 4) + Math.max(3 - f, f - 4);
};
const kingDistance = (a: number, b: number): number => Math.max(Math.abs((a >> 4) - (b >> 4)), Math.abs((a & 7) - (b & 7)));

/**
 * Material + piece-square tables (+ mop-up against a lone king), in centipawns, from the point
 * of view of `perspective` (positive = good for that side).
 *
 * @example
 * winEvaluation(Board.fromFen(START_FEN), WHITE); // 0: the start is symmetric
 */
export function winEvaluation(board: Board, perspective: Color): number {
  const sq = board.sq;
  const endgame = isEndgame(board);
  let score = 0;
  for (let s = 0; s < 120; s++) {
    if (s & 0x88) { s += 7; continue; }
    const p = sq[s];
    if (!p) continue;
    const t = p & 7, c = (p >> 3) as Color;
    const v = VALUES[t] + pieceSquare(t, c, s, endgame);
    score += c === WHITE ? v : -v;
  }
  // Mop-up: with the opponent down to a bare king, push it to the edge and approach it.
  for (const c of [0, 1] as Color[]) {
    const o = (c ^ 1) as Color;
    const bare = board.count(PAWN, o) === 0 && pieceMaterial(board, o) === 0;
    if (bare && (pieceMaterial(board, c) >= 500 || board.count(PAWN, c) > 0)) {
      const mop = 10 * centreDistance(board.kings[o]) + 4 * (7 - kingDistance(board.kings[c], board.kings[o]));
      score += c === WHITE ? mop : -mop;
    }
  }
  return perspective === WHITE ? score : -score;
}
