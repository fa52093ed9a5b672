/**
 * The chess-engine argument as one experiment: what the win-specific heuristics (evaluation,
 * endgame table, move ordering) are worth for the objective they were built for, and for a
 * retargeted objective (keep your pawns); and what a new heuristic for the new objective costs.
 */
import { createRng } from '../../../lib/core/rng';
import type { EndgameKind } from './endgame';
import { endgameTable } from './endgame';
import { searchChess } from './engine';
import { winEvaluation } from './evaluate';
import type { LearnedEvaluation } from './learn';
import { learnPawnEvaluation } from './learn';
import { keepPawnsObjective, winObjective } from './objectives';
import type { OrderingRow, PawnTruth, QualityRow, Speedup } from './worth';
import { decisivePawnPositions, endgameDecisionQuality, orderingNodes, pawnDecisionQuality, speedup } from './worth';

export interface WorthStudyParams {
  seed: number;
  /** Ending for the win objective's exact answers. */
  ending: EndgameKind;
  /** Table positions (white to move, mate in at least `minMoves`). */
  endgamePositions: number;
  minMoves: number;
  /** Deepest search tried in the ending (depths 1..endgameDepth). */
  endgameDepth: number;
  /** Middlegame positions for the keep-pawns objective. */
  pawnPositions: number;
  /** The keep-pawns objective counts pawns this many plies ahead; depths 1..horizon-1 are compared. */
  horizon: number;
  /** Depth of the move-ordering comparison. */
  orderingDepth: number;
  /** Training positions and label depth of the learned pawn evaluation. */
  learnPositions: number;
  labelDepth: number;
}

export const DEFAULT_WORTH_PARAMS: WorthStudyParams = {
  seed: 1, ending: 'KQK', endgamePositions: 20, minMoves: 3, endgameDepth: 4,
  pawnPositions: 30, horizon: 4, orderingDepth: 3, learnPositions: 200, labelDepth: 2,
};

export interface WorthStudy {
  params: WorthStudyParams;
  /** Win objective, table ending: decision quality per config and depth, and speed-ups over bare search. */
  before: { rows: QualityRow[]; evaluation: Speedup; table: Speedup; ordering: OrderingRow[]; orderingFactor: number };
  /** Keep-pawns objective, middlegames: the same heuristics kept after retargeting, and the learned one. */
  after: {
    rows: QualityRow[]; evaluation: Speedup; table: Speedup; learned: Speedup;
    ordering: OrderingRow[]; orderingFactor: number;
    /** Search nodes whose material the table covers (it can only help there). */
    tableCovered: number;
    truths: PawnTruth[];
    /** Mean nodes of the exact horizon search (the answer key). */
    truthNodes: number;
  };
  learned: LearnedEvaluation;
  seconds: number;
}

const recent = new Map<string, WorthStudy>();

/**
 * Runs the whole study (about 10 s at the defaults). The last few results are kept per parameter
 * set, so the two claims of notebook 08 share one run within a process.
 */
export function heuristicWorthStudy(overrides: Partial<WorthStudyParams> = {}): WorthStudy {
  const p: WorthStudyParams = { ...DEFAULT_WORTH_PARAMS, ...overrides };
  const key = JSON.stringify(p);
  const hit = recent.get(key);
  if (hit) return hit;
  const result = runStudy(p);
  recent.set(key, result);
  if (recent.size > 4) recent.delete(recent.keys().next().value as string);
  return result;
}

function runStudy(p: WorthStudyParams): WorthStudy {
  const t0 = performance.now();
  const rng = createRng(p.seed);
  const table = endgameTable(p.ending);
  const depthsTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

  // Before: the win objective, exact answers from the table.
  const endFens = table.sample(rng.fork('ending'), p.endgamePositions, p.minMoves).map((x) => x.fen);
  const beforeRows = endgameDecisionQuality(table, endFens, [
    { name: 'search', evaluate: null },
    { name: 'search + win eval', evaluate: winEvaluation },
    { name: 'search + table', evaluate: null, table },
  ], depthsTo(p.endgameDepth));

  // After: keep your pawns, exact answers from a full search to the horizon.
  const truths = decisivePawnPositions(p.seed, p.pawnPositions, p.horizon);
  const learned = learnPawnEvaluation({ positions: p.learnPositions, labelDepth: p.labelDepth, seed: `learn-${p.seed}` });
  const afterRows = pawnDecisionQuality(truths, [
    { name: 'search', evaluate: null },
    { name: 'search + win eval', evaluate: winEvaluation },
    { name: 'search + table', evaluate: null, table },
    { name: 'search + learned pawn eval', evaluate: learned.evaluate },
  ], depthsTo(Math.max(1, p.horizon - 1)));
  let tableCovered = 0;
  // Count table coverage directly: run the table config once more at the deepest depth.
  for (const t of truths) {
    const r = searchPawnsWithTable(t.fen, Math.max(1, p.horizon - 1), table);
    tableCovered += r;
  }

  const fens = truths.map((t) => t.fen);
  const orderingBefore = orderingNodes(fens, p.orderingDepth, winObjective(), winEvaluation);
  const orderingAfter = orderingNodes(fens, p.orderingDepth, keepPawnsObjective(), null);
  const factor = (rows: OrderingRow[]): number => rows[0].nodes / rows[rows.length - 1].nodes;

  return {
    params: p,
    before: {
      rows: beforeRows,
      evaluation: speedup(beforeRows, 'search', 'search + win eval'),
      table: speedup(beforeRows, 'search', 'search + table'),
      ordering: orderingBefore,
      orderingFactor: factor(orderingBefore),
    },
    after: {
      rows: afterRows,
      evaluation: speedup(afterRows, 'search', 'search + win eval'),
      table: speedup(afterRows, 'search', 'search + table'),
      learned: speedup(afterRows, 'search', 'search + learned pawn eval'),
      ordering: orderingAfter,
      orderingFactor: factor(orderingAfter),
      tableCovered,
      truths,
      truthNodes: truths.reduce((s, t) => s + t.nodes, 0) / Math.max(1, truths.length),
    },
    learned,
    seconds: (performance.now() - t0) / 1000,
  };
}

function searchPawnsWithTable(fen: string, depth: number, table: ReturnType<typeof endgameTable>): number {
  return searchChess(fen, { depth, objective: keepPawnsObjective(), table, ordering: 'all' }).stats.tableCovered;
}
