import { describe, expect, it } from 'vitest';
import { parseAsciiGrid, renderAscii, DEFAULT_ASCII_LEGEND } from '../../index';

describe('envs/ascii', () => {
  it('parses walls, floor and marks, trimming indentation', () => {
    const g = parseAsciiGrid(`
      S.#
      *#G`);
    expect(g.map.width).toBe(3);
    expect(g.map.height).toBe(2);
    expect(Array.from(g.map.passable)).toEqual([1, 1, 0, 1, 0, 1]);
    expect(g.start).toEqual({ x: 0, y: 0 });
    expect(g.goal).toEqual({ x: 2, y: 1 });
    expect(g.route).toEqual([{ x: 0, y: 1 }]);
  });

  it('accepts a custom legend, including a meaningful space', () => {
    const g = parseAsciiGrid('X k\n  X', { X: 'wall', ' ': 'floor', k: 'key' });
    expect(Array.from(g.map.passable)).toEqual([0, 1, 1, 1, 1, 0]);
    expect(g.marks.key).toEqual([{ x: 2, y: 0 }]);
    expect(g.start).toBeUndefined();
  });

  it('renderAscii draws path, start, goal and marks; parseAsciiGrid reads it back', () => {
    const g = parseAsciiGrid(`
      ....
      .##.
      ....`);
    const path = [{ x: 0, y: 2 }, { x: 0, y: 1 }, { x: 0, y: 0 }, { x: 1, y: 0 }, { x: 2, y: 0 }, { x: 3, y: 0 }];
    const text = renderAscii(g.map, { path, marks: { k: [{ x: 3, y: 2 }] } });
    expect(text).toBe('***G\n*##.\nS..k');
    const back = parseAsciiGrid(text, { ...DEFAULT_ASCII_LEGEND, k: 'key' });
    expect(Array.from(back.map.passable)).toEqual(Array.from(g.map.passable));
    expect(back.start).toEqual(path[0]);
    expect(back.goal).toEqual(path[5]);
    expect(back.route).toHaveLength(4);
  });

  it('errors name the line (and column) of the ASCII text', () => {
    expect(() => parseAsciiGrid('\n  ...\n  ..\n')).toThrow(
      'retarget-lab/envs/ascii: ASCII grid line 3 has 2 characters but the first row has 3; make every row the same width.');
    expect(() => parseAsciiGrid('...\n.x.')).toThrow(/ASCII grid line 2, column 2: character "x" is not in the legend/);
    expect(() => parseAsciiGrid('  \n ')).toThrow('retarget-lab/envs/ascii: the ASCII grid is empty; draw at least one row, e.g. "S..#..G".');
    expect(() => parseAsciiGrid('..', { '..': 'floor' })).toThrow('legend key ".." must be exactly one character.');
  });
});
