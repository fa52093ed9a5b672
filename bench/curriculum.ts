/**
 * The curriculum's wall time (`retarget-lab bench --only curriculum`): every notebook in
 * notebooks/ through `retarget-lab run --json`, once with `--jobs 1` and once with `--jobs 2`
 * (each a fresh CLI process, as a learner runs it), plus kernel start-up on its own: a one-cell
 * notebook (kernel ready) and a first `import … from "retarget-lab"` (the type check of the
 * library's declarations). Not a test: the figures depend on the machine and on what else runs on
 * it, so the report carries the load average before and after. Warm means the caches (trained
 * weights, pattern databases, declarations) already exist: pass `warmup` to run the curriculum
 * once, unmeasured, first.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatTable } from '../lib/core/format';

const bin = path.resolve(__dirname, '..', 'bin', 'retarget-lab.js');
const notebooksDir = path.resolve(__dirname, '..', 'notebooks');

/** The target of issue 15: the whole curriculum, warm, within 120 s wall with --jobs 2. */
export const TARGET_SECONDS_JOBS2 = 120;

export interface CurriculumRun {
  jobs: number;
  /** Wall time of the whole `run` command, process start to exit. */
  wallSeconds: number;
  /** Sum of the notebooks' own times (what one kernel at a time would cost without overheads). */
  notebookSeconds: number;
  /** Median and max kernel-ready time over the notebooks. */
  kernelReadyMedian: number;
  kernelReadyMax: number;
  failed: number;
  notebooks: { notebook: string; seconds: number; kernelReadySeconds: number; status: string }[];
}

export interface KernelStart {
  /** Kernel process start until it answers (kernel_info), per start. */
  readySeconds: number[];
  /** The first `import … from "retarget-lab"` cell, per start. */
  firstImportSeconds: number[];
}

export interface CurriculumBench {
  machine: { cpu: string; cores: number; node: string; loadBefore: number[]; loadAfter: number[] };
  notebooks: number;
  /** True when every notebook of notebooks/ ran (the figure the 120 s target is about). */
  wholeCurriculum: boolean;
  warmup: boolean;
  kernelStart: KernelStart;
  runs: CurriculumRun[];
  /** wall(--jobs 1) ÷ wall(--jobs 2). */
  speedup: number | null;
  seconds: number;
}

export interface CurriculumBenchOptions {
  /** Job counts to measure, in order (default [1, 2]). */
  jobs?: number[];
  /** Notebooks to run (default every notebook in notebooks/). */
  notebooks?: string[];
  /** Run the curriculum once, unmeasured, before measuring (default false). */
  warmup?: boolean;
  /** Kernel starts to time (default 3). */
  kernelStarts?: number;
  log?: (line: string) => void;
}

interface RunJson {
  wallSeconds: number;
  failed: number;
  notebooks: { notebook: string; seconds: number; kernelReadySeconds: number; status: string }[];
}

/** Runs `retarget-lab run … --json` in a fresh process; resolves with its summary and wall time. */
function runCli(files: string[], jobs: number, outDir: string): Promise<{ wall: number; json: RunJson }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bin, 'run', ...files, '--jobs', String(jobs), '--out', outDir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('exit', (code) => {
      const wall = (performance.now() - t0) / 1000;
      try {
        resolve({ wall, json: JSON.parse(out) as RunJson });
      } catch {
        reject(new Error(`retarget-lab run --jobs ${jobs} exited with ${code} and no summary:\n${err.slice(-2000)}`));
      }
    });
  });
}

