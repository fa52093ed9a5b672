/**
 * The shipped learned searchers (weights under ./weights/, regenerated exactly by the command
 * each file names): no training needed to use them.
 */
import aligned from './weights/aligned';
import corner from './weights/corner';
import fixed from './weights/fixed';
import type { LearnedVariant } from './config';
import { checkVariant } from './config';
import type { LearnedAgentOptions } from './agent';
import { LearnedSearchAgent } from './agent';
import type { LearnedNet } from './fields';
import { createRng } from '../../core/rng';
import { initParams, paramLayout } from './net';
import type { LearnedWeights } from './weights-io';
import { paramsOf } from './weights-io';

export const SHIPPED_WEIGHTS: Record<LearnedVariant, LearnedWeights> = { aligned, corner, fixed };

/** The shipped weights of a variant as a network for the fast evaluation functions. */
export function shippedNet(variant: LearnedVariant): LearnedNet {
  checkVariant('mesa/learned', variant);
  const w = SHIPPED_WEIGHTS[variant];
  return { params: paramsOf(w), layout: paramLayout(w.config.shape) };
}

/**
 * A shipped learned searcher as a NamedModel for mazes of side `size`.
 *
 * @example
 * const agent = loadLearnedAgent('aligned', { size: 13, iterations: 60 });
 * agent.forward(observeBatch(levels), { read: ['iter.10.h'] });
 */
export function loadLearnedAgent(variant: LearnedVariant, opts: LearnedAgentOptions): LearnedSearchAgent {
  checkVariant('mesa/learned-agent', variant);
  return new LearnedSearchAgent(SHIPPED_WEIGHTS[variant], opts);
}

/**
 * A control: the same architecture as a shipped variant, never trained. Its weights are the
 * initial weights training starts from for `seed` (He-normal, zero biases), so whatever an
 * interpretability edit achieves on it comes from moving the input, not from a learned target.
 *
 * @example
 * const untrained = untrainedLearnedAgent({ size: 9 }, 1);
 */
export function untrainedLearnedAgent(opts: LearnedAgentOptions, seed = 1, variant: LearnedVariant = 'aligned'): LearnedSearchAgent {
  checkVariant('mesa/learned-agent', variant);
  const config = { ...SHIPPED_WEIGHTS[variant].config, seed };
  const initRng = createRng(`learned/${variant}/${seed}`).fork('init');
  return new LearnedSearchAgent({ config, params: initParams(paramLayout(config.shape), () => initRng.normal()) }, opts);
}
