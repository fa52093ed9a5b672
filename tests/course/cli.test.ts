import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNotebook } from '../../kernel/notebook';
import { fixture, fixtureDir, tempDir } from './helpers';

const root = path.join(__dirname, '..', '..');

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/retarget-lab.js', ...args], { cwd: root, timeout: 240_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('retarget-lab student | grade | book (CLI)', () => {
  it('every command has --help and is listed', async () => {
    const top = await cli('--help');
    for (const name of ['student', 'grade', 'book']) expect(top.stdout).toMatch(new RegExp(`^  ${name}\\s+\\S`, 'm'));
    for (const name of ['student', 'grade', 'book']) {
      const r = await cli(name, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: retarget-lab ${name}`));
    }
  }, 120_000);

  it('student writes student versions and reports them (text and --json)', async () => {
    const out = tempDir();
    const r = await cli('student', fixture, '--out', out, '--json');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.notebooks[0]).toMatchObject({ points: 3, exercises: [{ id: 'fx-double', points: 2 }, { id: 'fx-sum', points: 1 }] });
    expect(JSON.stringify(readNotebook(path.join(out, 'course-fixture.ipynb')))).toContain('YOUR CODE HERE');
    const text = await cli('student', fixtureDir, '--out', out);
    expect(text.stdout).toMatch(/course-fixture\.ipynb {2}2 exercises, 3 points \(fx-double, fx-sum\)/);
  }, 120_000);

  it('bad input exits 2 with a module-prefixed message', async () => {
    const bad = path.join(tempDir(), 'bad.ipynb');
    fs.writeFileSync(bad, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [
      { cell_type: 'code', source: 'function f() {\n  // BEGIN SOLUTION\n  return 1;\n}', metadata: { nbgrader: { grade_id: 'x-solution', solution: true, grade: false, locked: false } } },
    ] }));
    const s = await cli('student', bad, '--out', tempDir());
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/^retarget-lab\/course\/student: .*bad\.ipynb: cell 0 \("x-solution"\): a "BEGIN SOLUTION" region is never closed/);
    const g = await cli('grade');
    expect(g.code).toBe(2);
    expect(g.stderr).toMatch(/retarget-lab\/cli\/grade: give at least one submission/);
    const j = await cli('grade', bad, '--jobs', '0');
    expect(j.code).toBe(2);
    expect(j.stderr).toMatch(/--jobs must be a positive integer of at most 64, got "0"/);
    const b = await cli('book', '--notebooks', path.join(tempDir(), 'missing'));
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/retarget-lab\/course\/book: cannot read the notebooks folder/);
  }, 120_000);

  it('grade reports a malformed or missing submission as an error row, writes CSV, exits 1', async () => {
    const dir = tempDir();
    const broken = path.join(dir, 'broken.ipynb');
    fs.writeFileSync(broken, 'not json');
    const csv = path.join(dir, 'out', 'grades.csv');
    const r = await cli('grade', broken, path.join(dir, 'absent.ipynb'), '--source', fixtureDir, '--out', path.join(dir, 'grades'), '--csv', csv);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: retarget-lab\/kernel\/notebook: .*broken\.ipynb is not a valid notebook/);
    expect(r.stderr).toMatch(/error: retarget-lab\/course\/grade: cannot read .*absent\.ipynb \(ENOENT\); check the path/);
    expect(r.stdout).toMatch(/broken\.ipynb\s+-\s+error: /);
    expect(fs.readFileSync(csv, 'utf8').split('\n')[0]).toBe('submission,total,max,status,flags');
  }, 120_000);

  it('book --no-execute builds a site from the command line without running anything', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'nb'));
    fs.copyFileSync(fixture, path.join(dir, 'nb', 'course-fixture.ipynb'));
    const r = await cli('book', '--notebooks', path.join(dir, 'nb'), '--out', path.join(dir, 'site'), '--executed', path.join(dir, 'executed'), '--no-execute', '--json');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.pages.map((p: { file: string }) => p.file)).toEqual(['index.html', 'course-fixture.html', 'claims.html', 'coverage.html']);
    expect(summary.pages[1].outputs).toBe('none');
    expect(fs.readFileSync(path.join(dir, 'site', 'course-fixture.html'), 'utf8')).toContain('exercise <code>fx-double</code>: graded test (2 points)');
    expect(fs.existsSync(path.join(dir, 'executed'))).toBe(false);
  }, 120_000);
});
