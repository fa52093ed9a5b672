/**
 * A chess position with fast legal move generation (0x88 board, make/unmake).
 *
 * - Description: the rules of chess as chess.js implements them (castling, en passant,
 *   promotion, check), written for speed so that engines and perft can visit millions of nodes.
 *   Validated against chess.js move lists and the published perft counts (`tests/chess/`).
 * - State: piece placement, side to move, castling rights, en-passant square, move clocks.
 * - Actions: moves, encoded as numbers (see `moveFrom`, `moveTo`, `movePromo`, `moveUci`).
 * - Termination: no legal move (checkmate if in check, else stalemate). Draws by repetition and
 *   the fifty-move rule are not detected (engines here search a few plies).
 *
 * Squares are 0x88 indices: `rank * 16 + file`, a1 = 0, h1 = 7, a8 = 112.
 */
import { fail } from '../../../lib/core/errors';
import { chessMessages } from './messages';

const MODULE = 'chess/board';

export type Color = 0 | 1;
export const WHITE: Color = 0;
export const BLACK: Color = 1;
export const PAWN = 1, KNIGHT = 2, BISHOP = 3, ROOK = 4, QUEEN = 5, KING = 6;
/** Piece code = type | color << 3 (0 = empty). */
export const pieceType = (piece: number): number => piece & 7;
export const pieceColor = (piece: number): Color => (piece >> 3) as Color;

export const FLAG_EP = 1, FLAG_CASTLE = 2, FLAG_DOUBLE = 4;
export const moveFrom = (m: number): number => m & 127;
export const moveTo = (m: number): number => (m >> 7) & 127;
export const movePromo = (m: number): number => (m >> 14) & 7;
export const moveFlags = (m: number): number => (m >> 17) & 7;
const encode = (from: number, to: number, promo = 0, flags = 0): number => from | (to << 7) | (promo << 14) | (flags << 17);

export const START_FEN = 'rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1';

const KNIGHT_STEPS = [14, 18, 31, 33, -14, -18, -31, -33];
const KING_STEPS = [1, 15, 16, 17, -1, -15, -16, -17];
const ROOK_DIRS = [1, -1, 16, -16];
const BISHOP_DIRS = [15, 17, -15, -17];
const LETTERS = ' pnbrqk';
const CASTLE_MASK = new Int8Array(128).fill(15);
CASTLE_MASK[0] = 15 & ~2; CASTLE_MASK[4] = 15 & ~3; CASTLE_MASK[7] = 15 & ~1;
CASTLE_MASK[112] = 15 & ~8; CASTLE_MASK[116] = 15 & ~12; CASTLE_MASK[119] = 15 & ~4;

/** The name of a 0x88 square, e.g. 0 -> "a1". */
export function squareName(sq: number): string {
  return 'abcdefgh'[sq & 7] + String((sq >> 4) + 1);
}

/** The 0x88 index of a square name such as "e4" (-1 if not a square). */
export function parseSquare(name: string): number {
  if (typeof name !== 'string' || !/^[a-h][1-8]$/.test(name)) return -1;
  return (name.charCodeAt(1) - 49) * 16 + (name.charCodeAt(0) - 97);
}

/** A move in UCI notation, e.g. "e2e4", "e7e8q". */
export function moveUci(m: number): string {
  const p = movePromo(m);
  return squareName(moveFrom(m)) + squareName(moveTo(m)) + (p ? LETTERS[p] : '');
}

/**
 * A mutable chess position. `make`/`unmake` play and take back moves in place (fast); `clone`
 * copies. Build one with `Board.fromFen(fen)` or `new Board()` for the start position.
 *
 * @example
 * const b = Board.fromFen(START_FEN);
 * b.legalMoves().length;      // 20
 * b.play('e2e4'); b.fen();    // 'rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq e3 0 1'
 */
export class Board {
  /** 0x88 squares holding piece codes. */
  readonly sq = new Int8Array(128);
  side: Color = WHITE;
  /** Bits: 1 white O-O, 2 white O-O-O, 4 black O-O, 8 black O-O-O. */
  castling = 0;
  /** En-passant target square or -1. */
  ep = -1;
  halfmove = 0;
  fullmove = 1;
  /** King squares by colour. */
  readonly kings = [4, 116];
  /** Number of pieces by piece code. */
  readonly counts = new Int8Array(16);
  private readonly stack: number[] = [];

  constructor(fen: string = START_FEN) {
    this.load(fen);
  }

  static fromFen(fen: string): Board {
    return new Board(fen);
  }

