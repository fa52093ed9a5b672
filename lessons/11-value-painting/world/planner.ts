/**
 * Planning over the world model with a value head over concepts, and value painting.
 *
 * The value of a state is Σ_i weight_i · detector_i(state). The planner searches the world model
 * (breadth-first over the grid's transitions from the start) and heads for the reachable state of
 * highest value, nearest first among ties, paying `stepCost` per move. Painting value on a concept
 * means setting its weight high: the same planner then pursues whatever that detector fires on.
 */
import { fail } from '../../../lib/core/errors';
import { worldModelMessages } from './messages';
import { CONCEPTS, distancesFrom, makeEpisodes, openCells, trueConcepts, type Episode, type EpisodeOptions } from './world';
import type { Cell } from '../../../lib/envs/grid';
import { scoreStates, type DetectorWeights } from './detector';

const MODULE = 'worldmodel/planner';

export interface PlanResult { goal: Cell; steps: number; value: number }

/** The reachable state maximising value − stepCost × distance (ties: nearest, then first in row order). */
export function planBest(e: Episode, value: (c: Cell) => number, stepCost = 0.01): PlanResult {
  const d = distancesFrom(e, e.start);
  let best: PlanResult | null = null, bestScore = -Infinity;
  for (const c of openCells(e)) {
    const dist = d[c.y * e.size + c.x];
    if (dist < 0) continue;
    const v = value(c), score = v - stepCost * dist;
    if (score > bestScore + 1e-12) { bestScore = score; best = { goal: c, steps: dist, value: v }; }
  }
  return best ?? { goal: e.start, steps: 0, value: value(e.start) };
}

/** Value-head weights with `concept` painted to `strength` (other weights kept). */
export function paintValue(weights: readonly number[], concept: string, strength = 5): number[] {
  const i = CONCEPTS.indexOf(concept as typeof CONCEPTS[number]);
  if (i < 0) fail(MODULE, worldModelMessages.unknownConcept(concept, CONCEPTS));
  if (weights.length !== CONCEPTS.length) fail(MODULE, worldModelMessages.badWeights(weights.length, CONCEPTS.length));
  return weights.map((w, j) => (j === i ? strength : w));
}

/** The planner with a value head over learned detectors, in one episode. */
export function planWithDetectors(det: DetectorWeights, weights: readonly number[], e: Episode): PlanResult {
  const cells = openCells(e);
  const scores = scoreStates(det, e, cells);
  const byKey = new Map(cells.map((c, i) => [c.y * e.size + c.x, scores[i]]));
  return planBest(e, (c) => byKey.get(c.y * e.size + c.x)!.reduce((s, v, k) => s + v * weights[k], 0));
}

export interface PaintingReport {
  /** Share of episodes where the planner's goal truly has the painted concept. */
  success: number;
  /** Number of episodes scored. */
  episodes: number;
  goals: { episode: Episode; goal: Cell; hit: boolean }[];
}

/** Paints value on `concept` and measures how often the planner's goal truly has it. */
export function paintingSuccess(det: DetectorWeights, concept: string, episodes: readonly Episode[], base: readonly number[] = [0, 1, 0], strength = 5): PaintingReport {
  const w = paintValue(base, concept, strength);
  const k = CONCEPTS.indexOf(concept as typeof CONCEPTS[number]);
  const goals = episodes.map((e) => {
    const p = planWithDetectors(det, w, e);
    return { episode: e, goal: p.goal, hit: trueConcepts(e, p.goal)[k] === 1 };
  });
  return { success: goals.filter((g) => g.hit).length / Math.max(1, goals.length), episodes: goals.length, goals };
}

/** Test episodes: in distribution (as trained) or out of it (cheese anywhere). */
export function testEpisodes(count: number, seed: number | string, opts: EpisodeOptions & { ood?: boolean } = {}): Episode[] {
  const size = opts.size ?? 9;
  return makeEpisodes(count, `${String(seed)}/${opts.ood ? 'ood' : 'id'}`, { size, cheeseSpread: opts.ood ? size : opts.cheeseSpread });
}
