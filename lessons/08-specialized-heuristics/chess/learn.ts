/**
 * The "parallel learning process" for a retargeted engine: a pawn-keeping evaluation learned by
 * least-squares regression of the values of deeper searches on simple features of a position.
 */
import { fail } from '../../../lib/core/errors';
import { createRng } from '../../../lib/core/rng';
import { Board, BLACK, WHITE } from './board';

const PAWN = 1, KING = 6;
import type { Color } from './board';
import { searchChess } from './engine';
import { chessMessages } from './messages';
import type { Evaluator } from './objectives';
import { keepPawnsObjective } from './objectives';
import { sampleMiddlegames } from './positions';

const MODULE = 'chess/learn';

/** Names of the features of {@link pawnFeatures}, in order. */
export const PAWN_FEATURES = [
  'bias', 'my pawns', 'my pawns attacked', 'my pawns hanging', 'hanging, opponent to move',
  'my pawns on the 7th', 'opponent pieces', 'my pieces',
] as const;

/**
 * Features of `board` for keeping `me`'s pawns: counts of pawns, pawns attacked, pawns attacked
 * and undefended ("hanging"), hanging pawns when the opponent is to move, pawns about to promote
 * (a promotion removes a pawn), and the number of pieces on each side.
 */
export function pawnFeatures(board: Board, me: Color): number[] {
  const them = (me ^ 1) as Color;
  let attacked = 0, hanging = 0, seventh = 0, mine = 0, theirs = 0;
  for (let s = 0; s < 120; s++) {
    if (s & 0x88) { s += 7; continue; }
    const p = board.sq[s];
    if (!p) continue;
    const t = p & 7, c = (p >> 3) as Color;
    if (t !== PAWN) { if (t !== KING) { if (c === me) mine++; else theirs++; } continue; }
    if (c !== me) continue;
    if (board.isAttacked(s, them)) {
      attacked++;
      if (!board.isAttacked(s, me)) hanging++;
    }
    if ((me === WHITE && s >> 4 === 6) || (me === BLACK && s >> 4 === 1)) seventh++;
  }
  return [1, board.counts[PAWN | (me << 3)], attacked, hanging, board.side === them ? hanging : 0, seventh, theirs, mine];
}

/** Solves the least-squares problem min |Xw - y|² (normal equations, ridge 1e-6). */
export function leastSquares(X: readonly number[][], y: readonly number[]): number[] {
  const k = X[0].length;
  if (X.length < k) fail(MODULE, chessMessages.learnTooFew(X.length, k));
  const A = Array.from({ length: k }, () => new Array(k + 1).fill(0));
  for (let r = 0; r < X.length; r++) {
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) A[i][j] += X[r][i] * X[r][j];
      A[i][k] += X[r][i] * y[r];
    }
  }
  for (let i = 0; i < k; i++) A[i][i] += 1e-6;
  for (let c = 0; c < k; c++) {           // Gaussian elimination, partial pivoting
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    [A[c], A[piv]] = [A[piv], A[c]];
    for (let r = 0; r < k; r++) {
      if (r === c || A[c][c] === 0) continue;
      const f = A[r][c] / A[c][c];
      for (let j = c; j <= k; j++) A[r][j] -= f * A[c][j];
    }
  }
  return A.map((row, i) => (row[i] === 0 ? 0 : row[k] / row[i]));
}

export interface LearnOptions {
  /** Training positions (default 200). */
  positions?: number;
  /** Depth of the searches whose values are the regression targets (default 2). */
  labelDepth?: number;
  seed?: number | string;
}

export interface LearnedEvaluation {
  weights: number[];
  features: readonly string[];
  /** The evaluation: weights · features (value for `me`, pawn units x 100). */
  evaluate: Evaluator;
  /** What learning cost: positions, search nodes spent on labels, seconds. */
  cost: { positions: number; labelNodes: number; seconds: number };
  /** Mean squared error on the training set, before (pawn count only) and after. */
  mse: { pawnCount: number; learned: number };
}

/**
 * Learns a pawn-keeping evaluation: samples positions (seeded random playouts), labels each
 * with the value of a `labelDepth`-ply keep-pawns search for a random side, and fits weights by
 * least squares. Costs are timed and counted in search nodes.
 *
 * @example
 * const learned = learnPawnEvaluation({ positions: 200, labelDepth: 2, seed: 1 });
 * searchChess(fen, { depth: 2, objective: keepPawnsObjective(), evaluate: learned.evaluate });
 */
export function learnPawnEvaluation(options: LearnOptions = {}): LearnedEvaluation {
  const n = options.positions ?? 200;
  const labelDepth = options.labelDepth ?? 2;
  if (!Number.isInteger(n) || n < PAWN_FEATURES.length) fail(MODULE, chessMessages.learnTooFew(Number(n), PAWN_FEATURES.length));
  if (!Number.isInteger(labelDepth) || labelDepth < 1 || labelDepth > 6) fail(MODULE, chessMessages.depthBad(labelDepth, 6));
  const rng = createRng(options.seed ?? 'learn-pawns');
  const t0 = performance.now();
  const fens = sampleMiddlegames(rng, n, { minPlies: 8, maxPlies: 40, minPawns: 3 });
  const X: number[][] = [], y: number[] = [];
  const objective = keepPawnsObjective();
  let labelNodes = 0;
  for (const fen of fens) {
    const b = Board.fromFen(fen);
    const me: Color = rng.chance(0.5) ? WHITE : BLACK;
    const r = searchChess(b, { depth: labelDepth, objective, perspective: me, ordering: 'all' });
    labelNodes += r.stats.nodes;
    X.push(pawnFeatures(b, me));
    y.push(b.side === me ? r.value : -r.value);
  }
  const weights = leastSquares(X, y);
  const predict = (f: number[]): number => f.reduce((s, v, i) => s + v * weights[i], 0);
  let mseCount = 0, mseLearned = 0;
  for (let i = 0; i < X.length; i++) {
    mseCount += (100 * X[i][1] - y[i]) ** 2;
    mseLearned += (predict(X[i]) - y[i]) ** 2;
  }
  return {
    weights, features: PAWN_FEATURES,
    evaluate: (board, me) => predict(pawnFeatures(board, me)),
    cost: { positions: fens.length, labelNodes, seconds: (performance.now() - t0) / 1000 },
    mse: { pawnCount: mseCount / X.length, learned: mseLearned / X.length },
  };
}
