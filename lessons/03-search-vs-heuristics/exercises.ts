import { createRng } from '../../lib/core/rng';
import { defineExercise } from '../../lib/exercises/check';
import type { ExerciseCase } from '../../lib/exercises/types';
import { pct } from '../../lib/core/format';
import { GUIDED, INFORMED_GT, STRONG_POLICY, measureCosts, puzzleInstances, successAt } from './experiment';

// ---------------------------------------------------------------------------------------------
// 03-branching-factor: the effective branching factor b* with nodes = b* + b*^2 + … + b*^depth.
// ---------------------------------------------------------------------------------------------

interface NodesDepth { nodes: number; depth: number }

function branchingFactor(nodes: number, depth: number): number {
  const total = (b: number) => { let s = 0, p = 1; for (let k = 1; k <= depth; k++) { p *= b; s += p; } return s; };
  let lo = 1, hi = Math.max(2, nodes);
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (total(mid) < nodes) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}

function bfCases(seed: number, count: number): ExerciseCase<NodesDepth>[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const depth = rng.int(1, 31);
    const b = 1 + rng.next() * 2;
    let nodes = 0, p = 1;
    for (let k = 1; k <= depth; k++) { p *= b; nodes += p; }
    nodes = Math.max(depth, Math.round(nodes));
    return { label: `nodes ${nodes}, depth ${depth}`, input: { nodes, depth } };
  });
}

/**
 * Exercise 03-branching-factor: the effective branching factor, the standard way to compare the
 * search effort of heuristics across depths (Russell & Norvig): the branching factor a uniform
 * tree of this depth would need to contain this many nodes.
 */
defineExercise<(nodes: number, depth: number) => number, NodesDepth>({
  id: '03-branching-factor',
  title: 'Effective branching factor',
  points: 2,
  hint: 'Find b >= 1 with b + b^2 + … + b^depth = nodes. The sum grows with b, so bisection between 1 and nodes works; stop when the interval is tiny.',
  visible: () => [
    { label: 'nodes 52, depth 5', input: { nodes: 52, depth: 5 } },
    { label: 'nodes 20, depth 20', input: { nodes: 20, depth: 20 } },
    { label: 'nodes 14, depth 3', input: { nodes: 14, depth: 3 } },
    { label: 'nodes 3000, depth 1', input: { nodes: 3000, depth: 1 } },
    { label: 'nodes 227, depth 12', input: { nodes: 227, depth: 12 } },
  ],
  generate: bfCases,
  judge: (answer, { nodes, depth }) => {
    const expected = branchingFactor(nodes, depth);
    const got = answer(nodes, depth);
    const ok = typeof got === 'number' && Math.abs(got - expected) <= 1e-3 * expected;
    return { ok, expected: `${expected.toFixed(4)} (±0.1%)`, got: typeof got === 'number' ? got.toFixed(4) : String(got) };
  },
});

// ---------------------------------------------------------------------------------------------
// 03-sort-comparisons: sort with at most 2·n·log2(n) + 2n comparisons, on any input order.
// ---------------------------------------------------------------------------------------------

interface SortInput { items: number[]; kind: string }

function comparisonBound(n: number): number {
  return n <= 1 ? 0 : Math.ceil(2 * n * Math.log2(n) + 2 * n);
}

function sortCases(seed: number, count: number): ExerciseCase<SortInput>[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const n = rng.int(1, 400);
    const kinds = ['random', 'sorted', 'reversed', 'few distinct'] as const;
    const kind = kinds[i % kinds.length];
    let items = Array.from({ length: n }, () => rng.int(0, 1000));
    if (kind === 'sorted') items.sort((a, b) => a - b);
    if (kind === 'reversed') items.sort((a, b) => b - a);
    if (kind === 'few distinct') items = items.map((v) => v % 3);
    return { label: `${kind} list of ${n} numbers`, input: { items, kind } };
  });
}

/**
 * Exercise 03-sort-comparisons: exploit the structure of sorting (transitivity of <) to go from
 * bogosort's ~n·n! comparisons to ~n·log n. The checker counts calls to `less`.
 */
