/**
 * The autograder. For each submission:
 *
 * 1. Find its reference notebook in the source folder: by `metadata['retarget-lab-course'].source`
 *    (written into every student version), else by file name, else the reference sharing the most
 *    test-cell grade_ids.
 * 2. Verify it: every locked cell and test cell of the reference's student version must be present
 *    (matched by nbgrader grade_id) with the same checksum. A mismatch is FLAGGED, never silently
 *    graded: an edited or missing test cell scores 0 for its exercise; an edited locked cell marks
 *    the submission `tampered` (its points stand, but the flag is shown in every report) and the
 *    reference's version of the cell is what runs.
 * 3. Build the notebook to run: the submission with outputs cleared, the test cells replaced by the
 *    reference's full test cells (hidden tests restored) and locked cells by the reference's.
 * 4. Execute it with the headless executor in a fresh kernel (stopOnError false). A test cell
 *    scores its points when it runs without error. A cell that times out or kills the kernel
 *    scores 0; the grader then starts a fresh kernel and runs the notebook again, re-running
 *    every earlier non-test cell (to rebuild definitions), skipping the cells already graded and
 *    the cell(s) that killed a kernel, and carries on with the rest.
 *
 * Submissions are only read; executed copies and results go to the output folder.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fail, RetargetLabError } from '../lib/core/errors';
import { formatTable } from '../lib/core/format';
import { projectRoot, type FoundKernelSpec } from '../kernel/kernelspec';
import { ATTEST_PREFIX, attestToken, TAMPER_MARK } from '../kernel/attest';
import { createSandbox, sandboxAvailable, sandboxUnavailableMessage, type Sandbox, type SandboxLimits } from '../kernel/sandbox';
import { executeNotebook, type ExecuteOptions, type NotebookRun } from '../kernel/executor';
import { runPool } from '../kernel/pool';
import { cellTags, parseNotebook, readNotebook, sourceLines, sourceText, writeNotebook, type NbCell, type Notebook } from '../kernel/notebook';
import { COURSE_METADATA, computeChecksum, exerciseOf, gradeId, isChecked, isGraded, nbgrader, testCells, cellPoints } from './nbgrader';
import { listGradedCells, makeStudentNotebook } from './student';

const MODULE = 'course/grade';

export type ExerciseStatus = 'passed' | 'failed' | 'timeout' | 'died' | 'not run' | 'tampered' | 'missing';

export interface ExerciseGrade {
  /** Exercise id (the test cell's grade_id without `-test`). */
  id: string;
  gradeId: string;
  points: number;
  maxPoints: number;
  status: ExerciseStatus;
  /** First lines of the error, for failed / timed-out cells. */
  error?: string;
}

export interface SubmissionGrade {
  submission: string;
  /** The reference notebook it was graded against. */
  source?: string;
  /** graded; tampered (a checked cell was edited or removed: see flags); error (not gradable). */
  status: 'graded' | 'tampered' | 'error';
  exercises: ExerciseGrade[];
  total: number;
  maxTotal: number;
  flags: string[];
  error?: string;
  /** The executed copy. */
  output?: string;
  seconds: number;
  /** Kernels started after the first one (after a timeout or crash). */
  restarts: number;
}

export interface GradeOptions {
  kernel: FoundKernelSpec;
  /** Folder of reference notebooks (with solutions and hidden tests). */
  sourceDir: string;
  /** Where executed copies and grades.json go. */
  outDir: string;
  /** Kernels in parallel (default 2). */
  jobs?: number;
  /** Per-cell timeout in seconds (default 60). */
  timeoutSeconds?: number;
  /** Progress lines ("[2/5] alice.ipynb: 3/3 points in 8.1 s"). */
  onProgress?: (line: string) => void;
  /**
   * `bwrap` (default): every kernel runs in a bubblewrap sandbox (kernel/sandbox); `none`: the
   * kernel runs as the grader's user with the grader's file system (trusted submissions only).
   */
  sandbox?: SandboxMode;
  /** Resource limits inside the sandbox. */
  limits?: SandboxLimits;
  /** Wall-clock limit per submission in seconds, restarts included (default 10 × the cell timeout, at least 300). */
  wallSeconds?: number;
  /** Characters of output kept per cell in the executed copy (default 200,000). */
  outputCap?: number;
}

