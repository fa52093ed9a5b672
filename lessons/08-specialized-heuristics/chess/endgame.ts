/**
 * Endgame tables by retrograde analysis for king + queen or king + rook against a lone king.
 *
 * Every position (white king, black king, white piece, side to move) gets its distance to mate
 * (DTM) under best play: white mates as fast as possible, black delays as long as possible.
 * Retrograde analysis works backwards from the checkmates: a white-to-move position is won in
 * n + 1 plies if some white move reaches a black-to-move position lost in n plies; a
 * black-to-move position is lost in n + 2 plies once ALL its moves reach positions white wins
 * (so it is decided when its last successor is). Positions never reached are draws
 * (stalemates, the piece is lost, or positions where black can capture it).
 */
import { fail } from '../../../lib/core/errors';
import type { Board, Color } from './board';
import { KING, QUEEN, ROOK, WHITE, pieceColor, pieceType } from './board';
import { chessMessages } from './messages';
import type { Rng } from '../../../lib/core/rng';

const MODULE = 'chess/endgame';
export type EndgameKind = 'KQK' | 'KRK';

export interface EndgameStats {
  /** All index slots (64^3 per side to move). */
  slots: number;
  /** Legal positions with white (the strong side) to move / black to move. */
  legalWhiteToMove: number;
  legalBlackToMove: number;
  /** White-to-move positions white wins. */
  wonWhiteToMove: number;
  /** Black-to-move positions black loses (including checkmates). */
  lostBlackToMove: number;
  checkmates: number;
  stalemates: number;
  /** Longest forced mate with white to move, in moves (plies + 1) / 2. */
  maxDtmMoves: number;
  /** Passes of the backward induction (plies of the longest mate). */
  plies: number;
  seconds: number;
  /** Number of won white-to-move positions by DTM in moves (index = moves). */
  histogram: number[];
}

export interface TableProbe {
  /** For the side to move. */
  result: 'win' | 'loss' | 'draw';
  /** Plies to mate under best play (0 for draws). */
  plies: number;
}

export interface EndgameTable {
  kind: EndgameKind;
  /** DTM in plies for white to move at index wk*4096 + bk*64 + piece (-1 not won, -2 illegal). */
  whiteToMove: Int16Array;
  /** Plies until black is mated, black to move (-1 not lost, -2 illegal). */
  blackToMove: Int16Array;
  stats: EndgameStats;
  /** Whether `board` has exactly this material (either colour as the strong side). */
  covers(board: Board): boolean;
  /** The exact result for the side to move, or null if the board is not this ending. */
  probe(board: Board): TableProbe | null;
  /** A FEN for (white king, black king, white piece) squares 0..63 (a1 = 0, h8 = 63). */
  fen(wk: number, bk: number, piece: number, toMove: Color): string;
  /** Seeded random won white-to-move positions as FEN, with their DTM in plies. */
  sample(rng: Rng, count: number, minMoves?: number): { fen: string; plies: number }[];
}

const KING_D: ReadonlyArray<[number, number]> = [[1, 0], [1, 1], [0, 1], [-1, 1], [-1, 0], [-1, -1], [0, -1], [1, -1]];
const ROOK_D: ReadonlyArray<[number, number]> = [[1, 0], [0, 1], [-1, 0], [0, -1]];

const rf = (s: number): [number, number] => [s >> 3, s & 7];
const adjacent = (a: number, b: number): boolean => Math.abs((a >> 3) - (b >> 3)) <= 1 && Math.abs((a & 7) - (b & 7)) <= 1;
const onBoard = (r: number, f: number): boolean => r >= 0 && r < 8 && f >= 0 && f < 8;

/**
 * Builds the table for `kind` ('KQK' or 'KRK'): about 262,000 index slots per side to move.
 *
 * @example
 * const t = buildEndgameTable('KQK');
 * t.stats.maxDtmMoves; // 10
 */
