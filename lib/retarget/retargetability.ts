/**
 * How retargetable is an agent? Aim it at every reachable cell of held-out mazes, roll it out,
 * and count how often it gets there (before the step budget, and before eating the cheese).
 */
import { fail } from '../core/errors';
import type { CheeseMazeLevel } from '../envs/cheese-maze';
import { mazeDistances } from '../envs/cheese-maze';
import type { Cell } from '../envs/grid';
import type { NamedModel } from '../mesa/model';
import type { RolloutOptions } from '../mesa/rollout';
import { rollout } from '../mesa/rollout';
import type { ChartRow, VlSpec } from '../viz/index';
import { heatmap } from '../viz/index';
import { retargetMessages } from './messages';
import type { RetargetMethod } from './retarget';
import { retargetPatches } from './retarget';

/** One (maze, target) trial: reached with the edit (`hit`) and without any intervention (`baseHit`). */
export interface RetargetTrial { level: CheeseMazeLevel; target: Cell; hit: boolean; baseHit: boolean }

export interface RetargetabilityResult {
  /** Fraction of (maze, target) pairs where the retargeted agent reached the target. */
  rate: number;
  /** The same without any intervention (targets the agent reaches anyway, e.g. on its way). */
  baselineRate: number;
  /** Per cell: success rate over the mazes where the cell is open and reachable. */
  cells: ChartRow[];
  trials: number;
  /** Every trial (for breakdowns, e.g. by distance from the training region). */
  results: RetargetTrial[];
  chart: VlSpec;
}

/** Every (level, target) pair: the cells reachable from the start without stepping on the cheese. */
export function reachableTargets(levels: readonly CheeseMazeLevel[]): { levels: CheeseMazeLevel[]; targets: Cell[] } {
  const trialsLv: CheeseMazeLevel[] = [], targets: Cell[] = [];
  for (const lv of levels) {
    // Reachable = reachable from the start without stepping on the cheese (which ends the episode).
    const blocked = { ...lv.map, passable: lv.map.passable.slice() };
    blocked.passable[lv.cheese.y * lv.map.width + lv.cheese.x] = 0;
    const d = mazeDistances(blocked, lv.start);
    for (let y = 0; y < lv.map.height; y++) for (let x = 0; x < lv.map.width; x++) {
      const j = y * lv.map.width + x;
      if (d[j] <= 0) continue;
      if (x === lv.cheese.x && y === lv.cheese.y) continue;
      trialsLv.push(lv); targets.push({ x, y });
    }
  }
  return { levels: trialsLv, targets };
}

/**
 * Tries every target cell reachable from the start without passing the cheese, on every level.
 * Episodes that loop (revisit a cell) end as failures; only running episodes are forwarded.
 * `cellPolicy` names a layer with the move logits at every cell, for agents that do not read the
 * mouse (see rollout): one forward pass per trial instead of one per step.
 *
 * @example
 * const r = retargetability(planner, cheeseMazeLevels('test', 5, 99, { size: 7 }), { kind: 'target-map' });
 * r.rate; // ≈ 1 for the planner agent
 */
export function retargetability(agent: NamedModel, levels: readonly CheeseMazeLevel[], method: RetargetMethod, opts: Pick<RolloutOptions, 'maxSteps' | 'cellPolicy' | 'chunk'> = {}): RetargetabilityResult {
  if (levels.length === 0) fail('retarget/retargetability', retargetMessages.noLevels());
  const { levels: trialsLv, targets } = reachableTargets(levels);
  const patchFor = (ids: readonly number[]) => retargetPatches(agent, ids.map((i) => targets[i]), method, ids.map((i) => trialsLv[i]));
  const ro = { goals: targets, maxSteps: opts.maxSteps, cellPolicy: opts.cellPolicy, chunk: opts.chunk, stopOnLoop: true };
  const eps = rollout(agent, trialsLv, { ...ro, patchFor });
  const base = rollout(agent, trialsLv, ro);
  const results = eps.map((e, i) => ({ level: trialsLv[i], target: targets[i], hit: e.reachedGoal, baseHit: base[i].reachedGoal }));
  const acc = new Map<string, { x: number; y: number; hit: number; n: number }>();
  eps.forEach((e, i) => {
    const k = `${targets[i].x},${targets[i].y}`;
    const a = acc.get(k) ?? { x: targets[i].x, y: targets[i].y, hit: 0, n: 0 };
    a.n += 1; if (e.reachedGoal) a.hit += 1;
    acc.set(k, a);
  });
  const cells = [...acc.values()].map((a) => ({ x: a.x, y: a.y, success: a.hit / a.n, trials: a.n }));
  const rate = eps.filter((e) => e.reachedGoal).length / eps.length;
  const baselineRate = base.filter((e) => e.reachedGoal).length / base.length;
  const chart = heatmap(cells, {
    x: 'x', y: 'y', value: 'success', labels: true, scheme: 'viridis',
    title: `Retargetability: ${Math.round(rate * 100)}% of targets reached (no intervention: ${Math.round(baselineRate * 100)}%)`,
  });
  return { rate, baselineRate, cells, trials: eps.length, results, chart };
}
