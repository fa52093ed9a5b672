// Every caller-mistake message of lib/search is thrown with its module prefix.
import { describe, expect, it } from 'vitest';
import {
  PriorityQueue, RetargetLabError, alphaBeta, astar, beamSearch, bidirectional, breadthFirst, compareSearchers,
  depthLimited, generateAndTest, hierarchicalSearch, iterativeDeepening, mcts, minimax, searchMessages,
  straightLineHeuristic, uniformCost, weightedAstar, weightedGraph, puzzleIdaStar, puzzleGoal, puzzleFromTiles,
} from '../../index';
import type { SearchMessageKey } from '../../index';
import { ticTacToe } from './helpers';

const g = weightedGraph([['A', 'B', 1], ['B', 'C', 2]]);
const oneWay = { successors: () => [], isGoal: () => false, key: (s: string) => s };
const negative = { successors: () => [{ action: 'x', state: 'B', cost: -1 }], isGoal: () => false, key: (s: string) => s };

const goal3 = puzzleGoal(3, 'blank-first');
const swapped = puzzleFromTiles([0, 2, 1, 3, 4, 5, 6, 7, 8]);

const cases: [SearchMessageKey, string, () => unknown, string][] = [
  ['problemBad', 'search/astar', () => astar({} as never, 'A', 'C'), searchMessages.problemBad({})],
  ['optionsNotObject', 'search/uniform-cost', () => uniformCost(g, 'A', 'C', 5 as never), searchMessages.optionsNotObject(5)],
  ['optionsNotFunction', 'search/astar', () => astar(g, 'A', 'C', { heuristic: 3 as never }), searchMessages.optionsNotFunction('heuristic', 3)],
  ['optionsMissing', 'search/hierarchical', () => hierarchicalSearch(g, 'A', 'C', {} as never), searchMessages.optionsMissing('decompose', '{ decompose: (start, goal, level) => [waypoint] }')],
  ['intBad', 'search/depth-limited', () => depthLimited(g, 'A', 'C', { limit: -1 }), searchMessages.intBad('limit', -1, 0, '{ limit: 10 }')],
  ['budgetBad', 'search/breadth-first', () => breadthFirst(g, 'A', 'C', { budget: { maxExpansions: -5 } }), searchMessages.budgetBad('maxExpansions', -5)],
  ['problemNeedsReverse', 'search/bidirectional', () => bidirectional(oneWay, 'A', 'C'), searchMessages.problemNeedsReverse()],
  ['costBad', 'search/uniform-cost', () => uniformCost(negative, 'A', 'C'), searchMessages.costBad(-1, 'A')],
  ['heuristicBad', 'search/astar', () => astar(g, 'A', 'C', { heuristic: () => NaN }), searchMessages.heuristicBad(NaN, 'A')],
  ['weightBad', 'search/weighted-astar', () => weightedAstar(g, 'A', 'C', { weight: 0.5 }), searchMessages.weightBad(0.5)],
  ['explorationBad', 'search/mcts', () => mcts(ticTacToe, '.........', { exploration: -1 }), searchMessages.explorationBad(-1)],
  ['rankingBad', 'search/beam-search', () => beamSearch(g, 'A', 'C', { width: 2, ranking: 'g' as never }), searchMessages.rankingBad('g')],
  ['queueEmpty', 'search/priority-queue', () => new PriorityQueue().pop(), searchMessages.queueEmpty()],
  ['queueBadPriority', 'search/priority-queue', () => new PriorityQueue().push(1, NaN), searchMessages.queueBadPriority(NaN)],
  ['gameBad', 'search/minimax', () => minimax({} as never, 0), searchMessages.gameBad({})],
  ['gameTerminal', 'search/alpha-beta', () => alphaBeta(ticTacToe, 'XXXOO....'), searchMessages.gameTerminal()],
  ['gameNoMoves', 'search/mcts', () => mcts({ ...ticTacToe, moves: () => [] }, '.........'), searchMessages.gameNoMoves()],
  ['hierarchicalBadSubgoals', 'search/hierarchical', () => hierarchicalSearch(g, 'A', 'C', { decompose: () => 'B' as never }), searchMessages.hierarchicalBadSubgoals('B')],
  ['compareEmpty', 'search/compare', () => compareSearchers([], [{ name: 'BFS', search: breadthFirst }]), searchMessages.compareEmpty('problems')],
  ['compareBadEntry', 'search/compare', () => compareSearchers([{ problem: g, start: 'A', goal: 'C' }], [{ name: 'x' } as never]), searchMessages.compareBadEntry('algorithms', 0)],
  ['graphBadEdge', 'envs/graph', () => weightedGraph([['A', ''] as never]), searchMessages.graphBadEdge(0, ['A', ''])],
  ['graphBadWeight', 'envs/graph', () => weightedGraph([['A', 'B', -2]]), searchMessages.graphBadWeight(0, -2)],
  ['graphUnknownNode', 'envs/graph', () => uniformCost(g, 'A', 'Q'), searchMessages.graphUnknownNode('Q')],
  ['puzzleBadState', 'search/puzzle-idastar', () => puzzleIdaStar({} as never, goal3), searchMessages.puzzleBadState('state', {})],
  ['puzzleSizeMismatch', 'search/puzzle-idastar', () => puzzleIdaStar(goal3, puzzleGoal(4, 'blank-first')), searchMessages.puzzleSizeMismatch(3, 4)],
  ['puzzleUnsolvable', 'search/puzzle-idastar', () => puzzleIdaStar(swapped, goal3), searchMessages.puzzleUnsolvable()],
  ['puzzleBadHeuristic', 'search/puzzle-idastar', () => puzzleIdaStar(goal3, goal3, { heuristic: 'x' as never }), searchMessages.puzzleBadHeuristic('x')],
  ['puzzlePdbMismatch', 'search/puzzle-idastar', () => puzzleIdaStar(goal3, goal3, { heuristic: 'pdb', pdb: { size: 4, goal: [] } as never }), searchMessages.puzzlePdbMismatch()],
  ['puzzleBadOptions', 'search/puzzle-idastar', () => puzzleIdaStar(goal3, goal3, 5 as never), searchMessages.puzzleBadOptions(5)],
  ['graphNoCoordinates', 'envs/graph', () => astar(g, 'A', 'C', { heuristic: straightLineHeuristic({ A: [0, 0] }) }), searchMessages.graphNoCoordinates('C')],
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
