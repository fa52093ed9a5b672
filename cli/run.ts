import * as fs from 'node:fs';
import * as path from 'node:path';
import { RetargetLabError } from '../lib/core/errors';
import { runtimeRoot } from '../lib/core/cache';
import { formatTable } from '../lib/core/format';
import { describeFailure, executeNotebook, type NotebookRun } from '../kernel/executor';
import { installSignalCleanup } from '../kernel/client';
import { checkoutKernelSpec, projectRoot } from '../kernel/kernelspec';
import { writeNotebook } from '../kernel/notebook';
import { runPool } from '../kernel/pool';
import { parseCommandArgs, printJson, type Command } from './command';

const help = `Usage: retarget-lab run [notebooks… | dir] [--out DIR] [--jobs N] [--timeout S] [--kernel NAME] [--json]

Executes notebooks headless in the real kernel, through the Jupyter messaging protocol, and writes
the executed copies (outputs and per-cell timing) to --out.

  notebooks… | dir   .ipynb files or folders (default: every notebook in notebooks/)
  --out DIR          where executed copies go (default: build/notebooks, or notebooks/ in the per-user
                     cache when the install is read-only)
  --jobs N           notebooks run in parallel, each in its own kernel, at most N at once
                     (default 1); progress lines carry the notebook's number, the summary
                     table keeps the input order
  --timeout S        per-cell timeout in seconds (default: 300, at most 2147483); the cell is
                     interrupted, then killed
  --kernel NAME      an installed kernelspec to use (default: this checkout's own retarget-lab spec,
                     written to jupyter/ in the lab's cache folder)
  --json             print the summary as JSON

Exit status: 0 all notebooks ran, 1 a cell failed (its notebook, index, first line and error are
printed), 2 bad input.`;

/** The most kernels `--jobs` may start at once (each takes ~200–400 MB). */
export const MAX_JOBS = 64;

/** The longest per-cell timeout a Node timer can hold, in seconds. */
export const MAX_TIMEOUT_SECONDS = 2_147_483;

const real = (p: string) => { try { return fs.realpathSync(p); } catch { return path.resolve(p); } };

/** Refuses an output folder that holds an input notebook, and two inputs with the same file name. */
export function checkOutputs(files: string[], outDir: string): void {
  const out = real(outDir);
  const seen = new Map<string, string>();
  for (const f of files) {
    if (path.dirname(real(f)) === out) {
      throw new RetargetLabError('cli/run', `--out ${outDir} holds the notebook ${f}: its executed copy would overwrite it. Pass another --out.`);
    }
    const name = path.basename(f);
    const other = seen.get(name);
    if (other !== undefined && real(other) !== real(f)) {
      throw new RetargetLabError('cli/run', `${other} and ${f} have the same file name, so their executed copies would overwrite each other in ${outDir}; run them separately with different --out folders.`);
    }
    seen.set(name, f);
  }
}

/** Expands files and folders into a sorted list of .ipynb paths. */
export function collectNotebooks(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let stat: fs.Stats;
    try { stat = fs.statSync(input); } catch {
      throw new RetargetLabError('cli/run', `no such notebook or folder: ${input}.`);
    }
    if (stat.isDirectory()) {
      out.push(...fs.readdirSync(input).filter((f) => f.endsWith('.ipynb')).sort().map((f) => path.join(input, f)));
    } else {
      if (!input.endsWith('.ipynb')) throw new RetargetLabError('cli/run', `${input} is not an .ipynb file.`);
      out.push(input);
    }
  }
  if (out.length === 0) throw new RetargetLabError('cli/run', `no .ipynb files in ${inputs.join(', ')}.`);
  return out;
}

