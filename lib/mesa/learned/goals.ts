/**
 * Where the trained agents go when the cheese leaves the place it always had in training:
 * success ("cheese"), heading to the top-right training square instead ("proxy"), or neither,
 * by the cheese's distance from that square. Compares the variants: `corner` (Langosco's
 * setting: does a correct outer objective still give a misgeneralized goal?) and `fixed` (one
 * goal: did gradient descent hardcode it?) against `aligned`.
 */
import { cheeseMazeLevels, distanceFromTrainRegion } from '../../envs/cheese-maze';
import type { ChartRow, VlSpec } from '../../viz/index';
import { lineChart } from '../../viz/index';
import type { LearnedNet } from './fields';
import { followField, moveFields } from './fields';

/** Outcome rates of the walks over a set of mazes. */
export interface GoalSummary extends ChartRow {
  agent: string;
  episodes: number;
  cheese: number;
  proxy: number;
  neither: number;
}

export interface GoalRow extends GoalSummary {
  /** Manhattan distance of the cheese from the top-right training square (0 = inside). */
  distance: number;
}

export interface GoalOptions { size?: number; count?: number; iterations?: number; trainRegion?: number; seed?: number | string }

/** Outcomes of walks from the start, on `count` held-out mazes with the cheese anywhere. */
export function outcomesByCheeseDistance(net: LearnedNet, agent: string, opts: GoalOptions = {}): { rows: GoalRow[]; overall: GoalSummary; outside: GoalSummary } {
  const size = opts.size ?? 13, region = opts.trainRegion ?? 3;
  const T = opts.iterations ?? 3 * size + 10;
  const levels = cheeseMazeLevels('test', opts.count ?? 64, `goals/${String(opts.seed ?? 1)}/${size}`, { size, trainRegion: region });
  const fields = moveFields(net, levels, [T]).get(T)!;
  const eps = levels.map((lv, i) => ({ d: distanceFromTrainRegion(size, region, lv.cheese), o: followField(lv, fields[i]).outcome }));
  const summarize = (es: typeof eps) => ({
    agent, episodes: es.length,
    cheese: es.filter((e) => e.o === 'cheese').length / Math.max(1, es.length),
    proxy: es.filter((e) => e.o === 'proxy').length / Math.max(1, es.length),
    neither: es.filter((e) => e.o === 'neither').length / Math.max(1, es.length),
  });
  const bands = [...new Set(eps.map((e) => e.d))].sort((a, b) => a - b);
  return {
    rows: bands.map((d) => ({ distance: d, ...summarize(eps.filter((e) => e.d === d)) })),
    overall: summarize(eps),
    outside: summarize(eps.filter((e) => e.d > 0)),
  };
}

/** Rates of one outcome by cheese distance, one line per agent. */
export function goalsChart(rows: readonly GoalRow[], outcome: 'cheese' | 'proxy' = 'cheese'): VlSpec {
  return lineChart(rows, {
    x: 'distance', y: outcome, color: 'agent',
    title: outcome === 'cheese' ? 'Reaches the cheese, by its distance from the training square' : 'Heads into the training square instead, by cheese distance',
    xTitle: 'cheese distance from the top-right training square (steps)', yTitle: `fraction of episodes (${outcome})`,
  });
}
