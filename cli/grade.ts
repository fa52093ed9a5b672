import * as fs from 'node:fs';
import * as path from 'node:path';
import { RetargetLabError } from '../lib/core/errors';
import { runtimeRoot } from '../lib/core/cache';
import { gradeSubmissions, gradesCsv, gradesTable } from '../course/grade';
import { installSignalCleanup } from '../kernel/client';
import { MAX_TIMEOUT_SECONDS } from './run';
import { checkoutKernelSpec, projectRoot } from '../kernel/kernelspec';
import { parseCommandArgs, printJson, type Command } from './command';

const help = `Usage: retarget-lab grade SUBMISSION.ipynb… [--source DIR] [--out DIR] [--jobs N] [--timeout S]
                          [--sandbox bwrap|none] [--kernel NAME] [--json] [--csv FILE]

Autogrades submissions. Each runs in a fresh kernel (headless executor, running on after errors)
with its test cells replaced by the reference's (hidden tests restored). A test cell that runs
without error earns its points; one that fails, times out or kills the kernel earns 0 (after a
timeout or crash a fresh kernel re-runs the earlier non-test cells and grading goes on).

  SUBMISSION.ipynb…  submissions (files or folders); they are only read, never modified
  --source DIR       reference notebooks, matched by the student version's metadata, by file name,
                     or by shared grade_ids (default: notebooks/)
  --out DIR          executed copies and grades.json (default: build/grades, or grades/ in the per-user cache
                     when the install is read-only)
  --jobs N           kernels in parallel (default: 2)
  --timeout S        per-cell timeout in seconds (default: 60, at most 2147483)
  --sandbox MODE     bwrap (default on Linux): each kernel runs in a bubblewrap sandbox (no network,
                     read-only checkout, private working folder, references/other submissions/output
                     invisible, own PID namespace, unprivileged user, memory/CPU/wall limits);
                     none: no isolation at all (only for submissions you trust)
  --kernel NAME      an installed kernelspec (default: this checkout's retarget-lab spec)
  --json             print the results as JSON instead of the table
  --csv FILE         also write the grade table as CSV

Tampering: a locked or test cell whose nbgrader checksum differs from the reference's is flagged
("tampered <grade_id>"); an edited or deleted test cell scores 0, an edited locked cell is replaced
by the reference's when run and the submission's status is "tampered".

Checker: test cells run against a sealed checker that attests each passing check with a per-run
HMAC token; a patched, shadowed or bypassed checker earns nothing ("unattested <grade_id>"),
replaced built-ins are flagged ("tampered runtime <grade_id>"), and a student cell that assigns or
shadows check is flagged ("checker tampering cell N").

Exit status: 0 every submission graded cleanly, 1 a submission could not be graded (its kernel did
not start), was flagged as tampered, 2 bad input.`;


function positiveNumber(name: string, raw: string | undefined, fallback: number, integer = false, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!(n > 0) || !Number.isFinite(n) || n > max || (integer && !Number.isInteger(n))) {
    throw new RetargetLabError('cli/grade', `--${name} must be a positive ${integer ? 'integer' : 'number'} of at most ${max}, got ${JSON.stringify(raw.slice(0, 40))}.`);
  }
  return n;
}

function collectSubmissions(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let stat: fs.Stats | undefined;
    try { stat = fs.statSync(input); } catch { /* reported by the grader as a per-submission error */ }
    if (stat?.isDirectory()) out.push(...fs.readdirSync(input).filter((f) => f.endsWith('.ipynb')).sort().map((f) => path.join(input, f)));
    else out.push(input);
  }
  return out;
}

export const command: Command = {
  name: 'grade',
  summary: 'autograde submissions against the reference notebooks',
  help,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('grade', argv, {
      source: { type: 'string' }, out: { type: 'string' }, jobs: { type: 'string' }, timeout: { type: 'string' },
      kernel: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'string' }, sandbox: { type: 'string' },
    });
    if (positionals.length === 0) throw new RetargetLabError('cli/grade', 'give at least one submission .ipynb (or a folder of them); see `retarget-lab grade --help`.');
    const jobs = positiveNumber('jobs', values.jobs, 2, true, 64);
    const timeoutSeconds = positiveNumber('timeout', values.timeout, 60, false, MAX_TIMEOUT_SECONDS);
    const sandbox = values.sandbox ?? 'bwrap';
    if (sandbox !== 'bwrap' && sandbox !== 'none') throw new RetargetLabError('cli/grade', `--sandbox must be bwrap or none, got ${JSON.stringify(sandbox.slice(0, 40))}.`);
    if (sandbox === 'none') {
      process.stderr.write('WARNING: --sandbox none: submissions run as you, with your files, environment and network. A submission can read the reference notebooks and hidden tests, change other submissions, the output folder and this checkout, and kill the grader. Use it only for submissions you trust.\n');
    }
    const files = collectSubmissions(positionals);
    if (files.length === 0) throw new RetargetLabError('cli/grade', `no .ipynb files in ${positionals.join(', ')}.`);
    const sourceDir = path.resolve(values.source ?? path.join(projectRoot, 'notebooks'));
    const outDir = path.resolve(values.out ?? path.join(runtimeRoot(), 'grades'));
    installSignalCleanup();
    const results = await gradeSubmissions(files, {
      kernel: checkoutKernelSpec(values.kernel), sourceDir, outDir, jobs, timeoutSeconds, sandbox,
      onProgress: (line) => process.stderr.write(`${line}\n`),
    });
    for (const r of results) if (r.status === 'error') process.stderr.write(`error: ${r.error}\n`);
    if (values.csv) {
      fs.mkdirSync(path.dirname(path.resolve(values.csv)), { recursive: true });
      fs.writeFileSync(values.csv, gradesCsv(results));
    }
    const rel = (p: string) => path.relative(process.cwd(), p) || p;
    if (values.json) {
      printJson({ outDir: rel(outDir), submissions: results.map((r) => ({ ...r, seconds: Number(r.seconds.toFixed(2)) })) });
    } else {
      process.stdout.write(`${gradesTable(results)}\n\n`);
      const bad = results.filter((r) => r.status !== 'graded').length;
      process.stdout.write(`${results.length - bad} of ${results.length} submissions graded cleanly; executed copies and grades.json are in ${rel(outDir)}/\n`);
    }
    return results.some((r) => r.status !== 'graded') ? 1 : 0;
  },
};
