import { locateLearnedNarrow, retargetLearned } from '../lib/retarget/learned';
import { useBackend } from '../lib/mesa/index';
(async () => {
  await useBackend();
  const size = Number(process.argv[2] ?? 9), v = (process.argv[3] ?? 'planted') as any;
  let t0 = Date.now();
  const { found, scan, target } = locateLearnedNarrow(v, size, 1);
  console.log('locate', Date.now() - t0, 'ms', found.result.best?.label, 'narrowest', scan.narrowest && JSON.stringify({ ch: scan.narrowest.channels, r: scan.narrowest.radius, from: scan.narrowest.from, probe: scan.narrowest.probeAccuracy, eff: scan.narrowest.effect, inputDriven: scan.narrowest.inputDriven }));
  console.log('iterationOne', scan.iterationOne.map((x: number) => x.toFixed(2)).join(' '));
  if (!target) return;
  t0 = Date.now();
  const by = retargetLearned(found, 6, 1, { ceiling: true, target })!;
  const clear = retargetLearned(found, 6, 1, { edit: 'clear-only', target })!;
  console.log('retarget', Date.now() - t0, 'ms', { rate: by.rate, base: by.baselineRate, ceil: by.ceilingRate, clear: clear.rate, bands: by.bands.map((b) => [b.band, b.rate.toFixed(2)]) });
})();
