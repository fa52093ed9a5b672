// One scenario table run against every algorithm, each held to what it promises.
import { describe, expect, it } from 'vitest';
import {
  astar, beamSearch, bidirectional, breadthFirst, depthLimited, generateAndTest, greedyBestFirst,
  hierarchicalSearch, idaStar, iterativeDeepening, uniformCost, weightedAstar, weightedGraph,
} from '../../index';
import type { SearchProblem, SearchResult } from '../../index';
import { expectValidPath, maze } from './helpers';

const romaniaEdges: [string, string, number][] = [
  ['Arad', 'Zerind', 75], ['Arad', 'Sibiu', 140], ['Arad', 'Timisoara', 118], ['Zerind', 'Oradea', 71],
  ['Oradea', 'Sibiu', 151], ['Sibiu', 'Fagaras', 99], ['Sibiu', 'Rimnicu', 80], ['Rimnicu', 'Pitesti', 97],
  ['Rimnicu', 'Craiova', 146], ['Pitesti', 'Craiova', 138], ['Pitesti', 'Bucharest', 101],
  ['Fagaras', 'Bucharest', 211], ['Timisoara', 'Lugoj', 111], ['Lugoj', 'Mehadia', 70],
  ['Mehadia', 'Drobeta', 75], ['Drobeta', 'Craiova', 120], ['Bucharest', 'Giurgiu', 90],
];
export const romania = weightedGraph(romaniaEdges, { name: 'romania' });

// Maze A (unit costs). By hand: S down to row 2, right, down to row 4, right to x=4, up to G = 10 moves.
// The cells (3,0), (4,0), (3,1) form a walled-off pocket.
const mazeA = maze([
  'S.#..',
  '.##.#',
  '...#G',
  '#.#..',
  '.....',
]);
// Maze B (entry costs): straight on costs 5 + 1 = 6 in 2 moves; around the bottom 4 in 4 moves.
const mazeB = maze([
  'S5G',
  '...',
]);

interface Scenario {
  name: string;
  problem: SearchProblem<any, any, any>;
  start: any;
  goal: any;
  /** Optimal cost (checked by hand), or null when the goal is unreachable. */
  optimal: number | null;
  /** Fewest moves on any path (what BFS / IDDFS guarantee). */
  fewestMoves: number | null;
  heuristic?: (s: any, g: any) => number;
}

const scenarios: Scenario[] = [
  // Arad-Sibiu-Rimnicu-Pitesti-Bucharest = 140+80+97+101 = 418; Arad-Sibiu-Fagaras-Bucharest = 450 (3 moves).
  { name: 'romania Arad->Bucharest', problem: romania, start: 'Arad', goal: 'Bucharest', optimal: 418, fewestMoves: 3 },
  // Arad-Sibiu-Rimnicu-Craiova = 140+80+146 = 366 (3 moves).
  { name: 'romania Arad->Craiova', problem: romania, start: 'Arad', goal: 'Craiova', optimal: 366, fewestMoves: 3 },
  { name: 'triangle A->C', problem: weightedGraph([['A', 'B', 1], ['B', 'C', 2], ['A', 'C', 5]]), start: 'A', goal: 'C', optimal: 3, fewestMoves: 1 },
  // Directed: C->A->D = 1 + 10 = 11; D cannot reach C (no edge out of D), so D->C is unreachable.
  { name: 'directed C->D', problem: weightedGraph([['A', 'B', 1], ['B', 'C', 1], ['C', 'A', 1], ['A', 'D', 10]], { directed: true }), start: 'C', goal: 'D', optimal: 11, fewestMoves: 2 },
  { name: 'directed D->C (unreachable)', problem: weightedGraph([['A', 'B', 1], ['B', 'C', 1], ['C', 'A', 1], ['A', 'D', 10]], { directed: true }), start: 'D', goal: 'C', optimal: null, fewestMoves: null },
  { name: 'start is goal', problem: romania, start: 'Lugoj', goal: 'Lugoj', optimal: 0, fewestMoves: 0 },
  { name: 'maze A', ...mazeA, optimal: 10, fewestMoves: 10, heuristic: mazeA.manhattan },
  { name: 'maze A pocket (unreachable)', ...mazeA, goal: { x: 3, y: 0 }, optimal: null, fewestMoves: null, heuristic: mazeA.manhattan },
  { name: 'maze B (weighted)', ...mazeB, optimal: 4, fewestMoves: 2, heuristic: mazeB.manhattan },
];

