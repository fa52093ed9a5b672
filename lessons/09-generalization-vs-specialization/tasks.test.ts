import { describe, expect, it } from 'vitest';
import {
  createTown, townErrand, searchErrand, buildErrandTable, errandHeuristic, errandProblem, breakEvenQueries,
  measureTasks, competitivenessCurve, crossoverQueries, routineErrands, variedJobs, novelErrand,
  zipfWorkload, mixedWorkload, runWorkload, uniformCost, parseAsciiGrid, createRng, passableCells,
  type Errand,
} from '../../index';

// A tiny town drawn by hand: stage cells A (pick-up) and B (drop-off); the wall forces a detour.
const { map } = parseAsciiGrid(`
#########
#.......#
#.#####.#
#.#...#.#
#.#.#.#.#
#...#...#
#########`);
const A = { x: 3, y: 3 }, B = { x: 5, y: 5 };

describe('errands: the general searcher and the specialist agree, and are optimal', () => {
  const errands: Errand[] = [
    { name: 'go to A', stages: [[A]], order: 'sequence' },
    { name: 'A then B', stages: [[A], [B]], order: 'sequence' },
    { name: 'B then A', stages: [[B], [A]], order: 'sequence' },
    { name: 'A and B any order', stages: [[A], [B]], order: 'any' },
    { name: 'nearest of A, B', stages: [[A, B]], order: 'sequence' },
    { name: 'go to A avoiding the corridor', stages: [[A]], order: 'sequence', avoid: { cells: [{ x: 1, y: 4 }], penalty: 20 } },
  ];
  const starts = passableCells(map);
  for (const e of errands) {
    it(`${e.name}: A*, the table and uniform-cost search find the same cost from every start`, () => {
      const table = buildErrandTable(map, e);
      const p = errandProblem(map, e);
      for (const s of starts) {
        const g = searchErrand(map, e, s);
        const f = table.follow(s);
        const u = uniformCost(p, p.startState(s), e);
        expect(u.status).toBe('found');
        const exact = u.status === 'found' ? u.cost : NaN;
        expect(g.cost).toBeCloseTo(exact, 9);
        expect(f.cost).toBeCloseTo(exact, 9);
        expect(table.costFrom(s)).toBeCloseTo(exact, 9);
        expect(f.work).toBe(f.path.length - 1);
      }
    });
  }
  it('a drawn example: from (1,1), A then B walks round the wall', () => {
    const e = errands[1];
    expect(searchErrand(map, e, { x: 1, y: 1 }).cost).toBe(8 + 4); // down and round to A (8), then through the room to B (4)
  });
  it('the heuristic is the wall-free solution: admissible and exact in an open room', () => {
    const e = errands[3];
    const h = errandHeuristic(map, e);
    expect(h({ x: 1, y: 1, done: 0 }, e)).toBe(4 + 4); // (1,1)→A 4, A→B 4
    const open = parseAsciiGrid('......\n......\n......').map;
    const e2: Errand = { name: 'tour', stages: [[{ x: 0, y: 0 }], [{ x: 5, y: 2 }], [{ x: 5, y: 0 }]], order: 'any' };
    const h2 = errandHeuristic(open, e2);
    expect(h2({ x: 2, y: 1, done: 0 }, e2)).toBe(searchErrand(open, e2, { x: 2, y: 1 }).cost);
  });
  it('the specialist table costs one layer per done-set: 2^n - 1 for any order, n in sequence', () => {
    const cells = passableCells(map).length;
    expect(buildErrandTable(map, errands[1]).work).toBe(2 * cells);
    expect(buildErrandTable(map, errands[3]).work).toBe(3 * cells);
  });
  it('rejects bad errands and starts with module-named errors', () => {
    expect(() => searchErrand(map, { name: 'x', stages: [[{ x: 0, y: 0 }]], order: 'sequence' }, A)).toThrow(/tasks\/errand: errand "x": stage 0/);
    expect(() => searchErrand(map, { name: 'y', stages: [], order: 'sequence' }, A)).toThrow(/at least one stage/);
    expect(() => buildErrandTable(map, errands[0]).follow({ x: 0, y: 0 })).toThrow(/tasks\/specialist: start must be an open cell/);
  });
});

