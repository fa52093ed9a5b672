import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  gridProblem, parseMap, parseScen, serializeMap, serializeScen, uniformCost, validateQuery,
  type GridMap, type ScenarioQuery,
} from '../../index';

const fixtures = join(__dirname, '..', 'fixtures');
const mapText = readFileSync(join(fixtures, 'tiny.map'), 'utf8');
const scenText = readFileSync(join(fixtures, 'tiny.map.scen'), 'utf8');

/** Independent brute force: Bellman-Ford style relaxation over all cells until nothing changes. */
function bruteForce(map: GridMap, s: { x: number; y: number }, g: { x: number; y: number }): number {
  const { width: W, height: H } = map;
  const free = (x: number, y: number) => x >= 0 && y >= 0 && x < W && y < H && map.passable[y * W + x] === 1;
  const d = new Array(W * H).fill(Infinity);
  d[s.y * W + s.x] = 0;
  for (let changed = true; changed;) {
    changed = false;
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
      if (!free(x, y) || d[y * W + x] === Infinity) continue;
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
        if ((!dx && !dy) || !free(x + dx, y + dy)) continue;
        if (dx && dy && !(free(x + dx, y) && free(x, y + dy))) continue;
        const c = d[y * W + x] + (dx && dy ? Math.SQRT2 : 1);
        if (c < d[(y + dy) * W + x + dx] - 1e-12) { d[(y + dy) * W + x + dx] = c; changed = true; }
      }
    }
  }
  return d[g.y * W + g.x];
}

