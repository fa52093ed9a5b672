import { describe, expect, it } from 'vitest';
import {
  PriorityQueue, astar, beamSearch, bidirectional, breadthFirst, compareSearchers, createRng, depthLimited,
  generateAndTest, greedyBestFirst, hierarchicalSearch, idaStar, instrument, iterativeDeepening, uniformCost,
  weightedAstar, weightedGraph,
} from '../../index';
import type { SearchProblem, SearchResult, TraceEvent } from '../../index';
import { expectValidPath, maze } from './helpers';

const mazeA = maze(['S.#..', '.##.#', '...#G', '#.#..', '.....']);

/** An endless line 0, 1, 2, ... (both ways): no goal is ever reached when the goal is -1 and moves only go up. */
const endless: SearchProblem<number, string, number> = {
  name: 'endless',
  successors: (n) => [{ action: '+1', state: n + 1, cost: 1 }, { action: '+2', state: n + 2, cost: 1 }],
  predecessors: (n) => [{ action: '+1', state: n - 1, cost: 1 }, { action: '+2', state: n - 2, cost: 1 }],
  goalState: (g) => g,
  isGoal: (n, g) => n === g,
  key: (n) => n,
};

type Run = (p: SearchProblem<number, string, number>, s: number, g: number, budget: { maxExpansions?: number; maxSeconds?: number }) => SearchResult<number, string>;
const runs: [string, Run][] = [
  ['breadthFirst', (p, s, g, budget) => breadthFirst(p, s, g, { budget })],
  ['depthLimited', (p, s, g, budget) => depthLimited(p, s, g, { limit: 1e9, budget })],
  ['iterativeDeepening', (p, s, g, budget) => iterativeDeepening(p, s, g, { budget })],
  ['uniformCost', (p, s, g, budget) => uniformCost(p, s, g, { budget })],
  ['astar', (p, s, g, budget) => astar(p, s, g, { budget })],
  ['weightedAstar', (p, s, g, budget) => weightedAstar(p, s, g, { budget, heuristic: () => 0 })],
  ['greedyBestFirst', (p, s, g, budget) => greedyBestFirst(p, s, g, { budget })],
  ['idaStar', (p, s, g, budget) => idaStar(p, s, g, { budget })],
  ['bidirectional', (p, s, g, budget) => bidirectional(p, s, g, { budget })],
  ['beamSearch', (p, s, g, budget) => beamSearch(p, s, g, { width: 3, budget })],
  ['generateAndTest', (p, s, g, budget) => generateAndTest(p, s, g, { samples: 1e9, maxLength: 50, budget })],
  ['hierarchicalSearch', (p, s, g, budget) => hierarchicalSearch(p, s, g, { decompose: () => [], budget })],
];

describe('budgets', () => {
  for (const [name, run] of runs) {
    it(`${name} stops with status budget/expansions after maxExpansions`, () => {
      // bidirectional needs a goal it cannot meet quickly: -1e9 is reachable backward only.
      const r = run(endless, 0, name === 'bidirectional' ? 1e9 : -1, { maxExpansions: 25 });
      expect(r.status).toBe('budget');
      if (r.status === 'budget') expect(r.reason).toBe('expansions');
      expect(r.stats.expanded).toBe(25);
    });
    it(`${name} stops with status budget/time after maxSeconds`, () => {
      const t0 = performance.now();
      const r = run(endless, 0, name === 'bidirectional' ? 1e12 : -1, { maxSeconds: 0.05 });
      expect(r.status).toBe('budget');
      if (r.status === 'budget') expect(r.reason).toBe('time');
      expect(performance.now() - t0).toBeLessThan(2000);
    });
  }
  it('generateAndTest without a hit reports budget/samples and counts the plans', () => {
    const r = generateAndTest(mazeA.problem, mazeA.start, { x: 3, y: 0 }, { samples: 40, maxLength: 20, seed: 3 });
    expect(r.status).toBe('budget');
    if (r.status === 'budget') expect(r.reason).toBe('samples');
    expect(r.stats.samples).toBe(40);
    expect(r.stats.generated).toBeGreaterThan(40);
  });
});

