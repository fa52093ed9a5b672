/**
 * Trained agents in the lab's one cache (lib/core/cache): weights and training report under
 * `mesa/<kind>-<hash of the config>`, so re-running a notebook loads them instead of retraining.
 */
import { cachePath, configHash, readCache, writeCache } from '../core/cache';
import type { AgentConfig, TrainedAgent } from './agents';
import { createAgent, trainFromConfig } from './agents';
import { useBackend } from './backend';
import type { TrainOptions, TrainReport } from './train';

/** Bump when the architectures or the training recipe change, so stale caches are ignored. */
export const CACHE_VERSION = 1;

function cacheKind(config: AgentConfig): string { return `mesa/${config.kind}`; }
function cacheKey(config: AgentConfig): string { return configHash({ ...config, version: CACHE_VERSION }); }

/** The file a config's weights are cached in (null when caching is off). */
export function agentCachePath(config: AgentConfig): string | null {
  return cachePath(cacheKind(config), cacheKey(config));
}

interface CacheFile {
  config: AgentConfig;
  version: number;
  report: TrainReport;
  weights: Record<string, { shape: number[]; values: number[] }>;
}

/** Saves a trained agent's weights and report; returns the file, or null when caching is off. */
export function saveAgent(trained: TrainedAgent): string | null {
  const body: CacheFile = { config: trained.config, version: CACHE_VERSION, report: trained.report, weights: trained.agent.getWeights() };
  return writeCache(cacheKind(trained.config), cacheKey(trained.config), body);
}

/** Loads a cached agent, or null if this config was never trained here. */
export function loadAgent(config: AgentConfig): TrainedAgent | null {
  const body = readCache<CacheFile>(cacheKind(config), cacheKey(config));
  if (body === null) return null;
  const agent = createAgent(config);
  agent.setWeights(body.weights);
  return { agent, config, report: body.report, fromCache: true };
}

/**
 * The agent for a config: loaded from `mesa/` in the lab's cache (lib/core/cache) if cached, else trained (with progress
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
