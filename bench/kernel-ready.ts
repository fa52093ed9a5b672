/**
 * Kernel start, measured (a script, not a timed test): `npx tsx bench/kernel-ready.ts [--runs N] [--json]`.
 *
 * - ready: spawn → the first kernel_info reply with iopub connected (what a notebook server waits
 *   for), through the real client, for a notebook folder outside the install (a temp folder);
 * - first import: the first cell `import { createRng } from "retarget-lab"` (tslab builds its type
 *   checker and checks the cell against the library's declarations);
 * - phases: in a fresh Node process each, how long loading each part of the launcher takes.
 * Medians over the runs; the load average is printed because a shared 2-core machine varies a lot.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { KernelClient } from '../kernel/client';
import { checkoutKernelSpec, projectRoot } from '../kernel/kernelspec';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Milliseconds to load each part of the launcher, cumulative order, in one fresh Node process. */
function phases(): Record<string, number> {
  const script = `
    const t = []; let last = performance.now();
    const step = (name, f) => { f(); const now = performance.now(); t.push([name, now - last]); last = now; };
    const root = ${JSON.stringify(projectRoot)};
    step('prepare (checkout: source walk, type-rebuild check)', () => { const p = require(root + '/kernel/prepare.cjs'); p.linkSelf(); p.ensureTypes(); });
    step('code cache hook', () => require(root + '/kernel/code-cache.cjs').enable());
    step('resolve (loads tslab\\'s TypeScript 5.0)', () => require(root + '/kernel/resolve.cjs').resolveFromInstall(root, require('node:os').tmpdir()));
    step('zeromq', () => require(require.resolve('zeromq', { paths: [root] })));
    step('tsx', () => require(require.resolve('tsx/cjs', { paths: [root] })));
    step('tslab (jupyter, main)', () => { require(require.resolve('tslab/dist/jupyter', { paths: [root] })); require(require.resolve('tslab/dist/main', { paths: [root] })); });
    process.stdout.write(JSON.stringify(Object.fromEntries(t)));`;
  const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, json: { type: 'boolean' } } });
  const runs = Number(values.runs ?? 5);
  const spec = checkoutKernelSpec();
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'rl kernel ready '));
  const ready: number[] = [];
  const firstImport: number[] = [];
  const load = [os.loadavg()[0]];
  for (let i = 0; i < runs; i++) {
    const kernel = await KernelClient.start(spec, { cwd });
    ready.push(kernel.readySeconds);
    const r = await kernel.execute('import { createRng } from "retarget-lab";\ncreateRng(1).next();', { timeoutMs: 120_000 });
    if (r.status !== 'ok') throw new Error(`the first import failed: ${r.errorText}`);
    firstImport.push(r.seconds);
    await kernel.shutdown();
  }
  load.push(os.loadavg()[0]);
  const phaseRuns = Array.from({ length: runs }, phases);
  const phaseMedians = Object.fromEntries(Object.keys(phaseRuns[0]).map((k) => [k, Math.round(median(phaseRuns.map((p) => p[k])))]));
  fs.rmSync(cwd, { recursive: true, force: true });
  const report = {
    runs, node: process.version, cores: os.cpus().length, loadAverage: load.map((l) => Number(l.toFixed(2))),
    readySeconds: { median: Number(median(ready).toFixed(2)), min: Number(Math.min(...ready).toFixed(2)), all: ready.map((s) => Number(s.toFixed(2))) },
    firstImportSeconds: { median: Number(median(firstImport).toFixed(2)), min: Number(Math.min(...firstImport).toFixed(2)) },
    phasesMs: phaseMedians,
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  process.stdout.write(`kernel ready      median ${report.readySeconds.median} s, min ${report.readySeconds.min} s (${runs} starts: ${report.readySeconds.all.join(', ')})\n`);
  process.stdout.write(`first import      median ${report.firstImportSeconds.median} s, min ${report.firstImportSeconds.min} s\n`);
  process.stdout.write(`load average      ${report.loadAverage.join(' → ')} on ${report.cores} cores, Node ${report.node}\n`);
  process.stdout.write('launcher phases (median ms, one fresh process each):\n');
  for (const [k, v] of Object.entries(phaseMedians)) process.stdout.write(`  ${String(v).padStart(6)}  ${k}\n`);
}

main().then(() => process.exit(0), (err) => { process.stderr.write(`${err && err.stack ? err.stack : err}\n`); process.exit(1); });
