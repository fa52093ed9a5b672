/**
 * Batched greedy rollouts of an agent: all episodes step in lockstep through one forward pass per
 * step, with optional patches (the hook retargeting and steering use).
 */
import * as tf from '@tensorflow/tfjs';
import { fail } from '../core/errors';
import type { CheeseMazeLevel, EpisodeOutcome, RewardSpec } from '../envs/cheese-maze';
import { CHEESE_MAZE_CHANNELS, cheeseMazeReset, cheeseMazeStep, defaultMaxSteps, episodeOutcome, writeObservation } from '../envs/cheese-maze';
import type { Cell } from '../envs/grid';
import { mesaMessages } from './messages';
import type { NamedModel, Patch } from './model';

/** Observations of a batch of (level, mouse) pairs as a tensor [B, H, W, 5]. */
export function observeBatch(levels: readonly CheeseMazeLevel[], mice?: readonly Cell[]): tf.Tensor4D {
  if (levels.length === 0) fail('mesa/rollout', mesaMessages.emptyLevels());
  const size = levels[0].map.width;
  const per = size * size * CHEESE_MAZE_CHANNELS.length;
  const out = new Float32Array(levels.length * per);
  levels.forEach((lv, i) => writeObservation(lv, mice ? mice[i] : lv.start, out, i * per));
  return tf.tensor4d(out, [levels.length, size, size, CHEESE_MAZE_CHANNELS.length]);
}

export interface RolloutOptions {
  maxSteps?: number;
  rewardSpec?: RewardSpec;
  /** Patches applied at every step; each patch sees the whole batch (episode i = levels[i]). */
  patch?: Record<string, Patch>;
  /** Per-episode goal cells: an episode also ends (as a success) on reaching its goal. */
  goals?: readonly Cell[];
  /**
   * Patches for a subset of the episodes (indices into `levels`). With this (or with no patch at
   * all) each step forwards only the episodes still running, which is much cheaper for long
   * batches. Use instead of `patch`.
   */
  patchFor?: (episodes: readonly number[]) => Record<string, Patch>;
  /**
   * End an episode (as a failure) when the mouse steps onto a cell it already stood on. Greedy
   * moves of a memoryless agent under fixed patches depend only on the mouse cell, so a revisit
   * is a loop it never leaves: the outcome is the same, found sooner.
   */
  stopOnLoop?: boolean;
  /**
   * Name of a spatial layer [H, W, 4] holding the move logits at every cell, for agents whose
   * computation does not read the mouse (the move is that layer at the mouse's cell). Then one
   * forward pass per episode (in chunks of `chunk`) gives the whole policy, and the episode walks it.
   * Only for such agents: for any other the rollout would be wrong.
   */
  cellPolicy?: string;
  /** Episodes per forward pass with `cellPolicy`. Default 64. */
  chunk?: number;
}

export interface RolloutEpisode {
  level: CheeseMazeLevel;
  path: Cell[];
  /** Visible reward (per the reward spec). */
  reward: number;
  /** Intended performance: 1 if the cheese was reached. */
  performance: number;
  outcome: EpisodeOutcome;
  /** Whether the per-episode goal (if given) was reached. */
  reachedGoal: boolean;
  steps: number;
}

/** Per episode, the move logits at every cell [H*W*4], from one forward pass with the mouse at the start. */
function cellPolicies(agent: NamedModel, levels: readonly CheeseMazeLevel[], layer: string, opts: RolloutOptions): Float32Array[] {
  const out: Float32Array[] = [];
  if (opts.patch === undefined && opts.patchFor === undefined) {
    // Unpatched: one forward pass per distinct level (episodes of the same level share a policy).
    const distinct = [...new Set(levels)];
    const maps = cellPolicies(agent, distinct, layer, { ...opts, patchFor: () => ({}) });
    const of = new Map(distinct.map((lv, k) => [lv, maps[k]]));
    return levels.map((lv) => of.get(lv)!);
  }
  const chunk = opts.patch ? levels.length : opts.chunk ?? 64; // a whole-batch patch needs the whole batch
  for (let s = 0; s < levels.length; s += chunk) {
    const ids = Array.from({ length: Math.min(chunk, levels.length - s) }, (_, k) => s + k);
    const moves = tf.tidy(() => {
      const obs = observeBatch(ids.map((i) => levels[i]));
      const patch = opts.patch ?? opts.patchFor?.(ids);
      return agent.forward(obs, { read: [layer], patch }).acts[layer];
    });
    const v = moves.dataSync() as Float32Array;
    const per = v.length / ids.length;
    ids.forEach((_, k) => out.push(v.slice(k * per, (k + 1) * per)));
    moves.dispose();
  }
  return out;
}

