/**
 * Training recipes for the two cheese-maze agents: a config (what to train, on which
 * distribution, how long) → a trained agent and its training report.
 */
import { fail } from '../core/errors';
import type { CheeseDistribution, CheeseMazeLevel, RewardSpec } from '../envs/cheese-maze';
import { cheeseMazeLevels } from '../envs/cheese-maze';
import { demonstrations } from './dataset';
import { mesaMessages } from './messages';
import type { NamedModel } from './model';
import { PlannerAgent } from './planner-agent';
import { PolicyAgent } from './policy-agent';
import type { TrainOptions, TrainReport } from './train';
import { trainAgent } from './train';

export type AgentKind = 'planner' | 'policy';

/** Everything that determines a trained agent (the cache key hashes this). */
export interface AgentConfig {
  kind: AgentKind;
  /** Maze side length. */
  size: number;
  /** Side of the top-right square where the training cheese lies. */
  trainRegion: number;
  /** The visible reward the demonstrator maximises. */
  rewardSpec: RewardSpec;
  /** Where the cheese lies in the training levels ('train' = the top-right square). */
  trainDistribution: CheeseDistribution;
  /** Number of training levels. */
  levels: number;
  steps: number;
  batchSize: number;
  learningRate: number;
  seed: number;
}

/** Defaults measured to reach ≥ 95% in-distribution success on held-out training-distribution levels. */
export const DEFAULT_AGENT_CONFIGS: Record<AgentKind, AgentConfig> = {
  planner: { kind: 'planner', size: 7, trainRegion: 2, rewardSpec: 'cheese', trainDistribution: 'train', levels: 300, steps: 300, batchSize: 128, learningRate: 0.05, seed: 1 },
  policy: { kind: 'policy', size: 7, trainRegion: 2, rewardSpec: 'cheese', trainDistribution: 'train', levels: 600, steps: 800, batchSize: 128, learningRate: 0.003, seed: 1 },
};

/** A config with the defaults of its kind filled in. */
export function agentConfig(kind: AgentKind, overrides: Partial<AgentConfig> = {}): AgentConfig {
  if (kind !== 'planner' && kind !== 'policy') fail('mesa/agents', mesaMessages.badKind(kind));
  return { ...DEFAULT_AGENT_CONFIGS[kind], ...overrides, kind };
}

/** An untrained agent for a config. */
export function createAgent(config: AgentConfig): NamedModel {
  if (config.kind === 'planner') return new PlannerAgent({ size: config.size, seed: config.seed });
  if (config.kind === 'policy') return new PolicyAgent({ size: config.size, seed: config.seed });
  return fail('mesa/agents', mesaMessages.badKind(config.kind));
}

/** The training levels of a config (seeded by the config's seed). */
export function trainingLevels(config: AgentConfig): CheeseMazeLevel[] {
  return cheeseMazeLevels(config.trainDistribution, config.levels, `train/${config.seed}`, { size: config.size, trainRegion: config.trainRegion });
}

export interface TrainedAgent {
  agent: NamedModel;
  config: AgentConfig;
  report: TrainReport;
  /** True when the weights came from the lab's cache (lib/core/cache; report is the original training's). */
  fromCache: boolean;
}

/** Trains an agent from scratch (no cache). */
export function trainFromConfig(config: AgentConfig, opts: Pick<TrainOptions, 'onProgress' | 'progressEvery'> = {}): TrainedAgent {
  const agent = createAgent(config);
  const data = demonstrations(trainingLevels(config), { rewardSpec: config.rewardSpec });
  const report = trainAgent(agent, data, {
    steps: config.steps, batchSize: config.batchSize, learningRate: config.learningRate, seed: config.seed, ...opts,
  });
  return { agent, config, report, fromCache: false };
}