describe('towns and suites', () => {
  it('the same seed gives the same town; places are open, distinct and named', () => {
    const a = createTown({ seed: 4 }), b = createTown({ seed: 4 });
    expect(a.places).toEqual(b.places);
    expect(Buffer.from(a.map.passable).equals(Buffer.from(b.map.passable))).toBe(true);
    const all = Object.values(a.places).flat();
    expect(new Set(all.map((c) => `${c.x},${c.y}`)).size).toBe(all.length);
    for (const c of all) expect(a.map.passable[c.y * a.map.width + c.x]).toBe(1);
    expect(() => townErrand(a, { name: 'z', stages: ['moon'] })).toThrow(/no place "moon"/);
    expect(() => createTown({ width: 9 })).toThrow(/tasks\/town/);
  });
  it('every routine errand and varied job is solved optimally by both', () => {
    const town = createTown({ width: 31, height: 31, seed: 2 });
    const m = measureTasks(town, [...routineErrands(), ...variedJobs()], { samples: 2, seed: 3 });
    expect(m.every((t) => t.agree)).toBe(true);
    const rng = createRng(1);
    const novel = measureTasks(town, [novelErrand(town, rng, 'n1'), novelErrand(town, rng, 'n2')], { samples: 2 });
    expect(novel.every((t) => t.agree)).toBe(true);
  });
});

describe('amortised costs and workloads', () => {
  const town = createTown({ width: 31, height: 31, seed: 1 });
  const m = measureTasks(town, routineErrands().slice(0, 8), { samples: 4, seed: 1 });
  it('the ratio grows with queries per task and crosses 1 at the crossover', () => {
    const c = competitivenessCurve(m, [1, 10, 100, 1000]);
    for (let i = 1; i < c.length; i++) expect(c[i].ratio).toBeGreaterThan(c[i - 1].ratio);
    const q = crossoverQueries(m);
    const [below, above] = competitivenessCurve(m, [q * 0.9, q * 1.1]);
    expect(below.ratio).toBeLessThan(1);
    expect(above.ratio).toBeGreaterThan(1);
  });
  it('breakEvenQueries is the first q where the table is no dearer', () => {
    expect(breakEvenQueries(1000, 50, 300)).toBe(4);
    expect(breakEvenQueries(1001, 50, 300)).toBe(5);
    expect(breakEvenQueries(10, 300, 300)).toBe(Infinity);
    expect(() => breakEvenQueries(-1, 1, 2)).toThrow(/tasks\/measure/);
  });
  it('workloads are seeded; cache + search stays within the ski-rental bound of the hindsight optimum', () => {
    expect(zipfWorkload(8, 50, 1, 3)).toEqual(zipfWorkload(8, 50, 1, 3));
    const { stream, novel } = mixedWorkload(m.length, 200, 0, 1, 2);
    expect(novel).toBe(0);
    const r = runWorkload(m, stream);
    const maxSearch = Math.max(...m.flatMap((t) => t.searchRuns));
    expect(r.totals['hindsight optimum']).toBeLessThanOrEqual(Math.min(r.totals['search only'], r.totals['cache every task']));
    // Per task: spent < build before buying, plus one more search, plus build.
    let bound = 0;
    const counts = new Map<number, number>();
    for (const t of stream) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t] of counts) bound += 2 * m[t].build + maxSearch;
    expect(r.totals['cache + search']).toBeLessThanOrEqual(r.totals['hindsight optimum'] + bound);
    expect(() => runWorkload(m, [99])).toThrow(/tasks\/workload/);
  });
});
