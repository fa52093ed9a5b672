/**
 * Runs the locating procedure, the retargeting edit by distance band and the misgeneralization fix
 * on one agent, and prints the figures as JSON (the numbers quoted in reports come from here).
 *
 *   npx tsx scripts/locate-report.ts planner|policy|planner-corner|learned-aligned|learned-corner
 *     [--size 13 --region 3] [--mazes 20] [--iterations all] [--strength 1] [--radius 0|1]
 *     [--clear cheese|all|none] [--clear-with mean|blank] [--locate-levels test|train] [--no-fix]
 * Learned agents are rolled out by walking their per-cell `moves` layer (they never read the
 * mouse), with a goal radius of 1 unless told otherwise.
 */
import { useBackend } from '../lib/mesa/backend';
import { agentConfig } from '../lib/mesa/agents';
import { loadOrTrainAgent } from '../lib/mesa/cache-fs';
import type { NamedModel } from '../lib/mesa/model';
import { loadLearnedAgent } from '../lib/mesa/learned/shipped';
import { rollout } from '../lib/mesa/rollout';
import { cheeseMazeLevels } from '../lib/envs/cheese-maze';
import { fixMisgeneralization, locateTarget, retargetabilityByDistance } from '../lib/retarget/index';

const args = process.argv.slice(2);
const flag = (name: string, dflt: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };

async function agentFor(name: string): Promise<{ agent: NamedModel; trainRegion: number; size: number; cellPolicy?: string }> {
  const over = args.includes('--size') ? { size: Number(flag('size', '7')), trainRegion: Number(flag('region', '3')) } : {};
  if (name === 'planner' || name === 'policy') {
    const cfg = agentConfig(name, over);
    return { agent: (await loadOrTrainAgent(cfg)).agent, trainRegion: cfg.trainRegion, size: cfg.size };
  }
  if (name === 'planner-corner') {
    const cfg = agentConfig('planner', { ...over, rewardSpec: 'corner', trainDistribution: 'test' });
    return { agent: (await loadOrTrainAgent(cfg)).agent, trainRegion: cfg.trainRegion, size: cfg.size };
  }
  if (name === 'learned-aligned' || name === 'learned-corner' || name === 'learned-fixed') {
    const variant = name.slice('learned-'.length) as 'aligned' | 'corner' | 'fixed';
    const size = Number(flag('size', '13'));
    const iterations = args.includes('--think') ? Number(flag('think', '49')) : undefined;
    const agent = loadLearnedAgent(variant, { size, iterations });
    return { agent, trainRegion: agent.config.trainRegion, size, cellPolicy: 'moves' };
  }
  throw new Error(`unknown agent ${name}`);
}

async function main(): Promise<void> {
  await useBackend('wasm');
  const name = args[0] ?? 'planner';
  const { agent, trainRegion, size, cellPolicy } = await agentFor(name);
  const mazes = Number(flag('mazes', '20')), strength = Number(flag('strength', '1'));
  const radius = Number(flag('radius', cellPolicy ? '1' : '0'));
  const iterations = flag('iterations', 'found') === 'all' ? 'all' as const : undefined;
  const clear = args.includes('--clear') ? flag('clear', 'cheese') as 'cheese' | 'all' | 'none' : undefined;
  const clearWith = flag('clear-with', 'mean') as 'mean' | 'blank';
  const locateLevels = flag('locate-levels', 'test') as 'test' | 'train';
  const t0 = performance.now();
  const loc = locateTarget(agent, cheeseMazeLevels(locateLevels, 60, 'locate', { size, trainRegion }), { seed: 1, goalRadius: radius, cellByCell: !cellPolicy });
  const out: Record<string, unknown> = {
    agent: name, size, radius, strength, clearWith, locateLevels, iterations: iterations ?? 'found', verdict: loc.verdict, located: loc.located,
    best: loc.bestRow && { ...loc.bestRow, layers: loc.bestRow.layers.length > 3 ? `${loc.bestRow.layers.length} layers` : loc.bestRow.layers },
    channels: loc.best?.channels, pairs: loc.pairs, inputBaseline: loc.inputBaseline,
    probes: loc.probes.map((p) => ({ layer: p.layer, accuracy: +p.accuracy.toFixed(3), auc: +p.auc.toFixed(3) })),
    top: loc.rows.slice(0, 8).map((r) => ({ layer: r.layer, channel: r.channel, probe: r.probeAccuracy, effect: r.effect, goalEffect: r.goalEffect, passes: r.passes })),
    secondsLocate: (performance.now() - t0) / 1000,
  };
  console.error(`located in ${(out.secondsLocate as number).toFixed(0)} s: ${loc.verdict}`);
  if (loc.best) {
    const held = cheeseMazeLevels('test', mazes, 'held-out', { size, trainRegion });
    const t1 = performance.now();
    const by = retargetabilityByDistance(agent, { kind: 'located', located: loc.best, iterations, strength, clear, clearWith }, held, { cellPolicy, ceiling: true });
    out.retargetability = { mazes, trials: by.trials, rate: by.rate, baselineRate: by.baselineRate, ceilingRate: by.ceilingRate, bands: by.bands, seconds: (performance.now() - t1) / 1000 };
    console.error(`retargetability ${by.rate.toFixed(3)} vs ${by.baselineRate.toFixed(3)}`);
    if (!args.includes('--no-fix')) {
      const far = cheeseMazeLevels('test-far', 100, 'ood', { size, trainRegion });
      const fix = fixMisgeneralization(agent, loc.best, far, { iterations, strength, clearWith, cellPolicy, ...(clear ? { clear } : {}) });
      out.fix = { levels: fix.levels, before: fix.before, after: fix.after, proxyBefore: fix.proxyBefore, proxyAfter: fix.proxyAfter };
      out.oodSuccessNoEdit = rollout(agent, far, { cellPolicy }).filter((e) => e.outcome === 'cheese').length / far.length;
    }
  }
  console.log(JSON.stringify(out, null, 1));
}

main().catch((e) => { console.error(e); process.exit(1); });