export function buildEndgameTable(kind: EndgameKind): EndgameTable {
  if (kind !== 'KQK' && kind !== 'KRK') fail(MODULE, chessMessages.tableKind(kind));
  const t0 = performance.now();
  const dirs = kind === 'KQK' ? KING_D : ROOK_D;
  const N = 64 * 64 * 64;
  const wtm = new Int16Array(N).fill(-2);
  const btm = new Int16Array(N).fill(-2);
  const remaining = new Uint8Array(N);

  // Does the piece on p attack square t, with `block` (a king) possibly in the way?
  const attacks = (p: number, t: number, block: number): boolean => {
    if (p === t) return false;
    const [pr, pf] = rf(p), [tr, tf] = rf(t);
    const dr = Math.sign(tr - pr), df = Math.sign(tf - pf);
    const straight = dr === 0 || df === 0;
    const diagonal = Math.abs(tr - pr) === Math.abs(tf - pf);
    if (!(straight || (kind === 'KQK' && diagonal))) return false;
    for (let r = pr + dr, f = pf + df; r !== tr || f !== tf; r += dr, f += df) if (r * 8 + f === block) return false;
    return true;
  };
  // Squares the piece on p can move to (or come from), stopping before either king.
  const pieceMoves = (p: number, k1: number, k2: number): number[] => {
    const out: number[] = [];
    const [pr, pf] = rf(p);
    for (const [dr, df] of dirs) {
      for (let r = pr + dr, f = pf + df; onBoard(r, f); r += dr, f += df) {
        const s = r * 8 + f;
        if (s === k1 || s === k2) break;
        out.push(s);
      }
    }
    return out;
  };
  const kingSteps: number[][] = [];
  for (let s = 0; s < 64; s++) {
    const [r, f] = rf(s);
    kingSteps.push(KING_D.filter(([dr, df]) => onBoard(r + dr, f + df)).map(([dr, df]) => (r + dr) * 8 + f + df));
  }
  const index = (wk: number, bk: number, p: number): number => wk * 4096 + bk * 64 + p;

  let legalW = 0, legalB = 0, checkmates = 0, stalemates = 0;
  let frontier: number[] = [];
  for (let wk = 0; wk < 64; wk++) for (let bk = 0; bk < 64; bk++) {
    if (bk === wk || adjacent(wk, bk)) continue;
    for (let p = 0; p < 64; p++) {
      if (p === wk || p === bk) continue;
      const i = index(wk, bk, p);
      if (!attacks(p, bk, wk)) { wtm[i] = -1; legalW++; }
      legalB++;
      let moves = 0;
      for (const t of kingSteps[bk]) {
        if (t === wk || adjacent(t, wk)) continue;
        if (t === p) { moves++; continue; }      // capturing the piece: a draw (it is not protected)
        if (attacks(p, t, wk)) continue;
        moves++;
      }
      remaining[i] = moves;
      if (moves === 0) {
        if (attacks(p, bk, wk)) { btm[i] = 0; checkmates++; frontier.push(i); } else { btm[i] = -1; stalemates++; }
      } else btm[i] = -1;
    }
  }

  let n = 0, maxW = -1;
  while (frontier.length > 0) {
    const wins: number[] = [];
    for (const i of frontier) {
      const wk = i >> 12, bk = (i >> 6) & 63, p = i & 63;
      for (const q of pieceMoves(p, wk, bk)) {         // the piece came from q
        const j = index(wk, bk, q);
        if (wtm[j] === -1) { wtm[j] = n + 1; wins.push(j); }
      }
      for (const k of kingSteps[wk]) {                 // the king came from k
        if (k === p || k === bk || adjacent(k, bk)) continue;
        const j = index(k, bk, p);
        if (wtm[j] === -1) { wtm[j] = n + 1; wins.push(j); }
      }
    }
    if (wins.length) maxW = n + 1;
    const next: number[] = [];
    for (const i of wins) {
      const wk = i >> 12, bk = (i >> 6) & 63, p = i & 63;
      for (const b of kingSteps[bk]) {                 // the black king came from b
        if (b === wk || b === p || adjacent(b, wk)) continue;
        const j = index(wk, b, p);
        if (btm[j] === -1 && remaining[j] > 0 && --remaining[j] === 0) { btm[j] = n + 2; next.push(j); }
      }
    }
    frontier = next;
    n += 2;
  }

  let wonW = 0, lostB = 0;
  const histogram: number[] = new Array(((maxW + 1) >> 1) + 1).fill(0);
  for (let i = 0; i < N; i++) {
    if (wtm[i] >= 0) { wonW++; histogram[(wtm[i] + 1) >> 1]++; }
    if (btm[i] >= 0) lostB++;
  }
  const stats: EndgameStats = {
    slots: N, legalWhiteToMove: legalW, legalBlackToMove: legalB, wonWhiteToMove: wonW, lostBlackToMove: lostB,
    checkmates, stalemates, maxDtmMoves: (maxW + 1) >> 1, plies: maxW, seconds: (performance.now() - t0) / 1000, histogram,
  };
  const strongType = kind === 'KQK' ? QUEEN : ROOK;

  const locate = (board: Board): { strong: Color; wk: number; bk: number; p: number } | null => {
    if (board.pieceCount() !== 3) return null;
    let strong: Color | -1 = -1, p = -1;
    for (let s = 0; s < 120; s++) {
      if (s & 0x88) { s += 7; continue; }
      const x = board.sq[s];
      if (x && pieceType(x) !== KING) {
        if (pieceType(x) !== strongType) return null;
        strong = pieceColor(x); p = s;
      }
    }
    if (strong === -1) return null;
    const to64 = (s: number): number => ((s >> 4) * 8 + (s & 7)) ^ (strong === WHITE ? 0 : 56);
    return { strong, wk: to64(board.kings[strong]), bk: to64(board.kings[strong ^ 1]), p: to64(p) };
  };

  const fenOf = (wk: number, bk: number, p: number, toMove: Color): string => {
    const cells: string[] = new Array(64).fill('');
    cells[wk] = 'K'; cells[bk] = 'k'; cells[p] = kind === 'KQK' ? 'Q' : 'R';
    const rows: string[] = [];
    for (let r = 7; r >= 0; r--) {
      let row = '', empty = 0;
      for (let f = 0; f < 8; f++) {
        const c = cells[r * 8 + f];
        if (!c) { empty++; continue; }
        if (empty) { row += empty; empty = 0; }
        row += c;
      }
      rows.push(empty ? row + empty : row);
    }
    return `${rows.join('/')} ${toMove === WHITE ? 'w' : 'b'} - - 0 1`;
  };

  return {
    kind, whiteToMove: wtm, blackToMove: btm, stats,
    covers: (board) => locate(board) !== null,
    probe(board) {
      const at = locate(board);
      if (!at) return null;
      const i = index(at.wk, at.bk, at.p);
      if (board.side === at.strong) {
        const v = wtm[i];
        return v >= 0 ? { result: 'win', plies: v } : { result: 'draw', plies: 0 };
      }
      const v = btm[i];
      return v >= 0 ? { result: 'loss', plies: v } : { result: 'draw', plies: 0 };
    },
    fen: fenOf,
    sample(rng, count, minMoves = 1) {
      if (!Number.isInteger(count) || count < 1) fail(MODULE, chessMessages.positionsBad(count));
      const out: { fen: string; plies: number }[] = [];
      for (let tries = 0; out.length < count && tries < count * 10000; tries++) {
        const i = rng.int(0, N);
        if (wtm[i] >= 0 && (wtm[i] + 1) >> 1 >= minMoves) out.push({ fen: fenOf(i >> 12, (i >> 6) & 63, i & 63, WHITE), plies: wtm[i] });
      }
      return out;
    },
  };
}

/** Value of a probe for the side to move at `ply` plies from the root, on the engine's mate scale. */
export function probeValue(probe: TableProbe, ply: number, mate: number): number {
  if (probe.result === 'draw') return 0;
  return probe.result === 'win' ? mate - (ply + probe.plies) : -(mate - (ply + probe.plies));
}


const cache = new Map<EndgameKind, EndgameTable>();

/** The table for `kind`, built once per process and then reused (building takes about a second). */
export function endgameTable(kind: EndgameKind): EndgameTable {
  let t = cache.get(kind);
  if (!t) { t = buildEndgameTable(kind); cache.set(kind, t); }
  return t;
}