export const command: Command = {
  name: 'run',
  summary: 'execute notebooks headless in the real kernel',
  help,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('run', argv, {
      out: { type: 'string' }, timeout: { type: 'string' }, kernel: { type: 'string' }, json: { type: 'boolean' }, jobs: { type: 'string' },
    });
    const jobs = values.jobs === undefined ? 1 : Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS) {
      throw new RetargetLabError('cli/run', `--jobs must be a whole number of kernels from 1 to ${MAX_JOBS}, got ${JSON.stringify(String(values.jobs).slice(0, 40))}; pass e.g. --jobs 2.`);
    }
    const timeout = values.timeout === undefined ? 300 : Number(values.timeout);
    if (!(timeout > 0) || !Number.isFinite(timeout) || timeout > MAX_TIMEOUT_SECONDS) {
      throw new RetargetLabError('cli/run', `--timeout must be a positive number of seconds, at most ${MAX_TIMEOUT_SECONDS}, got ${JSON.stringify(String(values.timeout).slice(0, 40))}.`);
    }
    const files = collectNotebooks(positionals.length ? positionals : [path.join(projectRoot, 'notebooks')]);
    const outDir = path.resolve(values.out ?? path.join(runtimeRoot(), 'notebooks'));
    checkOutputs(files, outDir);
    const spec = checkoutKernelSpec(values.kernel);
    installSignalCleanup();
    // Build the library's declarations once, before N kernels start and would each rebuild them.
    const prepare = require('../kernel/prepare.cjs') as { linkSelf(): void; ensureTypes(): boolean };
    try { prepare.linkSelf(); prepare.ensureTypes(); } catch { /* read-only install: each kernel reports what is wrong */ }
    const log = (s: string) => process.stderr.write(s);
    // One kernel at a time on a terminal: a live cell counter on one line. In parallel (or piped):
    // whole lines only, each naming its notebook, so interleaved progress stays readable.
    const live = process.stderr.isTTY && jobs === 1;
    const tag = (k: number) => `[${String(k + 1).padStart(String(files.length).length)}/${files.length}] ${path.basename(files[k])}`;
    const started = performance.now();
    const runs: NotebookRun[] = await runPool(files, jobs, async (file, k) => {
      log(`${tag(k)} …${live ? '' : '\n'}`);
      const run = await executeNotebook(file, {
        kernel: spec, timeoutSeconds: timeout,
        onCell: live ? (i, total) => log(`\r${tag(k)} … cell ${i + 1}/${total}   `) : undefined,
      });
      writeNotebook(path.join(outDir, path.basename(file)), run.notebookOut);
      log(`${live ? '\r' : ''}${tag(k)} ${run.status} in ${run.seconds.toFixed(1)} s${live ? ' '.repeat(12) : ''}\n`);
      if (run.failure) log(`${describeFailure(run.failure)}\n`);
      return run;
    });
    const summary = runs.map((r) => ({
      notebook: path.relative(process.cwd(), r.notebook) || r.notebook,
      output: path.relative(process.cwd(), path.join(outDir, path.basename(r.notebook))),
      cells: r.cells, executed: r.executed, seconds: Number(r.seconds.toFixed(2)),
      kernelReadySeconds: Number(r.kernelReadySeconds.toFixed(2)), status: r.status,
      ...(r.failure ? { failure: { cellIndex: r.failure.cellIndex, firstLine: r.failure.firstLine, error: r.failure.errorText } } : {}),
    }));
    const wallSeconds = (performance.now() - started) / 1000;
    const failed = runs.filter((r) => r.status !== 'ok').length;
    if (values.json) {
      printJson({ outDir: path.relative(process.cwd(), outDir) || '.', jobs, wallSeconds: Number(wallSeconds.toFixed(2)), notebooks: summary, failed });
    } else {
      const rows = [['notebook', 'cells', 'seconds', 'status'], ...summary.map((s) => [path.basename(s.notebook), String(s.cells), s.seconds.toFixed(1), s.status])];
      process.stdout.write(`\n${formatTable(rows)}\n\n`);
      for (const r of runs) if (r.failure) process.stdout.write(`${describeFailure(r.failure)}\n`);
      process.stdout.write(`${runs.length - failed} of ${runs.length} notebooks ran cleanly in ${wallSeconds.toFixed(1)} s (${jobs} kernel${jobs > 1 ? 's' : ''} at a time); executed copies are in ${path.relative(process.cwd(), outDir) || outDir}/\n`);
    }
    return failed ? 1 : 0;
  },
};
