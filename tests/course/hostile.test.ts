import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeSubmissions, type SubmissionGrade } from '../../course/grade';
import { makeStudentNotebook } from '../../course/student';
import { projectRoot } from '../../kernel/kernelspec';
import { serializeNotebook, writeNotebook } from '../../kernel/notebook';
import { sandboxAvailable } from '../../kernel/sandbox';
import { tempKernelSpec } from '../kernel/helpers';
import { answer, fixture, fixtureDir, tempDir } from './helpers';
import { hostileSubmissions, importInTestCellReference } from './hostile';

const spec = tempKernelSpec();
const TIMEOUT = 30;

/** Processes whose command line contains `needle` (excluding pgrep itself). */
function processesMatching(needle: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', needle], { encoding: 'utf8' }).split('\n').filter((l) => l.trim() && !l.includes('pgrep'));
  } catch {
    return [];
  }
}

// The sandbox needs Linux and bubblewrap (CI installs it: .ci/run).
describe.skipIf(!sandboxAvailable())('course/grade: hostile submissions in the bubblewrap sandbox', () => {
  const dir = tempDir('rl-hostile-');
  const out = tempDir('rl-hostile-out-');
  const checkerFile = path.join(projectRoot, 'lib', 'exercises', 'check.ts');
  const checkerBefore = fs.readFileSync(checkerFile);
  const sleepSeconds = 4000 + Math.floor(Math.random() * 999);
  // The grader's temp folder (connection files, sandboxes) is unique to this run, so the
  // sibling-killer's aim (kernels whose command line mentions it) can only be this run's kernels.
  const graderTmp = tempDir('rl-hostile-tmp-');
  const submissions = hostileSubmissions({
    referenceFile: fixture, victimFile: path.join(dir, 'good.ipynb'), outDir: out, checkerFile, sleepSeconds, kernelMarker: graderTmp,
  });
  const files = Object.keys(submissions).map((n) => path.join(dir, n));
  const before = new Map<string, Buffer>();
  const progress: string[] = [];
  let results: SubmissionGrade[];
  let by: Record<string, SubmissionGrade>;
  const points = (name: string) => Object.fromEntries(by[name].exercises.map((e) => [e.id, e.points]));

  beforeAll(async () => {
    for (const [name, text] of Object.entries(submissions)) fs.writeFileSync(path.join(dir, name), text);
    for (const f of files) before.set(f, fs.readFileSync(f));
    process.env.RT_SECRET = 'hunter2';
    const tmpBefore = process.env.TMPDIR;
    process.env.TMPDIR = graderTmp;
    try {
      results = await gradeSubmissions(files, { kernel: spec, sourceDir: fixtureDir, outDir: out, jobs: 2, timeoutSeconds: TIMEOUT, onProgress: (l) => progress.push(l) });
    } finally {
      delete process.env.RT_SECRET;
      if (tmpBefore === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = tmpBefore;
    }
    by = Object.fromEntries(results.map((r) => [path.basename(r.submission), r]));
  }, 900_000);

  afterAll(() => {
    // Never leave the checkout edited, even if the sandbox failed.
    if (!fs.readFileSync(checkerFile).equals(checkerBefore)) fs.writeFileSync(checkerFile, checkerBefore);
  });

  it('a correct submission gets full points, unflagged', () => {
    expect(by['good.ipynb']).toMatchObject({ status: 'graded', total: 3, flags: [], restarts: 0 });
    // the executed copy shows the reference's test cells, without the grader's sealing cell or tokens
    const copy = fs.readFileSync(by['good.ipynb'].output!, 'utf8');
    expect(copy).not.toMatch(/retarget-lab-attest|sealChecker|rlGradeSealed/);
    const sources = (JSON.parse(copy).cells as { source: string | string[] }[]).map((c) => [c.source].flat().join(''));
    expect(sources).toContain('check.exercise("fx-double", double);\n// BEGIN HIDDEN TESTS\ncheck.exercise("fx-double", double, { seed: 100, count: 5 });\n// END HIDDEN TESTS');
  });

  it('patching the checker from a solution cell scores 0 and is flagged', () => {
    expect(by['patch.ipynb']).toMatchObject({ status: 'tampered', total: 0 });
    expect(by['patch.ipynb'].flags.join()).toMatch(/checker tampering cell \d+ \(assigns to check\)/);
    expect(by['shadow.ipynb']).toMatchObject({ status: 'tampered', total: 0 });
    expect(by['shadow.ipynb'].flags.join()).toMatch(/checker tampering cell \d+ \(shadows check\)/);
  });

  it('replacing a built-in the checker relies on scores 0 and is flagged', () => {
    expect(by['builtins.ipynb']).toMatchObject({ status: 'tampered', total: 0 });
    expect(by['builtins.ipynb'].flags).toContain('tampered runtime fx-double-test');
    expect(by['builtins.ipynb'].exercises[0].error).toMatch(/Array\.prototype\.push was replaced/);
  });

  it('cannot read the reference notebook, nor see notebooks in its working folder', () => {
    expect(points('read-reference.ipynb')).toEqual({ 'fx-double': 0, 'fx-sum': 0 });
    expect(by['read-reference.ipynb'].exercises[0].error).toMatch(/got:\s+-2/);
  });

  it("does not inherit the grader's environment", () => {
    expect(points('env.ipynb')).toEqual({ 'fx-double': 0, 'fx-sum': 0 });
  });

  it('cannot write to another submission or the output folder; results come from the grader', () => {
    expect(points('write-elsewhere.ipynb')).toEqual({ 'fx-double': 0, 'fx-sum': 1 });
    for (const f of files) expect(fs.readFileSync(f).equals(before.get(f)!)).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'grades.json'), 'utf8'))).toHaveLength(files.length);
  });

  it('cannot edit the checkout (the checker file stays as it was)', () => {
    expect(points('edit-checkout.ipynb')).toEqual({ 'fx-double': 0, 'fx-sum': 1 });
    expect(fs.readFileSync(checkerFile).equals(checkerBefore)).toBe(true);
  });

  it('cannot kill the grader: the batch finishes and the attacker is graded normally', () => {
    expect(results).toHaveLength(files.length);
    expect(by['kill-parent.ipynb']).toMatchObject({ status: 'graded', total: 3 });
  });

  it("cannot kill another student's kernel (jobs 2): nobody else restarted or lost points", () => {
    expect(by['kill-sibling.ipynb']).toMatchObject({ status: 'graded', total: 3 });
    for (const r of results) if (!/hang/.test(r.submission)) expect(r.restarts, r.submission).toBe(0);
    expect(by['good.ipynb'].total).toBe(3);
    expect(by['chatty.ipynb'].total).toBe(3);
  });

  it('leaves no process behind (20 detached sleeps die with the kernel)', () => {
    expect(by['spawn.ipynb']).toMatchObject({ status: 'graded', total: 3 });
    expect(processesMatching(`sleep ${sleepSeconds}`)).toEqual([]);
  });

  it('a top-level infinite loop in exercise 1 costs only exercise 1, and the cell is flagged', () => {
    const r = by['hang-top-level.ipynb'];
    expect(points('hang-top-level.ipynb')).toEqual({ 'fx-double': 0, 'fx-sum': 1 });
    expect(r.flags.join()).toMatch(/timeout cell 3/);
    expect(r.restarts).toBe(1);
  });

  it('a chatty correct answer (50 lines per call) gets full points', () => {
    expect(by['chatty.ipynb']).toMatchObject({ status: 'graded', total: 3, flags: [] });
  });
});

