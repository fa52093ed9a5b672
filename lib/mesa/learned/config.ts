/**
 * What determines a trained learned searcher: the network's shape, where the training cheese
 * lies (the variant), and the schedule. The shipped weights record the config that made them.
 */
import { fail } from '../../core/errors';
import { learnedMessages } from './messages';
import type { NetShape } from './net';

/**
 * Where the cheese lies during training:
 * - `aligned`: anywhere (the 'test' distribution);
 * - `corner`: always in the top-right training square (the 'train' distribution; the Langosco
 *   setting: correct labels, a cheese that never leaves the corner);
 * - `fixed`: always in the top-right corner cell (one fixed goal).
 */
export type LearnedVariant = 'aligned' | 'corner' | 'fixed';
export const LEARNED_VARIANTS: readonly LearnedVariant[] = ['aligned', 'corner', 'fixed'];

export interface LearnedSchedule {
  steps: number;
  /** Mazes per step (all of one size). */
  batch: number;
  learningRate: number;
  /** Maze sides of the curriculum, smallest first; larger sides open up as training goes on. */
  sizes: number[];
  /** Fraction of the steps after which each next size joins (one entry per size after the first). */
  sizeSchedule: number[];
  /** Iterations beyond the batch's longest path: a uniform draw in 1..extraIterations. */
  extraIterations: number;
  /** Iterations differentiated at the end of each pass: a uniform draw in 1..gradIterations. */
  gradIterations: number;
  clipNorm: number;
}

export interface LearnedConfig {
  variant: LearnedVariant;
  seed: number;
  shape: NetShape;
  /** Side of the top-right training square ('corner' variant). */
  trainRegion: number;
  schedule: LearnedSchedule;
}

/** The schedule of the shipped weights (about 10 minutes per variant on a 2-core machine). */
export const SHIPPED_SCHEDULE: LearnedSchedule = {
  steps: 1200, batch: 8, learningRate: 5e-3, sizes: [7, 9, 11, 13], sizeSchedule: [0.1, 0.3, 0.55],
  extraIterations: 10, gradIterations: 8, clipNorm: 1,
};

/** The reduced "retrain from scratch" schedule of the notebooks (under 3 minutes). */
export const QUICK_SCHEDULE: LearnedSchedule = { ...SHIPPED_SCHEDULE, steps: 400, sizes: [7, 9], sizeSchedule: [0.4] };

export function checkVariant(module: string, v: unknown): asserts v is LearnedVariant {
  if (!LEARNED_VARIANTS.includes(v as LearnedVariant)) fail(module, learnedMessages.badVariant(v));
}

/** The config of a variant, with the shipped schedule unless overridden. */
export function learnedConfig(variant: LearnedVariant, overrides: { seed?: number; steps?: number; schedule?: Partial<LearnedSchedule>; shape?: Partial<NetShape> } = {}): LearnedConfig {
  checkVariant('mesa/learned', variant);
  const schedule = { ...SHIPPED_SCHEDULE, ...overrides.schedule };
  if (overrides.steps !== undefined) schedule.steps = overrides.steps;
  if (!Number.isInteger(schedule.steps) || schedule.steps <= 0) fail('mesa/learned', learnedMessages.badSteps(schedule.steps));
  return { variant, seed: overrides.seed ?? 1, shape: { state: 16, inner: 16, ...overrides.shape }, trainRegion: 3, schedule };
}