describe('envs/movingai', () => {
  const map = parseMap(mapText, 'tests/fixtures/tiny.map');
  const queries = parseScen(scenText, 'tests/fixtures/tiny.map.scen');

  it('parses the .map legend: . G S passable, @ O T W blocked', () => {
    expect(map.name).toBe('tiny');
    expect([map.width, map.height]).toEqual([10, 8]);
    const at = (x: number, y: number) => map.passable[y * map.width + x];
    expect(at(0, 0)).toBe(1);   // .
    expect(at(1, 1)).toBe(0);   // @
    expect(at(7, 1)).toBe(0);   // T
    expect(at(3, 3)).toBe(0);   // W
    expect(at(1, 5)).toBe(1);   // G
    expect(at(7, 5)).toBe(1);   // S
    const m2 = parseMap('type octile\r\nheight 1\r\nwidth 4\r\nmap\r\nO.GS\r\n');
    expect(Array.from(m2.passable)).toEqual([0, 1, 1, 1]);
  });

  it('parses .scen queries (tabs or spaces) and every optimal length matches an independent brute-force solver and uniform-cost search', () => {
    expect(queries).toHaveLength(7);
    expect(queries[0]).toEqual({ bucket: 0, mapName: 'tiny.map', mapWidth: 10, mapHeight: 8, start: { x: 0, y: 0 }, goal: { x: 9, y: 7 }, optimal: 14.24264069 });
    const problem = gridProblem(map, 'octile');
    for (const q of queries) {
      validateQuery(map, q, 'tiny.map.scen');
      expect(bruteForce(map, q.start, q.goal)).toBeCloseTo(q.optimal, 6);
      const r = uniformCost(problem, q.start, q.goal);
      expect(r.status).toBe('found');
      if (r.status === 'found') expect(r.cost).toBeCloseTo(q.optimal, 6);
    }
    expect(parseScen('version 1\n3 a.map 4 4 0 0 1 1 1.41421356\n')[0].bucket).toBe(3);
  });

  it('serialise and parse round-trip', () => {
    const back = parseMap(serializeMap(map), 'tiny.map');
    expect(back).toEqual(map);
    expect(parseScen(serializeScen(queries))).toEqual(queries);
  });

  it('.map errors name the source and line', () => {
    const src = 'bad.map';
    expect(() => parseMap('type octile\nheight 2\nwidht 3\nmap\n...\n...', src)).toThrow(
      'retarget-lab/envs/movingai: bad.map:3: expected "width <value>", got "widht 3"; a MovingAI .map starts with "type octile", "height H", "width W", "map".');
    expect(() => parseMap('type octile\nheight x\nwidth 3\nmap\n...', src)).toThrow(/bad\.map:2: expected "height <positive integer>", got "height x"/);
    expect(() => parseMap('type octile\nheight 1\nwidth 0\nmap\n', src)).toThrow(/bad\.map:3: expected "width <positive integer>"/);
    expect(() => parseMap('type octile\nheight 1\nwidth 3\nmaps\n...', src)).toThrow(/bad\.map:4: expected "map", got "maps"/);
    expect(() => parseMap('type octile\nheight 3\nwidth 3\nmap\n...\n...', src)).toThrow(
      'bad.map: the header says height 3 but 2 map rows follow; fix the height line or the rows.');
    expect(() => parseMap('type octile\nheight 2\nwidth 3\nmap\n...\n....', src)).toThrow(
      'bad.map:6: map row has 4 characters but the header says width 3.');
    expect(() => parseMap('type octile\nheight 2\nwidth 3\nmap\n...\n.x.', src)).toThrow(
      'bad.map:6: unknown terrain "x" in column 2; use . G S (passable) or @ O T W (blocked).');
    expect(() => parseMap('height 2')).toThrow(/<input>:1: expected "type <value>"/);
  });

  it('.scen errors name the source and line', () => {
    expect(() => parseScen('version 2\n', 'a.scen')).toThrow('retarget-lab/envs/movingai: a.scen:1: expected the header "version 1", got "version 2"');
    expect(() => parseScen('version 1\n0 a.map 4 4 0 0 1 1\n', 'a.scen')).toThrow(
      'a.scen:2: expected 9 columns (bucket map width height startX startY goalX goalY optimal), got 8.');
    expect(() => parseScen('version 1\n\n0 a.map 4 4 0 zero 1 1 2\n', 'a.scen')).toThrow('a.scen:3: column startY must be a decimal integer, got "zero".');
    expect(() => parseScen('version 1\n0 a.map 4 4 0 0 1 1 x\n', 'a.scen')).toThrow('a.scen:2: column optimal must be a decimal number, got "x".');
    // hex and other Number() forms are refused; echoed input is cut and escaped
    expect(() => parseScen('version 1\n0 a.map 4 4 0x1 0 1 1 2\n', 'a.scen')).toThrow('a.scen:2: column startX must be a decimal integer, got "0x1".');
    const hostile = `\u001b[31m${'9'.repeat(5000)}`;
    let message = '';
    try { parseScen(`version 1\n0 a.map 4 4 ${hostile} 0 1 1 2\n`, 'a.scen'); } catch (err) { message = (err as Error).message; }
    expect(message).toContain('got "\\u001b[31m9999');
    expect(message).toContain('…(4945 more)');
    expect(message).not.toContain('\u001b');
    expect(message.length).toBeLessThan(300);
  });

  it('validateQuery rejects wrong dimensions, out-of-range and blocked cells', () => {
    const q: ScenarioQuery = { ...queries[0] };
    expect(() => validateQuery(map, { ...q, mapWidth: 11 }, 'x.scen')).toThrow(
      'retarget-lab/envs/movingai: x.scen: query for tiny.map says the map is 11x8 but the map given is 10x8; load the map the scenario was made for.');
    expect(() => validateQuery(map, { ...q, goal: { x: 10, y: 0 } }, 'x.scen')).toThrow('x.scen: goal (10, 0) is outside the 10x8 map.');
    expect(() => validateQuery(map, { ...q, start: { x: 1, y: 1 } }, 'x.scen')).toThrow(
      'x.scen: start (1, 1) is on a blocked cell; pick a passable cell or check the map.');
  });
});