describe.skipIf(!sandboxAvailable())('course/grade: fair restarts when an import lived in a failing test cell', () => {
  it('exercise 2 keeps its points when exercise 1 (whose test cell imported check) fails', async () => {
    const src = tempDir('rl-import-src-');
    const ref = importInTestCellReference();
    writeNotebook(path.join(src, 'course-fixture.ipynb'), ref);
    const student = makeStudentNotebook(ref, path.join(src, 'course-fixture.ipynb'));
    const dir = tempDir('rl-import-sub-');
    const sub = path.join(dir, 'wrong-first.ipynb');
    fs.writeFileSync(sub, serializeNotebook(answer(answer(student, 'fx-double', 'return n;'), 'fx-sum', 'return xs.reduce((a, b) => a + b, 0);')));
    const [r] = await gradeSubmissions([sub], { kernel: spec, sourceDir: src, outDir: tempDir('rl-import-out-'), timeoutSeconds: TIMEOUT });
    expect(Object.fromEntries(r.exercises.map((e) => [e.id, [e.points, e.status]]))).toEqual({ 'fx-double': [0, 'failed'], 'fx-sum': [1, 'passed'] });
  }, 300_000);
});

describe('course/grade: a kernel that cannot start', () => {
  it('gives status error (never "graded cleanly")', async () => {
    const dir = tempDir('rl-nostart-');
    const student = makeStudentNotebook(JSON.parse(fs.readFileSync(fixture, 'utf8')), fixture);
    const sub = path.join(dir, 'a.ipynb');
    fs.writeFileSync(sub, serializeNotebook(student));
    const broken = { ...spec, spec: { ...spec.spec, argv: [process.execPath, '-e', 'process.exit(3)', '{connection_file}'] } };
    const [r] = await gradeSubmissions([sub], { kernel: broken, sourceDir: fixtureDir, outDir: tempDir('rl-nostart-out-'), sandbox: 'none' });
    expect(r.status).toBe('error');
    expect(r.flags).toContain('kernel failed to start');
    expect(r.error).toMatch(/kernel exited during startup/);
  }, 120_000);
});

