import { describe, expect, it } from 'vitest';
import { check, Board } from '../../index';
import { tableSpeedupOn } from './exercises';


function perftRef(board: Board, depth: number): number {
  if (depth === 0) return 1;
  let n = 0;
  for (const m of board.legalMoves()) { board.make(m); n += perftRef(board, depth - 1); board.unmake(); }
  return n;
}

describe('exercise 08-perft (meta-test)', () => {
  it('the reference passes visible and hidden tests', () => {
    expect(check.evaluate('08-perft', perftRef).ok).toBe(true);
    expect(check.evaluate('08-perft', perftRef, { seed: 77, count: 4 }).ok).toBe(true);
  });
  it('counting every node instead of the leaves fails', () => {
    const allNodes = (b: Board, d: number): number => {
      if (d === 0) return 1;
      let n = 1;
      for (const m of b.legalMoves()) { b.make(m); n += allNodes(b, d - 1); b.unmake(); }
      return n;
    };
    const r = check.evaluate('08-perft', allNodes);
    expect(r.ok).toBe(false);
    expect(r.failures[0].label).toBe('start position, depth 1');
  });
});

describe('exercise 08-table-same-positions (meta-test)', () => {
  const reference = (fens: string[], depth: number, objective: 'win' | 'keep-pawns') => tableSpeedupOn(fens, depth, objective);
  it('the reference passes visible and hidden tests', () => {
    expect(check.evaluate('08-table-same-positions', reference).ok).toBe(true);
    expect(check.evaluate('08-table-same-positions', reference, { seed: 3, count: 4 }).ok).toBe(true);
  });
  it('assuming the table is useless after retargeting (speed-up 1 for keep-pawns) fails on KQK positions', () => {
    const assumed = (fens: string[], depth: number, objective: 'win' | 'keep-pawns') => (objective === 'win' ? tableSpeedupOn(fens, depth, objective) : 1);
    expect(check.evaluate('08-table-same-positions', assumed).ok).toBe(false);
  });
});
