import { runClaim } from './index';
const list: [string, Record<string, unknown>][] = JSON.parse(process.argv[2]);
(async () => {
  for (const [id, p] of list) {
    const t = performance.now();
    try {
      const o = await runClaim(id, p as never);
      const nums = Object.fromEntries(Object.entries(o.numbers).slice(0, 8).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(3)) : v]));
      console.log(id, JSON.stringify(p), '=>', o.verdict, JSON.stringify(nums), ((performance.now() - t) / 1000).toFixed(1) + 's');
    } catch (e) { console.log(id, JSON.stringify(p), 'ERROR', String(e).slice(0, 200)); }
  }
})();