describe('depth limits and cutoffs', () => {
  it('depthLimited returns cutoff below the solution depth and found at it', () => {
    expect(depthLimited(mazeA.problem, mazeA.start, mazeA.goal, { limit: 9 }).status).toBe('cutoff');
    const r = depthLimited(mazeA.problem, mazeA.start, mazeA.goal, { limit: 10 });
    expectValidPath(mazeA.problem, mazeA.start, mazeA.goal, r);
  });
  it('depthLimited with limit 0 only tests the start', () => {
    expect(depthLimited(mazeA.problem, mazeA.start, mazeA.start, { limit: 0 }).status).toBe('found');
    expect(depthLimited(mazeA.problem, mazeA.start, mazeA.goal, { limit: 0 }).status).toBe('cutoff');
  });
  it('iterativeDeepening returns cutoff when maxDepth is too shallow', () => {
    expect(iterativeDeepening(mazeA.problem, mazeA.start, mazeA.goal, { maxDepth: 9 }).status).toBe('cutoff');
    expect(iterativeDeepening(mazeA.problem, mazeA.start, mazeA.goal, { maxDepth: 10 }).status).toBe('found');
  });
  it('beamSearch reports cutoff when pruning lost the only way, and a wider beam succeeds', () => {
    // Width 1 ranked by h walks east into the dead-end corridor (it points at G) and the only
    // way round, west then along the bottom row, was pruned at the first layer.
    const dead = maze([
      '..S..#G',
      '.#####.',
      '.......',
    ]);
    const r = beamSearch(dead.problem, dead.start, dead.goal, { width: 1, heuristic: dead.manhattan });
    expect(r.status).toBe('cutoff');
    expect(r.stats.expanded).toBe(3);
    const wide = beamSearch(dead.problem, dead.start, dead.goal, { width: 2, heuristic: dead.manhattan });
    expectValidPath(dead.problem, dead.start, dead.goal, wide);
    // Without pruning the whole reachable space is searched: a truly unreachable goal is 'exhausted'.
    expect(beamSearch(dead.problem, dead.start, { x: 5, y: 0 }, { width: 100 }).status).toBe('exhausted');
  });
  it('beamSearch finds maze A with width 2', () => {
    expectValidPath(mazeA.problem, mazeA.start, mazeA.goal, beamSearch(mazeA.problem, mazeA.start, mazeA.goal, { width: 2, heuristic: mazeA.manhattan }));
  });
});

describe('retargeting: one search object, another goal', () => {
  const g = weightedGraph([['A', 'B', 1], ['B', 'C', 2], ['A', 'C', 5], ['C', 'D', 1], ['B', 'E', 7]]);
  const searches = [uniformCost, astar, idaStar, bidirectional];
  for (const search of searches) {
    it(`${search.name} answers each goal with its own optimal path`, () => {
      const expected: Record<string, number> = { A: 0, B: 1, C: 3, D: 4, E: 8 };
      for (const goal of Object.keys(expected)) {
        const r = search(g, 'A', goal);
        expect(r.status).toBe('found');
        if (r.status === 'found') {
          expect(r.cost).toBe(expected[goal]);
          expect(r.path[r.path.length - 1]).toBe(goal);
        }
      }
    });
  }
  it('the maze searched for two goals gives two different routes', () => {
    const a = astar(mazeA.problem, mazeA.start, mazeA.goal, { heuristic: mazeA.manhattan });
    const b = astar(mazeA.problem, mazeA.start, { x: 0, y: 4 }, { heuristic: mazeA.manhattan });
    expect(a.status === 'found' && a.cost).toBe(10);
    expect(b.status === 'found' && b.cost).toBe(6); // (0,0)->(0,2)->(1,2)->(1,4)->(0,4)
  });
});