  private load(fen: string): void {
    if (typeof fen !== 'string') fail(MODULE, chessMessages.fenBad(fen, 'not a string'));
    const parts = fen.trim().split(/\s+/);
    if (parts.length < 4) fail(MODULE, chessMessages.fenBad(fen, `${parts.length} fields`));
    const rows = parts[0].split('/');
    if (rows.length !== 8) fail(MODULE, chessMessages.fenBad(fen, `${rows.length} ranks instead of 8`));
    const kings = [0, 0];
    for (let r = 0; r < 8; r++) {
      let file = 0;
      for (const ch of rows[r]) {
        if (ch >= '1' && ch <= '8') { file += Number(ch); continue; }
        const t = LETTERS.indexOf(ch.toLowerCase());
        if (t < 1 || file > 7) fail(MODULE, chessMessages.fenBad(fen, `bad rank "${rows[r]}"`));
        const color = ch === ch.toLowerCase() ? BLACK : WHITE;
        const s = (7 - r) * 16 + file;
        this.sq[s] = t | (color << 3);
        this.counts[t | (color << 3)]++;
        if (t === KING) { this.kings[color] = s; kings[color]++; }
        file++;
      }
      if (file !== 8) fail(MODULE, chessMessages.fenBad(fen, `rank "${rows[r]}" does not have 8 squares`));
    }
    if (kings[0] !== 1 || kings[1] !== 1) fail(MODULE, chessMessages.fenBad(fen, 'each side needs exactly one king'));
    if (parts[1] !== 'w' && parts[1] !== 'b') fail(MODULE, chessMessages.fenBad(fen, `side to move "${parts[1]}"`));
    this.side = parts[1] === 'w' ? WHITE : BLACK;
    this.castling = 0;
    if (parts[2] !== '-') {
      for (const ch of parts[2]) {
        const bit = 'KQkq'.indexOf(ch);
        if (bit < 0) fail(MODULE, chessMessages.fenBad(fen, `castling "${parts[2]}"`));
        this.castling |= 1 << bit;
      }
    }
    this.ep = parts[3] === '-' ? -1 : parseSquare(parts[3]);
    if (parts[3] !== '-' && this.ep < 0) fail(MODULE, chessMessages.fenBad(fen, `en-passant square "${parts[3]}"`));
    this.halfmove = parts[4] !== undefined ? Number(parts[4]) || 0 : 0;
    this.fullmove = parts[5] !== undefined ? Number(parts[5]) || 1 : 1;
  }

  /** The position as FEN (the en-passant square is written whenever a pawn just moved two). */
  fen(): string {
    const rows: string[] = [];
    for (let r = 7; r >= 0; r--) {
      let row = '', empty = 0;
      for (let f = 0; f < 8; f++) {
        const p = this.sq[r * 16 + f];
        if (!p) { empty++; continue; }
        if (empty) { row += empty; empty = 0; }
        const ch = LETTERS[pieceType(p)];
        row += pieceColor(p) === WHITE ? ch.toUpperCase() : ch;
      }
      rows.push(empty ? row + empty : row);
    }
    let castle = '';
    for (let i = 0; i < 4; i++) if (this.castling & (1 << i)) castle += 'KQkq'[i];
    return `${rows.join('/')} ${this.side === WHITE ? 'w' : 'b'} ${castle || '-'} ${this.ep >= 0 ? squareName(this.ep) : '-'} ${this.halfmove} ${this.fullmove}`;
  }

  clone(): Board {
    const b = Object.create(Board.prototype) as Board;
    (b as { sq: Int8Array }).sq = Int8Array.from(this.sq);
    (b as { counts: Int8Array }).counts = Int8Array.from(this.counts);
    (b as { kings: number[] }).kings = [...this.kings];
    (b as unknown as { stack: number[] }).stack = [];
    b.side = this.side; b.castling = this.castling; b.ep = this.ep;
    b.halfmove = this.halfmove; b.fullmove = this.fullmove;
    return b;
  }

  /** Whether `target` is attacked by a piece of colour `by`. */
  isAttacked(target: number, by: Color): boolean {
    const sq = this.sq;
    const c = by << 3;
    if (by === WHITE) {
      if (!((target - 15) & 0x88) && sq[target - 15] === (PAWN | c)) return true;
      if (!((target - 17) & 0x88) && sq[target - 17] === (PAWN | c)) return true;
    } else {
      if (!((target + 15) & 0x88) && sq[target + 15] === (PAWN | c)) return true;
      if (!((target + 17) & 0x88) && sq[target + 17] === (PAWN | c)) return true;
    }
    for (let i = 0; i < 8; i++) {
      const s = target + KNIGHT_STEPS[i];
      if (!(s & 0x88) && sq[s] === (KNIGHT | c)) return true;
    }
    for (let i = 0; i < 8; i++) {
      const s = target + KING_STEPS[i];
      if (!(s & 0x88) && sq[s] === (KING | c)) return true;
    }
    for (let i = 0; i < 4; i++) {
      const d = ROOK_DIRS[i];
      for (let s = target + d; !(s & 0x88); s += d) {
        const p = sq[s];
        if (p) { if (p === (ROOK | c) || p === (QUEEN | c)) return true; break; }
      }
    }
    for (let i = 0; i < 4; i++) {
      const d = BISHOP_DIRS[i];
      for (let s = target + d; !(s & 0x88); s += d) {
        const p = sq[s];
        if (p) { if (p === (BISHOP | c) || p === (QUEEN | c)) return true; break; }
      }
    }
    return false;
  }

