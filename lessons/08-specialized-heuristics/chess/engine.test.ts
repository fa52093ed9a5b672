import { describe, expect, it } from 'vitest';
import {
  Board, searchChess, winEvaluation, keepPawnsObjective, winObjective, endgameTable, buildEndgameTable,
  KIWIPETE_FEN, START_FEN, MATE, alphaBeta, chessGame, chessEvaluate, createRng, learnPawnEvaluation,
  pawnFeatures, leastSquares, speedup,
} from '../../../index';

describe('endgame tables by retrograde analysis', () => {
  it('KQK: every white-to-move position is won, longest mate 10 moves', () => {
    const t = endgameTable('KQK');
    expect(t.stats.maxDtmMoves).toBe(10);
    expect(t.stats.wonWhiteToMove).toBe(t.stats.legalWhiteToMove);
    expect(t.stats.histogram.reduce((a, b) => a + b, 0)).toBe(t.stats.wonWhiteToMove);
  });
  it('KRK: longest mate 16 moves', () => {
    expect(buildEndgameTable('KRK').stats.maxDtmMoves).toBe(16);
  });
  it('probe agrees with a mate found by search, for either colour as the strong side', () => {
    const t = endgameTable('KQK');
    const w = t.probe(Board.fromFen('7k/8/4Q1K1/8/8/8/8/8 w - - 0 1'));
    expect(w).toEqual({ result: 'win', plies: 1 });
    const b = t.probe(Board.fromFen('8/8/8/8/8/4q1k1/8/7K b - - 0 1'));
    expect(b).toEqual({ result: 'win', plies: 1 });
    const r = searchChess('7k/8/4Q1K1/8/8/8/8/8 w - - 0 1', { depth: 1, objective: winObjective() });
    expect(r.value).toBe(MATE - 1);
  });
  it('table-guided moves reduce the distance to mate by one ply pair', () => {
    const t = endgameTable('KQK');
    for (const { fen, plies } of t.sample(createRng(2), 5, 4)) {
      const r = searchChess(fen, { depth: 1, table: t });
      const b = Board.fromFen(fen); b.play(r.move);
      expect(t.probe(b)).toEqual({ result: 'loss', plies: plies - 1 });
    }
  });
  it('rejects an unknown ending', () => {
    expect(() => buildEndgameTable('KBK' as never)).toThrow(/chess\/endgame: unknown endgame "KBK"/);
  });
});

describe('alpha-beta engine', () => {
  it('move ordering changes node counts, not the value', () => {
    const plain = searchChess(KIWIPETE_FEN, { depth: 3, evaluate: winEvaluation, ordering: 'none' });
    const ordered = searchChess(KIWIPETE_FEN, { depth: 3, evaluate: winEvaluation, ordering: 'all' });
    expect(ordered.value).toBe(plain.value);
    expect(ordered.stats.nodes).toBeLessThan(plain.stats.nodes / 2);
  });
  it('agrees with the library\'s generic alphaBeta on chess', () => {
    const fen = '4k3/8/8/3q4/4P3/8/8/4K3 w - - 0 1';
    const ours = searchChess(fen, { depth: 2, evaluate: winEvaluation });
    const generic = alphaBeta(chessGame(), Board.fromFen(fen), { depth: 2, evaluate: chessEvaluate(winEvaluation) });
    expect(ours.move).toBe('e4d5');
    expect(generic.move).toBe('e4d5');
    expect(generic.value).toBe(ours.value);
  });
  it('the keep-pawns objective scores pawns kept two plies ahead', () => {
    // The black bishop on e5 attacks b2; white keeps both pawns only by moving the b-pawn away.
    const fen = '4k3/8/8/4b3/8/7P/1P6/4K3 w - - 0 1';
    const pawns = searchChess(fen, { depth: 2, objective: keepPawnsObjective(), rootValues: true });
    expect(pawns.value).toBe(200);
    expect(pawns.rootMoves!.some((m) => m.value === 100)).toBe(true);   // a king move drops b2
    expect(['b2b3', 'b2b4']).toContain(pawns.move);
    const b = Board.fromFen(fen); b.play(pawns.move);
    const reply = searchChess(b, { depth: 1, objective: keepPawnsObjective(), perspective: 0 });
    expect(-reply.value).toBe(200);
  });
  it('exact root values with rootValues', () => {
    const r = searchChess(START_FEN, { depth: 2, objective: keepPawnsObjective(), rootValues: true });
    expect(r.rootMoves).toHaveLength(20);
    expect(r.rootMoves!.every((m) => m.value === 800)).toBe(true);
  });
  it('caller mistakes throw', () => {
    expect(() => searchChess(START_FEN, { depth: 0 })).toThrow(/chess\/engine: depth must be/);
    expect(() => searchChess('7k/6Q1/6K1/8/8/8/8/8 b - - 0 1', { depth: 2 })).toThrow(/already over/);
    expect(() => searchChess(START_FEN, { depth: 2, ordering: 'fast' as never })).toThrow(/option ordering/);
  });
});

describe('learning a pawn evaluation', () => {
  it('least squares recovers a linear function', () => {
    const X = [[1, 0], [1, 1], [1, 2], [1, 3]], y = [1, 3, 5, 7];
    const w = leastSquares(X, y);
    expect(w[0]).toBeCloseTo(1, 6); expect(w[1]).toBeCloseTo(2, 6);
  });
  it('fits better than the raw pawn count and is deterministic', () => {
    const a = learnPawnEvaluation({ positions: 60, seed: 4 });
    const b = learnPawnEvaluation({ positions: 60, seed: 4 });
    expect(a.weights).toEqual(b.weights);
    expect(a.mse.learned).toBeLessThan(a.mse.pawnCount);
    expect(pawnFeatures(new Board(), 0)[1]).toBe(8);
  });
  it('speedup: lower bound when the baseline never reaches the quality', () => {
    const rows = [
      { config: 'b', depth: 1, quality: 0.1, nodes: 10, seconds: 0 }, { config: 'b', depth: 2, quality: 0.1, nodes: 100, seconds: 0 },
      { config: 'h', depth: 1, quality: 0.6, nodes: 10, seconds: 0 }, { config: 'h', depth: 2, quality: 0.7, nodes: 120, seconds: 0 },
    ];
    expect(speedup(rows, 'b', 'h')).toEqual({ target: 0.6, factor: 10, lowerBound: true });
    expect(speedup(rows, 'b', 'b')).toEqual({ target: 0.1, factor: 1, lowerBound: false });
  });
});

describe('chess/engine: the endgame table under any objective', () => {
  it('is used wherever it covers the material and the objective can read it; its help is counted, not assumed', async () => {
    const { searchChess, endgameTable, keepPawnsObjective, winObjective } = await import('../../../index');
    const table = endgameTable('KQK');
    const fen = '8/8/8/8/8/2k5/8/KQ6 w - - 0 1';
    const win = searchChess(fen, { depth: 2, objective: winObjective(), table, ordering: 'all' });
    const pawns = searchChess(fen, { depth: 2, objective: keepPawnsObjective(), table, ordering: 'all' });
    expect(win.stats.tableHits).toBeGreaterThan(0);
    expect(pawns.stats.tableHits).toBeGreaterThan(0);   // a pawnless ending settles the pawn count
    expect(pawns.stats.tableHelped).toBeLessThanOrEqual(pawns.stats.tableHits);
  });
});