describe('trace', () => {
  it('uniformCost emits push/pop/expand in order on the triangle graph', () => {
    const events: TraceEvent<string>[] = [];
    uniformCost(weightedGraph([['A', 'B', 1], ['B', 'C', 2], ['A', 'C', 5]]), 'A', 'C', { trace: (e) => events.push(e) });
    expect(events).toEqual([
      { type: 'push', state: 'A', g: 0, f: 0, step: 0 },
      { type: 'pop', state: 'A', g: 0, f: 0, step: 1 },
      { type: 'expand', state: 'A', step: 1 },
      { type: 'push', state: 'B', g: 1, f: 1, step: 1 },
      { type: 'push', state: 'C', g: 5, f: 5, step: 1 },
      { type: 'pop', state: 'B', g: 1, f: 1, step: 2 },
      { type: 'expand', state: 'B', step: 2 },
      { type: 'push', state: 'C', g: 3, f: 3, step: 2 },
      { type: 'pop', state: 'C', g: 3, f: 3, step: 3 },
    ]);
  });
  it('A* with a consistent heuristic pops f in non-decreasing order, every expand follows its pop', () => {
    const events: TraceEvent<{ x: number; y: number }>[] = [];
    const r = astar(mazeA.problem, mazeA.start, mazeA.goal, { heuristic: mazeA.manhattan, trace: (e) => events.push(e) });
    const pops = events.filter((e) => e.type === 'pop') as Extract<TraceEvent<unknown>, { type: 'pop' }>[];
    for (let i = 1; i < pops.length; i++) expect(pops[i].f).toBeGreaterThanOrEqual(pops[i - 1].f);
    events.forEach((e, i) => {
      if (e.type === 'expand') {
        expect(events[i - 1].type).toBe('pop');
        expect(events[i - 1].step).toBe(e.step);
      }
    });
    expect(events.filter((e) => e.type === 'expand').length).toBe(r.stats.expanded);
    const steps = events.map((e) => e.step);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThanOrEqual(steps[i - 1]);
  });
  it('every algorithm reports its expansions through trace', () => {
    const g = weightedGraph([['A', 'B', 1], ['B', 'C', 2], ['A', 'C', 5], ['C', 'D', 1]]);
    for (const run of [breadthFirst, uniformCost, astar, idaStar, bidirectional, greedyBestFirst]) {
      const expands: string[] = [];
      const r = run(g, 'A', 'D', { trace: (e) => { if (e.type === 'expand') expands.push(e.state); } });
      expect(expands.length).toBe(r.stats.expanded);
      expect(expands[0]).toBe('A');
    }
  });
});

describe('generateAndTest', () => {
  it('is deterministic per seed and more samples never give a worse plan', () => {
    const a = generateAndTest(mazeA.problem, mazeA.start, mazeA.goal, { samples: 30, maxLength: 40, seed: 11 });
    const b = generateAndTest(mazeA.problem, mazeA.start, mazeA.goal, { samples: 30, maxLength: 40, seed: 11 });
    expect(a).toMatchObject({ status: b.status });
    expect(a.status === 'found' ? a.path : null).toEqual(b.status === 'found' ? b.path : null);
    let prev = Infinity;
    for (const n of [10, 100, 1000]) {
      const r = generateAndTest(mazeA.problem, mazeA.start, mazeA.goal, { samples: n, maxLength: 40, seed: 5 });
      const cost = r.status === 'found' ? r.cost : Infinity;
      expect(cost).toBeLessThanOrEqual(prev);
      prev = cost;
      expect(r.stats.samples).toBe(n);
    }
    expect(prev).toBeLessThan(Infinity);
  });
  it('self-avoiding walks find the maze-A goal with valid paths', () => {
    const r = generateAndTest(mazeA.problem, mazeA.start, mazeA.goal, { samples: 200, maxLength: 30, selfAvoiding: true, rng: createRng(2) });
    expectValidPath(mazeA.problem, mazeA.start, mazeA.goal, r);
    expect(r.status === 'found' && r.cost).toBe(10); // the only self-avoiding route is the optimal one
  });
});

