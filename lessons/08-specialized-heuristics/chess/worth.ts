/**
 * What a heuristic is worth: the search nodes it saves at equal decision quality, measured
 * against exact answers — the endgame table for the win objective, a deeper exhaustive search for
 * the keep-pawns objective (whose horizon makes a full search exact).
 */
import { Board } from './board';
import type { EndgameTable } from './endgame';
import type { OrderingOptions } from './engine';
import { searchChess } from './engine';
import type { ChessObjective, Evaluator } from './objectives';
import { keepPawnsObjective, winObjective } from './objectives';
import { sampleMiddlegames } from './positions';
import { createRng } from '../../../lib/core/rng';

/** One engine configuration to measure. */
export interface EngineConfig {
  name: string;
  evaluate?: Evaluator | null;
  table?: EndgameTable | null;
  ordering?: OrderingOptions | 'all' | 'none';
}

/** Decision quality of one configuration at one depth, averaged over the positions. */
export interface QualityRow {
  config: string;
  depth: number;
  /** Fraction of positions where the chosen move is optimal (by the exact answer). */
  quality: number;
  /** Mean search nodes per decision. */
  nodes: number;
  seconds: number;
}

/**
 * Win objective in a table ending: how often the engine's move is DTM-optimal (reaches a position
 * the table says is lost in exactly one ply fewer), per configuration and depth.
 */
export function endgameDecisionQuality(
  table: EndgameTable, fens: readonly string[], configs: readonly EngineConfig[], depths: readonly number[],
): QualityRow[] {
  const rows: QualityRow[] = [];
  const objective = winObjective();
  for (const c of configs) {
    for (const depth of depths) {
      let good = 0, nodes = 0, seconds = 0;
      for (const fen of fens) {
        const b = Board.fromFen(fen);
        const root = table.probe(b);
        const r = searchChess(b, { depth, objective, evaluate: c.evaluate ?? null, table: c.table ?? null, ordering: c.ordering ?? 'all' });
        nodes += r.stats.nodes; seconds += r.stats.seconds;
        b.play(r.move);
        const child = table.probe(b);
        if (root && child && root.result === 'win' && child.result === 'loss' && child.plies === root.plies - 1) good++;
      }
      rows.push({ config: c.name, depth, quality: good / fens.length, nodes: nodes / fens.length, seconds });
    }
  }
  return rows;
}

/** A position with the values of its root moves under the keep-pawns objective. */
export interface PawnTruth {
  fen: string;
  /**
   * UCI move -> value (100 x pawns kept after `horizon` plies, best play by both): exactly `best`
   * for the optimal moves; for the others an upper bound below `best`.
   */
  values: Record<string, number>;
  best: number;
  /** Nodes the exact search took. */
  nodes: number;
}

/**
 * Which root moves are optimal for keeping pawns: an exact alpha-beta search to the horizon gives
 * the best value, then every root move is tested with a null window just below it (values are
 * multiples of 100, so "at least best" means "equal to best").
 */
export function pawnTruth(fen: string, horizon: number): PawnTruth {
  const objective = keepPawnsObjective();
  const exact = searchChess(fen, { depth: horizon, objective, ordering: 'all' });
  const r = searchChess(fen, { depth: horizon, objective, ordering: 'all', rootValues: true, rootWindow: [exact.value - 1, exact.value] });
  const values: Record<string, number> = {};
  for (const m of r.rootMoves ?? []) values[m.move] = m.value >= exact.value ? exact.value : Math.min(m.value, exact.value - 1);
  return { fen, values, best: exact.value, nodes: exact.stats.nodes + r.stats.nodes };
}

/**
 * Seeded middlegame positions where keeping pawns is a real decision: at most `maxBestShare` of
 * the moves keep the most pawns (the rest lose some) at the `horizon`.
 */
export function decisivePawnPositions(seed: number | string, count: number, horizon: number, maxBestShare = 0.5): PawnTruth[] {
  const rng = createRng(seed);
  const out: PawnTruth[] = [];
  for (let round = 0; out.length < count && round < 50; round++) {
    for (const fen of sampleMiddlegames(rng, count)) {
      const t = pawnTruth(fen, horizon);
      const vals = Object.values(t.values);
      const share = vals.filter((v) => v === t.best).length / vals.length;
      if (share <= maxBestShare) out.push(t);
      if (out.length >= count) break;
    }
  }
  return out;
}

