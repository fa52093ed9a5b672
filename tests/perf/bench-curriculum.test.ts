import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCurriculumBench, runCurriculumBench } from '../../bench/curriculum';
import { codeNotebook } from '../kernel/helpers';

// Structure only: wall times depend on the machine, so nothing here is timed.
describe('bench/curriculum on two tiny notebooks', () => {
  it('reports kernel starts, one run per job count with its ratio, and counts a failing notebook', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-bench-cur-'));
    const ok = path.join(dir, 'a.ipynb');
    const bad = path.join(dir, 'b.ipynb');
    fs.writeFileSync(ok, JSON.stringify(codeNotebook(['1 + 1'])));
    fs.writeFileSync(bad, JSON.stringify(codeNotebook(['throw new Error("no")'])));
    const b = await runCurriculumBench({ notebooks: [ok, bad], kernelStarts: 1, jobs: [1, 2] });
    expect(b.notebooks).toBe(2);
    expect(b.wholeCurriculum).toBe(false);
    expect(b.kernelStart.readySeconds).toHaveLength(1);
    expect(b.kernelStart.firstImportSeconds).toHaveLength(1);
    expect(b.kernelStart.readySeconds[0]).toBeGreaterThan(0);
    expect(b.runs.map((r) => [r.jobs, r.failed, r.notebooks.map((n) => `${n.notebook} ${n.status}`)])).toEqual([
      [1, 1, ['a.ipynb ok', 'b.ipynb failed']], [2, 1, ['a.ipynb ok', 'b.ipynb failed']],
    ]);
    for (const r of b.runs) expect(r.wallSeconds).toBeGreaterThanOrEqual(Math.max(...r.notebooks.map((n) => n.seconds)));
    expect(b.speedup).toBeCloseTo(b.runs[0].wallSeconds / b.runs[1].wallSeconds, 1);
    const text = formatCurriculumBench(b);
    expect(text).toMatch(/--jobs +wall s/);
    expect(text).not.toMatch(/Target:/); // the target is about the whole curriculum only
  }, 240_000);
});