  /** Whether the side to move is in check. */
  inCheck(): boolean {
    return this.isAttacked(this.kings[this.side], (this.side ^ 1) as Color);
  }

  /** Pseudo-legal moves of the side to move (may leave the own king in check), appended to `out`. */
  pseudoMoves(out: number[] = []): number[] {
    const sq = this.sq, us = this.side, them = (us ^ 1) as Color;
    for (let from = 0; from < 120; from++) {
      if (from & 0x88) { from += 7; continue; }
      const p = sq[from];
      if (!p || pieceColor(p) !== us) continue;
      const t = pieceType(p);
      if (t === PAWN) {
        const dir = us === WHITE ? 16 : -16;
        const rank = from >> 4;
        const startRank = us === WHITE ? 1 : 6, lastRank = us === WHITE ? 6 : 1;
        const one = from + dir;
        if (!(one & 0x88) && !sq[one]) {
          if (rank === lastRank) for (let pr = QUEEN; pr >= KNIGHT; pr--) out.push(encode(from, one, pr));
          else {
            out.push(encode(from, one));
            const two = one + dir;
            if (rank === startRank && !sq[two]) out.push(encode(from, two, 0, FLAG_DOUBLE));
          }
        }
        for (let k = 0; k < 2; k++) {
          const to = from + dir + (k === 0 ? -1 : 1);
          if (to & 0x88) continue;
          const q = sq[to];
          if (q && pieceColor(q) === them) {
            if (rank === lastRank) for (let pr = QUEEN; pr >= KNIGHT; pr--) out.push(encode(from, to, pr));
            else out.push(encode(from, to));
          } else if (to === this.ep) out.push(encode(from, to, 0, FLAG_EP));
        }
      } else if (t === KNIGHT || t === KING) {
        const steps = t === KNIGHT ? KNIGHT_STEPS : KING_STEPS;
        for (let i = 0; i < 8; i++) {
          const to = from + steps[i];
          if (to & 0x88) continue;
          const q = sq[to];
          if (!q || pieceColor(q) === them) out.push(encode(from, to));
        }
        if (t === KING) this.castleMoves(from, out);
      } else {
        const dirs = t === ROOK ? ROOK_DIRS : t === BISHOP ? BISHOP_DIRS : KING_STEPS;
        for (let i = 0; i < dirs.length; i++) {
          const d = dirs[i];
          for (let to = from + d; !(to & 0x88); to += d) {
            const q = sq[to];
            if (!q) { out.push(encode(from, to)); continue; }
            if (pieceColor(q) === them) out.push(encode(from, to));
            break;
          }
        }
      }
    }
    return out;
  }

  private castleMoves(from: number, out: number[]): void {
    const us = this.side, them = (us ^ 1) as Color, sq = this.sq;
    const home = us === WHITE ? 4 : 116;
    if (from !== home) return;
    const k = us === WHITE ? 1 : 4, q = us === WHITE ? 2 : 8;
    if ((this.castling & k) && !sq[home + 1] && !sq[home + 2] && sq[home + 3] === (ROOK | (us << 3))
      && !this.isAttacked(home, them) && !this.isAttacked(home + 1, them) && !this.isAttacked(home + 2, them)) {
      out.push(encode(home, home + 2, 0, FLAG_CASTLE));
    }
    if ((this.castling & q) && !sq[home - 1] && !sq[home - 2] && !sq[home - 3] && sq[home - 4] === (ROOK | (us << 3))
      && !this.isAttacked(home, them) && !this.isAttacked(home - 1, them) && !this.isAttacked(home - 2, them)) {
      out.push(encode(home, home - 2, 0, FLAG_CASTLE));
    }
  }

  /** Legal moves of the side to move (pseudo-legal moves that do not leave the king in check). */
  legalMoves(): number[] {
    const pseudo = this.pseudoMoves();
    const out: number[] = [];
    const us = this.side;
    for (let i = 0; i < pseudo.length; i++) {
      this.make(pseudo[i]);
      if (!this.isAttacked(this.kings[us], this.side)) out.push(pseudo[i]);
      this.unmake();
    }
    return out;
  }