/**
 * Rolls the agent out greedily (argmax move) on every level at once.
 *
 * @example
 * const eps = rollout(agent, cheeseMazeLevels('test', 50, 7));
 * eps.filter((e) => e.outcome === 'cheese').length / eps.length;
 */
export function rollout(agent: NamedModel, levels: readonly CheeseMazeLevel[], opts: RolloutOptions = {}): RolloutEpisode[] {
  if (levels.length === 0) fail('mesa/rollout', mesaMessages.emptyLevels());
  const n = levels.length;
  const states = levels.map((lv) => cheeseMazeReset(lv));
  const eps: RolloutEpisode[] = levels.map((level) => ({
    level, path: [{ ...level.start }], reward: 0, performance: 0, outcome: 'neither' as EpisodeOutcome, reachedGoal: false, steps: 0,
  }));
  const done = new Array<boolean>(n).fill(false);
  const budget = levels.map((lv) => opts.maxSteps ?? defaultMaxSteps(lv));
  const goalHit = (i: number) => !!opts.goals && states[i].mouse.x === opts.goals[i].x && states[i].mouse.y === opts.goals[i].y;
  for (let i = 0; i < n; i++) if (goalHit(i)) { done[i] = true; eps[i].reachedGoal = true; }
  const maxBudget = Math.max(...budget);
  const policy = opts.cellPolicy === undefined ? null : cellPolicies(agent, levels, opts.cellPolicy, opts);
  const compact = opts.patch === undefined;
  const seen = opts.stopOnLoop ? levels.map((lv, i) => new Set([states[i].mouse.y * lv.map.width + states[i].mouse.x])) : null;
  for (let t = 0; t < maxBudget && done.some((d) => !d); t++) {
    const active = compact || policy ? done.flatMap((d, i) => (d ? [] : [i])) : levels.map((_, i) => i);
    const a = new Int32Array(n);
    if (policy) {
      for (const i of active) {
        const W = levels[i].map.width, j = states[i].mouse.y * W + states[i].mouse.x, m = policy[i];
        let best = 0;
        for (let k = 1; k < 4; k++) if (m[j * 4 + k] > m[j * 4 + best]) best = k;
        a[i] = best;
      }
    } else {
      const actions = tf.tidy(() => {
        const obs = observeBatch(active.map((i) => levels[i]), active.map((i) => states[i].mouse));
        const patch = compact ? opts.patchFor?.(active) : opts.patch;
        return agent.forward(obs, { patch }).logits.argMax(1);
      });
      const picked = actions.dataSync();
      actions.dispose();
      active.forEach((i, k) => { a[i] = picked[k]; });
    }
    for (let i = 0; i < n; i++) {
      if (done[i]) continue;
      const r = cheeseMazeStep(levels[i], states[i], a[i], { rewardSpec: opts.rewardSpec, maxSteps: budget[i] });
      states[i] = r.state;
      const ep = eps[i];
      ep.reward += r.reward; ep.performance += r.performance; ep.steps += 1;
      ep.path.push({ ...r.state.mouse });
      if (goalHit(i)) ep.reachedGoal = true;
      if (r.state.done || ep.reachedGoal) done[i] = true;
      if (seen && !done[i]) {
        const j = r.state.mouse.y * levels[i].map.width + r.state.mouse.x;
        if (seen[i].has(j)) done[i] = true; else seen[i].add(j);
      }
    }
  }
  states.forEach((s, i) => { eps[i].outcome = episodeOutcome(s); });
  return eps;
}
