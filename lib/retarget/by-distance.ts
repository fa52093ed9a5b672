/**
 * Retargetability by distance from the training region: the edited agent's success at reaching
 * every reachable cell of held-out mazes, against the no-edit baseline, in bands of
 * {@link distanceFromTrainRegion} (band 0 = inside the region where the training cheese lay).
 */
import { fail } from '../core/errors';
import type { CheeseMazeLevel } from '../envs/cheese-maze';
import { distanceFromTrainRegion, withCheese } from '../envs/cheese-maze';
import type { NamedModel } from '../mesa/model';
import type { RolloutOptions } from '../mesa/rollout';
import { rollout } from '../mesa/rollout';
import type { ChartRow, VlSpec } from '../viz/index';
import { barChart } from '../viz/index';
import { retargetMessages } from './messages';
import type { RetargetMethod } from './retarget';
import type { RetargetabilityResult } from './retargetability';
import { retargetability } from './retargetability';

export interface DistanceBand {
  band: string;
  /** Distances from the training region covered (inclusive). */
  from: number;
  to: number;
  rate: number;
  baselineRate: number;
  /** With `ceiling`: success when the cheese itself is moved to the target (the agent's own competence there). */
  ceilingRate?: number;
  trials: number;
}

export interface RetargetabilityByDistance extends RetargetabilityResult {
  bands: DistanceBand[];
  /** With `ceiling`: the fraction of targets reached when the cheese itself is put there (no edit). */
  ceilingRate?: number;
  charts: { heatmap: VlSpec; bands: VlSpec };
}

/**
 * Retargetability with a breakdown by distance band (`bands` equal-width bands beyond the region,
 * default 3; the last is the farthest). With `ceiling: true`, also the success when the cheese
 * itself is moved to each target: the agent's own competence there, which bounds any edit.
 *
 * @example
 * const r = retargetabilityByDistance(agent, { kind: 'located', located: loc.best!, iterations: 'all' }, heldOut);
 * r.rate; r.baselineRate; r.bands.at(-1); // farthest band
 */
export function retargetabilityByDistance(model: NamedModel, edit: RetargetMethod, levels: readonly CheeseMazeLevel[], opts: { bands?: number; ceiling?: boolean } & Pick<RolloutOptions, 'maxSteps' | 'cellPolicy' | 'chunk'> = {}): RetargetabilityByDistance {
  const nb = opts.bands ?? 3;
  if (!Number.isInteger(nb) || nb < 1) fail('retarget/by-distance', retargetMessages.badBands(nb));
  const r = retargetability(model, levels, edit, { maxSteps: opts.maxSteps, cellPolicy: opts.cellPolicy, chunk: opts.chunk });
  const dist = r.results.map((t) => distanceFromTrainRegion(t.level.map.width, t.level.trainRegion, t.target));
  // The ceiling: no edit, the cheese itself moved to the target. No edit can be expected to beat it by much.
  const ceil = opts.ceiling
    ? rollout(model, r.results.map((t) => withCheese(t.level, t.target)), { maxSteps: opts.maxSteps, cellPolicy: opts.cellPolicy, chunk: opts.chunk, stopOnLoop: true }).map((e) => e.outcome === 'cheese')
    : null;
  const maxD = Math.max(1, ...dist);
  const edges: [number, number][] = [[0, 0]];
  for (let b = 0; b < nb; b++) {
    const from = Math.floor((b * maxD) / nb) + 1, to = Math.floor(((b + 1) * maxD) / nb);
    if (to >= from) edges.push([from, to]);
  }
  const bands = edges.map(([from, to], k) => {
    const ids = dist.flatMap((d, i) => (d >= from && d <= to ? [i] : []));
    const n = Math.max(1, ids.length);
    return {
      band: k === 0 ? 'in region (0)' : from === to ? `${from}` : `${from}-${to}`, from, to, trials: ids.length,
      rate: ids.filter((i) => r.results[i].hit).length / n, baselineRate: ids.filter((i) => r.results[i].baseHit).length / n,
      ...(ceil ? { ceilingRate: ids.filter((i) => ceil[i]).length / n } : {}),
    };
  }).filter((b) => b.trials > 0);
  const rows: ChartRow[] = bands.flatMap((b) => [
    { band: b.band, condition: 'edited', success: b.rate },
    { band: b.band, condition: 'no edit', success: b.baselineRate },
    ...(b.ceilingRate === undefined ? [] : [{ band: b.band, condition: 'cheese moved there', success: b.ceilingRate }]),
  ]);
  const bandChart = barChart(rows, {
    x: 'band', y: 'success', color: 'condition', xTitle: 'distance from the training region', yTitle: 'targets reached',
    title: `Retargetability by distance: ${Math.round(r.rate * 100)}% edited vs ${Math.round(r.baselineRate * 100)}% no edit`,
  });
  const ceilingRate = ceil ? ceil.filter(Boolean).length / Math.max(1, ceil.length) : undefined;
  return { ...r, bands, ...(ceilingRate === undefined ? {} : { ceilingRate }), charts: { heatmap: r.chart, bands: bandChart } };
}