export type SandboxMode = 'bwrap' | 'none';

interface Reference { file: string; nb: Notebook; student: Notebook; testIds: Set<string> }

/** Reads every reference notebook of `dir` (malformed ones are skipped with a progress note). */
export function loadReferences(dir: string, onProgress?: (line: string) => void): Reference[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((f) => f.endsWith('.ipynb')).sort();
  } catch {
    return fail(MODULE, `cannot read the source folder ${dir}; pass --source with the folder of reference notebooks.`);
  }
  const refs: Reference[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const nb = readNotebook(file);
      refs.push({ file, nb, student: makeStudentNotebook(nb, file), testIds: new Set(testCells(nb).map((c) => gradeId(c)!)) });
    } catch (err) {
      onProgress?.(`warning: skipping reference ${file}: ${(err as Error).message}`);
    }
  }
  return refs;
}

/** The reference notebook a submission belongs to (see the module comment for the rule). */
export function findReference(sub: Notebook, file: string, refs: Reference[]): Reference {
  const recorded = sub.metadata?.[COURSE_METADATA]?.source;
  const byMeta = typeof recorded === 'string' ? refs.find((r) => path.basename(r.file) === recorded) : undefined;
  if (byMeta) return byMeta;
  const byName = refs.find((r) => path.basename(r.file) === path.basename(file));
  if (byName) return byName;
  const ids = new Set(sub.cells.map(gradeId).filter((x): x is string => !!x));
  let best: Reference | undefined;
  let bestShared = 0;
  for (const r of refs) {
    const shared = [...r.testIds].filter((id) => ids.has(id)).length;
    if (shared > bestShared) { best = r; bestShared = shared; }
  }
  if (best) return best;
  return fail(MODULE, `${file}: no reference notebook matches it (by metadata, file name or grade_ids) among ${refs.length} in the source folder; pass --source with the folder holding its reference.`);
}

function firstLines(text: string, n = 3): string {
  const lines = text.split('\n').map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').trimEnd()).filter((l) => l.trim());
  const picked = lines.filter((l) => /✗|expected:|got:|Error|YOUR CODE HERE|timed out|died/.test(l)).slice(0, n);
  return (picked.length ? picked : lines.slice(0, n)).map((l) => l.trim()).join(' / ').slice(0, 300);
}

interface CellRecord { status: 'ok' | 'error' | 'timeout' | 'died'; errorText: string; cell: NbCell }

/** Runs the executor; a kernel that fails to start (e.g. on an overloaded machine) gets two more tries. */
async function executeWithRetry(file: string, nb: Notebook, opts: ExecuteOptions): Promise<NotebookRun> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await executeNotebook(file, opts, nb);
    } catch (err) {
      if (!(err instanceof RetargetLabError) || attempt >= 3) throw err;
    }
  }
}

