/** The notebooks' "retrain from scratch" option: the reduced schedule (under 3 minutes). */
import type { LearnedVariant } from './config';
import { QUICK_SCHEDULE, learnedConfig } from './config';
import type { LearnedTraining, TrainProgress } from './train';
import { trainLearnedSearch } from './train';

/**
 * Trains a variant from scratch on the reduced schedule ({@link QUICK_SCHEDULE}: 400 steps on
 * 7×7 and 9×9 mazes instead of 1200 steps up to 13×13). Its figures are lower than the shipped
 * weights', most on mazes larger than 9×9. `onProgress` drives a progress bar.
 *
 * @example
 * const t = retrainLearnedSearch('aligned', { onProgress: (p) => bar(p.step / p.steps) });
 * const agent = new LearnedSearchAgent(t, { size: 13 });
 */
export function retrainLearnedSearch(variant: LearnedVariant, opts: { seed?: number; onProgress?: (p: TrainProgress) => void } = {}): LearnedTraining {
  return trainLearnedSearch(learnedConfig(variant, { seed: opts.seed, schedule: QUICK_SCHEDULE }), { onProgress: opts.onProgress });
}
