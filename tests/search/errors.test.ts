// Every caller-mistake message of lib/search is thrown with its module prefix.
import { describe, expect, it } from 'vitest';
import {
  PriorityQueue, RetargetLabError, alphaBeta, astar, beamSearch, bidirectional, breadthFirst, compareSearchers,
  depthLimited, generateAndTest, hierarchicalSearch, iterativeDeepening, mcts, minimax, searchMessages,
  straightLineHeuristic, uniformCost, weightedAstar, weightedGraph,
} from '../../index';
import type { SearchMessageKey } from '../../index';
import { ticTacToe } from './helpers';

const g = weightedGraph([['A', 'B', 1], ['B', 'C', 2]]);
const oneWay = { successors: () => [], isGoal: () => false, key: (s: string) => s };
const negative = { successors: () => [{ action: 'x', state: 'B', cost: -1 }], isGoal: () => false, key: (s: string) => s };

const cases: [SearchMessageKey, string, () => unknown, string][] = [
  ['problem.bad', 'search/astar', () => astar({} as never, 'A', 'C'), searchMessages['problem.bad']({})],
  ['options.notObject', 'search/uniform-cost', () => uniformCost(g, 'A', 'C', 5 as never), searchMessages['options.notObject'](5)],
  ['options.notFunction', 'search/astar', () => astar(g, 'A', 'C', { heuristic: 3 as never }), searchMessages['options.notFunction']('heuristic', 3)],
  ['options.missing', 'search/hierarchical', () => hierarchicalSearch(g, 'A', 'C', {} as never), searchMessages['options.missing']('decompose', '{ decompose: (start, goal, level) => [waypoint] }')],
  ['int.bad', 'search/depth-limited', () => depthLimited(g, 'A', 'C', { limit: -1 }), searchMessages['int.bad']('limit', -1, 0, '{ limit: 10 }')],
  ['budget.bad', 'search/breadth-first', () => breadthFirst(g, 'A', 'C', { budget: { maxExpansions: -5 } }), searchMessages['budget.bad']('maxExpansions', -5)],
  ['problem.needsReverse', 'search/bidirectional', () => bidirectional(oneWay, 'A', 'C'), searchMessages['problem.needsReverse']()],
  ['cost.bad', 'search/uniform-cost', () => uniformCost(negative, 'A', 'C'), searchMessages['cost.bad'](-1, 'A')],
  ['heuristic.bad', 'search/astar', () => astar(g, 'A', 'C', { heuristic: () => NaN }), searchMessages['heuristic.bad'](NaN, 'A')],
  ['weight.bad', 'search/weighted-astar', () => weightedAstar(g, 'A', 'C', { weight: 0.5 }), searchMessages['weight.bad'](0.5)],
  ['exploration.bad', 'search/mcts', () => mcts(ticTacToe, '.........', { exploration: -1 }), searchMessages['exploration.bad'](-1)],
  ['ranking.bad', 'search/beam-search', () => beamSearch(g, 'A', 'C', { width: 2, ranking: 'g' as never }), searchMessages['ranking.bad']('g')],
  ['queue.empty', 'search/priority-queue', () => new PriorityQueue().pop(), searchMessages['queue.empty']()],
  ['queue.badPriority', 'search/priority-queue', () => new PriorityQueue().push(1, NaN), searchMessages['queue.badPriority'](NaN)],
  ['game.bad', 'search/minimax', () => minimax({} as never, 0), searchMessages['game.bad']({})],
  ['game.terminal', 'search/alpha-beta', () => alphaBeta(ticTacToe, 'XXXOO....'), searchMessages['game.terminal']()],
  ['game.noMoves', 'search/mcts', () => mcts({ ...ticTacToe, moves: () => [] }, '.........'), searchMessages['game.noMoves']()],
  ['hierarchical.badSubgoals', 'search/hierarchical', () => hierarchicalSearch(g, 'A', 'C', { decompose: () => 'B' as never }), searchMessages['hierarchical.badSubgoals']('B')],
  ['compare.empty', 'search/compare', () => compareSearchers([], [{ name: 'BFS', search: breadthFirst }]), searchMessages['compare.empty']('problems')],
  ['compare.badEntry', 'search/compare', () => compareSearchers([{ problem: g, start: 'A', goal: 'C' }], [{ name: 'x' } as never]), searchMessages['compare.badEntry']('algorithms', 0)],
  ['graph.badEdge', 'envs/graph', () => weightedGraph([['A', ''] as never]), searchMessages['graph.badEdge'](0, ['A', ''])],
  ['graph.badWeight', 'envs/graph', () => weightedGraph([['A', 'B', -2]]), searchMessages['graph.badWeight'](0, -2)],
  ['graph.unknownNode', 'envs/graph', () => uniformCost(g, 'A', 'Q'), searchMessages['graph.unknownNode']('Q')],
  ['graph.noCoordinates', 'envs/graph', () => astar(g, 'A', 'C', { heuristic: straightLineHeuristic({ A: [0, 0] }) }), searchMessages['graph.noCoordinates']('C')],
];

describe('error messages', () => {
  for (const [key, module, run, text] of cases) {
    it(`${key} (${module})`, () => {
      let err: unknown;
      try { run(); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(RetargetLabError);
      expect((err as Error).message).toBe(`retarget-lab/${module}: ${text}`);
    });
  }
  it('covers every key of the catalog', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(Object.keys(searchMessages)));
  });
  it('other entry points check their int options too', () => {
    expect(() => iterativeDeepening(g, 'A', 'C', { maxDepth: 1.5 })).toThrow(/maxDepth must be an integer/);
    expect(() => beamSearch(g, 'A', 'C', { width: 0 })).toThrow(/^retarget-lab\/search\/beam-search: width/);
    expect(() => generateAndTest(g, 'A', 'C', { maxLength: -1 })).toThrow(/maxLength/);
    expect(() => mcts(ticTacToe, '.........', { iterations: 0 })).toThrow(/iterations/);
    expect(() => minimax(ticTacToe, '.........', { depth: 0 })).toThrow(/depth/);
    expect(() => hierarchicalSearch(g, 'A', 'C', { decompose: () => [], inner: 4 as never })).toThrow(/inner must be a function/);
  });
});
