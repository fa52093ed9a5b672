import { describe, expect, it } from 'vitest';
import {
  connectedComponents, createRng, generateMaze, generateObstacles, generateRooms, gridProblem, breadthFirst,
  passableCells,
} from '../../index';

const same = (a: { passable: Uint8Array }, b: { passable: Uint8Array }) => Buffer.from(a.passable).equals(Buffer.from(b.passable));

describe('envs generators', () => {
  it('mazes: deterministic per seed, different across seeds, connected, perfect (a tree)', () => {
    for (const [w, h] of [[21, 15], [10, 8], [3, 3]]) {
      const a = generateMaze(w, h, 5), b = generateMaze(w, h, 5), c = generateMaze(w, h, 6);
      expect(same(a, b)).toBe(true);
      if (w > 5) expect(same(a, c)).toBe(false);
      const cc = connectedComponents(a, 'four');
      expect(cc.count).toBe(1);
      // A perfect maze is a spanning tree: edges (adjacent passable pairs) = cells - 1.
      const cells = passableCells(a);
      let edges = 0;
      for (const { x, y } of cells) {
        if (a.passable[y * w + x + 1] && x + 1 < w) edges++;
        if (y + 1 < h && a.passable[(y + 1) * w + x]) edges++;
      }
      expect(edges).toBe(cells.length - 1);
      // Border is wall for odd sizes.
      if (w % 2 === 1) for (let x = 0; x < w; x++) expect(a.passable[x]).toBe(0);
    }
  });

  it('mazes with loops stay connected and gain alternative routes', () => {
    const perfect = generateMaze(31, 31, 'loops'), loopy = generateMaze(31, 31, 'loops', { loops: 0.3 });
    expect(connectedComponents(loopy).count).toBe(1);
    expect(passableCells(loopy).length).toBeGreaterThan(passableCells(perfect).length);
    const p = gridProblem(perfect), l = gridProblem(loopy);
    const s = { x: 1, y: 1 }, g = { x: 29, y: 29 };
    const rp = breadthFirst(p, s, g), rl = breadthFirst(l, s, g);
    expect(rp.status === 'found' && rl.status === 'found' && rl.cost <= rp.cost).toBe(true);
  });

  it('an Rng can be passed instead of a seed', () => {
    expect(same(generateMaze(11, 11, createRng(3)), generateMaze(11, 11, 3))).toBe(true);
  });

  it('rooms and doors: deterministic, connected, walls on the room lattice', () => {
    for (const [w, h, size] of [[31, 21, 4], [40, 17, 5], [8, 8, 2], [3, 3, 5]]) {
      const a = generateRooms(w, h, 9, { roomSize: size }), b = generateRooms(w, h, 9, { roomSize: size });
      expect(same(a, b)).toBe(true);
      expect(connectedComponents(a, 'four').count).toBe(1);
      for (let x = 0; x < w; x++) expect(a.passable[x] + a.passable[(h - 1) * w + x]).toBe(0);
    }
    expect(same(generateRooms(31, 21, 1), generateRooms(31, 21, 2))).toBe(false);
    const none = generateRooms(31, 31, 4, { roomSize: 4, extraDoors: 0 });
    const many = generateRooms(31, 31, 4, { roomSize: 4, extraDoors: 1 });
    // 6x6 rooms: a spanning tree has 35 doors, all 60 walls have a door with extraDoors = 1.
    expect(passableCells(none).length).toBe(36 * 16 + 35);
    expect(passableCells(many).length).toBe(36 * 16 + 60);
  });

  it('random obstacles: deterministic, density roughly honoured, connected on request', () => {
    const a = generateObstacles(60, 50, 3, { density: 0.3 }), b = generateObstacles(60, 50, 3, { density: 0.3 });
    expect(same(a, b)).toBe(true);
    expect(same(a, generateObstacles(60, 50, 4, { density: 0.3 }))).toBe(false);
    const blocked = 1 - passableCells(a).length / 3000;
    expect(Math.abs(blocked - 0.3)).toBeLessThan(0.03);
    const c = generateObstacles(60, 50, 3, { density: 0.4, connected: true });
    expect(connectedComponents(c, 'four').count).toBe(1);
    expect(passableCells(generateObstacles(5, 5, 1, { density: 0 }))).toHaveLength(25);
  });

  it('bad arguments throw module-prefixed messages', () => {
    expect(() => generateMaze(2, 9, 1)).toThrow('retarget-lab/envs/maze: a maze needs width and height of at least 3, got 2x9.');
    expect(() => generateMaze(9, 9, 1, { loops: 2 })).toThrow('retarget-lab/envs/maze: density must be a number in [0, 1), got 2.');
    expect(() => generateRooms(2, 2, 1)).toThrow('retarget-lab/envs/rooms: a rooms map needs width and height of at least 3, got 2x2.');
    expect(() => generateRooms(9, 9, 1, { roomSize: 0 })).toThrow(/envs\/rooms: grid size must be positive integers/);
    expect(() => generateRooms(9, 9, 1, { extraDoors: -1 })).toThrow(/envs\/rooms: density must be/);
    expect(() => generateObstacles(5, 5, 1, { density: 1 })).toThrow('retarget-lab/envs/obstacles: density must be a number in [0, 1), got 1.');
    expect(() => generateObstacles(0, 5, 1)).toThrow(/envs\/obstacles: grid size must be positive integers/);
  });
});
