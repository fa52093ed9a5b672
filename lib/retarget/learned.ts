/**
 * The locating procedure and the retargeting edit, applied to a shipped learned searcher with the
 * settings measured for it (lib/mesa/learned): its cheese representation is spread over every
 * channel of the recurrent state in a 3×3 window (the input convolution sees the cheese from the
 * next cell), so patches cover that window, and edits clear with the no-cheese state.
 */
import type { CheeseMazeLevel } from '../envs/cheese-maze';
import { cheeseMazeLevels } from '../envs/cheese-maze';
import type { LearnedVariant } from '../mesa/learned/config';
import type { LearnedSearchAgent } from '../mesa/learned/agent';
import { loadLearnedAgent, untrainedLearnedAgent } from '../mesa/learned/shipped';
import type { RetargetabilityByDistance } from './by-distance';
import { retargetabilityByDistance } from './by-distance';
import type { LocateResult } from './locate';
import { locateTarget } from './locate';
import type { NarrowOptions, NarrowScan } from './narrow';
import { narrowPatchScan } from './narrow';

/** The locate options measured for the learned searchers (3×3 window, every iteration at once). */
export const LEARNED_LOCATE = { probeExamples: 40, pairs: 16, candidates: 3, goalRadius: 1, cellByCell: false } as const;
/** The edit measured best for them: write the template at the new cell, clear with the no-cheese state. */
export const LEARNED_EDIT = { clearWith: 'blank', strength: 1.5 } as const;

export interface LearnedLocate { agent: LearnedSearchAgent; levels: CheeseMazeLevel[]; result: LocateResult }

/** The agents a locate can run on: a shipped variant, or the untrained control (same architecture, initial weights). */
export type LearnedSubject = LearnedVariant | 'untrained';

// Claims of one notebook locate the same agent again and again: keep the last few results (they are deterministic).
const located = new Map<string, LearnedLocate>();

/**
 * Locates the cheese representation of a shipped learned agent (or of the untrained control)
 * without being told where it is. The corner agent is located on its training distribution
 * (elsewhere its choice barely moves). Same arguments, same result (kept for reuse).
 */
export function locateLearned(variant: LearnedSubject, size: number, seed: number | string = 1): LearnedLocate {
  const key = `${variant}/${size}/${String(seed)}`;
  const hit = located.get(key);
  if (hit) return hit;
  const agent = variant === 'untrained' ? untrainedLearnedAgent({ size }, 1) : loadLearnedAgent(variant, { size });
  const levels = cheeseMazeLevels(variant === 'corner' ? 'train' : 'test', 30, `locate/${String(seed)}`, { size, trainRegion: 3 });
  const found = { agent, levels, result: locateTarget(agent, levels, { ...LEARNED_LOCATE, seed }) };
  if (located.size >= 8) located.delete(located.keys().next().value as string);
  located.set(key, found);
  return found;
}

/** Patches narrower than the input's footprint on the same agent and mazes as {@link locateLearned}. */
export function narrowLearned(found: LearnedLocate, opts: NarrowOptions = {}): NarrowScan {
  return narrowPatchScan(found.agent, found.levels, opts);
}

/** The held-out mazes of {@link retargetLearned}. */
export function learnedHeldOut(size: number, mazes: number, seed: number | string = 1): CheeseMazeLevel[] {
  return cheeseMazeLevels('test', mazes, `held-out/${String(seed)}`, { size, trainRegion: 3 });
}

/**
 * Retargetability by distance band of a located learned agent over every reachable cell of
 * `mazes` held-out mazes. `edit: 'clear-only'` is the control that clears the cheese and writes
 * nothing; `ceiling` adds the agent's success when the cheese itself is moved to each target.
 */
export function retargetLearned(found: LearnedLocate, mazes: number, seed: number | string = 1, opts: { edit?: 'retarget' | 'clear-only'; ceiling?: boolean } = {}): RetargetabilityByDistance | null {
  if (!found.result.best) return null;
  const held = learnedHeldOut(found.agent.size, mazes, seed);
  const write = opts.edit !== 'clear-only';
  return retargetabilityByDistance(found.agent, { kind: 'located', located: found.result.best, ...LEARNED_EDIT, write }, held, { cellPolicy: 'moves', ceiling: opts.ceiling });
}
