import { describe, expect, it } from 'vitest';
import { landmarkHeuristic, gridProblem, parseAsciiGrid, goalDistanceTable, passableCells } from '../../index';

describe('heuristics/landmarks', () => {
  const { map } = parseAsciiGrid(`
    .......
    .#####.
    .#...#.
    .#.#.#.
    .....#.
  `);
  const problem = gridProblem(map, 'four');
  it('is exact at its landmark, admissible for every goal, and uses the goal it is given', () => {
    const l = { x: 0, y: 0 };
    const h = landmarkHeuristic(problem, [l]);
    const cells = passableCells(map);
    for (const g of cells) {
      const exact = goalDistanceTable(problem, g);
      for (const s of cells) expect(h(s, g)).toBeLessThanOrEqual(exact.distance(s) + 1e-9);
    }
    const toL = goalDistanceTable(problem, l);
    for (const s of cells) expect(h(s, l)).toBe(toL.distance(s));
    // Unlike the goal table, two goals give two answers.
    expect(h({ x: 6, y: 4 }, { x: 6, y: 0 })).not.toBe(h({ x: 6, y: 4 }, l));
  });
  it('rejects an empty landmark list with a module-named error', () => {
    expect(() => landmarkHeuristic(problem, [])).toThrow(/heuristics\/landmarks: landmarkHeuristic needs at least one landmark/);
  });
});
