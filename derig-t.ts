import { heuristicWorthStudy } from './lessons/08-specialized-heuristics/chess/study';
for (const o of [{ endgameDepth: 2, horizon: 3, orderingDepth: 4 }, { endgameDepth: 2, horizon: 3, orderingDepth: 2 }, { endgameDepth: 3, horizon: 3, orderingDepth: 4 }, { orderingDepth: 4 }]) {
  const t = performance.now();
  const s = heuristicWorthStudy(o);
  const st = s.sameTable;
  console.log(JSON.stringify(o), 'eval', s.before.evaluation.factor.toFixed(2), s.after.evaluation.factor.toFixed(2), 'table', st[0].speedup.toFixed(2), st[1].speedup.toFixed(2), 'ord', s.before.orderingFactor.toFixed(2), s.after.orderingFactor.toFixed(2), ((performance.now() - t) / 1000).toFixed(1));
}