  /** Whether the side to move has at least one legal move (stops at the first). */
  hasLegalMove(): boolean {
    const pseudo = this.pseudoMoves();
    const us = this.side;
    for (let i = 0; i < pseudo.length; i++) {
      this.make(pseudo[i]);
      const ok = !this.isAttacked(this.kings[us], this.side);
      this.unmake();
      if (ok) return true;
    }
    return false;
  }

  /** The piece a move captures (0 if none), read before the move is made. */
  captured(m: number): number {
    if (moveFlags(m) & FLAG_EP) return PAWN | ((this.side ^ 1) << 3);
    return this.sq[moveTo(m)];
  }

  /** Plays a (pseudo-)legal move in place. */
  make(m: number): void {
    const sq = this.sq;
    const from = m & 127, to = (m >> 7) & 127, promo = (m >> 14) & 7, flags = (m >> 17) & 7;
    const piece = sq[from];
    const us = this.side;
    let captured = sq[to];
    let capSq = to;
    if (flags & FLAG_EP) { capSq = us === WHITE ? to - 16 : to + 16; captured = sq[capSq]; sq[capSq] = 0; }
    this.stack.push(m, captured, this.castling, this.ep, this.halfmove);
    if (captured) this.counts[captured]--;
    sq[from] = 0;
    if (promo) {
      const np = promo | (us << 3);
      sq[to] = np; this.counts[piece]--; this.counts[np]++;
    } else sq[to] = piece;
    if ((piece & 7) === KING) {
      this.kings[us] = to;
      if (flags & FLAG_CASTLE) {
        if (to === from + 2) { sq[from + 1] = sq[from + 3]; sq[from + 3] = 0; }
        else { sq[from - 1] = sq[from - 4]; sq[from - 4] = 0; }
      }
    }
    this.castling &= CASTLE_MASK[from] & CASTLE_MASK[to];
    this.ep = flags & FLAG_DOUBLE ? (from + to) >> 1 : -1;
    this.halfmove = captured || (piece & 7) === PAWN ? 0 : this.halfmove + 1;
    if (us === BLACK) this.fullmove++;
    this.side = (us ^ 1) as Color;
  }

  /** Takes back the last move made with `make`. */
  unmake(): void {
    const st = this.stack;
    if (st.length === 0) fail(MODULE, chessMessages.unmakeEmpty());
    this.halfmove = st.pop() as number;
    this.ep = st.pop() as number;
    this.castling = st.pop() as number;
    const captured = st.pop() as number;
    const m = st.pop() as number;
    const sq = this.sq;
    const from = m & 127, to = (m >> 7) & 127, promo = (m >> 14) & 7, flags = (m >> 17) & 7;
    const us = (this.side ^ 1) as Color;
    this.side = us;
    if (us === BLACK) this.fullmove--;
    let piece = sq[to];
    if (promo) { this.counts[piece]--; piece = PAWN | (us << 3); this.counts[piece]++; }
    sq[from] = piece;
    sq[to] = 0;
    if (flags & FLAG_EP) sq[us === WHITE ? to - 16 : to + 16] = captured;
    else sq[to] = captured;
    if (captured) this.counts[captured]++;
    if ((piece & 7) === KING) {
      this.kings[us] = from;
      if (flags & FLAG_CASTLE) {
        if (to === from + 2) { sq[from + 3] = sq[from + 1]; sq[from + 1] = 0; }
        else { sq[from - 4] = sq[from - 1]; sq[from - 1] = 0; }
      }
    }
  }

  /** Plays a legal move given in UCI ("e2e4", "e7e8q") or as a move number; throws if illegal. */
  play(move: string | number): number {
    const legal = this.legalMoves();
    const m = legal.find((x) => (typeof move === 'number' ? x === move : moveUci(x) === move));
    if (m === undefined) fail(MODULE, chessMessages.moveIllegal(move, this.fen()));
    this.make(m);
    return m;
  }

  /** Number of pieces of `type` and colour `color`. */
  count(type: number, color: Color): number {
    return this.counts[type | (color << 3)];
  }

  /** Total pieces on the board, kings included. */
  pieceCount(): number {
    let n = 0;
    for (let i = 0; i < 16; i++) n += this.counts[i];
    return n;
  }

  /** 'checkmate', 'stalemate', 'insufficient' (kings only) or 'ongoing'. */
  status(): 'checkmate' | 'stalemate' | 'insufficient' | 'ongoing' {
    if (!this.hasLegalMove()) return this.inCheck() ? 'checkmate' : 'stalemate';
    if (this.pieceCount() === 2) return 'insufficient';
    return 'ongoing';
  }
}
