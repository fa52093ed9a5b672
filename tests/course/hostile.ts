/**
 * Hostile submissions to the course fixture: each one an attack from issue 14 (a student trying
 * to score without solving, to read the answers, to harm other students or the grader). Shared by
 * tests/course/hostile.test.ts and by anyone measuring an older grader against the same attacks.
 */
import { makeStudentNotebook } from '../../course/student';
import { readNotebook, serializeNotebook, sourceLines, sourceText, type Notebook } from '../../kernel/notebook';
import { answer, cellById, fixture } from './helpers';

export interface HostileContext {
  /** A reference notebook file (its hidden tests are what a reader is after). */
  referenceFile: string;
  /** Another student's submission (the victim of writes). */
  victimFile: string;
  /** The grader's output folder. */
  outDir: string;
  /** A file of the checkout the grader's checker is loaded from. */
  checkerFile: string;
  /** A number only the spawned `sleep` processes carry, to find survivors. */
  sleepSeconds: number;
  /**
   * Text in the command line of every kernel of this grading run (its temp folder): the
   * sibling-killer only aims at those, never at other kernels on the machine.
   */
  kernelMarker: string;
}

/** A copy of `nb` whose solution cell `id` is `source` (the whole cell). */
export function solutionCell(nb: Notebook, id: string, source: string): Notebook {
  const out = structuredClone(nb);
  cellById(out, `${id}-solution`).source = sourceLines(source);
  return out;
}

const SUM = 'let s = 0; for (const x of xs) s += x; return s;';
const DOUBLE = 'return 2 * n;';

/** The student version of the course fixture. */
export function fixtureStudent(): Notebook {
  return makeStudentNotebook(readNotebook(fixture), fixture);
}

/** Every hostile submission, by file name, as notebook JSON text. */
export function hostileSubmissions(ctx: HostileContext): Record<string, string> {
  const student = fixtureStudent();
  const both = (d: string, s: string) => answer(answer(student, 'fx-double', d), 'fx-sum', s);
  const withDouble = (src: string, sum = SUM) => answer(solutionCell(student, 'fx-double', src), 'fx-sum', sum);
  const q = JSON.stringify;
  const subs: Record<string, Notebook> = {
    'good.ipynb': both(DOUBLE, SUM),
    // 2. Patching or shadowing the checker from a solution cell.
    'patch.ipynb': withDouble('import { check } from "retarget-lab";\n(check as any).exercise = () => { console.log("✓ all tests pass"); };\nfunction double(n: number): number { return 0; }', 'return 0;'),
    'shadow.ipynb': withDouble('function double(n: number): number { return 0; }\nconst check = { exercise: (..._args: unknown[]) => { console.log("✓ all tests pass"); } };', 'return 0;'),
    'builtins.ipynb': withDouble('const realPush = Array.prototype.push;\nArray.prototype.push = function (this: unknown[], ...items: unknown[]) { return items.length && typeof items[0] === "object" && items[0] !== null && "expected" in (items[0] as object) ? 0 : realPush.apply(this, items); };\nfunction double(n: number): number { return 0; }', 'return 0;'),
    // 1. Reading the answers, the environment; writing elsewhere; editing the checkout.
    'read-reference.ipynb': both(
      `try { return require("fs").readFileSync(${q(ctx.referenceFile)}, "utf8").includes("BEGIN HIDDEN TESTS") ? 2 * n : -1; } catch { return -2; }`,
      'return require("fs").readdirSync(".").some((f: string) => f.endsWith(".ipynb")) ? xs.reduce((a, b) => a + b, 0) : -1;'),
    'env.ipynb': both('return process.env.RT_SECRET === "hunter2" ? 2 * n : -1;', 'return process.env.HOME === process.env.HOME && Object.keys(process.env).length > 12 ? xs.reduce((a, b) => a + b, 0) : -1;'),
    'write-elsewhere.ipynb': both(
      `try { const fs = require("fs"); fs.appendFileSync(${q(ctx.victimFile)}, " "); fs.writeFileSync(require("path").join(${q(ctx.outDir)}, "grades.json"), "[]"); return 2 * n; } catch { return -1; }`,
      SUM),
    'edit-checkout.ipynb': both(`try { require("fs").appendFileSync(${q(ctx.checkerFile)}, "\\n// edited by a submission\\n"); return 2 * n; } catch { return -1; }`, SUM),
    // 1. Killing the grader, other students' kernels; leaving processes behind.
    'kill-parent.ipynb': withDouble(`try { process.kill(process.ppid, "SIGKILL"); } catch { /* not allowed */ }\nfunction double(n: number): number { ${DOUBLE} }`),
    'kill-sibling.ipynb': withDouble([
      'const fs = require("fs");',
      '// For 12 s, SIGKILL every other kernel in sight (whoever is graded alongside).',
      'const pause = new Int32Array(new SharedArrayBuffer(4));',
      'for (const until = Date.now() + 12_000; Date.now() < until; Atomics.wait(pause, 0, 0, 300)) {',
      '  for (const pid of fs.readdirSync("/proc").filter((p: string) => /^\\d+$/.test(p) && Number(p) !== process.pid)) {',
      `    try { if (fs.readFileSync(\`/proc/\${pid}/cmdline\`, "utf8").includes(${q(ctx.kernelMarker)})) process.kill(Number(pid), "SIGKILL"); } catch { /* gone or not ours */ }`,
      '  }',
      '}',
      `function double(n: number): number { ${DOUBLE} }`,
    ].join('\n')),
    'spawn.ipynb': withDouble([
      'const { spawn } = require("child_process");',
      `for (let i = 0; i < 20; i++) spawn("sleep", [${q(String(ctx.sleepSeconds))}], { detached: true, stdio: "ignore" }).unref();`,
      `function double(n: number): number { ${DOUBLE} }`,
    ].join('\n')),
    // 3. A hanging exercise 1 costs only exercise 1.
    'hang-top-level.ipynb': withDouble(`while (true) { /* thinking */ }\nfunction double(n: number): number { ${DOUBLE} }`),
    // 4. A chatty correct answer earns its points.
    'chatty.ipynb': both(`for (let i = 0; i < 50; i++) console.log("thinking", i); ${DOUBLE}`, SUM),
  };
  return Object.fromEntries(Object.entries(subs).map(([k, v]) => [k, serializeNotebook(v)]));
}

/**
 * The course fixture with `check` imported in exercise 1's test cell (as notebook 01 had it), so
 * a failing exercise 1 used to take the import with it; and exercise 2's test cell uses `check` by name.
 */
export function importInTestCellReference(): Notebook {
  const nb = readNotebook(fixture);
  const setup = cellById(nb, 'fx-setup');
  setup.source = sourceLines(sourceText(setup.source).replace('import { defineExercise, check } from "retarget-lab";', 'import { defineExercise } from "retarget-lab";'));
  const t1 = cellById(nb, 'fx-double-test');
  t1.source = sourceLines(`import { check } from "retarget-lab";\n${sourceText(t1.source)}`);
  const t2 = cellById(nb, 'fx-sum-test');
  t2.source = sourceLines(`console.log("checker:", typeof check.evaluate);\n${sourceText(t2.source)}`);
  return nb;
}