/** Grades one submission (never writes to it). */
export async function gradeSubmission(file: string, refs: Reference[], opts: GradeOptions, outName = path.basename(file)): Promise<SubmissionGrade> {
  const t0 = performance.now();
  const base: SubmissionGrade = { submission: file, status: 'error', exercises: [], total: 0, maxTotal: 0, flags: [], seconds: 0, restarts: 0 };
  let sub: Notebook;
  let ref: Reference;
  try {
    let text: string;
    try { text = fs.readFileSync(file, 'utf8'); } catch (err) {
      throw new RetargetLabError(MODULE, `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the path.`);
    }
    sub = parseNotebook(text, file);
    ref = findReference(sub, file, refs);
  } catch (err) {
    if (!(err instanceof RetargetLabError)) throw err;
    return { ...base, error: err.message, flags: ['error'], seconds: (performance.now() - t0) / 1000 };
  }

  // 2. Verify locked and test cells against the reference's student version.
  const subById = new Map<string, number>();
  sub.cells.forEach((c, i) => { const id = gradeId(c); if (id && !subById.has(id)) subById.set(id, i); });
  const tamperedIds = new Set<string>();
  const missingIds = new Set<string>();
  const flags: string[] = [];
  for (const expected of ref.student.cells.filter(isChecked)) {
    const id = gradeId(expected)!;
    const at = subById.get(id);
    if (at === undefined) { missingIds.add(id); flags.push(`missing ${id}`); continue; }
    const sum = computeChecksum(sub.cells[at]);
    // The reference's own cell (hidden tests included) is accepted too, so the reference grades as is.
    const refCell = ref.nb.cells.find((c) => gradeId(c) === id);
    if (sum !== nbgrader(expected)!.checksum && !(refCell && sum === computeChecksum(refCell))) {
      tamperedIds.add(id);
      flags.push(`tampered ${id}`);
    }
  }

  // Student cells that reach for the checker (assign or shadow `check`, define exercises) are
  // flagged for a human; whatever they do, only the sealed checker's attestations earn points.
  sub.cells.forEach((c, i) => {
    if (c.cell_type !== 'code' || isChecked(c)) return;
    const what = checkerTampering(sourceText(c.source));
    if (what) flags.push(`checker tampering cell ${i} (${what})`);
  });

  // 3. The notebook to run: the grader's sealing cell first (kernel/attest), then the submission
  //    with outputs cleared, locked and test cells replaced by the reference's, and the test cells'
  //    `check.exercise(…)` calls routed through the sealed checker.
  const key = randomBytes(32);
  const slot = `__retargetLabGrade_${randomBytes(6).toString('hex')}`;
  const attested = new Map<number, { gradeId: string; nonce: string; calls: number }>();
  const refById = new Map(ref.nb.cells.filter((c) => gradeId(c)).map((c) => [gradeId(c)!, c] as const));
  const exec: Notebook = structuredClone(sub);
  exec.cells = exec.cells.map((c) => {
    const id = gradeId(c);
    const r = id ? refById.get(id) : undefined;
    const cell: NbCell = r && isChecked(r) ? { ...structuredClone(r), id: c.id } : c;
    if (cell.cell_type === 'code') { cell.outputs = []; cell.execution_count = null; }
    delete cell.metadata.execution;
    delete cell.metadata['retarget-lab'];
    return cell;
  });
  exec.cells.forEach((c, i) => {
    if (!(isGraded(c) && refById.get(gradeId(c)!) && isChecked(c))) return;
    const nonce = randomBytes(8).toString('hex');
    const { source, calls } = attestedSource(sourceText(c.source), gradeId(c)!, nonce, slot);
    if (calls) { c.source = source; attested.set(i + 1, { gradeId: gradeId(c)!, nonce, calls }); }
  });
  exec.cells.unshift({ id: 'retarget-lab-grader-seal', cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source: '' });
  const SEAL = 0;

  // 4. Execute, restarting the kernel after a cell that timed out or killed it.
  const isTest = (i: number) => isGraded(exec.cells[i]);
  const done = new Map<number, CellRecord>();
  const skip = new Set<number>();
  const timeoutSeconds = opts.timeoutSeconds ?? 60;
  const deadline = t0 + 1000 * (opts.wallSeconds ?? Math.max(300, 10 * timeoutSeconds));
  let restarts = -1;
  let startError: string | undefined;
  let sandbox: Sandbox | undefined;
  let scratch: string | undefined;
  try {
    if ((opts.sandbox ?? 'bwrap') === 'bwrap') sandbox = createSandbox({ projectRoot, limits: opts.limits });
    else scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'retarget-lab-grade-'));
    const keyFile = path.join(sandbox ? sandbox.connDir : scratch!, 'attest-key');
    exec.cells[SEAL].source = sealSource(keyFile, slot);
    for (let round = 0; round < 20 && performance.now() < deadline; round += 1) {
      restarts += 1;
      fs.writeFileSync(keyFile, key, { mode: 0o600 });
      sandbox?.own(keyFile);
      const nbRun: Notebook = structuredClone(exec);
      nbRun.cells.forEach((c, i) => {
        if (c.cell_type !== 'code' || !(skip.has(i) || (done.has(i) && isTest(i)))) return;
        // A cell not re-run still provides its imports (tslab would otherwise lose them).
        const imports = importsOf(sourceText(c.source));
        if (imports && !isTest(i)) c.source = imports;
        else c.metadata.tags = [...(c.metadata.tags ?? []), 'skip-execution'];
      });
      const run = await executeWithRetry(file, nbRun, {
        kernel: opts.kernel, timeoutSeconds, stopOnError: false, sandbox, cwd: scratch, deadline,
        outputCap: opts.outputCap ?? 200_000,
        recover: (_i, cell) => importsOf(sourceText(cell.source)),
      }).catch((err: Error) => err);
      if (run instanceof Error) {
        flags.push('kernel failed to start');
        startError = run.message;
        break;
      }
      const sealCell = run.notebookOut.cells[SEAL];
      if (sealCell.metadata['retarget-lab']?.status !== 'ok') {
        flags.push('kernel failed to start');
        startError = `the grader's first cell failed: ${firstLines(outputText(sealCell), 5)}`;
        break;
      }
      // After a cell times out or kills the kernel, the rest of this round is discarded (tslab
      // aborts the requests that follow an interrupt) and re-run in a fresh kernel.
      let stop = -1;
      for (const [i, c] of run.notebookOut.cells.entries()) {
        const meta = c.metadata['retarget-lab'];
        if (!meta || i === SEAL) continue;
        if (!done.has(i)) {
          const failure = meta.status === 'ok' ? '' : outputText(c) || String(meta.status);
          done.set(i, { status: meta.status, errorText: meta.status === 'timeout' ? `timed out after ${timeoutSeconds} s` : meta.status === 'died' ? 'the kernel died' : failure, cell: c });
        }
        if (meta.status === 'timeout' || meta.status === 'died') { skip.add(i); stop = i; break; }
      }
      const remaining = (i: number, c: NbCell) => i > stop && c.cell_type === 'code' && sourceText(c.source).trim() !== ''
        && !cellTags(c).includes('skip-execution') && !skip.has(i) && !(done.has(i) && isTest(i));
      const stoppedEarly = stop >= 0 && exec.cells.some((c, i) => remaining(i, c));
      if (stoppedEarly) for (const [i, c] of exec.cells.entries()) if (remaining(i, c)) done.delete(i);
      if (!stoppedEarly) break;
      opts.onProgress?.(`  ${path.basename(file)}: cell ${stop - 1} ${done.get(stop)!.status === 'died' ? 'killed the kernel' : 'timed out'}; restarting a kernel for the remaining cells`);
    }
  } catch (err) {
    if (!(err instanceof RetargetLabError)) throw err;
    flags.push('kernel failed to start');
    startError = err.message;
  } finally {
    sandbox?.dispose();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  }
  if (!startError && performance.now() >= deadline) flags.push('wall-clock limit');

  // Executed copy: first-run outputs of every cell, without the grader's cell and tokens.
  const executed: Notebook = structuredClone(exec);
  for (const [i, rec] of done) executed.cells[i] = structuredClone(rec.cell);
  for (const [i, a] of attested) executed.cells[i] = { ...executed.cells[i], source: sourceLines(sourceText(ref.nb.cells.find((c) => gradeId(c) === a.gradeId)!.source)) };
  for (const c of executed.cells) {
    for (const o of c.outputs ?? []) if (o.output_type === 'stream') o.text = o.text.split('\n').filter((l) => !l.includes(ATTEST_PREFIX)).join('\n');
  }
  executed.cells.splice(SEAL, 1);

  const exercises: ExerciseGrade[] = testCells(ref.nb).map((refCell) => {
    const gid = gradeId(refCell)!;
    const maxPoints = cellPoints(refCell);
    const g: ExerciseGrade = { id: exerciseOf(gid), gradeId: gid, points: 0, maxPoints, status: 'not run' };
    if (missingIds.has(gid)) return { ...g, status: 'missing', error: 'the test cell was deleted' };
    const idx = exec.cells.findIndex((c) => gradeId(c) === gid);
    const rec = done.get(idx);
    if (tamperedIds.has(gid)) return { ...g, status: 'tampered', error: 'the test cell was edited' };
    if (!rec) return g;
    const text = outputText(rec.cell);
    if (text.includes(TAMPER_MARK)) {
      flags.push(`tampered runtime ${gid}`);
      return { ...g, status: 'tampered', error: firstLines(text.slice(text.indexOf(TAMPER_MARK))) };
    }
    if (rec.status === 'ok') {
      const a = attested.get(idx);
      const missing = a ? Array.from({ length: a.calls }, (_, k) => attestToken(key, a.gradeId, a.nonce, k)).filter((t) => !text.includes(`${ATTEST_PREFIX}${t}`)) : [];
      if (missing.length) {
        flags.push(`unattested ${gid}`);
        return { ...g, status: 'tampered', error: `the checker did not attest ${missing.length} of ${a!.calls} checks: the checker was patched, shadowed or bypassed` };
      }
      return { ...g, points: maxPoints, status: 'passed' };
    }
    return { ...g, status: rec.status === 'error' ? 'failed' : rec.status, error: firstLines(rec.errorText) };
  });
  const total = exercises.reduce((s, e) => s + e.points, 0);
  const maxTotal = exercises.reduce((s, e) => s + e.maxPoints, 0);
  for (const e of exercises) if (e.status === 'timeout' || e.status === 'died') flags.push(`${e.status} ${e.gradeId}`);
  for (const [i, rec] of done) {
    if (!isTest(i) && (rec.status === 'timeout' || rec.status === 'died')) flags.push(`${rec.status} cell ${i - 1}`);
    if (rec.cell.metadata['retarget-lab']?.truncated) flags.push(`output truncated cell ${i - 1}`);
  }
  const flagged = tamperedIds.size || missingIds.size || flags.some((f) => /^(unattested|tampered runtime|checker tampering) /.test(f));
  const result: SubmissionGrade = {
    submission: file, source: ref.file, status: startError ? 'error' : flagged ? 'tampered' : 'graded',
    exercises, total, maxTotal, flags, seconds: (performance.now() - t0) / 1000, restarts: Math.max(0, restarts),
    ...(startError ? { error: startError } : {}),
  };
  const output = path.join(opts.outDir, outName);
  executed.metadata['retarget-lab-grade'] = { source: path.basename(ref.file), total, maxTotal, status: result.status, flags, exercises, sandbox: opts.sandbox ?? 'bwrap' };
  writeNotebook(output, executed);
  return { ...result, output };
}

