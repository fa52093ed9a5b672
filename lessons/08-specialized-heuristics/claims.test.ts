import { describe, expect, it } from 'vitest';
import { runClaim, listClaims } from '../../index';

describe('claims of notebook 08', () => {
  it('are registered', () => {
    const ids = listClaims().map((c) => c.id);
    expect(ids).toContain('08-retargeted-engine-loses-heuristics');
    expect(ids).toContain('08-parallel-learning');
  });
  it('08-retargeted-engine-loses-heuristics: supported at the defaults, every heuristic measured', async () => {
    const o = await runClaim('08-retargeted-engine-loses-heuristics');
    expect(o.verdict).toBe('supported');
    expect(o.numbers.tableCoveredNodesPawns).toBe(0);
    expect(o.numbers.tableSpeedupPawns).toBe(1);
    expect(Number(o.numbers.tableSpeedupWin)).toBeGreaterThan(10);
    expect(o.chart).toBeDefined();
  });
  it('08-parallel-learning: supported at the defaults (shares the study run)', async () => {
    const o = await runClaim('08-parallel-learning');
    expect(o.verdict).toBe('supported');
    expect(Number(o.numbers.learnedSpeedup)).toBeGreaterThanOrEqual(2);
    expect(Number(o.numbers.trainingLabelNodes)).toBeGreaterThan(0);
  });
  it('flips: a one-ply endgame search leaves the win evaluation nothing to show', async () => {
    const o = await runClaim('08-retargeted-engine-loses-heuristics', { endgameDepth: 1 });
    expect(o.verdict).toBe('depends');
  });
  it('flips: with 8 training positions the learned evaluation does not pay', async () => {
    const o = await runClaim('08-parallel-learning', { learnPositions: 8 });
    expect(o.verdict).toBe('not supported');
  });
});