defineExercise<(items: number[], less: (a: number, b: number) => boolean) => number[], SortInput>({
  id: '03-sort-comparisons',
  title: 'Sort in n log n comparisons',
  points: 2,
  hint: 'Merge sort uses at most about n·log2(n) comparisons on any input. Quicksort with the first element as pivot needs ~n²/2 on a sorted list; pick the pivot at random, or use merge sort.',
  visible: () => {
    const rng = createRng(3);
    const random = Array.from({ length: 300 }, () => rng.int(0, 1000));
    return [
      { label: 'list [3, 1, 2]', input: { items: [3, 1, 2], kind: 'small' } },
      { label: 'empty list', input: { items: [], kind: 'empty' } },
      { label: 'random list of 300 numbers', input: { items: random, kind: 'random' } },
      { label: 'sorted list of 300 numbers', input: { items: [...random].sort((a, b) => a - b), kind: 'sorted' } },
      { label: 'reversed list of 300 numbers', input: { items: [...random].sort((a, b) => b - a), kind: 'reversed' } },
    ];
  },
  generate: sortCases,
  judge: (answer, { items }) => {
    let calls = 0;
    const less = (a: number, b: number): boolean => { calls++; return a < b; };
    const expected = [...items].sort((a, b) => a - b);
    const got = answer([...items], less);
    const bound = comparisonBound(items.length);
    const sortedOk = Array.isArray(got) && got.length === expected.length && got.every((v, i) => v === expected[i]);
    if (!sortedOk) {
      const show = (xs: unknown) => (Array.isArray(xs) ? `[${xs.slice(0, 8).join(', ')}${xs.length > 8 ? ', …' : ''}] (${xs.length} items)` : String(xs));
      return { ok: false, expected: `sorted: ${show(expected)}`, got: show(got) };
    }
    return { ok: calls <= bound, expected: `at most ${bound} comparisons`, got: `${calls} comparisons` };
  },
});

// ---------------------------------------------------------------------------------------------
// 03-search-wins: test the claim — find a budget at which search beats the strong heuristic policy.
// ---------------------------------------------------------------------------------------------

interface SearchWinsInput { seed: number; instances: number; walk: number }

/** Share solved within `budget` by the strong policy and by the best search (A*, IDA*, informed generate-and-test). */
export function policyVsSearchAt(input: SearchWinsInput, budget: number): { policy: number; search: number } {
  const instances = puzzleInstances(3, input.walk, input.instances, input.seed);
  const rows = measureCosts(instances, budget, [STRONG_POLICY, ...GUIDED, INFORMED_GT]);
  return {
    policy: successAt(rows, STRONG_POLICY, budget),
    search: Math.max(...[...GUIDED, INFORMED_GT].map((c) => successAt(rows, c, budget))),
  };
}

function searchWinsCases(seed: number, count: number): ExerciseCase<SearchWinsInput>[] {
  const rng = createRng(seed);
  const out: ExerciseCase<SearchWinsInput>[] = [];
  // Only instance sets where some budget up to 400 lets search win (so the question has an answer).
  for (let tries = 0; out.length < count && tries < 20 * count; tries++) {
    const input = { seed: rng.int(1, 10000), instances: 10, walk: 18 };
    let found = false;
    for (let b = 5; b <= 400 && !found; b += 5) { const r = policyVsSearchAt(input, b); found = r.search > r.policy; }
    if (found) out.push({ label: `8-puzzles: seed ${input.seed}, ${input.instances} instances, walk ${input.walk}`, input });
  }
  return out;
}

defineExercise<(seed: number, instances: number, walk: number) => number, SearchWinsInput>({
  id: '03-search-wins',
  title: 'Test the claim: find a budget at which search with the heuristic beats the heuristic policy',
  points: 2,
  hint: 'Measure, do not guess: for budgets 5, 10, 15, … call measureCosts(puzzleInstances(3, walk, instances, seed), budget) and compare successAt for "greedy + backtracking (PDB)" with the best of "A* (Manhattan)", "IDA* (PDB)" and "generate-and-test (PDB proposals)". Return the first budget where search solves more.',
  visible: () => searchWinsCases(303, 3),
  generate: searchWinsCases,
  judge: (answer, input) => {
    const budget = answer(input.seed, input.instances, input.walk);
    if (typeof budget !== 'number' || !Number.isInteger(budget) || budget < 1) return { ok: false, expected: 'a positive whole number of expansions', got: String(budget) };
    const r = policyVsSearchAt(input, budget);
    return { ok: r.search > r.policy, expected: 'a budget where the best search solves more than the strong policy', got: `at ${budget}: search ${pct(r.search)}, policy ${pct(r.policy)}` };
  },
});