describe.skipIf(!sandboxAvailable())('course/grade: limits inside the sandbox', () => {
  const student = () => makeStudentNotebook(JSON.parse(fs.readFileSync(fixture, 'utf8')), fixture);

  it('a memory hog in exercise 1 hits the memory limit and costs only exercise 1', async () => {
    const dir = tempDir('rl-mem-');
    const sub = path.join(dir, 'hog.ipynb');
    fs.writeFileSync(sub, serializeNotebook(answer(answer(student(), 'fx-double', 'const hog: number[][] = []; for (;;) hog.push(new Array(1_000_000).fill(n));'), 'fx-sum', 'return xs.reduce((a, b) => a + b, 0);')));
    const [r] = await gradeSubmissions([sub], { kernel: spec, sourceDir: fixtureDir, outDir: tempDir('rl-mem-out-'), timeoutSeconds: TIMEOUT, limits: { memoryMiB: 512 } });
    expect(Object.fromEntries(r.exercises.map((e) => [e.id, e.points]))).toEqual({ 'fx-double': 0, 'fx-sum': 1 });
    expect(r.exercises[0].status).toMatch(/died|failed/);
  }, 300_000);

  it('the wall-clock budget per submission stops a submission that keeps hanging, and says so', async () => {
    const dir = tempDir('rl-wall-');
    const sub = path.join(dir, 'slow.ipynb');
    fs.writeFileSync(sub, serializeNotebook(answer(answer(student(), 'fx-double', 'while (true) { /* stuck */ }'), 'fx-sum', 'while (true) { /* stuck */ }')));
    const t0 = Date.now();
    const [r] = await gradeSubmissions([sub], { kernel: spec, sourceDir: fixtureDir, outDir: tempDir('rl-wall-out-'), timeoutSeconds: 60, wallSeconds: 25 });
    expect((Date.now() - t0) / 1000).toBeLessThan(60);
    expect(r.total).toBe(0);
    expect(r.flags).toContain('wall-clock limit');
  }, 300_000);
});

describe.skipIf(!sandboxAvailable())('course/grade: notebook 01, exercise 1 left as the stub, exercise 2 solved', () => {
  it('exercise 2 keeps its points (it used to lose them with the import that lived in exercise 1\'s test cell)', async () => {
    const nbFile = path.join(projectRoot, 'notebooks', '01-search-as-retargetable-process.ipynb');
    const nb = JSON.parse(fs.readFileSync(nbFile, 'utf8'));
    const { stubSolution } = await import('../../course/student');
    const { gradeId } = await import('../../course/nbgrader');
    const { sourceLines, sourceText } = await import('../../kernel/notebook');
    const first = nb.cells.find((c: any) => /-solution$/.test(gradeId(c) ?? ''));
    first.source = sourceLines(stubSolution(sourceText(first.source), first.cell_type));
    const dir = tempDir('rl-nb01-');
    const sub = path.join(dir, path.basename(nbFile));
    fs.writeFileSync(sub, JSON.stringify(nb));
    const [r] = await gradeSubmissions([sub], { kernel: spec, sourceDir: path.dirname(nbFile), outDir: tempDir('rl-nb01-out-'), timeoutSeconds: 120 });
    expect(r.exercises.map((e) => [e.points, e.maxPoints])).toEqual([[0, 2], [2, 2]]);
    expect(r.status).toBe('graded');
  }, 600_000);
});
