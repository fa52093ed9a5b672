/**
 * Node file I/O of lib/mesa: trained weights are saved under `build/mesa/` as JSON, keyed by a
 * hash of the training config, so re-running a notebook loads them instead of retraining.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { AgentConfig, TrainedAgent } from './agents';
import { configHash, createAgent, trainFromConfig } from './agents';
import { useBackend } from './backend';
import type { TrainOptions, TrainReport } from './train';

/** Bump when the architectures or the training recipe change, so stale caches are ignored. */
export const CACHE_VERSION = 1;

/** The cache directory: `build/mesa` at the project root. */
export function agentCacheDir(): string {
  return path.resolve(__dirname, '..', '..', 'build', 'mesa');
}

/** The file a config's weights are cached in. */
export function agentCachePath(config: AgentConfig): string {
  return path.join(agentCacheDir(), `${config.kind}-${configHash({ ...config, version: CACHE_VERSION })}.json`);
}

interface CacheFile {
  config: AgentConfig;
  version: number;
  report: TrainReport;
  weights: Record<string, { shape: number[]; values: number[] }>;
}

/** Saves a trained agent's weights and report. */
export function saveAgent(trained: TrainedAgent): string {
  const file = agentCachePath(trained.config);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const body: CacheFile = { config: trained.config, version: CACHE_VERSION, report: trained.report, weights: trained.agent.getWeights() };
  fs.writeFileSync(file, JSON.stringify(body));
  return file;
}

/** Loads a cached agent, or null if this config was never trained here. */
export function loadAgent(config: AgentConfig): TrainedAgent | null {
  const file = agentCachePath(config);
  if (!fs.existsSync(file)) return null;
  const body = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
  const agent = createAgent(config);
  agent.setWeights(body.weights);
  return { agent, config, report: body.report, fromCache: true };
}

/**
 * The agent for a config: loaded from `build/mesa/` if cached, else trained (with progress
 * callbacks) and saved. `retrain: true` ignores the cache.
 *
 * @example
 * const { agent, report, fromCache } = await loadOrTrainAgent(agentConfig('planner'), {
 *   onProgress: (p) => bar.tick(25),
 * });
 */
export async function loadOrTrainAgent(
  config: AgentConfig,
  opts: Pick<TrainOptions, 'onProgress' | 'progressEvery'> & { retrain?: boolean; cache?: boolean } = {},
): Promise<TrainedAgent> {
  await useBackend();
  const useCache = opts.cache ?? true;
  if (useCache && !opts.retrain) {
    const hit = loadAgent(config);
    if (hit) return hit;
  }
  const trained = trainFromConfig(config, opts);
  if (useCache) saveAgent(trained);
  return trained;
}
