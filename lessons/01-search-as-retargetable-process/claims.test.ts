import { describe, expect, it } from 'vitest';
import { runClaim } from '../../index';
import { fitNextStepTable, followTable, greedyPolicy, distancesTo, searchTo, randomOpenCells } from './experiment';
import { generateMaze, parseAsciiGrid } from '../../index';

describe('claim 01-retargetable-search', () => {
  it('is supported at the defaults: the search reaches every goal, cached controllers do not', async () => {
    const o = await runClaim('01-retargetable-search');
    expect(o.verdict).toBe('supported');
    expect(o.numbers.searchSuccess).toBeGreaterThanOrEqual(0.95);
    expect(o.numbers.tableSuccess as number).toBeLessThan(0.5);
    expect(o.numbers.refitSuccess).toBe(1);
    expect(o.chart).toBeDefined();
  });
  it('flips when the search budget is too small for the maze', async () => {
    const o = await runClaim('01-retargetable-search', { size: 61, budget: 60, mazes: 2 });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.searchSuccess as number).toBeLessThan(0.5);
  });
  it('flips when loops make the maze easy for a greedy policy', async () => {
    const o = await runClaim('01-retargetable-search', { loops: 0.3 });
    expect(o.verdict).toBe('not supported');
    expect(o.numbers.searchSuccess).toBe(1);
  });
});

describe('lessons/01/experiment: controllers', () => {
  const { map } = parseAsciiGrid(`
#######
#.....#
#.###.#
#...#.#
###.#.#
#.....#
#######`);
  it('the fitted table follows shortest paths to its own goal, and only passes other goals on the way', () => {
    const table = fitNextStepTable(map, { x: 5, y: 5 });
    const own = followTable(map, table, { x: 1, y: 1 }, { x: 5, y: 5 });
    expect(own).toMatchObject({ reached: true, cost: 8 });
    expect(followTable(map, table, { x: 1, y: 1 }, { x: 1, y: 5 }).reached).toBe(false);
    expect(distancesTo(map, { x: 5, y: 5 })[0]).toBe(-1);
  });
  it('the greedy policy gets stuck in a dead end that the search walks around', () => {
    const m = generateMaze(31, 31, 3);
    const cells = randomOpenCells(m, 20, 5);
    let greedyFails = 0;
    for (let i = 0; i < cells.length; i += 2) {
      expect(searchTo(m, cells[i], cells[i + 1], 'bfs', 1e6).reached).toBe(true);
      expect(searchTo(m, cells[i], cells[i + 1], 'astar', 1e6).reached).toBe(true);
      if (!greedyPolicy(m, cells[i], cells[i + 1]).reached) greedyFails++;
    }
    expect(greedyFails).toBeGreaterThan(2);
  });
  it('rejects walls as goals', () => {
    expect(() => fitNextStepTable(map, { x: 0, y: 0 })).toThrow(/lessons\/01\/experiment: goal must be an open cell/);
  });
});
