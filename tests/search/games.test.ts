import { describe, expect, it } from 'vitest';
import { alphaBeta, mcts, minimax } from '../../index';
import { ticTacToe, winner } from './helpers';

const EMPTY = '.........';

describe('minimax and alpha-beta on tic-tac-toe', () => {
  it('the empty board is a draw, and alpha-beta visits fewer nodes than plain minimax', () => {
    const ab = alphaBeta(ticTacToe, EMPTY);
    const mm = minimax(ticTacToe, EMPTY);
    expect(ab.value).toBe(0);
    expect(mm.value).toBe(0);
    expect(ab.status).toBe('complete');
    expect(mm.stats.nodes).toBe(549946); // the full tic-tac-toe game tree (all move sequences)
    expect(ab.stats.nodes).toBeLessThan(mm.stats.nodes / 10);
    expect(ab.stats.cutoffs).toBeGreaterThan(0);
    expect(mm.stats.cutoffs).toBe(0);
  });
  it('takes an immediate win and blocks an immediate loss', () => {
    // X to move: X X . / O O . / . . .  -> X wins at 2
    expect(alphaBeta(ticTacToe, 'XX.OO....').move).toBe(2);
    expect(alphaBeta(ticTacToe, 'XX.OO....').value).toBe(1);
    // O to move: X X . / O . . / . . .  -> O must block at 2
    expect(alphaBeta(ticTacToe, 'XX.O.....').move).toBe(2);
    expect(minimax(ticTacToe, 'XX.O.....').move).toBe(2);
  });
  it('good move ordering prunes more', () => {
    const centreFirst = (_: string, ms: readonly number[]) => [...ms].sort((a, b) => rank(a) - rank(b));
    const rank = (i: number) => (i === 4 ? 0 : i % 2 === 0 ? 1 : 2);
    const plain = alphaBeta(ticTacToe, EMPTY);
    const ordered = alphaBeta(ticTacToe, EMPTY, { order: centreFirst });
    expect(ordered.value).toBe(0);
    expect(ordered.stats.nodes).toBeLessThan(plain.stats.nodes);
  });
  it('a depth limit uses the evaluation at the horizon', () => {
    let calls = 0;
    const r = alphaBeta(ticTacToe, EMPTY, { depth: 2, evaluate: () => { calls++; return 0; } });
    expect(r.stats.leaves).toBe(calls);
    expect(calls).toBeGreaterThan(0);
    expect(r.stats.nodes).toBeLessThanOrEqual(1 + 9 + 72);
  });
  it('a node budget ends with status budget and a legal move', () => {
    const r = minimax(ticTacToe, EMPTY, { budget: { maxExpansions: 1000 } });
    expect(r.status).toBe('budget');
    expect(ticTacToe.moves(EMPTY)).toContain(r.move);
  });
});

describe('MCTS (UCT) on tic-tac-toe', () => {
  it('finds the immediate winning move', () => {
    const r = mcts(ticTacToe, 'XX.OO....', { iterations: 500, seed: 1 });
    expect(r.move).toBe(2);
    expect(r.status).toBe('complete');
    expect(r.stats.cutoffs).toBe(500);
  });
  it('finds the winning move of a fork: X plays a corner that creates two threats', () => {
    // X . . / . O . / . . X, O to move? Use X to move: X . . / . O . / O . X -> X at 6 is taken; set up a fork.
    // Board: X at 0 and 8, O at 4 and 2. X to move; X at 6 threatens 3 (0-3-6) and 7 (6-7-8): a forced win.
    const board = 'X.O.O...X';
    const exact = alphaBeta(ticTacToe, board);
    expect(exact.value).toBe(1);
    const r = mcts(ticTacToe, board, { iterations: 3000, seed: 3 });
    const after = ticTacToe.result(board, r.move);
    // the MCTS move keeps the forced win (value 1 for X with perfect play)
    expect(winner(after) === 'X' || -alphaBeta(ticTacToe, after).value === 1).toBe(true);
  });
  it('is deterministic per seed, and a custom rollout policy is used', () => {
    const a = mcts(ticTacToe, EMPTY, { iterations: 300, seed: 5 });
    const b = mcts(ticTacToe, EMPTY, { iterations: 300, seed: 5 });
    expect(a).toEqual({ ...b, stats: { ...b.stats, seconds: a.stats.seconds } });
    let used = 0;
    mcts(ticTacToe, EMPTY, { iterations: 50, seed: 5, rollout: (_s, ms) => { used++; return ms[0]; } });
    expect(used).toBeGreaterThan(0);
  });
  it('with rolloutDepth 0 the evaluation replaces playouts', () => {
    let evals = 0;
    const r = mcts(ticTacToe, EMPTY, { iterations: 100, seed: 1, rolloutDepth: 0, evaluate: (s, p) => { evals++; return 0; } });
    expect(evals).toBeGreaterThan(0);
    expect(r.stats.leaves).toBe(0);
  });
});
