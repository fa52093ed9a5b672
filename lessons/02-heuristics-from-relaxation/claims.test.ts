import { describe, expect, it } from 'vitest';
import { runClaim, checkRelaxations, goalShiftExperiment, pdbGoalShiftExperiment, relaxationTestMap } from '../../index';

describe('claim 02-relaxation-goal-agnostic', () => {
  it('is supported at the defaults: relaxation keeps its speedup; ALT landmarks tuned for one region (which take the goal) lose their advantage far from it', async () => {
    const o = await runClaim('02-relaxation-goal-agnostic');
    expect(o.verdict).toBe('supported');
    expect(o.numbers.worstRelaxedSpeedup).toBeGreaterThanOrEqual(2);
    expect(o.numbers.nearTunedAdvantage).toBeGreaterThan(1.2);
    expect(o.numbers.farTunedAdvantage).toBeLessThan(1.2);
    expect(o.chart).toBeDefined();
  });
  it('flips when the tuned heuristic also takes the relaxation (max of ALT and octile): it keeps an edge far from its region', async () => {
    const o = await runClaim('02-relaxation-goal-agnostic', { tuned: 'landmarks+octile', map: 'obstacles' });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.farTunedAdvantage).toBeGreaterThanOrEqual(1.2);
  });
  it('flips on a maze, where dropping the walls tells A* little (the environment decides)', async () => {
    const o = await runClaim('02-relaxation-goal-agnostic', { map: 'maze' });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.worstRelaxedSpeedup).toBeLessThan(2);
  });
  it('flips when the goal barely leaves the tuned region (the tuned heuristic keeps its advantage)', async () => {
    const o = await runClaim('02-relaxation-goal-agnostic', { maxShift: 3 });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.farTunedAdvantage).toBeGreaterThan(1.2);
  });
});

describe('claim 02-pdb-goal-specific', () => {
  it('is supported at the defaults: reused through the triangle inequality the database fades to Manhattan far from its goal; a rebuilt one does not', async () => {
    const o = await runClaim('02-pdb-goal-specific');
    expect(o.verdict).toBe('supported');
    expect(o.numbers.nearReuseAdvantage).toBeGreaterThan(1.2);
    expect(o.numbers.farReuseAdvantage).toBeLessThan(1.2);
    expect(o.numbers.farRebuiltAdvantage).toBeGreaterThan(3);
    expect(o.numbers.buildExpanded).toBeGreaterThan(0);
    expect(o.chart).toBeDefined();
  });
  it('flips when the board\'s symmetries carry the database to far goals whose blank is in a corner', async () => {
    const o = await runClaim('02-pdb-goal-specific', { reuse: 'symmetry' });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.farReuseAdvantage).toBeGreaterThanOrEqual(1.2);
    expect(o.numbers.farSymmetricShare).toBeGreaterThan(0);
  });
  it('flips when the goal barely moves (the reused database keeps its advantage)', async () => {
    const o = await runClaim('02-pdb-goal-specific', { maxShift: 3 });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.farReuseAdvantage).toBeGreaterThan(1.2);
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
    // The tuned landmark heuristic has a landmark at the tuned goal: exact there, like the table.
    expect(r1.landmarks[0]).toEqual(r1.tableGoal);
    expect(r1.rows[0].tuned).toBe(r1.rows[0].table);
    expect(r1.queries[0].optimal).toBeCloseTo(r1.rows[0].optimal);
  });
  it('the pattern-database shift is deterministic per seed and starts with the built goal itself', () => {
    const a = pdbGoalShiftExperiment({ seed: 2, bands: 3, perBand: 2 });
    const b = pdbGoalShiftExperiment({ seed: 2, bands: 3, perBand: 2 });
    expect(a.rows).toEqual(b.rows);
    expect(a.rows[0].shift).toBe(0);
    // At its own goal, the reused database is the rebuilt one (or better: it also takes Manhattan and the symmetries).
    expect(a.rows[0].reused).toBeLessThanOrEqual(a.rows[0].rebuilt);
    for (const r of a.rows) expect(r.shift).toBeLessThanOrEqual(31);
  });
  it('rejects bad arguments with module-named errors', () => {
    expect(() => pdbGoalShiftExperiment({ reuse: 'relabel' as never })).toThrow(/lessons\/02\/experiment: unknown reuse "relabel"/);
    expect(() => relaxationTestMap('spiral' as never, 24, 1)).toThrow(/lessons\/02\/experiment: unknown map kind "spiral"/);
    const { map } = relaxationTestMap('rooms', 24, 1);
    expect(() => goalShiftExperiment({ map, tableGoal: { x: 0, y: 0 } })).toThrow(/not a passable cell/);
    expect(() => checkRelaxations({ weight: -1 })).toThrow(/weight must be a positive number/);
  });
});
