import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeNotebook, processExists, writeTempNotebook } from '../kernel/helpers';

const bin = path.join(__dirname, '..', '..', 'bin', 'retarget-lab.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, probe: () => T | undefined, ms = 90_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** Pids of processes whose command line mentions `needle`. */
function pidsWith(needle: string): number[] {
  const out: number[] = [];
  for (const p of fs.readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try { if (fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(needle)) out.push(Number(p)); } catch { /* gone */ }
  }
  return out;
}

describe.skipIf(process.platform !== 'linux')('cli/run: stopped mid-cell by a signal', () => {
  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`${signal}: the kernel is killed, no connection file is left, exit ${code}`, async () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-signal-'));
      const nb = writeTempNotebook(codeNotebook(['console.log("started");', 'while (true) { /* busy */ }']));
      const child = spawn(process.execPath, [bin, 'run', nb, '--out', path.join(tmp, 'out'), '--timeout', '600'], {
        env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += d; });
      const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
      const connection = await waitFor('the connection file', () => fs.readdirSync(tmp).find((f) => /^retarget-lab-kernel-.*\.json$/.test(f)));
      const kernelPid = await waitFor('the kernel process', () => pidsWith(connection)[0]);
      await sleep(6000); // the kernel is up and busy in the second cell
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(stderr).toContain(`${signal}: stopping the kernels`);
      await waitFor('the kernel to be gone', () => (processExists(kernelPid) ? undefined : true), 10_000);
      expect(pidsWith(connection)).toEqual([]);
      expect(fs.readdirSync(tmp).filter((f) => f.startsWith('retarget-lab-kernel-'))).toEqual([]);
    }, 180_000);
  }
});

describe('cli/run and grade: bad input', () => {
  const run = (args: string[]) => new Promise<{ code: number | null; err: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => resolve({ code, err }));
  });

  it('bounds --timeout (Infinity, 2147484 s and NaN are refused)', async () => {
    const nb = writeTempNotebook(codeNotebook(['1']));
    for (const t of ['Infinity', '2147484', 'abc']) {
      const r = await run(['run', nb, '--timeout', t]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/retarget-lab\/cli\/run: --timeout must be a positive number of seconds, at most 2147483/);
      const g = await run(['grade', nb, '--timeout', t]);
      expect(g.code).toBe(2);
      expect(g.err).toMatch(/retarget-lab\/cli\/grade: --timeout must be a positive number of at most 2147483/);
    }
  }, 120_000);

  it('refuses --out holding an input notebook, and two inputs with one file name', async () => {
    const nb = writeTempNotebook(codeNotebook(['1']));
    const same = await run(['run', nb, '--out', path.dirname(nb)]);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/--out .* holds the notebook .*fixture\.ipynb: its executed copy would overwrite it/);
    const other = writeTempNotebook(codeNotebook(['2']));
    const dup = await run(['run', nb, other, '--out', fs.mkdtempSync(path.join(os.tmpdir(), 'rl-out-'))]);
    expect(dup.code).toBe(2);
    expect(dup.err).toMatch(/have the same file name/);
    const g = await run(['grade', nb, '--out', path.dirname(nb), '--sandbox', 'none']);
    expect(g.code).toBe(2);
    expect(g.err).toMatch(/retarget-lab\/course\/grade: the output folder .* holds the submission/);
  }, 120_000);
});

describe.skipIf(process.platform !== 'linux')('kernel: exits when its parent dies', () => {
  it('a busy kernel is killed within seconds of `run` being SIGKILLed', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-orphan-'));
    const nb = writeTempNotebook(codeNotebook(['while (true) { /* busy */ }']));
    const child = spawn(process.execPath, [bin, 'run', nb, '--out', path.join(tmp, 'out'), '--timeout', '600'], { env: { ...process.env, TMPDIR: tmp }, stdio: 'ignore' });
    const connection = await waitFor('the connection file', () => fs.readdirSync(tmp).find((f) => /^retarget-lab-kernel-.*\.json$/.test(f)));
    const kernelPid = await waitFor('the kernel process', () => pidsWith(connection).find((p) => fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('launch.cjs')));
    await sleep(5000);
    child.kill('SIGKILL');
    await waitFor('the orphaned kernel to exit', () => (processExists(kernelPid) ? undefined : true), 15_000);
  }, 180_000);
});

describe.skipIf(process.platform !== 'linux')('cli/grade: stopped by SIGTERM mid-cell', () => {
  it('kills the sandboxed kernels and removes the sandboxes and connection files', async () => {
    const { sandboxAvailable } = await import('../../kernel/sandbox');
    const { makeStudentNotebook } = await import('../../course/student');
    const { readNotebook, serializeNotebook } = await import('../../kernel/notebook');
    const { answer, fixture, fixtureDir } = await import('../course/helpers');
    if (!sandboxAvailable()) return;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-grade-signal-'));
    const sub = path.join(tmp, 'loop.ipynb');
    fs.writeFileSync(sub, serializeNotebook(answer(makeStudentNotebook(readNotebook(fixture), fixture), 'fx-double', 'while (true) { /* busy */ }')));
    const child = spawn(process.execPath, [bin, 'grade', sub, '--source', fixtureDir, '--out', path.join(tmp, 'out'), '--timeout', '600'], {
      env: { ...process.env, TMPDIR: tmp }, stdio: 'ignore',
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    await waitFor('a sandbox', () => fs.readdirSync(tmp).find((f) => f.startsWith('retarget-lab-sandbox-')));
    await waitFor('the kernel', () => (pidsWith(tmp).length >= 2 ? true : undefined));
    await sleep(8000);
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    await waitFor('every process of the run to be gone', () => (pidsWith(tmp).length === 0 ? true : undefined), 15_000);
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith('retarget-lab-'))).toEqual([]);
  }, 180_000);
});

describe('bin/retarget-lab.js without node_modules', () => {
  it('says to run npm install instead of printing a stack', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-nomodules-'));
    fs.mkdirSync(path.join(copy, 'bin'));
    fs.copyFileSync(bin, path.join(copy, 'bin', 'retarget-lab.js'));
    const r = require('node:child_process').spawnSync(process.execPath, [path.join(copy, 'bin', 'retarget-lab.js'), 'run'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`retarget-lab: its dependencies are not installed (no node_modules/tsx); run \`npm install\` in ${copy}.\n`);
  });
});