/** Keep-pawns objective: how often the engine's move is optimal by the exact horizon search. */
export function pawnDecisionQuality(
  truths: readonly PawnTruth[], configs: readonly EngineConfig[], depths: readonly number[],
): QualityRow[] {
  const rows: QualityRow[] = [];
  const objective = keepPawnsObjective();
  for (const c of configs) {
    for (const depth of depths) {
      let good = 0, nodes = 0, seconds = 0;
      for (const t of truths) {
        const r = searchChess(t.fen, { depth, objective, evaluate: c.evaluate ?? null, table: c.table ?? null, ordering: c.ordering ?? 'all' });
        nodes += r.stats.nodes; seconds += r.stats.seconds;
        if (t.values[r.move] === t.best) good++;
      }
      rows.push({ config: c.name, depth, quality: good / truths.length, nodes: nodes / truths.length, seconds });
    }
  }
  return rows;
}

/**
 * The fewest mean nodes with which `config` reaches decision quality `target` (over the depths
 * measured), or Infinity if it never does.
 */
export function nodesToQuality(rows: readonly QualityRow[], config: string, target: number): number {
  let best = Infinity;
  for (const r of rows) if (r.config === config && r.quality >= target - 1e-9 && r.nodes < best) best = r.nodes;
  return best;
}

/** How many times fewer nodes a configuration needs than a baseline for the same decision quality. */
export interface Speedup {
  /** The decision quality compared: the best the configuration reaches. */
  target: number;
  /** nodes(baseline) / nodes(config) at `target`; 0 if the config is worse at every depth. */
  factor: number;
  /**
   * True when the baseline never reaches `target` at the depths measured: it would need more
   * than its deepest search, so `factor` is a lower bound.
   */
  lowerBound: boolean;
}

/**
 * Speed-up of `config` over `baseline` for the same decision quality.
 * - If the config reaches a quality at least `margin` above the best the baseline reaches at the
 *   depths measured, the target is the config's cheapest such point and the baseline's deepest
 *   search stands in: the factor is a lower bound (the baseline would need more than that).
 * - Otherwise the target is the lower of the two best qualities, and the factor is the ratio of
 *   the cheapest mean node counts reaching it (below 1: the heuristic costs nodes).
 * The margin keeps one or two positions flipping from deciding the result.
 */
export function speedup(rows: readonly QualityRow[], baseline: string, config: string, margin = 0.1): Speedup {
  const mine = rows.filter((r) => r.config === config).sort((a, b) => a.nodes - b.nodes);
  const base = rows.filter((r) => r.config === baseline);
  const baseBest = Math.max(...base.map((r) => r.quality));
  const beyond = mine.find((r) => r.quality >= baseBest + margin - 1e-9);
  if (beyond) return { target: beyond.quality, factor: Math.max(...base.map((r) => r.nodes)) / beyond.nodes, lowerBound: true };
  const target = Math.min(baseBest, Math.max(...mine.map((r) => r.quality)));
  return { target, factor: nodesToQuality(rows, baseline, target) / nodesToQuality(rows, config, target), lowerBound: false };
}

/** Nodes of a fixed-depth search per move-ordering scheme (decisions are unchanged by ordering). */
export interface OrderingRow { objective: string; ordering: string; nodes: number; cutoffs: number }

export const ORDERINGS: ReadonlyArray<{ name: string; ordering: OrderingOptions }> = [
  { name: 'none', ordering: {} },
  { name: 'MVV-LVA', ordering: { mvvLva: true } },
  { name: 'MVV-LVA + killers', ordering: { mvvLva: true, killers: true } },
  { name: 'MVV-LVA + killers + history', ordering: { mvvLva: true, killers: true, history: true } },
];

/** Mean nodes per search for each ordering scheme on `fens` at `depth`. */
export function orderingNodes(
  fens: readonly string[], depth: number, objective: ChessObjective, evaluate: Evaluator | null,
): OrderingRow[] {
  return ORDERINGS.map(({ name, ordering }) => {
    let nodes = 0, cutoffs = 0;
    for (const fen of fens) {
      const r = searchChess(fen, { depth, objective, evaluate, ordering });
      nodes += r.stats.nodes; cutoffs += r.stats.cutoffs;
    }
    return { objective: objective.name, ordering: name, nodes: nodes / fens.length, cutoffs: cutoffs / fens.length };
  });
}
