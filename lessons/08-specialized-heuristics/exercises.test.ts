import { describe, expect, it } from 'vitest';
import { check, Board } from '../../index';

type Outcome = { result: 'win' | 'loss' | 'draw'; plies: number };
const VALUE: Record<string, number> = { p: 100, n: 320, b: 330, r: 500, q: 900, k: 20000 };

function perftRef(board: Board, depth: number): number {
  if (depth === 0) return 1;
  let n = 0;
  for (const m of board.legalMoves()) { board.make(m); n += perftRef(board, depth - 1); board.unmake(); }
  return n;
}
function backupRef(children: Outcome[], inCheck: boolean): Outcome {
  if (children.length === 0) return inCheck ? { result: 'loss', plies: 0 } : { result: 'draw', plies: 0 };
  const losses = children.filter((c) => c.result === 'loss').map((c) => c.plies);
  if (losses.length) return { result: 'win', plies: 1 + Math.min(...losses) };
  if (children.every((c) => c.result === 'win')) return { result: 'loss', plies: 1 + Math.max(...children.map((c) => c.plies)) };
  return { result: 'draw', plies: 0 };
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

describe('exercise 08-mvv-lva (meta-test)', () => {
  it('the reference passes', () => {
    const ref = (v: string, a: string) => 10 * VALUE[v] - VALUE[a] / 100;
    expect(check.evaluate('08-mvv-lva', ref).ok).toBe(true);
    expect(check.evaluate('08-mvv-lva', ref, { seed: 5, count: 30 }).ok).toBe(true);
  });
  it('attacker-first or victim-only scoring fails', () => {
    const lvaFirst = (v: string, a: string) => -10 * VALUE[a] + VALUE[v];
    const victimOnly = (v: string) => VALUE[v];
    expect(check.evaluate('08-mvv-lva', lvaFirst).ok).toBe(false);
    expect(check.evaluate('08-mvv-lva', victimOnly).ok).toBe(false);
  });
});

describe('exercise 08-retrograde-backup (meta-test)', () => {
  it('the reference passes', () => {
    expect(check.evaluate('08-retrograde-backup', backupRef).ok).toBe(true);
    expect(check.evaluate('08-retrograde-backup', backupRef, { seed: 9, count: 40 }).ok).toBe(true);
  });
  it('plausible wrong rules fail', () => {
    const slowWin = (c: Outcome[], chk: boolean): Outcome => {
      const r = backupRef(c, chk);
      const losses = c.filter((x) => x.result === 'loss').map((x) => x.plies);
      return r.result === 'win' ? { result: 'win', plies: 1 + Math.max(...losses) } : r;
    };
    const noStalemate = (c: Outcome[], chk: boolean): Outcome => (c.length === 0 ? { result: 'loss', plies: 0 } : backupRef(c, chk));
    const ignoresDraws = (c: Outcome[], chk: boolean): Outcome => {
      if (c.length && !c.some((x) => x.result === 'loss')) return { result: 'loss', plies: 1 + Math.max(...c.map((x) => x.plies)) };
      return backupRef(c, chk);
    };
    for (const wrong of [slowWin, noStalemate, ignoresDraws]) expect(check.evaluate('08-retrograde-backup', wrong).ok).toBe(false);
  });
});
