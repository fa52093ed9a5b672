import { describe, expect, it } from 'vitest';
import {
  assertOnMap, cellIndex, connectedComponents, createGridMap, gridProblem, indexCell, isGridProblem,
  parseAsciiGrid, passableCells, uniformCost, breadthFirst, bfsDistances, generateMaze, createRng, type Cell,
} from '../../index';

const moves = (p: ReturnType<typeof gridProblem>, c: Cell) =>
  [...p.successors(c)].map((t) => `${t.action}:${t.state.x},${t.state.y}:${t.cost.toFixed(3)}`).sort();

describe('envs/grid', () => {
  it('bfsDistances: step distances around walls, -1 for blocked and unreachable cells', () => {
    const { map } = parseAsciiGrid(`
      ..#.
      .##.
      ....
      ##.#`);
    const d = bfsDistances(map, { x: 0, y: 0 });
    const rows = [0, 1, 2, 3].map((y) => [0, 1, 2, 3].map((x) => d[y * 4 + x]).join(' '));
    expect(rows).toEqual(['0 1 -1 7', '1 -1 -1 6', '2 3 4 5', '-1 -1 5 -1']);
    expect([...bfsDistances(map, { x: 2, y: 0 })].every((v) => v === -1)).toBe(true);
    const out = new Int32Array(16).fill(99);
    expect(bfsDistances(map, { x: 3, y: 0 }, out)).toBe(out);
    expect(out[0]).toBe(7);
  });

  it('bfsDistances agrees with breadth-first search on a seeded maze', () => {
    const map = generateMaze(15, 15, createRng(3), { loops: 0.1 });
    const cells = passableCells(map);
    const d = bfsDistances(map, cells[0]);
    for (const c of cells.slice(0, 40)) {
      const r = breadthFirst(gridProblem(map), cells[0], c);
      expect(r.status === 'found' ? r.cost : -1).toBe(d[cellIndex(map, c)]);
    }
  });


  it('four-way movement: unit moves into passable in-bounds cells only', () => {
    const { map } = parseAsciiGrid(`
      ...
      .#.
      ...`);
    const p = gridProblem(map, 'four');
    expect(moves(p, { x: 0, y: 0 })).toEqual(['E:1,0:1.000', 'S:0,1:1.000']);
    expect(moves(p, { x: 1, y: 0 })).toEqual(['E:2,0:1.000', 'W:0,0:1.000']);
    expect(p.constraints).toEqual(['walls']);
    expect(isGridProblem(p)).toBe(true);
    expect(isGridProblem({})).toBe(false);
  });

  it('octile movement: diagonals cost √2 and may not cut corners (both orthogonal cells must be passable)', () => {
    const { map } = parseAsciiGrid(`
      ...
      .#.
      ...`);
    const p = gridProblem(map, 'octile');
    // From (0,0): the diagonal to (1,1) is blocked by the wall itself; nothing else diagonal.
    expect(moves(p, { x: 0, y: 0 })).toEqual(['E:1,0:1.000', 'S:0,1:1.000']);
    // From (1,0) the diagonals to (0,1) and (2,1) pass the wall at (1,1): corner cutting, refused.
    expect(moves(p, { x: 1, y: 0 })).toEqual(['E:2,0:1.000', 'W:0,0:1.000']);
    const open = gridProblem(createGridMap(3, 3), 'octile');
    expect(moves(open, { x: 1, y: 0 })).toContain('SE:2,1:1.414');
    expect(open.constraints).toEqual(['walls', 'no-corner-cutting']);
  });

  it('one blocked orthogonal neighbour is enough to forbid the diagonal', () => {
    const { map } = parseAsciiGrid(`
      S#
      .G`);
    const r = uniformCost(gridProblem(map, 'octile'), { x: 0, y: 0 }, { x: 1, y: 1 });
    expect(r.status).toBe('found');
    if (r.status === 'found') expect(r.cost).toBe(2); // around the corner, not √2 through it
  });

  it('predecessors mirror successors with opposite actions; goalState is the goal cell', () => {
    const p = gridProblem(createGridMap(4, 4), 'octile');
    const c = { x: 1, y: 2 };
    const succ = [...p.successors(c)].map((t) => `${t.state.x},${t.state.y}`).sort();
    const pred = [...p.predecessors(c)];
    expect(pred.map((t) => `${t.state.x},${t.state.y}`).sort()).toEqual(succ);
    expect(pred.find((t) => t.state.x === 1 && t.state.y === 1)?.action).toBe('S');
    expect(p.goalState(c)).toEqual(c);
    expect(p.key(c)).toBe(cellIndex(p.map, c));
    expect(indexCell(p.map, 9)).toEqual({ x: 1, y: 2 });
  });

  it('breadth-first search finds the drawn route in an ASCII maze', () => {
    const { map, start, goal, route } = parseAsciiGrid(`
      S**#....
      ##*#.##.
      ..*...#.
      .#***#G.
      .#..***.`);
    const r = breadthFirst(gridProblem(map, 'four'), start!, goal!);
    expect(r.status).toBe('found');
    if (r.status === 'found') expect(r.cost).toBe(route.length + 1);
  });

  it('connected components', () => {
    const { map } = parseAsciiGrid(`
      ..#..
      ..#..
      #####
      .#...`);
    const cc = connectedComponents(map, 'four');
    expect(cc.count).toBe(4);
    expect(cc.sizes).toEqual([4, 4, 1, 3]);
    expect(cc.labels[2]).toBe(-1);
    expect(passableCells(map)).toHaveLength(12);
    // Diagonal contact without both orthogonal cells passable does not connect under octile rules.
    const { map: diag } = parseAsciiGrid(`
      .#
      #.`);
    expect(connectedComponents(diag, 'octile').count).toBe(2);
  });

  it('caller mistakes throw module-prefixed messages', () => {
    expect(() => createGridMap(0, 3)).toThrow('retarget-lab/envs/grid: grid size must be positive integers, got width 0 and height 3.');
    expect(() => createGridMap(2, 2, new Uint8Array(3))).toThrow(/passable must be a Uint8Array of width\*height = 4 entries, got 3/);
    expect(() => gridProblem(createGridMap(2, 2), 'hex' as never)).toThrow(`retarget-lab/envs/grid: unknown movement "hex"; use 'four' or 'octile'.`);
    expect(() => assertOnMap(createGridMap(2, 2), { x: 2, y: 0 }, 'start')).toThrow(/start \{"x":2,"y":0\} is outside the 2x2 map/);
  });
});
