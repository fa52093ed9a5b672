/**
 * The alternative to retargeting: retrain. Fine-tune a copy of the agent on demonstrations that
 * go to the new target, and count the gradient steps and seconds until it reaches the target as
 * often as retargeting did on held-out mazes.
 */
import type { CheeseMazeLevel } from '../envs/cheese-maze';
import { withCheese } from '../envs/cheese-maze';
import { isPassable } from '../envs/grid';
import type { Cell } from '../envs/grid';
import type { AgentConfig } from '../mesa/agents';
import { createAgent, trainingLevels } from '../mesa/agents';
import { demonstrations } from '../mesa/dataset';
import type { NamedModel } from '../mesa/model';
import { rollout } from '../mesa/rollout';
import { trainAgent } from '../mesa/train';

/**
 * What retraining toward a new goal cost, the comparator of every retargeting edit: the same shape
 * for the gradient-trained agents here and the tabular agents of notebook 12.
 */
export interface RetrainResult {
  /** 'reached' when success reached the goal, 'budget' when the step budget ran out first. */
  status: 'reached' | 'budget';
  /** Training steps used (gradient steps here; environment steps for tabular agents). */
  steps: number;
  seconds: number;
  /** Success after the last step. */
  success: number;
  /** Success after each chunk of steps. */
  curve: { steps: number; success: number }[];
}

const FRESH_SEED_OFFSET = 7919;

/**
 * Retrains a copy of `agent` so it goes to `target` (the cheese is put there in every training
 * maze), checking held-out success every `every` steps until it reaches `goal`.
 * `from: 'fresh'` trains a newly initialised agent of the same config instead (what "restart
 * training" costs, free of anything the trained weights got stuck in); `agent` is then unused.
 *
 * @example
 * retrainForTarget(corner.agent, corner.config, { x: 1, y: 1 }, held);                    // fine-tune the trained agent
 * retrainForTarget(corner.agent, corner.config, { x: 1, y: 1 }, held, { from: 'fresh' }); // train one from scratch
 */
export function retrainForTarget(
  agent: NamedModel, config: AgentConfig, target: Cell, heldOut: readonly CheeseMazeLevel[],
  opts: { goal?: number; every?: number; maxSteps?: number; from?: 'trained' | 'fresh' } = {},
): RetrainResult {
  const fresh = opts.from === 'fresh';
  // A fresh agent gets initial weights of its own (another seed), not the trained agent's starting point.
  const copy = createAgent(fresh ? { ...config, seed: config.seed + FRESH_SEED_OFFSET } : config);
  if (!fresh) copy.setWeights(agent.getWeights());
  const levels = trainingLevels(config).filter((lv) => isPassable(lv.map, target)).map((lv) => withCheese(lv, target));
  const data = demonstrations(levels);
  const evalLevels = heldOut.filter((lv) => isPassable(lv.map, target)).map((lv) => withCheese(lv, target));
  const goal = opts.goal ?? 0.95, every = opts.every ?? 25, maxSteps = opts.maxSteps ?? 400;
  const curve: { steps: number; success: number }[] = [];
  const success = () => rollout(copy, evalLevels).filter((e) => e.outcome === 'cheese').length / Math.max(1, evalLevels.length);
  let steps = 0, seconds = 0, s = success();
  curve.push({ steps: 0, success: s });
  while (s < goal && steps < maxSteps) {
    const rep = trainAgent(copy, data, { steps: every, seed: `${config.seed}/retrain/${steps}`, learningRate: config.learningRate, batchSize: config.batchSize });
    steps += rep.steps; seconds += rep.seconds;
    s = success();
    curve.push({ steps, success: s });
  }
  copy.dispose();
  return { status: s >= goal ? 'reached' : 'budget', steps, seconds, success: s, curve };
}
