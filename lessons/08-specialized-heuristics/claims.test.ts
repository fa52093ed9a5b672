import { describe, expect, it } from 'vitest';
import { runClaim, listClaims } from '../../index';

describe('claims of notebook 08', () => {
  it('are registered', () => {
    const ids = listClaims().map((c) => c.id);
    expect(ids).toContain('08-retargeted-engine-loses-heuristics');
    expect(ids).toContain('08-parallel-learning');
  });
  it('08-retargeted-engine-loses-heuristics: depends at the defaults — measured on the same positions, the table helps neither objective, so it loses nothing', async () => {
    const o = await runClaim('08-retargeted-engine-loses-heuristics');
    expect(o.verdict).toBe('depends');
    expect(o.numbers.heuristicsLost).toBe(2);
    expect(o.numbers.tableHelpedSharePawns).toBe(0);
    expect(o.numbers.tableHelpedShareWinSamePositions).toBe(0);
    expect(Number(o.numbers.tableSpeedupWinOwnEnding)).toBeGreaterThan(10);
    expect(o.chart).toBeDefined();
  });
  it('08-retargeted-engine-loses-heuristics flips to supported when the table\'s win speed-up is measured in its own ending (objective and positions confounded)', async () => {
    const o = await runClaim('08-retargeted-engine-loses-heuristics', { tablePositions: 'own-ending' });
    expect(o.verdict).toBe('supported');
    expect(o.numbers.heuristicsLost).toBe(3);
  });
  it('08-retargeted-engine-loses-heuristics is not supported at shallow depths: a 2-ply ending search, a 3-ply pawn horizon and move ordering measured at depth 2 leave no heuristic losing half its worth', async () => {
    const o = await runClaim('08-retargeted-engine-loses-heuristics', { endgameDepth: 2, horizon: 3, orderingDepth: 2 });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.heuristicsLost).toBe(0);
    expect(Number(o.numbers.evalSpeedupPawns)).toBeGreaterThanOrEqual(Number(o.numbers.evalSpeedupWin) / 2);
    expect(Number(o.numbers.orderingSpeedupPawns)).toBeGreaterThanOrEqual(Number(o.numbers.orderingSpeedupWin) / 2);
  });
  it('08-parallel-learning: supported at the defaults (shares the study run)', async () => {
    const o = await runClaim('08-parallel-learning');
    expect(o.verdict).toBe('supported');
    expect(Number(o.numbers.learnedSpeedup)).toBeGreaterThanOrEqual(2);
    expect(Number(o.numbers.trainingLabelNodes)).toBeGreaterThan(0);
  });
  it('a one-ply endgame search leaves the win evaluation nothing to show (one heuristic lost)', async () => {
    const o = await runClaim('08-retargeted-engine-loses-heuristics', { endgameDepth: 1 });
    expect(o.verdict).toBe('depends');
    expect(o.numbers.heuristicsLost).toBe(1);
  });
  it('flips: with 8 training positions the learned evaluation does not pay', async () => {
    const o = await runClaim('08-parallel-learning', { learnPositions: 8 });
    expect(o.verdict).toBe('not supported');
  });
});
