/**
 * Detect-and-retrain, the fallback a commenter proposes: start over and train a fresh agent on the
 * intended goal. Here training is tabular Q-learning (reward 1 on reaching the goal, ε-greedy
 * exploration from random starts), and its cost is counted in environment steps until the greedy
 * policy reaches the goal from a given share of evaluation starts.
 */
import type { RetrainResult } from '../../../lib/retarget/retrain';
import { createRng } from '../../../lib/core/rng';
import type { ScenarioWorld } from './world';
import { checkInt, checkNum } from './world';
import type { AgentPolicy } from './agents';
import { reachRate } from './agents';

const MODULE = 'scenarios/retrain';

export interface RetrainOptions {
  /** Stop once the greedy policy succeeds from at least this share of `starts` (default 0.9). */
  successTarget?: number;
  /** Give up after this many environment steps (default 400000). */
  budget?: number;
  /** Evaluate every this many episodes (default 10). */
  evalEvery?: number;
  /** Exploration rate (default 0.2), learning rate (0.5), discount (0.95). */
  epsilon?: number;
  alpha?: number;
  gamma?: number;
  seed?: number;
}

/** The common {@link RetrainResult} (steps = environment steps), plus the episodes and the learned policy. */
export interface TabularRetrainResult extends RetrainResult {
  episodes: number;
  policy: AgentPolicy;
}

/**
 * Trains a fresh tabular agent toward `goal` and reports what it cost.
 *
 * @example
 * const world = createScenarioWorld(15, 1);
 * const starts = [0, 5, 9];
 * qLearningRetrain(world, world.intended, starts, { seed: 1 }).steps;   // environment steps it took
 */
export function qLearningRetrain(world: ScenarioWorld, goal: number, starts: readonly number[], options: RetrainOptions = {}): TabularRetrainResult {
  const t0 = performance.now();
  const target = checkNum(MODULE, 'successTarget', options.successTarget ?? 0.9, 0, 1);
  const budget = checkInt(MODULE, 'budget', options.budget ?? 400000, 1);
  const evalEvery = checkInt(MODULE, 'evalEvery', options.evalEvery ?? 10, 1);
  const eps = options.epsilon ?? 0.2, alpha = options.alpha ?? 0.5, gamma = options.gamma ?? 0.95;
  const rng = createRng(`retrain-${options.seed ?? 0}-${goal}`);
  const n = world.n;
  const q = new Float32Array(n * 4);
  const greedyIdx = (c: number, random: boolean): number => {
    const nb = world.neighbours[c];
    let best = -Infinity, ties: number[] = [];
    for (let k = 0; k < nb.length; k++) {
      const v = q[c * 4 + k];
      if (v > best + 1e-12) { best = v; ties = [k]; } else if (Math.abs(v - best) <= 1e-12) ties.push(k);
    }
    return random ? rng.pick(ties) : ties[0];
  };
  const policyNow = (): AgentPolicy => {
    const next = new Int32Array(n);
    for (let c = 0; c < n; c++) next[c] = c === goal ? c : world.neighbours[c][greedyIdx(c, false)];
    return { next, compute: new Int32Array(n).fill(1), targetMap: null, activity: [n] };
  };
  const curve: { steps: number; success: number }[] = [];
  let steps = 0, episodes = 0, success = reachRate(world, policyNow(), starts, goal);
  curve.push({ steps: 0, success });
  while (success < target && steps < budget) {
    let c = rng.int(0, n);
    for (let t = 0; t < 2 * n && c !== goal && steps < budget; t++, steps++) {
      const nb = world.neighbours[c];
      const k = rng.chance(eps) ? rng.int(0, nb.length) : greedyIdx(c, true);
      const d = nb[k];
      const r = d === goal ? 1 : 0;
      const future = d === goal ? 0 : q[d * 4 + greedyIdx(d, false)];
      q[c * 4 + k] += alpha * (r + gamma * future - q[c * 4 + k]);
      c = d;
    }
    episodes++;
    if (episodes % evalEvery === 0 || steps >= budget) {
      success = reachRate(world, policyNow(), starts, goal);
      curve.push({ steps, success });
    }
  }
  return { status: success >= target ? 'reached' : 'budget', steps, episodes, success, curve, seconds: (performance.now() - t0) / 1000, policy: policyNow() };
}
