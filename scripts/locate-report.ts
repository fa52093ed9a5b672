/**
 * Runs the locating procedure, the retargeting edit by distance band and the misgeneralization fix
 * on one agent, and prints the figures as JSON (the numbers quoted in reports come from here).
 *
 *   npx tsx scripts/locate-report.ts planner|policy|planner-corner [--size 13 --region 3] [--mazes 20] [--iterations all] [--strength 1]
 */
import { useBackend } from '../lib/mesa/backend';
import { agentConfig } from '../lib/mesa/agents';
import { loadOrTrainAgent } from '../lib/mesa/cache-fs';
import type { NamedModel } from '../lib/mesa/model';
import { rollout } from '../lib/mesa/rollout';
import { cheeseMazeLevels } from '../lib/envs/cheese-maze';
import { fixMisgeneralization, locateTarget, retargetabilityByDistance } from '../lib/retarget/index';

const args = process.argv.slice(2);
const flag = (name: string, dflt: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };

async function agentFor(name: string): Promise<{ agent: NamedModel; trainRegion: number; size: number }> {
  const over = args.includes('--size') ? { size: Number(flag('size', '7')), trainRegion: Number(flag('region', '3')) } : {};
  if (name === 'planner' || name === 'policy') {
    const cfg = agentConfig(name, over);
    return { agent: (await loadOrTrainAgent(cfg)).agent, trainRegion: cfg.trainRegion, size: cfg.size };
  }
  if (name === 'planner-corner') {
    const cfg = agentConfig('planner', { ...over, rewardSpec: 'corner', trainDistribution: 'test' });
    return { agent: (await loadOrTrainAgent(cfg)).agent, trainRegion: cfg.trainRegion, size: cfg.size };
  }
  throw new Error(`unknown agent ${name}`);
}

async function main(): Promise<void> {
  await useBackend('wasm');
  const name = args[0] ?? 'planner';
  const { agent, trainRegion, size } = await agentFor(name);
  const mazes = Number(flag('mazes', '20')), strength = Number(flag('strength', '1'));
  const iterations = flag('iterations', 'found');
  const t0 = performance.now();
  const loc = locateTarget(agent, cheeseMazeLevels('test', 60, 'locate', { size, trainRegion }), { seed: 1 });
  const tLocate = (performance.now() - t0) / 1000;
  const out: Record<string, unknown> = {
    agent: name, size, verdict: loc.verdict, located: loc.located, best: loc.bestRow && { ...loc.bestRow, layers: undefined },
    channels: loc.best?.channels, pairs: loc.pairs, inputBaseline: loc.inputBaseline, probes: loc.probes,
    top: loc.rows.slice(0, 8).map((r) => ({ layer: r.layer, channel: r.channel, probe: r.probeAccuracy, effect: r.effect, goalEffect: r.goalEffect, passes: r.passes })),
    secondsLocate: tLocate,
  };
  if (loc.best) {
    const held = cheeseMazeLevels('test', mazes, 'held-out', { size, trainRegion });
    const it = iterations === 'all' ? 'all' as const : undefined;
    const t1 = performance.now();
    const by = retargetabilityByDistance(agent, { kind: 'located', located: loc.best, iterations: it, strength }, held);
    out.retargetability = { mazes, trials: by.trials, rate: by.rate, baselineRate: by.baselineRate, bands: by.bands, seconds: (performance.now() - t1) / 1000 };
    const far = cheeseMazeLevels('test-far', 100, 'ood', { size, trainRegion });
    const fix = fixMisgeneralization(agent, loc.best, far, { iterations: it, strength });
    out.fix = { levels: fix.levels, before: fix.before, after: fix.after, proxyBefore: fix.proxyBefore, proxyAfter: fix.proxyAfter };
    out.oodSuccessNoEdit = rollout(agent, far).filter((e) => e.outcome === 'cheese').length / far.length;
  }
  console.log(JSON.stringify(out, null, 1));
}

main().catch((e) => { console.error(e); process.exit(1); });
