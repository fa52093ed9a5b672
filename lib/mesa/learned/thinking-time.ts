/**
 * Evidence 1, thinking time: success against the number of iterations at test time, on held-out
 * mazes of sizes seen and unseen in training. A searcher that iterates until its answer
 * converges solves larger mazes when given more iterations; a network without recurrence
 * (the plain policy net) has one fixed amount of compute.
 */
import { cheeseMazeLevels } from '../../envs/cheese-maze';
import type { NamedModel } from '../model';
import { rollout } from '../rollout';
import type { ChartRow, VlSpec } from '../../viz/index';
import { lineChart } from '../../viz/index';
import type { LearnedNet } from './fields';
import { fieldAccuracy, followField, moveFields } from './fields';

export interface ThinkingTimeRow extends ChartRow {
  agent: string;
  size: number;
  iterations: number;
  /** Fraction of mazes where the walk from the start reaches the cheese. */
  rollout: number;
  /** Fraction of mazes with the right move at every open cell. */
  allCells: number;
  /** Mean fraction of cells with the right move. */
  cellAccuracy: number;
  mazes: number;
}

export interface ThinkingTimeOptions {
  sizes?: number[];
  iterations?: number[];
  /** Held-out mazes per size (cheese anywhere). Default 24. */
  count?: number;
  seed?: number | string;
}

export const DEFAULT_THINKING_ITERATIONS = [5, 10, 15, 20, 30, 40, 60, 80, 100, 130, 160];

/** Rows of success vs iterations for each maze size (held-out 'test' levels, seed `held-out/…`). */
export function thinkingTime(net: LearnedNet, opts: ThinkingTimeOptions = {}, label = 'learned'): ThinkingTimeRow[] {
  const sizes = opts.sizes ?? [9, 13, 19, 25];
  const its = opts.iterations ?? DEFAULT_THINKING_ITERATIONS;
  const rows: ThinkingTimeRow[] = [];
  for (const size of sizes) {
    const levels = heldOutLevels(size, opts);
    const fields = moveFields(net, levels, its);
    for (const n of its) {
      const fs = fields.get(n)!;
      const acc = fs.map((f, i) => fieldAccuracy(levels[i], f));
      rows.push({
        agent: label, size, iterations: n, mazes: levels.length,
        rollout: fs.filter((f, i) => followField(levels[i], f).outcome === 'cheese').length / levels.length,
        allCells: acc.filter((a) => a === 1).length / levels.length,
        cellAccuracy: acc.reduce((s, a) => s + a, 0) / acc.length,
      });
    }
  }
  return rows;
}

function heldOutLevels(size: number, opts: ThinkingTimeOptions) {
  return cheeseMazeLevels('test', opts.count ?? 24, `held-out/${String(opts.seed ?? 1)}/${size}`, { size });
}

/**
 * The same held-out mazes rolled out by an agent without iterations (e.g. the plain policy
 * net, which only reads mazes of its own size): one success figure, repeated at every
 * iteration count so it draws as a flat line beside the learned net.
 */
export function fixedComputeRows(agent: NamedModel, opts: ThinkingTimeOptions = {}, label = agent.kind): ThinkingTimeRow[] {
  const levels = heldOutLevels(agent.size, opts);
  const eps = rollout(agent, levels);
  const success = eps.filter((e) => e.outcome === 'cheese').length / levels.length;
  return (opts.iterations ?? DEFAULT_THINKING_ITERATIONS).map((iterations) => ({
    agent: label, size: agent.size, iterations, mazes: levels.length, rollout: success, allCells: NaN, cellAccuracy: NaN,
  }));
}

/**
 * The chart: one line per maze size (and a flat line per comparison agent, which has no
 * iterations to add).
 */
export function thinkingTimeChart(rows: readonly ThinkingTimeRow[], measure: 'rollout' | 'allCells' | 'cellAccuracy' = 'rollout'): VlSpec {
  const data = rows.map((r) => ({ ...r, series: `${r.agent} ${r.size}×${r.size}` }));
  const what = { rollout: 'reaches the cheese from the start', allCells: 'right move at every cell', cellAccuracy: 'cells with the right move' }[measure];
  return lineChart(data, {
    x: 'iterations', y: measure, color: 'series', title: `Thinking time: ${what} vs test-time iterations`,
    xTitle: 'iterations at test time', yTitle: `fraction (${what})`,
    description: 'Held-out mazes per size; larger mazes need more iterations; the policy net has none to add.',
  });
}