/** What a student cell does to the checker, if anything: assigning or shadowing `check`, defining exercises, reaching tslab's internals. */
export function checkerTampering(source: string): string | null {
  const code = source.replace(/\/\/[^\n]*/g, '');
  if (/\bcheck\b(?:\s*\)|\s+as\s+any\s*\))?\s*(?:\.\s*\w+|\[[^\]]*\])\s*=(?!=)/.test(code)) return 'assigns to check';
  if (/\b(?:const|let|var|function|class)\s+check\b|\bcheck\s*=(?!=)/.test(code)) return 'shadows check';
  if (/\b(?:Object\.(?:defineProperty|defineProperties|assign|setPrototypeOf)|Reflect\.(?:set|defineProperty))\s*\(\s*check\b/.test(code)) return 'redefines check';
  if (/\bdefineExercise\s*\(/.test(code)) return 'defines an exercise';
  if (/__tslab__|require\.cache|retargetLabGrade|rlGradeSealed/.test(code)) return 'reaches the kernel internals';
  return null;
}

/** The text of a cell's stream and error outputs. */
function outputText(cell: NbCell): string {
  return (cell.outputs ?? []).map((o) => (o.output_type === 'stream' ? o.text : o.output_type === 'error' ? `${o.ename}: ${o.evalue}\n` : '')).join('');
}

/** The import declarations of a cell's source (to re-run after tslab discarded a failed cell). */
export function importsOf(source: string): string {
  const found = source.match(/^[ \t]*import\s+(?:[\w*{}\s,$]+?\s+from\s+)?["'][^"'\n]+["'][ \t]*;?/gm) ?? [];
  return found.map((l) => l.trim()).join('\n');
}

/**
 * A reference test cell with its `check.exercise(` calls routed through the sealed checker of
 * slot `slot` (kernel/attest); `calls` is how many tokens the grader then expects.
 */
export function attestedSource(source: string, gid: string, nonce: string, slot: string): { source: string; calls: number } {
  let calls = 0;
  const body = source.replace(/\bcheck\s*\.\s*exercise\s*\(/g, () => { calls += 1; return 'rlGradeSealed.exercise('; });
  if (!calls) return { source, calls };
  return { source: `const rlGradeSealed = (globalThis as any)[${JSON.stringify(slot)}].cell(${JSON.stringify(gid)}, ${JSON.stringify(nonce)});\n${body}`, calls };
}

/** The grader's first cell: loads the library (registering every lesson exercise) and seals the checker. */
function sealSource(keyFile: string, slot: string): string {
  const attestModule = path.join(projectRoot, 'kernel', 'attest.ts');
  return [
    'import "retarget-lab";',
    `(require(${JSON.stringify(attestModule)}) as { sealChecker(keyFile: string, slot: string): void }).sealChecker(${JSON.stringify(keyFile)}, ${JSON.stringify(slot)});`,
  ].join('\n');
}

const realish = (p: string) => { try { return fs.realpathSync(p); } catch { return path.resolve(p); } };

/** The output folder must not be (or hold) the source folder or a submission's folder: copies there would overwrite originals. */
function checkOutDir(outDir: string, sourceDir: string, files: string[]): void {
  const out = realish(outDir);
  const inside = (dir: string) => out === dir || dir.startsWith(`${out}${path.sep}`);
  if (inside(realish(sourceDir))) fail(MODULE, `the output folder ${outDir} is (or contains) the source folder ${sourceDir}; pass another --out.`);
  for (const f of files) {
    const dir = path.dirname(realish(f));
    if (out === dir) fail(MODULE, `the output folder ${outDir} holds the submission ${f}; its executed copy would overwrite it. Pass another --out.`);
  }
}

/** Output file names: the submission's name, prefixed by its folder when two share a name. */
function outputNames(files: string[]): string[] {
  const counts = new Map<string, number>();
  for (const f of files) counts.set(path.basename(f), (counts.get(path.basename(f)) ?? 0) + 1);
  const used = new Set<string>();
  return files.map((f, k) => {
    let name = path.basename(f);
    if (counts.get(name)! > 1) name = `${path.basename(path.dirname(path.resolve(f)))}-${name}`;
    while (used.has(name)) name = `${k}-${name}`;
    used.add(name);
    return name;
  });
}

/**
 * Grades submissions with at most `jobs` kernels at once; results come back in input order and
 * are also written to `<outDir>/grades.json`.
 */
export async function gradeSubmissions(files: string[], opts: GradeOptions): Promise<SubmissionGrade[]> {
  const jobs = opts.jobs ?? 2;
  if (!Number.isInteger(jobs) || jobs < 1) fail(MODULE, `jobs must be a positive integer, got ${jobs}.`);
  checkOutDir(opts.outDir, opts.sourceDir, files);
  if ((opts.sandbox ?? 'bwrap') === 'bwrap') {
    if (!sandboxAvailable()) fail(MODULE, sandboxUnavailableMessage());
    // The sandbox mounts the checkout read-only: build the library's declarations now.
    const prepare = require('../kernel/prepare.cjs') as { linkSelf(): void; ensureTypes(): boolean };
    prepare.linkSelf();
    prepare.ensureTypes();
  }
  fs.mkdirSync(opts.outDir, { recursive: true });
  const refs = loadReferences(opts.sourceDir, opts.onProgress);
  if (refs.length === 0) fail(MODULE, `no reference notebooks in ${opts.sourceDir}; pass --source with the folder of reference notebooks.`);
  const names = outputNames(files);
  let finished = 0;
  const results = await runPool(files, jobs, async (file, k) => {
    const name = path.basename(file);
    opts.onProgress?.(`[${k + 1}/${files.length}] ${name}: grading…`);
    const r = await gradeSubmission(file, refs, opts, names[k]);
    finished += 1;
    const what = r.status === 'error' ? `ERROR ${r.error}` : `${r.total}/${r.maxTotal} points${r.flags.length ? ` [${r.flags.join(', ')}]` : ''}`;
    opts.onProgress?.(`[${k + 1}/${files.length}] ${name}: ${what} in ${r.seconds.toFixed(1)} s (${finished}/${files.length} done)`);
    return r;
  });
  fs.writeFileSync(path.join(opts.outDir, 'grades.json'), `${JSON.stringify(results, null, 1)}\n`);
  return results;
}

/** Exercise columns over all results, in reference order. */
export function exerciseColumns(results: SubmissionGrade[]): string[] {
  const cols: string[] = [];
  for (const r of results) for (const e of r.exercises) if (!cols.includes(e.id)) cols.push(e.id);
  return cols;
}

function csvField(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The grade table as CSV: submission, one column per exercise, total, max, status, flags. */
export function gradesCsv(results: SubmissionGrade[]): string {
  const cols = exerciseColumns(results);
  const rows = [['submission', ...cols, 'total', 'max', 'status', 'flags']];
  for (const r of results) {
    rows.push([
      r.submission,
      ...cols.map((c) => { const e = r.exercises.find((x) => x.id === c); return e ? String(e.points) : ''; }),
      String(r.total), String(r.maxTotal), r.status, [...r.flags, ...(r.error ? [r.error] : [])].join('; '),
    ]);
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}

/** The grade table as aligned text. */
export function gradesTable(results: SubmissionGrade[]): string {
  const cols = exerciseColumns(results);
  const rows = [['submission', ...cols, 'total', 'flags']];
  const names = results.map((r) => path.basename(r.submission));
  const label = (r: SubmissionGrade, k: number) => (names.indexOf(names[k]) !== names.lastIndexOf(names[k]) ? path.relative(process.cwd(), r.submission) || r.submission : names[k]);
  for (const [k, r] of results.entries()) {
    rows.push([
      label(r, k),
      ...cols.map((c) => { const e = r.exercises.find((x) => x.id === c); return e ? `${e.points}/${e.maxPoints}` : '-'; }),
      r.status === 'error' ? '-' : `${r.total}/${r.maxTotal}`,
      r.status === 'error' ? `error: ${r.error}` : r.flags.join(', '),
    ]);
  }
  return formatTable(rows, { lastColumn: 'free' });
}

export { listGradedCells };