type Promise = 'optimal' | 'fewest-moves' | 'bounded' | 'complete' | 'sound';
interface Algorithm { name: string; promise: Promise; run: (sc: Scenario) => SearchResult<any, any> }

const algorithms: Algorithm[] = [
  { name: 'breadthFirst', promise: 'fewest-moves', run: (sc) => breadthFirst(sc.problem, sc.start, sc.goal) },
  { name: 'depthLimited(50)', promise: 'complete', run: (sc) => depthLimited(sc.problem, sc.start, sc.goal, { limit: 50 }) },
  { name: 'iterativeDeepening', promise: 'fewest-moves', run: (sc) => iterativeDeepening(sc.problem, sc.start, sc.goal) },
  { name: 'uniformCost', promise: 'optimal', run: (sc) => uniformCost(sc.problem, sc.start, sc.goal) },
  { name: 'astar', promise: 'optimal', run: (sc) => astar(sc.problem, sc.start, sc.goal, { heuristic: sc.heuristic }) },
  { name: 'weightedAstar(2)', promise: 'bounded', run: (sc) => weightedAstar(sc.problem, sc.start, sc.goal, { heuristic: sc.heuristic, weight: 2 }) },
  { name: 'greedyBestFirst', promise: 'complete', run: (sc) => greedyBestFirst(sc.problem, sc.start, sc.goal, { heuristic: sc.heuristic }) },
  { name: 'idaStar', promise: 'optimal', run: (sc) => idaStar(sc.problem, sc.start, sc.goal, { heuristic: sc.heuristic }) },
  { name: 'bidirectional', promise: 'optimal', run: (sc) => bidirectional(sc.problem, sc.start, sc.goal) },
  { name: 'beamSearch(2)', promise: 'sound', run: (sc) => beamSearch(sc.problem, sc.start, sc.goal, { width: 2, heuristic: sc.heuristic }) },
  { name: 'generateAndTest', promise: 'sound', run: (sc) => generateAndTest(sc.problem, sc.start, sc.goal, { samples: 200, maxLength: 30, seed: 7 }) },
  {
    name: 'hierarchicalSearch(no split)', promise: 'optimal',
    run: (sc) => hierarchicalSearch(sc.problem, sc.start, sc.goal, { decompose: () => [], inner: uniformCost, depth: 2 }),
  },
];

describe('search scenarios: every algorithm held to its promise', () => {
  for (const alg of algorithms) {
    describe(alg.name, () => {
      for (const sc of scenarios) {
        it(sc.name, () => {
          const r = alg.run(sc);
          expect(r.stats.expanded).toBeGreaterThanOrEqual(0);
          expect(r.stats.seconds).toBeGreaterThanOrEqual(0);
          if (r.status === 'found') {
            expect(sc.optimal).not.toBeNull();
            expectValidPath(sc.problem, sc.start, sc.goal, r);
            expect(r.cost).toBeGreaterThanOrEqual(sc.optimal! - 1e-9);
          }
          if (sc.optimal === null) {
            expect(r.status).not.toBe('found');
            if (alg.promise !== 'sound') expect(r.status).toBe('exhausted');
            return;
          }
          if (alg.promise === 'sound') return;
          expect(r.status).toBe('found');
          if (r.status !== 'found') return;
          if (alg.promise === 'optimal') expect(r.cost).toBeCloseTo(sc.optimal, 9);
          if (alg.promise === 'bounded') expect(r.cost).toBeLessThanOrEqual(2 * sc.optimal + 1e-9);
          if (alg.promise === 'fewest-moves') expect(r.actions.length).toBe(sc.fewestMoves);
        });
      }
    });
  }

  it('BFS returns the fewest-moves path even when it is not the cheapest (maze B)', () => {
    const r = breadthFirst(mazeB.problem, mazeB.start, mazeB.goal);
    expect(r.status === 'found' && r.cost).toBe(6);
    expect(r.status === 'found' && r.actions).toEqual(['E', 'E']);
  });

  it('A* with an admissible heuristic expands no more states than uniform-cost search on maze A', () => {
    const a = astar(mazeA.problem, mazeA.start, mazeA.goal, { heuristic: mazeA.manhattan });
    const u = uniformCost(mazeA.problem, mazeA.start, mazeA.goal);
    expect(a.stats.expanded).toBeLessThanOrEqual(u.stats.expanded);
  });
});
