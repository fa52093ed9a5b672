import { describe, expect, it } from 'vitest';
import { runClaim, checkRelaxations, goalShiftExperiment, relaxationTestMap } from '../../index';

describe('claim 02-relaxation-goal-agnostic', () => {
  it('is supported at the defaults: relaxation keeps its speedup, the goal table loses it far from its goal', async () => {
    const o = await runClaim('02-relaxation-goal-agnostic');
    expect(o.verdict).toBe('supported');
    expect(o.numbers.worstRelaxedSpeedup).toBeGreaterThanOrEqual(2);
    expect(o.numbers.farTableSpeedup).toBeLessThan(1.2);
    expect(o.numbers.nearTableSpeedup).toBeGreaterThan(o.numbers.farTableSpeedup as number);
    expect(o.chart).toBeDefined();
  });
  it('flips on a maze, where dropping the walls tells A* little (the environment decides)', async () => {
    const o = await runClaim('02-relaxation-goal-agnostic', { map: 'maze' });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.worstRelaxedSpeedup).toBeLessThan(2);
  });
  it('flips when the goal barely moves (the goal table keeps its advantage)', async () => {
    const o = await runClaim('02-relaxation-goal-agnostic', { maxShift: 6 });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.farTableSpeedup).toBeGreaterThan(1.2);
  });
});

describe('claim 02-relaxation-admissible', () => {
  it('is supported at the defaults and flips when the derived heuristics are inflated', async () => {
    const o = await runClaim('02-relaxation-admissible', { samples: 30 });
    expect(o.verdict).toBe('supported');
    expect(o.numbers.violations).toBe(0);
    const inflated = await runClaim('02-relaxation-admissible', { samples: 30, weight: 1.5 });
    expect(inflated.verdict).toBe('not supported');
    expect(inflated.numbers.violations).toBeGreaterThan(0);
  });
});

describe('lessons/02/experiment', () => {
  it('round-trips maps through the MovingAI format and is deterministic per seed', () => {
    const a = relaxationTestMap('rooms', 24, 5), b = relaxationTestMap('rooms', 24, 5);
    expect(a.text.startsWith('type octile\nheight 24\nwidth 24\nmap\n')).toBe(true);
    expect(a.map.passable).toEqual(b.map.passable);
    const r1 = goalShiftExperiment({ map: a.map, seed: 2, bands: 3, perBand: 2 });
    const r2 = goalShiftExperiment({ map: a.map, seed: 2, bands: 3, perBand: 2 });
    expect(r1.rows).toEqual(r2.rows);
    // Band 0 starts with the table's own goal, where the table is perfect: A* expands only the path.
    expect(r1.rows[0].goal).toEqual(r1.tableGoal);
    expect(r1.rows[0].table).toBeLessThanOrEqual(r1.rows[0].relaxed);
    for (const r of r1.rows) expect(r.tableCost).toBeGreaterThanOrEqual(r.optimal - 1e-9);
    expect(r1.queries[0].optimal).toBeCloseTo(r1.rows[0].optimal);
  });
  it('rejects bad arguments with module-named errors', () => {
    expect(() => relaxationTestMap('spiral' as never, 24, 1)).toThrow(/lessons\/02\/experiment: unknown map kind "spiral"/);
    const { map } = relaxationTestMap('rooms', 24, 1);
    expect(() => goalShiftExperiment({ map, tableGoal: { x: 0, y: 0 } })).toThrow(/not a passable cell/);
    expect(() => checkRelaxations({ weight: -1 })).toThrow(/weight must be a positive number/);
  });
});
