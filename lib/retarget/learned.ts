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
import { loadLearnedAgent } from '../mesa/learned/shipped';
import type { RetargetabilityByDistance } from './by-distance';
import { retargetabilityByDistance } from './by-distance';
import type { LocateResult } from './locate';
import { locateTarget } from './locate';

/** The locate options measured for the learned searchers (3×3 window, every iteration at once). */
export const LEARNED_LOCATE = { probeExamples: 40, pairs: 16, candidates: 3, goalRadius: 1, cellByCell: false } as const;
/** The edit measured best for them: write the template at the new cell, clear with the no-cheese state. */
export const LEARNED_EDIT = { clearWith: 'blank', strength: 1.5 } as const;

export interface LearnedLocate { agent: LearnedSearchAgent; levels: CheeseMazeLevel[]; result: LocateResult }

/**
 * Locates the cheese representation of a shipped learned agent without being told where it is.
 * The corner agent is located on its training distribution (elsewhere its choice barely moves).
 */
export function locateLearned(variant: LearnedVariant, size: number, seed: number | string = 1): LearnedLocate {
  const agent = loadLearnedAgent(variant, { size });
  const levels = cheeseMazeLevels(variant === 'corner' ? 'train' : 'test', 30, `locate/${String(seed)}`, { size, trainRegion: 3 });
  return { agent, levels, result: locateTarget(agent, levels, { ...LEARNED_LOCATE, seed }) };
}

/** Retargetability by distance band of a located learned agent over every reachable cell of `mazes` held-out mazes. */
export function retargetLearned(found: LearnedLocate, mazes: number, seed: number | string = 1): RetargetabilityByDistance | null {
  if (!found.result.best) return null;
  const size = found.agent.size;
  const held = cheeseMazeLevels('test', mazes, `held-out/${String(seed)}`, { size, trainRegion: 3 });
  return retargetabilityByDistance(found.agent, { kind: 'located', located: found.result.best, ...LEARNED_EDIT }, held, { cellPolicy: 'moves' });
}
