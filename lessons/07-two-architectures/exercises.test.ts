import { describe, expect, it } from 'vitest';
import { check, isPassable } from '../../index';
import type { Cell, GridMap } from '../../index';

type Door = { id: number; a: number; b: number };
function bfsRoute(rooms: number, doors: Door[], from: number, to: number): number[] {
  const via = new Array<number>(rooms).fill(-2);
  via[from] = -1;
  const queue = [from];
  while (queue.length) {
    const r = queue.shift()!;
    for (const d of doors) {
      if (d.a !== r && d.b !== r) continue;
      const n = d.a === r ? d.b : d.a;
      if (via[n] === -2) { via[n] = d.id; queue.push(n); }
    }
  }
  const route: number[] = [];
  for (let r = to; r !== from;) { const d = doors.find((x) => x.id === via[r])!; route.unshift(d.id); r = d.a === r ? d.b : d.a; }
  return route;
}
function dfsRoute(rooms: number, doors: Door[], from: number, to: number): number[] {
  const seen = new Set<number>();
  const go = (r: number): number[] | null => {
    if (r === to) return [];
    seen.add(r);
    for (const d of doors) {
      if (d.a !== r && d.b !== r) continue;
      const n = d.a === r ? d.b : d.a;
      if (seen.has(n)) continue;
      const rest = go(n);
      if (rest) return [d.id, ...rest];
    }
    return null;
  };
  return go(from) ?? [];
}
const routeOk = (map: GridMap, path: Cell[], start: Cell, target: Cell): boolean =>
  path.length > 0 && path[0].x === start.x && path[0].y === start.y
  && path[path.length - 1].x === target.x && path[path.length - 1].y === target.y
  && path.every((c) => isPassable(map, c))
  && path.every((c, i) => i === 0 || Math.abs(c.x - path[i - 1].x) + Math.abs(c.y - path[i - 1].y) === 1);

describe('exercise 07-room-route (meta-test)', () => {
  it('BFS passes', () => {
    expect(check.evaluate('07-room-route', bfsRoute).ok).toBe(true);
    expect(check.evaluate('07-room-route', bfsRoute, { seed: 3, count: 15 }).ok).toBe(true);
  });
  it('a depth-first route (valid but not shortest) fails', () => {
    expect(check.evaluate('07-room-route', dfsRoute).ok).toBe(false);
  });
});

describe('exercise 07-route-check (meta-test)', () => {
  it('the full check passes', () => {
    expect(check.evaluate('07-route-check', routeOk).ok).toBe(true);
    expect(check.evaluate('07-route-check', routeOk, { seed: 12, count: 24 }).ok).toBe(true);
  });
  it('checking only the end, or skipping the step check, fails', () => {
    const endOnly = (_m: GridMap, p: Cell[], _s: Cell, t: Cell) => p.length > 0 && p[p.length - 1].x === t.x && p[p.length - 1].y === t.y;
    const noSteps = (m: GridMap, p: Cell[], s: Cell, t: Cell) => endOnly(m, p, s, t) && p[0].x === s.x && p[0].y === s.y && p.every((c) => isPassable(m, c));
    expect(check.evaluate('07-route-check', endOnly).ok).toBe(false);
    expect(check.evaluate('07-route-check', noSteps).ok).toBe(false);
  });
});

describe('exercise 07-tuned-comparator (meta-test)', () => {
  const tuned = (toLandmark: (c: Cell) => number) => (s: Cell, g: Cell) => Math.abs(toLandmark(s) - toLandmark(g));
  it('the reference (the landmark triangle bound) passes visible and hidden tests', () => {
    expect(check.evaluate('07-tuned-comparator', tuned).ok).toBe(true);
    expect(check.evaluate('07-tuned-comparator', tuned, { seed: 9, count: 2 }).ok).toBe(true);
  });
  it('the strawman that ignores the goal overestimates; zero is admissible but not tuned', () => {
    expect(check.evaluate('07-tuned-comparator', (toLandmark: (c: Cell) => number) => (s: Cell) => toLandmark(s)).ok).toBe(false);
    expect(check.evaluate('07-tuned-comparator', () => () => 0).ok).toBe(false);
  });
});
