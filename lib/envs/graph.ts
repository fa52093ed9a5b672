/**
 * Weighted graphs as search problems (AIMA's GraphProblem / romania map style).
 *
 * - Description: move along the edges of a weighted graph, directed or undirected, from a start
 *   node to a goal node. The goal is an argument of the search, so one problem serves every goal.
 * - State: a node name (string).
 * - Actions: the name of the node moved to; the step cost is the edge weight (default 1).
 * - Observation: the state itself.
 * - Reward: none; the cost of a path is the sum of its edge weights.
 * - Termination: the state equals the goal node.
 * Also provides predecessors/goalState (for bidirectional search) and straight-line heuristics.
 */
import { fail } from '../core/errors';
import type { Heuristic, SearchProblem, Transition } from '../search/problem';
import { searchMessages } from '../search/messages';

const MODULE = 'envs/graph';

/** An edge: [from, to], [from, to, weight] or { from, to, weight }. Weight defaults to 1. */
export type EdgeSpec = readonly [string, string] | readonly [string, string, number]
  | { readonly from: string; readonly to: string; readonly weight?: number };

export interface WeightedGraphOptions {
  /** If true, an edge goes only from `from` to `to` (default false: both ways). */
  directed?: boolean;
  /** A name for tables and messages. */
  name?: string;
}

export type WeightedGraphProblem = SearchProblem<string, string, string> & {
  /** All node names, in order of first appearance in the edges. */
  readonly nodes: readonly string[];
  readonly directed: boolean;
  /** Number of edges as given. */
  readonly edgeCount: number;
  hasNode(node: string): boolean;
  /** The weight of the cheapest edge from -> to, or undefined if there is none. */
  weight(from: string, to: string): number | undefined;
};

/**
 * Builds a search problem on a weighted graph. Node names come from the edges; weights must be
 * finite and >= 0 (negative weights throw — no search here handles them). Asking for the
 * successors of, or a goal at, a node that is not in the graph throws.
 *
 * @example
 * const g = weightedGraph([['Arad', 'Sibiu', 140], ['Sibiu', 'Fagaras', 99], ['Fagaras', 'Bucharest', 211],
 *   ['Sibiu', 'Rimnicu', 80], ['Rimnicu', 'Pitesti', 97], ['Pitesti', 'Bucharest', 101]]);
 * uniformCost(g, 'Arad', 'Bucharest').cost;  // 418 (via Rimnicu and Pitesti)
 * uniformCost(g, 'Arad', 'Fagaras').cost;    // 239: same problem, another goal
 */
export function weightedGraph(edges: readonly EdgeSpec[], options: WeightedGraphOptions = {}): WeightedGraphProblem {
  if (!Array.isArray(edges)) fail(MODULE, searchMessages.graphBadEdge(-1, edges));
  const directed = options.directed === true;
  const out = new Map<string, Transition<string, string>[]>();
  const inc = new Map<string, Transition<string, string>[]>();
  const nodes: string[] = [];
  const touch = (n: string): void => {
    if (!out.has(n)) { out.set(n, []); inc.set(n, []); nodes.push(n); }
  };
  edges.forEach((e, i) => {
    let from: unknown, to: unknown, w: unknown;
    if (Array.isArray(e)) { [from, to, w] = e; } else if (e && typeof e === 'object') {
      ({ from, to, weight: w } = e as { from: unknown; to: unknown; weight?: unknown });
    }
    if (typeof from !== 'string' || typeof to !== 'string' || from === '' || to === '') {
      fail(MODULE, searchMessages.graphBadEdge(i, e));
    }
    const weight = w === undefined ? 1 : w;
    if (typeof weight !== 'number' || !(weight >= 0) || weight === Infinity) {
      fail(MODULE, searchMessages.graphBadWeight(i, weight));
    }
    touch(from); touch(to);
    out.get(from)!.push({ action: to, state: to, cost: weight });
    inc.get(to)!.push({ action: to, state: from, cost: weight });
    if (!directed && from !== to) {
      out.get(to)!.push({ action: from, state: from, cost: weight });
      inc.get(from)!.push({ action: from, state: to, cost: weight });
    }
  });
  const known = (n: string): void => {
    if (!out.has(n)) fail(MODULE, searchMessages.graphUnknownNode(n));
  };
  return {
    name: options.name ?? `graph(${nodes.length} nodes)`,
    nodes,
    directed,
    edgeCount: edges.length,
    hasNode: (n) => out.has(n),
    weight(from, to) {
      known(from);
      let best: number | undefined;
      for (const t of out.get(from)!) if (t.state === to && (best === undefined || t.cost < best)) best = t.cost;
      return best;
    },
    successors(s) {
      const ts = out.get(s);
      if (ts === undefined) fail(MODULE, searchMessages.graphUnknownNode(s));
      return ts;
    },
    predecessors(s) {
      const ts = inc.get(s);
      if (ts === undefined) fail(MODULE, searchMessages.graphUnknownNode(s));
      return ts;
    },
    isGoal(s, goal) {
      if (s === goal) return true;
      if (!out.has(goal)) fail(MODULE, searchMessages.graphUnknownNode(goal));
      return false;
    },
    goalState(goal) {
      known(goal);
      return goal;
    },
    key: (s) => s,
  };
}

/**
 * The straight-line (Euclidean) distance between nodes with known coordinates, times `scale`.
 * Admissible when every edge weight is at least `scale` times the distance between its ends.
 *
 * @example
 * const h = straightLineHeuristic({ A: [0, 0], B: [3, 4] });
 * h('A', 'B'); // 5
 */
export function straightLineHeuristic(
  coordinates: Readonly<Record<string, readonly [number, number]>>, scale = 1,
): Heuristic<string, string> {
  return (s, goal) => {
    const a = coordinates[s];
    const b = coordinates[goal];
    if (!a) fail(MODULE, searchMessages.graphNoCoordinates(s));
    if (!b) fail(MODULE, searchMessages.graphNoCoordinates(goal));
    return scale * Math.hypot(a[0] - b[0], a[1] - b[1]);
  };
}
