import * as fs from 'node:fs';
import * as path from 'node:path';
import { RetargetLabError } from '../lib/core/errors';
import { gradeSubmissions, gradesCsv, gradesTable } from '../course/grade';
import { checkoutKernelSpec, projectRoot } from '../kernel/kernelspec';
import { parseCommandArgs, printJson, type Command } from './command';

const help = `Usage: retarget-lab grade SUBMISSION.ipynb… [--source DIR] [--out DIR] [--jobs N] [--timeout S]
                          [--kernel NAME] [--json] [--csv FILE]

Autogrades submissions. Each runs in a fresh kernel (headless executor, running on after errors)
with its test cells replaced by the reference's (hidden tests restored). A test cell that runs
without error earns its points; one that fails, times out or kills the kernel earns 0 (after a
timeout or crash a fresh kernel re-runs the earlier non-test cells and grading goes on).

  SUBMISSION.ipynb…  submissions (files or folders); they are only read, never modified
  --source DIR       reference notebooks, matched by the student version's metadata, by file name,
                     or by shared grade_ids (default: notebooks/)
  --out DIR          executed copies and grades.json (default: build/grades)
  --jobs N           kernels in parallel (default: 2)
  --timeout S        per-cell timeout in seconds (default: 60)
  --kernel NAME      an installed kernelspec (default: this checkout's retarget-lab spec)
  --json             print the results as JSON instead of the table
  --csv FILE         also write the grade table as CSV

Tampering: a locked or test cell whose nbgrader checksum differs from the reference's is flagged
("tampered <grade_id>"); an edited or deleted test cell scores 0, an edited locked cell is replaced
by the reference's when run and the submission's status is "tampered".

Exit status: 0 every submission graded cleanly, 1 a submission could not be graded or was flagged
as tampered, 2 bad input.`;

function positiveNumber(name: string, raw: string | undefined, fallback: number, integer = false): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!(n > 0) || (integer && !Number.isInteger(n))) {
    throw new RetargetLabError('cli/grade', `--${name} must be a positive ${integer ? 'integer' : 'number'}, got ${raw}.`);
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
      kernel: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'string' },
    });
    if (positionals.length === 0) throw new RetargetLabError('cli/grade', 'give at least one submission .ipynb (or a folder of them); see `retarget-lab grade --help`.');
    const jobs = positiveNumber('jobs', values.jobs, 2, true);
    const timeoutSeconds = positiveNumber('timeout', values.timeout, 60);
    const files = collectSubmissions(positionals);
    if (files.length === 0) throw new RetargetLabError('cli/grade', `no .ipynb files in ${positionals.join(', ')}.`);
    const sourceDir = path.resolve(values.source ?? path.join(projectRoot, 'notebooks'));
    const outDir = path.resolve(values.out ?? path.join(projectRoot, 'build', 'grades'));
    const results = await gradeSubmissions(files, {
      kernel: checkoutKernelSpec(values.kernel), sourceDir, outDir, jobs, timeoutSeconds,
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
