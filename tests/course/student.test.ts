import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeChecksum, nbgrader } from '../../course/nbgrader';
import { buildStudentVersions, makeStudentNotebook, stubSolution, stripHiddenTests } from '../../course/student';
import { executeNotebook } from '../../kernel/executor';
import { readNotebook, sourceText, type Notebook } from '../../kernel/notebook';
import { tempKernelSpec } from '../kernel/helpers';
import { cellById, fixture, fixtureDir, tempDir } from './helpers';

describe('course/student: transformations', () => {
  it('stubs solution regions at their indentation, keeping the signature and the code around them', () => {
    const src = 'function f(n: number): number {\n  const k = 2;\n  // BEGIN SOLUTION\n  return k * n;\n  // END SOLUTION\n}';
    expect(stubSolution(src, 'code')).toBe('function f(n: number): number {\n  const k = 2;\n  // YOUR CODE HERE\n  throw new Error("YOUR CODE HERE");\n}');
    expect(stubSolution('Why?\n### BEGIN SOLUTION\nBecause.\n### END SOLUTION', 'markdown')).toBe('Why?\nYOUR ANSWER HERE');
  });

  it('removes hidden tests and nothing else', () => {
    expect(stripHiddenTests('check(a);\n// BEGIN HIDDEN TESTS\ncheck(a, 9);\n// END HIDDEN TESTS\n')).toBe('check(a);');
  });

  it('rejects unbalanced or missing markers with a message saying what to do', () => {
    expect(() => stubSolution('// BEGIN SOLUTION\nreturn 1;', 'code', 'x.ipynb: cell 3')).toThrow(/retarget-lab\/course\/student: x\.ipynb: cell 3: a "BEGIN SOLUTION" region is never closed; add the matching END line/);
    expect(() => stubSolution('return 1;\n// END SOLUTION', 'code')).toThrow(/closes a region that was never opened/);
    expect(() => stubSolution('return 1;', 'code', 'cell 4')).toThrow(/cell 4 has no "\/\/ BEGIN SOLUTION" … "\/\/ END SOLUTION" region; wrap the answer/);
    expect(() => stripHiddenTests('// BEGIN HIDDEN TESTS\n// BEGIN HIDDEN TESTS')).toThrow(/opens a region inside another/);
  });

  it('writes student versions: stubs, no hidden tests, no outputs, checksums on locked and test cells', () => {
    const out = tempDir();
    const [built] = buildStudentVersions([fixture], out);
    expect(built).toMatchObject({ output: path.join(out, 'course-fixture.ipynb'), points: 3 });
    expect(built.exercises.map((e) => [e.id, e.points])).toEqual([['fx-double', 2], ['fx-sum', 1]]);
    const ref = readNotebook(fixture);
    const nb = readNotebook(built.output);
    const text = JSON.stringify(nb);
    expect(text).not.toContain('BEGIN SOLUTION');
    expect(text).not.toContain('HIDDEN TESTS');
    expect(text).not.toContain('return 2 * n');
    expect(text).not.toContain('seed: 100');
    expect(sourceText(cellById(nb, 'fx-double-solution').source)).toBe(
      'function double(n: number): number {\n  // YOUR CODE HERE\n  throw new Error("YOUR CODE HERE");\n}');
    expect(sourceText(cellById(nb, 'fx-double-test').source)).toBe('check.exercise("fx-double", double);');
    for (const c of nb.cells.filter((c) => c.cell_type === 'code')) {
      expect(c.outputs).toEqual([]);
      expect(c.execution_count).toBeNull();
    }
    // Checksums on the locked setup cell and both test cells, none on solution cells.
    const checked = nb.cells.filter((c) => nbgrader(c)?.checksum).map((c) => nbgrader(c)!.grade_id);
    expect(checked).toEqual(['fx-setup', 'fx-double-test', 'fx-sum-test']);
    for (const c of nb.cells.filter((c) => nbgrader(c)?.checksum)) expect(nbgrader(c)!.checksum).toBe(computeChecksum(c));
    // Any edit to a checked cell's source or grading metadata changes its checksum.
    const t = structuredClone(cellById(nb, 'fx-sum-test'));
    t.source = 'console.log("ok");';
    expect(computeChecksum(t)).not.toBe(nbgrader(cellById(nb, 'fx-sum-test'))!.checksum);
    const p = structuredClone(cellById(nb, 'fx-sum-test'));
    p.metadata.nbgrader.points = 10;
    expect(computeChecksum(p)).not.toBe(nbgrader(cellById(nb, 'fx-sum-test'))!.checksum);
    expect(nb.metadata['retarget-lab-course']).toEqual({ source: 'course-fixture.ipynb' });
    expect(nb.metadata.kernelspec.name).toBe('retarget-lab');
    expect(ref.cells.length).toBe(nb.cells.length);
    expect(() => buildStudentVersions([fixture], fixtureDir)).toThrow(/would overwrite it; choose another --out folder/);
  });

  it('does not change the reference notebook object', () => {
    const ref = readNotebook(fixture);
    const before = JSON.stringify(ref);
    makeStudentNotebook(ref, fixture);
    expect(JSON.stringify(ref)).toBe(before);
  });
});

describe('course/student: executed in the real kernel', () => {
  const spec = tempKernelSpec();

  function failing(nb: Notebook) {
    return nb.cells.map((c, i) => ({ c, i })).filter(({ c }) => c.metadata['retarget-lab'] && c.metadata['retarget-lab'].status !== 'ok');
  }

  it('the student version runs up to the exercises; only the graded test cells fail, with the stub\'s error', async () => {
    const [built] = buildStudentVersions([fixture], tempDir());
    expect(JSON.stringify(readNotebook(built.output))).not.toContain('raises-exception');
    const run = await executeNotebook(built.output, { kernel: spec, stopOnError: false, timeoutSeconds: 120, cwd: fixtureDir });
    const bad = failing(run.notebookOut);
    expect(bad.map(({ c }) => nbgrader(c)?.grade_id)).toEqual(['fx-double-test', 'fx-sum-test']);
    for (const { c } of bad) {
      expect(c.metadata['retarget-lab'].status).toBe('error');
      expect(JSON.stringify(c.outputs)).toContain('YOUR CODE HERE');
    }
    // every code cell ran (the solution cells with stubs compile and define their functions)
    expect(run.executed).toBe(run.cells);
    expect(JSON.stringify(run.notebookOut.cells.at(-1)!.outputs)).toContain('after the exercises');
  }, 600_000);

  it('the reference notebook passes every cell, hidden tests included', async () => {
    const run = await executeNotebook(fixture, { kernel: spec, timeoutSeconds: 120 });
    expect(run.failure).toBeUndefined();
    expect(run.status).toBe('ok');
    expect(JSON.stringify(cellById(run.notebookOut, 'fx-double-test').outputs)).toMatch(/✓ fx-double: 5\/5 hidden tests pass/);
    expect(fs.existsSync(fixture)).toBe(true);
  }, 600_000);
});
