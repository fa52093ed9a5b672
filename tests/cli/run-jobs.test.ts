/**
 * `retarget-lab run --jobs N` in the real kernel: notebooks run in parallel, never more than N
 * kernels at once, the summary keeps the input order, and one failing notebook fails the run.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeNotebook } from '../kernel/helpers';

const bin = path.join(__dirname, '..', '..', 'bin', 'retarget-lab.js');

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe('cli/run --jobs', () => {
  it('runs at most N kernels at once, in parallel, keeps the input order and exits 1 when one fails', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-jobs-'));
    const log = path.join(dir, 'intervals.log');
    // Each notebook logs when its one slow cell starts and ends (in its own kernel).
    const cell = (name: string, fails: boolean) => [
      `const fs = require("fs"); fs.appendFileSync(${JSON.stringify(log)}, "start ${name} " + Date.now() + "\\n");`,
      'await new Promise((r) => setTimeout(r, 2500));',
      `fs.appendFileSync(${JSON.stringify(log)}, "end ${name} " + Date.now() + "\\n");${fails ? ' throw new Error("nb b fails on purpose");' : ''}`,
    ].join('\n');
    const names = ['a', 'b', 'c', 'd'];
    for (const n of names) fs.writeFileSync(path.join(dir, `${n}.ipynb`), JSON.stringify(codeNotebook([cell(n, n === 'b')])));
    const r = await run(['run', ...names.map((n) => path.join(dir, `${n}.ipynb`)), '--jobs', '2', '--out', path.join(dir, 'out'), '--json']);
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.out);
    expect(summary.jobs).toBe(2);
    expect(summary.failed).toBe(1);
    expect(summary.notebooks.map((n: { notebook: string; status: string }) => [path.basename(n.notebook), n.status]))
      .toEqual([['a.ipynb', 'ok'], ['b.ipynb', 'failed'], ['c.ipynb', 'ok'], ['d.ipynb', 'ok']]);
    expect(summary.notebooks[1].failure.error).toContain('nb b fails on purpose');
    for (const n of names) expect(fs.existsSync(path.join(dir, 'out', `${n}.ipynb`))).toBe(true);
    // Every progress line is whole and names its notebook.
    for (const line of r.err.trim().split('\n').filter((l) => l.startsWith('['))) expect(line).toMatch(/^\[\d\/4\] [a-d]\.ipynb (…|ok in|failed in)/);
    // Intervals: the peak number of cells running at once is exactly 2.
    const events = fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => l.split(' '))
      .map(([what, , t]) => ({ t: Number(t), d: what === 'start' ? 1 : -1 }))
      .sort((x, y) => x.t - y.t || x.d - y.d);
    let running = 0;
    let peak = 0;
    for (const e of events) { running += e.d; peak = Math.max(peak, running); }
    expect(events).toHaveLength(8);
    expect(peak).toBe(2);
  }, 240_000);

  it('refuses a bad --jobs with a message saying what to pass', async () => {
    for (const j of ['0', '1.5', 'two', '65']) {
      const r = await run(['run', '--jobs', j]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/retarget-lab\/cli\/run: --jobs must be a whole number of kernels from 1 to 64, got .*; pass e\.g\. --jobs 2\./);
    }
  });
});
