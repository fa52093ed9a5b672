import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

// Structure only: speeds depend on the machine, so nothing here is timed.
describe('retarget-lab bench --quick --json', () => {
  it('runs both halves and reports engines, ratios and agreeing lengths', async () => {
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, ['bin/retarget-lab.js', 'bench', '--quick', '--json'], { cwd: root, timeout: 180_000 },
        (err, out) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout: out }));
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ quick: true, agree: true });
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.grid).toHaveLength(4);
    for (const c of report.grid) {
      expect(c.agree).toBe(true);
      expect(c.engines.map((e: { engine: string }) => e.engine)).toEqual([
        'retarget-lab gridAstar', 'retarget-lab gridJps', 'pathfinding (PathFinding.js)', 'pathfinding JumpPointFinder',
        'ngraph.path aStar', 'retarget-lab generic astar',
      ]);
      for (const e of c.engines) {
        expect(e.queries).toBe(c.queries);
        expect(e.queriesPerSecond).toBeGreaterThan(0);
        expect(e.speedup).toBeCloseTo(c.engines[0].queriesPerSecond / e.queriesPerSecond, 6);
        expect(e.jpsSpeedup).toBeCloseTo(c.engines[1].queriesPerSecond / e.queriesPerSecond, 6);
      }
    }
    expect(report.grid[2].map).toMatch(/rooms-256/);
    expect(report.grid[3].map).toMatch(/rooms-512/);
    const p = report.puzzle;
    expect(p.agree).toBe(true);
    expect(p.genericVsSpecialised.length).toBeGreaterThan(0);
    for (const r of p.genericVsSpecialised) {
      expect(r.length).toBe(r.genericLength);
      expect(r.nodeRateRatio).toBeGreaterThan(0);
    }
    expect(p.pdb).toMatchObject({ partition: '5-5-5', source: 'built' });
    expect(p.pdb.buildSeconds).toBeGreaterThan(0);
    expect(new Set(p.korf.map((r: { heuristic: string }) => r.heuristic))).toEqual(new Set(['manhattan', 'linear-conflict', 'pdb']));
    for (const r of p.korf) expect(r.length).toBe(r.publishedLength);
  }, 200_000);

  it('rejects an unknown --only with exit 2', async () => {
    const r = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, ['bin/retarget-lab.js', 'bench', '--only', 'chess'], { cwd: root },
        (err, _o, stderr) => resolve({ code: err ? (err.code as number) : 0, stderr }));
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/retarget-lab\/cli\/bench: unknown --only "chess"/);
  });
});
