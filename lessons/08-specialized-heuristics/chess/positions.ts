import { fail } from '../../../lib/core/errors';
import { createRng } from '../../../lib/core/rng';
import type { Rng } from '../../../lib/core/rng';
import { Board, PAWN, START_FEN } from './board';
import { chessMessages } from './messages';

const MODULE = 'chess/positions';

export interface MiddlegameOptions {
  /** Random plies played from the start position (default 12..30). */
  minPlies?: number;
  maxPlies?: number;
  /** Each side keeps at least this many pawns (default 5). */
  minPawns?: number;
}

/**
 * Seeded middlegame-like positions: random legal playouts from the start position, kept when
 * neither side is in check, the game is not over, and both sides still have `minPawns` pawns.
 * Captures are played with probability 1/2 when available (so material thins out as in games).
 *
 * @example
 * sampleMiddlegames(7, 10); // ten FENs, the same every run
 */
export function sampleMiddlegames(seed: number | string | Rng, count: number, options: MiddlegameOptions = {}): string[] {
  if (!Number.isInteger(count) || count < 1) fail(MODULE, chessMessages.positionsBad(count));
  const rng = typeof seed === 'object' ? seed : createRng(seed);
  const lo = options.minPlies ?? 12, hi = options.maxPlies ?? 30, minPawns = options.minPawns ?? 5;
  const out: string[] = [];
  for (let tries = 0; out.length < count && tries < count * 200; tries++) {
    const b = new Board(START_FEN);
    const plies = rng.int(lo, hi + 1);
    let ok = true;
    for (let i = 0; i < plies; i++) {
      const moves = b.legalMoves();
      if (moves.length === 0) { ok = false; break; }
      const captures = moves.filter((m) => b.captured(m) !== 0);
      b.make(captures.length > 0 && rng.chance(0.5) ? rng.pick(captures) : rng.pick(moves));
    }
    if (!ok || b.inCheck() || !b.hasLegalMove()) continue;
    if (b.count(PAWN, 0) < minPawns || b.count(PAWN, 1) < minPawns) continue;
    out.push(b.fen());
  }
  return out;
}