/** A minimal .ipynb of code cells for the retarget-lab kernel, as JSON text. */
function codeNotebookJson(sources: string[]): string {
  return JSON.stringify({
    nbformat: 4, nbformat_minor: 5,
    metadata: { kernelspec: { name: 'retarget-lab', display_name: 'TypeScript (Retarget Lab)', language: 'typescript' } },
    cells: sources.map((source, i) => ({ id: `c${i}`, cell_type: 'code', source, metadata: {}, outputs: [], execution_count: null })),
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number) => Math.round(x * 100) / 100;

/** Measures kernel start-up and the curriculum's wall time at each job count. */
export async function runCurriculumBench(options: CurriculumBenchOptions = {}): Promise<CurriculumBench> {
  const t0 = performance.now();
  const log = options.log ?? (() => undefined);
  const files = options.notebooks ?? fs.readdirSync(notebooksDir).filter((f) => f.endsWith('.ipynb')).sort().map((f) => path.join(notebooksDir, f));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'retarget-lab-bench-'));
  const cpus = os.cpus();
  const loadBefore = os.loadavg().map(round);
  try {
    if (options.warmup) {
      log(`curriculum: warm-up run of ${files.length} notebooks (--jobs 2, not measured) …`);
      await runCli(files, 2, path.join(tmp, 'warmup'));
    }
    const starts = options.kernelStarts ?? 3;
    const probe = path.join(tmp, 'probe', 'kernel-start.ipynb');
    fs.mkdirSync(path.dirname(probe), { recursive: true });
    fs.writeFileSync(probe, codeNotebookJson(['1', 'import { createRng } from "retarget-lab";\ncreateRng(1).next();']));
    const kernelStart: KernelStart = { readySeconds: [], firstImportSeconds: [] };
    for (let i = 0; i < starts; i++) {
      log(`kernel start ${i + 1}/${starts} …`);
      const out = path.join(tmp, `probe-out-${i}`);
      const { json } = await runCli([probe], 1, out);
      kernelStart.readySeconds.push(round(json.notebooks[0].kernelReadySeconds));
      const executed = JSON.parse(fs.readFileSync(path.join(out, 'kernel-start.ipynb'), 'utf8'));
      kernelStart.firstImportSeconds.push(round(executed.cells[1].metadata['retarget-lab'].seconds));
    }
    const runs: CurriculumRun[] = [];
    for (const jobs of options.jobs ?? [1, 2]) {
      log(`curriculum: ${files.length} notebooks with --jobs ${jobs} …`);
      const { wall, json } = await runCli(files, jobs, path.join(tmp, `jobs-${jobs}`));
      const ready = json.notebooks.map((n) => n.kernelReadySeconds);
      runs.push({
        jobs, wallSeconds: round(wall), notebookSeconds: round(json.notebooks.reduce((s, n) => s + n.seconds, 0)),
        kernelReadyMedian: round(median(ready)), kernelReadyMax: round(Math.max(...ready)), failed: json.failed,
        notebooks: json.notebooks.map((n) => ({ notebook: path.basename(n.notebook), seconds: n.seconds, kernelReadySeconds: n.kernelReadySeconds, status: n.status })),
      });
      log(`curriculum: --jobs ${jobs}: ${wall.toFixed(1)} s wall${json.failed ? `, ${json.failed} failed` : ''}`);
    }
    const one = runs.find((r) => r.jobs === 1);
    const two = runs.find((r) => r.jobs === 2);
    return {
      machine: { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, node: process.version, loadBefore, loadAfter: os.loadavg().map(round) },
      notebooks: files.length, wholeCurriculum: options.notebooks === undefined, warmup: options.warmup ?? false, kernelStart, runs,
      speedup: one && two ? round(one.wallSeconds / two.wallSeconds) : null,
      seconds: round((performance.now() - t0) / 1000),
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The report as readable tables. */
export function formatCurriculumBench(b: CurriculumBench): string {
  const m = b.machine;
  const out = [
    `retarget-lab bench --only curriculum: ${m.cpu}, ${m.cores} cores, node ${m.node}; load average before ${m.loadBefore.join(' ')}, after ${m.loadAfter.join(' ')}`,
    `(wall times include whatever else runs on this machine; ${b.warmup ? 'after a warm-up run' : 'no warm-up run: caches as found'})`,
    '',
    `Kernel start (${b.kernelStart.readySeconds.length} starts of a one-cell notebook): ready ${b.kernelStart.readySeconds.join(', ')} s (median ${median(b.kernelStart.readySeconds).toFixed(2)}); ` +
      `first import from "retarget-lab" ${b.kernelStart.firstImportSeconds.join(', ')} s (median ${median(b.kernelStart.firstImportSeconds).toFixed(2)})`,
    '',
    `Curriculum: ${b.notebooks} notebooks through \`retarget-lab run --jobs N\``,
  ];
  const base = b.runs.find((r) => r.jobs === 1);
  out.push(formatTable([
    ['--jobs', 'wall s', 'sum of notebook s', 'kernel ready median s', 'kernel ready max s', 'wall ratio vs --jobs 1', 'failed'],
    ...b.runs.map((r) => [String(r.jobs), r.wallSeconds.toFixed(1), r.notebookSeconds.toFixed(1), r.kernelReadyMedian.toFixed(2), r.kernelReadyMax.toFixed(2),
      base ? `${(base.wallSeconds / r.wallSeconds).toFixed(2)}x` : '–', String(r.failed)]),
  ]));
  const names = b.runs[0]?.notebooks.map((n) => n.notebook) ?? [];
  out.push('', 'Per notebook (seconds, kernel start included):');
  out.push(formatTable([
    ['notebook', ...b.runs.map((r) => `--jobs ${r.jobs}`)],
    ...names.map((name, i) => [name, ...b.runs.map((r) => `${r.notebooks[i]?.seconds.toFixed(1) ?? '–'}${r.notebooks[i]?.status === 'ok' ? '' : ' FAILED'}`)]),
  ]));
  const two = b.runs.find((r) => r.jobs === 2);
  if (two && b.wholeCurriculum) out.push('', `Target: the whole curriculum within ${TARGET_SECONDS_JOBS2} s wall with --jobs 2: ${two.wallSeconds <= TARGET_SECONDS_JOBS2 ? 'met' : 'NOT met'} (${two.wallSeconds.toFixed(1)} s).`);
  return out.join('\n');
}
