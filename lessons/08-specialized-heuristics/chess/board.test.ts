import { describe, expect, it } from 'vitest';
import {
  Board, START_FEN, KIWIPETE_FEN, PERFT_REFERENCE, perft, perftDivide, chessJsPerft, chessJsMoves, moveUci,
  createRng, sampleMiddlegames,
} from '../../../index';

describe('chess.js loads under CommonJS', () => {
  it('require("chess.js") gives the Chess class (package main is dist/cjs)', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const mod = require('chess.js');
    expect(typeof mod.Chess).toBe('function');
    expect(new mod.Chess().moves().length).toBe(20);
  });
});

describe('perft matches the published counts', () => {
  it('start position to depth 4 (20, 400, 8902, 197281)', () => {
    expect([1, 2, 3, 4].map((d) => perft(START_FEN, d).nodes)).toEqual([20, 400, 8902, 197281]);
  });
  it('Kiwipete to depth 3 (48, 2039, 97862)', () => {
    expect([1, 2, 3].map((d) => perft(KIWIPETE_FEN, d).nodes)).toEqual([48, 2039, 97862]);
  });
  it('position 3 to depth 4 (en passant and pins)', () => {
    const ref = PERFT_REFERENCE.position3;
    expect([1, 2, 3, 4].map((d) => perft(ref.fen, d).nodes)).toEqual(ref.counts.slice(0, 4));
  });
  it('chess.js public API gives the same counts (depth 2)', () => {
    expect(chessJsPerft(START_FEN, 2).nodes).toBe(400);
    expect(chessJsPerft(KIWIPETE_FEN, 2).nodes).toBe(2039);
  });
  it('perftDivide sums to perft', () => {
    const d = perftDivide(KIWIPETE_FEN, 2);
    expect(Object.values(d).reduce((a, b) => a + b, 0)).toBe(2039);
    expect(Object.keys(d)).toContain('e1g1');
  });
});

describe('Board agrees with chess.js move by move', () => {
  it('on seeded random playouts (legal move lists identical)', () => {
    const rng = createRng(5);
    let checked = 0;
    for (let game = 0; game < 12; game++) {
      const b = new Board();
      for (let ply = 0; ply < 60; ply++) {
        const fen = b.fen();
        const ours = b.legalMoves().map(moveUci).sort();
        expect(ours, fen).toEqual(chessJsMoves(fen));
        checked++;
        if (ours.length === 0) break;
        b.play(rng.pick(ours));
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
  it('make/unmake restores the position exactly', () => {
    for (const fen of [...sampleMiddlegames(3, 5), KIWIPETE_FEN]) {
      const b = Board.fromFen(fen);
      for (const m of b.legalMoves()) { b.make(m); b.unmake(); expect(b.fen()).toBe(fen); }
    }
  });
  it('is deterministic: the same seed gives the same positions', () => {
    expect(sampleMiddlegames(11, 4)).toEqual(sampleMiddlegames(11, 4));
  });
});

describe('Board errors', () => {
  it('bad FEN and illegal moves throw module-prefixed messages', () => {
    expect(() => Board.fromFen('nonsense')).toThrow(/retarget-lab\/chess\/board: cannot read FEN/);
    expect(() => new Board().play('e2e5')).toThrow(/retarget-lab\/chess\/board: move "e2e5" is not legal/);
    expect(() => perft(START_FEN, -1)).toThrow(/retarget-lab\/chess\/perft: depth must be/);
  });
  it('status detects checkmate and stalemate', () => {
    expect(Board.fromFen('7k/6Q1/6K1/8/8/8/8/8 b - - 0 1').status()).toBe('checkmate');
    expect(Board.fromFen('7k/8/6QK/8/8/8/8/8 b - - 0 1').status()).toBe('stalemate');
  });
});
