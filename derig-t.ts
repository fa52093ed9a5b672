import { agentConfig, loadOrTrainAgent, useBackend, cheeseMazeLevels, retrainForTarget } from './index';
(async () => {
  await useBackend('wasm');
  const corner = await loadOrTrainAgent(agentConfig('planner', { rewardSpec: 'corner', trainDistribution: 'test' }));
  const held = cheeseMazeLevels('test', 16, 'retrain-eval/1', { size: corner.config.size, trainRegion: corner.config.trainRegion });
  for (const goal of [{ x: 1, y: 1 }, { x: 5, y: 5 }]) for (const from of ['trained', 'fresh'] as const) {
    const t = performance.now();
    const r = retrainForTarget(corner.agent, corner.config, goal, held, { goal: 0.95, every: 25, maxSteps: 300, from });
    console.log(JSON.stringify(goal), from, r.status, r.steps, r.seconds.toFixed(2), r.success, ((performance.now() - t) / 1000).toFixed(1), JSON.stringify(r.curve.map((c) => c.success)));
  }
})();
