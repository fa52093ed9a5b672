import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gradeSubmissions, gradesCsv, gradesTable, type SubmissionGrade } from '../../course/grade';
import { makeStudentNotebook } from '../../course/student';
import { readNotebook, serializeNotebook } from '../../kernel/notebook';
import { tempKernelSpec } from '../kernel/helpers';
import { answer, edit, fixture, fixtureDir, tempDir } from './helpers';

const spec = tempKernelSpec();
const TIMEOUT = 45; // seconds per cell: generous for a loaded machine (importing the library type-checks it), still bounds the loop

describe('course/grade: a batch of submissions in real kernels', () => {
  const dir = tempDir('rl-submissions-');
  const out = tempDir('rl-grades-');
  const student = makeStudentNotebook(readNotebook(fixture), fixture);
  const good = answer(answer(student, 'fx-double', 'return n + n;'), 'fx-sum', 'let s = 0; for (const x of xs) s += x; return s;');
  const submissions: Record<string, string> = {
    'reference.ipynb': fs.readFileSync(fixture, 'utf8'),
    'good.ipynb': serializeNotebook(good),
    'wrong.ipynb': serializeNotebook(answer(answer(student, 'fx-double', 'return n * n;'), 'fx-sum', 'return xs.reduce((a, b) => a + b, 0);')),
    'tampered-test.ipynb': serializeNotebook(edit(answer(answer(student, 'fx-double', 'return 2 * n;'), 'fx-sum', 'return 0;'), 'fx-sum-test', 'console.log("✓ fx-sum: trust me");')),
    'tampered-locked.ipynb': serializeNotebook(edit(good, 'fx-setup', 'import { defineExercise, check } from "retarget-lab";\nconsole.log("no exercises here");')),
    'loop.ipynb': serializeNotebook(answer(answer(student, 'fx-double', 'while (true) {}'), 'fx-sum', 'return xs.reduce((a, b) => a + b, 0);')),
    'crash.ipynb': serializeNotebook(answer(answer(student, 'fx-double', 'process.exit(1);'), 'fx-sum', 'return xs.reduce((a, b) => a + b, 0);')),
    'malformed.ipynb': '{ "nbformat": 4, "cells": [ {"cell_type": "code", ',
  };
  const files = Object.keys(submissions).map((name) => path.join(dir, name));
  const before = new Map<string, Buffer>();
  let results: SubmissionGrade[];
  let byName: Record<string, SubmissionGrade>;
  const progress: string[] = [];

  beforeAll(async () => {
    for (const [name, text] of Object.entries(submissions)) fs.writeFileSync(path.join(dir, name), text);
    for (const f of files) before.set(f, fs.readFileSync(f));
    results = await gradeSubmissions(files, {
      kernel: spec, sourceDir: fixtureDir, outDir: out, jobs: 2, timeoutSeconds: TIMEOUT, onProgress: (l) => progress.push(l),
    });
    byName = Object.fromEntries(results.map((r) => [path.basename(r.submission), r]));
  }, 1_500_000);

  const points = (name: string) => Object.fromEntries(byName[name].exercises.map((e) => [e.id, e.points]));

  it('grades the reference notebook with full points and no failing cell', () => {
    expect(byName['reference.ipynb']).toMatchObject({ status: 'graded', total: 3, maxTotal: 3, flags: [], restarts: 0 });
    const executed = readNotebook(byName['reference.ipynb'].output!);
    expect(executed.cells.filter((c) => c.metadata['retarget-lab'] && c.metadata['retarget-lab'].status !== 'ok')).toEqual([]);
    expect(JSON.stringify(executed)).toMatch(/✓ fx-double: 5\/5 hidden tests pass/);
  });

  it('grades a correct student submission (from the student version) with full points, unflagged', () => {
    expect(byName['good.ipynb']).toMatchObject({ status: 'graded', total: 3, flags: [] });
    // its hidden tests were restored from the reference and ran
    expect(JSON.stringify(readNotebook(byName['good.ipynb'].output!))).toMatch(/✓ fx-double: 5\/5 hidden tests pass/);
  });

  it('a wrong answer loses exactly that exercise\'s points', () => {
    expect(points('wrong.ipynb')).toEqual({ 'fx-double': 0, 'fx-sum': 1 });
    const e = byName['wrong.ipynb'].exercises[0];
    expect(e.status).toBe('failed');
    expect(e.error).toMatch(/✗ fx-double: .*expected: 2.*got:\s+1/);
    expect(byName['wrong.ipynb'].status).toBe('graded');
  });

  it('flags an edited test cell and gives it 0 points (the reference test ran anyway)', () => {
    const r = byName['tampered-test.ipynb'];
    expect(r.status).toBe('tampered');
    expect(r.flags).toContain('tampered fx-sum-test');
    expect(points('tampered-test.ipynb')).toEqual({ 'fx-double': 2, 'fx-sum': 0 });
    expect(r.exercises[1].status).toBe('tampered');
    expect(JSON.stringify(readNotebook(r.output!))).not.toContain('trust me');
  });

  it('flags an edited locked cell; the reference version of it is what runs', () => {
    const r = byName['tampered-locked.ipynb'];
    expect(r.status).toBe('tampered');
    expect(r.flags).toEqual(['tampered fx-setup']);
    expect(r.total).toBe(3);
    expect(JSON.stringify(readNotebook(r.output!))).not.toContain('no exercises here');
  });

  it('an infinite loop costs that cell its points within the timeout; a fresh kernel grades the rest', () => {
    const r = byName['loop.ipynb'];
    expect(points('loop.ipynb')).toEqual({ 'fx-double': 0, 'fx-sum': 1 });
    expect(r.exercises[0]).toMatchObject({ status: 'timeout', points: 0 });
    expect(r.flags).toContain('timeout fx-double-test');
    expect(r.restarts).toBe(1);
    expect(progress.some((l) => /loop\.ipynb: cell \d+ (timed out|killed the kernel); restarting a kernel/.test(l))).toBe(true);
    const executed = readNotebook(r.output!);
    expect(JSON.stringify(executed.cells.at(-1)!.outputs)).toContain('after the exercises');
  });

  it('a crashing kernel costs that cell its points; a fresh kernel grades the rest', () => {
    const r = byName['crash.ipynb'];
    expect(points('crash.ipynb')).toEqual({ 'fx-double': 0, 'fx-sum': 1 });
    expect(r.exercises[0]).toMatchObject({ status: 'died', points: 0 });
    expect(r.flags).toContain('died fx-double-test');
    expect(r.restarts).toBe(1);
  });

  it('a malformed submission gets a clear error and the batch goes on', () => {
    const r = byName['malformed.ipynb'];
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/retarget-lab\/kernel\/notebook: .*malformed\.ipynb is not a valid notebook: its JSON does not parse/);
    expect(results.filter((x) => x.status !== 'error')).toHaveLength(7);
  });

  it('never modifies a submission (byte for byte); executed copies and grades.json go to the output folder', () => {
    for (const f of files) expect(fs.readFileSync(f).equals(before.get(f)!)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(Object.keys(submissions).sort());
    expect(fs.readdirSync(out).sort()).toEqual([...Object.keys(submissions).filter((n) => n !== 'malformed.ipynb'), 'grades.json'].sort());
    expect(JSON.parse(fs.readFileSync(path.join(out, 'grades.json'), 'utf8'))).toHaveLength(files.length);
  });

  it('reports progress, a table and CSV', () => {
    expect(progress.filter((l) => /^\[\d\/8\] .*: (\d+\/3 points|ERROR)/.test(l))).toHaveLength(8);
    const table = gradesTable(results);
    expect(table.split('\n')[0]).toMatch(/^submission\s+fx-double\s+fx-sum\s+total\s+flags$/);
    expect(table).toMatch(/wrong\.ipynb\s+0\/2\s+1\/1\s+1\/3/);
    expect(table).toMatch(/malformed\.ipynb\s+-\s+-\s+-\s+error: retarget-lab/);
    const csv = gradesCsv(results).trim().split('\n');
    expect(csv[0]).toBe('submission,fx-double,fx-sum,total,max,status,flags');
    expect(csv).toHaveLength(9);
    expect(csv.find((l) => l.includes('loop.ipynb'))).toMatch(/,0,1,1,3,graded,timeout fx-double-test$/);
  });
});