describe('hierarchicalSearch', () => {
  // A star-shaped road map: everything connects through the hub H, plus a slow direct road A-Z.
  const roads = weightedGraph([
    ['A', 'H', 2], ['H', 'Z', 2], ['H', 'Y', 3], ['A', 'Z', 3], ['Y', 'Z', 9], ['A', 'B', 1], ['B', 'H', 4],
  ]);
  const viaHub = (s: string, g: string, level: number) => (level === 0 && s !== 'H' && g !== 'H' ? ['H'] : []);

  it('routes through the subgoals decompose proposes and reports per-level stats', () => {
    const r = hierarchicalSearch(roads, 'A', 'Z', { decompose: viaHub, depth: 1 });
    expect(r.status).toBe('found');
    if (r.status !== 'found') return;
    expect(r.path).toEqual(['A', 'H', 'Z']);
    expect(r.cost).toBe(4);
    expect(r.reachedGoal).toBe(true);
    expect(r.levels.map((l) => [l.level, l.calls, l.decomposed, l.innerSearches])).toEqual([[0, 1, 1, 0], [1, 2, 0, 2]]);
    expect(r.stats.expanded).toBe(r.levels[1].expanded);
    expectValidPath(roads, 'A', 'Z', r);
  });
  it('depth 0 runs the inner searcher directly (the cheapest road A-Z, cost 3)', () => {
    const r = hierarchicalSearch(roads, 'A', 'Z', { decompose: viaHub, depth: 0 });
    expect(r.status === 'found' && r.path).toEqual(['A', 'Z']);
    expect(r.levels.length).toBe(1);
  });
  it('retargeting the outermost goal steers the whole recursion', () => {
    const r = hierarchicalSearch(roads, 'A', 'Y', { decompose: viaHub, depth: 1 });
    expect(r.status === 'found' && r.path).toEqual(['A', 'H', 'Y']);
    expect(r.reachedGoal).toBe(true);
  });
  it('hard-wired inner goals ignore the retargeted outermost goal: found, but reachedGoal is false', () => {
    const pinned = (proposed: string, where: { leg: number }) => (where.leg === 1 ? 'Z' : proposed);
    const r = hierarchicalSearch(roads, 'A', 'Y', { decompose: viaHub, depth: 1, innerGoal: pinned });
    expect(r.status).toBe('found');
    expect(r.status === 'found' && r.path).toEqual(['A', 'H', 'Z']);
    expect(r.reachedGoal).toBe(false);
  });
  it('a failing leg ends the search with that leg status', () => {
    const g = weightedGraph([['A', 'B'], ['C', 'D']]);
    const r = hierarchicalSearch(g, 'A', 'B', { decompose: (s, goal, level) => (level === 0 ? ['C'] : []), depth: 3 });
    expect(r.status).toBe('exhausted');
    expect(r.reachedGoal).toBe(false);
  });
  it('recursion deeper than one level splits legs again', () => {
    const line = weightedGraph(Array.from({ length: 8 }, (_, i) => [`n${i}`, `n${i + 1}`, 1] as [string, string, number]));
    const mid = (s: string, g: string) => {
      const a = Number(s.slice(1)), b = Number(g.slice(1));
      return Math.abs(b - a) > 1 ? [`n${Math.floor((a + b) / 2)}`] : [];
    };
    const r = hierarchicalSearch(line, 'n0', 'n8', { decompose: mid, depth: 5, inner: breadthFirst });
    expect(r.status === 'found' && r.cost).toBe(8);
    expect(r.levels.map((l) => l.calls)).toEqual([1, 2, 4, 8]);
  });
});

