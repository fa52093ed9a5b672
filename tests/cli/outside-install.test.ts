// Errors a newcomer can act on, when the command or the kernel runs without its install around it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '..', '..');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'rl outside '));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));
const env = { ...process.env, NODE_PATH: '' };

/** Copies repo files to `dir` (same relative paths) with nothing installed next to them. */
function copyAlone(dir: string, files: string[]): string {
  for (const f of files) {
    fs.mkdirSync(path.join(dir, path.dirname(f)), { recursive: true });
    fs.copyFileSync(path.join(repo, f), path.join(dir, f));
  }
  return dir;
}

describe('running outside any install', () => {
  it('the command in a checkout without `npm install` says to run it there', () => {
    const dir = copyAlone(path.join(base, 'checkout'), ['bin/retarget-lab.js']);
    const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'retarget-lab.js'), '--help'], { encoding: 'utf8', env });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`retarget-lab: its dependencies are not installed (no node_modules/tsx); run \`npm install\` in ${dir}.\n`);
  });

  it('the command of a package whose dependencies are gone says to install the package again', () => {
    const dir = copyAlone(path.join(base, 'project', 'node_modules', 'retarget-lab'), ['bin/retarget-lab.js']);
    const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'retarget-lab.js'), 'run'], { encoding: 'utf8', env });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/dependencies are not installed .*install the package again with `npm install retarget-lab`/);
  });

  it('a kernel whose library lost its dependencies says what to install, then to reinstall the kernel', () => {
    const dir = copyAlone(path.join(base, 'lib only'), ['kernel/launch.cjs', 'kernel/messages.cjs']);
    const r = spawnSync(process.execPath, [path.join(dir, 'kernel', 'launch.cjs'), 'kernel', '--config-path', 'x.json'], { encoding: 'utf8', env, cwd: base });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/retarget-lab kernel: tsx is not installed next to the library in .*lib only.*reinstall with `npx retarget-lab kernel install`/);
  });
});
