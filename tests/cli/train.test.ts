import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

interface Run { code: number; stdout: string; stderr: string }

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/retarget-lab.js', ...args], { cwd: root, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('retarget-lab train learned-search', () => {
  it('has --help', async () => {
    const r = await cli('train', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--variant aligned');
  });
  it('names the module and what to do on bad input', async () => {
    const a = await cli('train', 'learned-search', '--variant', 'east');
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/retarget-lab\/cli\/train: unknown --variant "east"; use one of: aligned, corner, fixed/);
    const b = await cli('train', 'policy', '--variant', 'aligned');
    expect(b.stderr).toMatch(/retarget-lab\/cli\/train: unknown model "policy"/);
    const c = await cli('train', 'learned-search', '--variant', 'fixed', '--steps', '-3');
    expect(c.code).toBe(2);
  });
  it('writes the same weights module twice for one seed, with JSON progress lines', async () => {
    const dir = fs.mkdtempSync(join(os.tmpdir(), 'learned-'));
    const runs = await Promise.all([1, 2].map((k) => cli('train', 'learned-search', '--variant', 'corner', '--seed', '5', '--steps', '3', '--out', join(dir, `w${k}.ts`), '--json')));
    for (const r of runs) {
      expect(r.code).toBe(0);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines[0]).toMatchObject({ variant: 'corner', step: 3, steps: 3 });
      expect(lines[lines.length - 1].file).toContain('w');
    }
    const [a, b] = [1, 2].map((k) => fs.readFileSync(join(dir, `w${k}.ts`), 'utf8'));
    expect(a).toBe(b);
    expect(a).toContain('--variant corner --seed 5 --steps 3');
  });
});