describe('instrument and compareSearchers', () => {
  it('counts the calls a search makes', () => {
    const p = instrument(weightedGraph([['A', 'B'], ['B', 'C']]));
    const r = breadthFirst(p, 'A', 'C');
    expect(r.status).toBe('found');
    expect(p.calls.successors).toBe(r.stats.expanded);
    expect(p.calls.transitions).toBe(r.stats.generated - 1);
    expect(p.calls.isGoal).toBeGreaterThan(0);
    expect(p.calls.key).toBeGreaterThan(0);
    p.reset();
    expect(p.calls.successors).toBe(0);
    expect(typeof p.predecessors).toBe('function');
    bidirectional(p, 'A', 'C');
    expect(p.calls.predecessors).toBeGreaterThan(0);
    expect(p.calls.goalState).toBe(1);
  });
  it('instrumented problems without predecessors stay without them', () => {
    const p = instrument({ successors: () => [], isGoal: () => false, key: (s: number) => s });
    expect(p.predecessors).toBeUndefined();
  });
  it('builds one row per (problem, algorithm) with the right columns', () => {
    const tri = weightedGraph([['A', 'B', 1], ['B', 'C', 2], ['A', 'C', 5]]);
    const noReverse = { name: 'one-way', successors: (n: number) => (n < 3 ? [{ action: 'inc', state: n + 1, cost: 1 }] : []), isGoal: (n: number, g: number) => n === g, key: (n: number) => n };
    const t = compareSearchers(
      [{ name: 'triangle', problem: tri, start: 'A', goal: 'C' }, { problem: noReverse, start: 0, goal: 3 }],
      [{ name: 'BFS', search: breadthFirst }, { name: 'UCS', search: uniformCost }, { name: 'bidi', search: bidirectional }],
    );
    expect(t.numRows()).toBe(6);
    const rows = t.objects() as any[];
    expect(t.columnNames()).toEqual(['problem', 'algorithm', 'status', 'cost', 'length', 'expanded', 'generated', 'maxFrontier', 'seconds', 'successorCalls', 'goalTests', 'keyCalls', 'error']);
    expect(rows.find((r) => r.problem === 'triangle' && r.algorithm === 'BFS').cost).toBe(5);
    expect(rows.find((r) => r.problem === 'triangle' && r.algorithm === 'UCS').cost).toBe(3);
    const err = rows.find((r) => r.problem === 'one-way' && r.algorithm === 'bidi');
    expect(err.status).toBe('error');
    expect(err.error).toMatch(/^retarget-lab\/search\/bidirectional: /);
    const ucs = rows.find((r) => r.problem === 'one-way' && r.algorithm === 'UCS');
    expect(ucs).toMatchObject({ status: 'found', cost: 3, length: 3, expanded: 3 });
    expect(ucs.successorCalls).toBe(3);
  });
});

describe('PriorityQueue', () => {
  it('pops in priority order, ties by tie key, then first-in first-out', () => {
    const q = new PriorityQueue<string>();
    q.push('b1', 2); q.push('a1', 1); q.push('b2', 2); q.push('a2', 1, -1); q.push('a3', 1);
    expect(q.peekPriority()).toBe(1);
    const out: string[] = [];
    while (q.size > 0) out.push(q.pop());
    expect(out).toEqual(['a2', 'a1', 'a3', 'b1', 'b2']);
    expect(q.peekPriority()).toBe(Infinity);
  });
  it('sorts random priorities like Array.sort (stable)', () => {
    const rng = createRng(9);
    const q = new PriorityQueue<number>();
    const items = Array.from({ length: 2000 }, (_, i) => ({ i, p: rng.int(0, 50) }));
    for (const it of items) q.push(it.i, it.p);
    const out: number[] = [];
    while (q.size) out.push(q.pop());
    expect(out).toEqual([...items].sort((a, b) => a.p - b.p || a.i - b.i).map((x) => x.i));
  });
});
