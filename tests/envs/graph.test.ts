import { describe, expect, it } from 'vitest';
import { RetargetLabError, straightLineHeuristic, uniformCost, weightedGraph } from '../../index';

describe('envs/graph weightedGraph', () => {
  it('lists nodes, successors with edge weights, and both directions for undirected graphs', () => {
    const g = weightedGraph([['A', 'B', 2], { from: 'B', to: 'C' }]);
    expect(g.nodes).toEqual(['A', 'B', 'C']);
    expect(g.directed).toBe(false);
    expect([...g.successors('B')]).toEqual([{ action: 'A', state: 'A', cost: 2 }, { action: 'C', state: 'C', cost: 1 }]);
    expect(g.weight('A', 'B')).toBe(2);
    expect(g.weight('A', 'C')).toBeUndefined();
    expect(g.hasNode('C')).toBe(true);
    expect(g.hasNode('Z')).toBe(false);
  });
  it('directed graphs go one way; predecessors reverse them', () => {
    const g = weightedGraph([['A', 'B', 3], ['C', 'B', 1]], { directed: true });
    expect([...g.successors('B')]).toEqual([]);
    expect([...g.predecessors!('B')]).toEqual([{ action: 'B', state: 'A', cost: 3 }, { action: 'B', state: 'C', cost: 1 }]);
    expect(uniformCost(g, 'B', 'A').status).toBe('exhausted');
    expect(g.goalState!('A')).toBe('A');
  });
  it('zero-weight edges are allowed, negative ones are not', () => {
    expect(uniformCost(weightedGraph([['A', 'B', 0]]), 'A', 'B')).toMatchObject({ status: 'found', cost: 0 });
    expect(() => weightedGraph([['A', 'B', -1]])).toThrow(RetargetLabError);
    expect(() => weightedGraph([['A', 'B', Infinity]])).toThrow(/weights must be finite/);
  });
  it('unknown nodes throw with the envs/graph prefix', () => {
    const g = weightedGraph([['A', 'B']]);
    expect(() => g.successors('Z')).toThrow(/^retarget-lab\/envs\/graph: unknown node "Z"/);
    expect(() => g.isGoal('A', 'Z')).toThrow(/unknown node "Z"/);
    expect(() => g.goalState!('Z')).toThrow(/unknown node/);
    expect(g.isGoal('B', 'B')).toBe(true);
  });
  it('straight-line heuristic measures Euclidean distance', () => {
    const h = straightLineHeuristic({ A: [0, 0], B: [3, 4] }, 2);
    expect(h('A', 'B')).toBe(10);
    expect(() => h('A', 'C')).toThrow(/no coordinates for node "C"/);
  });
});
