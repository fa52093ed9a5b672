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
    /** Share of the retargeted searches' nodes where the table applied and cut off a subtree. */
    tableHelpedShare: number;
    truths: PawnTruth[];
    /** Mean nodes of the exact horizon search (the answer key). */
    truthNodes: number;
  };
  /**
   * The table on the SAME positions (the keep-pawns middlegames) under both objectives, at the
   * depth of the retargeted comparison: the share of nodes it covers and the share where it
   * applied and cut off a subtree. This separates the change of objective from the change of
   * positions (the "before" speed-up is measured in the table's own ending).
   */
  sameTable: { objective: string; nodes: number; nodesWithoutTable: number; speedup: number; coveredShare: number; helpedShare: number }[];
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
  // Table coverage and use on the same positions under both objectives, at the deepest depth compared.
  const sameTable = [winObjective(), keepPawnsObjective()].map((objective) => {
    let nodes = 0, without = 0, covered = 0, helped = 0;
    for (const t of truths) {
      const opts = { depth: Math.max(1, p.horizon - 1), objective, ordering: 'all' as const, evaluate: objective.name === 'win' ? winEvaluation : null };
      const r = searchChess(t.fen, { ...opts, table });
      nodes += r.stats.nodes; covered += r.stats.tableCovered; helped += r.stats.tableHelped;
      without += searchChess(t.fen, opts).stats.nodes;
    }
    // The table only replaces subtrees by their exact values, so equal depth means equal or better decisions.
    return { objective: objective.name, nodes, nodesWithoutTable: without, speedup: without / Math.max(1, nodes), coveredShare: covered / Math.max(1, nodes), helpedShare: helped / Math.max(1, nodes) };
  });
  const pawnsSame = sameTable[1];
  const tableCovered = Math.round(pawnsSame.coveredShare * pawnsSame.nodes);

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
      tableHelpedShare: pawnsSame.helpedShare,
      truths,
      truthNodes: truths.reduce((s, t) => s + t.nodes, 0) / Math.max(1, truths.length),
    },
    sameTable,
    learned,
    seconds: (performance.now() - t0) / 1000,
  };
}
