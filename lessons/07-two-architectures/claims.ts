/**
 * Notebook 07's claims: the thread on architecture (1), a planner that calls a search subroutine
 * on subgoals, versus (2), an agent that is one search with a built-in goal; and the post
 * author's reply that only the outermost call should be retargeted.
 */
import { defineClaim } from '../../lib/claims/ledger';
import { pct } from '../../lib/core/format';
import type { ParamValuesOf } from '../../lib/claims/types';
import { architectureStudy } from './agents/study';
import type { ArchitectureStudy, ConditionId, ConditionSummary } from './agents/study';
import { barChart, lineChart } from '../../lib/viz/index';

const NOTEBOOK = '07-two-architectures';

const params = {
  size: { default: 41, description: 'map side in cells', integer: true, min: 11, max: 121 },
  roomSize: { default: 5, description: 'room interior side', integer: true, min: 2, max: 60 },
  maps: { default: 4, description: 'seeded maps', integer: true, min: 1, max: 20 },
  targets: { default: 10, description: 'new targets per map', integer: true, min: 1, max: 50 },
  legBudget: { default: 200, description: 'expansions per call of the planner\'s search subroutine', integer: true, min: 1 },
  budget: { default: 2000, description: 'expansions of the single search of architecture (2)', integer: true, min: 1 },
  maxShift: { default: 0, description: 'new targets at most this far (shortest route) from the original target; 0 = anywhere', integer: true, min: 0 },
  seed: { default: 1, description: 'seed for maps, starts and targets', integer: true, min: 0 },
} as const;

function run(p: ParamValuesOf<typeof params>): { s: ArchitectureStudy; get: (id: ConditionId) => ConditionSummary } {
  const s = architectureStudy({
    size: p.size, roomSize: p.roomSize, maps: p.maps, targets: p.targets,
    legBudget: p.legBudget, budget: p.budget, maxShift: p.maxShift, seed: p.seed,
  });
  return { s, get: (id) => s.summary.find((r) => r.condition === id) as ConditionSummary };
}

defineClaim({
  id: '07-outermost-call',
  title: 'Retarget only the outermost call of a recursive search',
  notebook: NOTEBOOK,
  kind: 'demonstration',
  source: {
    who: 'comment',
    thread: 'architecture (1) vs (2) / the outermost call',
    paraphrase: 'The post\'s author replies that the search calls itself recursively on subproblems; what should be retargeted is only the outermost call, leaving the recursive calls free to pursue the subgoals they are given.',
    quote: 'What we actually want to retarget is not every instance of the search process, but just the "outermost call"',
  },
  claim: 'Retargeting only the outermost call steers a recursive planner to new targets at about its usual cost, with its recursive calls still solving their subproblems; retargeting every call breaks the decomposition.',
  criterion: 'Supported if, with only the outermost call retargeted, at least 95% of runs reach the new target, at least 99% of recursive calls solve their own subproblem, and mean expansions are at most 1.5× those for the original target; AND retargeting every call either lowers success by at least 25 points (per-call budget) or, without budgets, costs at least 2× the outermost-only expansions. Not supported if the first part fails; depends if only the second part fails.',
  params,
  run(p) {
    const { s, get } = run(p);
    const orig = get('planner: original target'), outer = get('planner: retarget outermost call');
    const every = get('planner: retarget every call'), everyFree = get('planner: every call, unlimited legs');
    const wired = get('planner: inner goals hard-wired');
    const first = outer.success >= 0.95 && outer.legsSolved >= 0.99 && outer.expanded <= 1.5 * orig.expanded;
    const breaks = every.success <= outer.success - 0.25 || everyFree.expanded >= 2 * outer.expanded;
    const verdict = !first ? 'not supported' : breaks ? 'supported' : 'depends';
    const conds = [orig, outer, every, everyFree, wired];
    const rows = conds.map((c) => ({ condition: c.condition.replace('planner: ', ''), 'reached the target': Number(c.success.toFixed(3)) }));
    return {
      verdict,
      summary: `Outermost call retargeted: ${pct(outer.success)} reach the new target with ${outer.expanded.toFixed(0)} expansions (original target: ${orig.expanded.toFixed(0)}); ${pct(outer.legsSolved)} of recursive calls solve their subproblem. Every call retargeted: ${pct(every.success)} succeed within the per-call budget, and without budgets it costs ${everyFree.expanded.toFixed(0)} expansions. Inner goals hard-wired to the old target: ${pct(wired.success)} reach the new one.`,
      numbers: {
        successOriginal: orig.success, successOutermost: outer.success, successEveryCall: every.success,
        successInnerHardwired: wired.success, legsSolvedOutermost: outer.legsSolved,
        expandedOriginal: orig.expanded, expandedOutermost: outer.expanded, expandedEveryCallUnlimited: everyFree.expanded,
        runs: outer.runs, rooms: s.maps.length,
      },
      rows,
      chart: barChart(rows, { x: 'condition', y: 'reached the target', horizontal: true, title: 'Subgoal planner: share of runs that reach the target, by what gets retargeted' }),
    };
  },
});

defineClaim({
  id: '07-builtin-goal-agent',
  title: 'An agent that is one search with a built-in goal does not retarget cheaply',
  notebook: NOTEBOOK,
  kind: 'empirical',
  source: {
    who: 'comment',
    thread: 'architecture (1) vs (2) / the outermost call',
    paraphrase: 'A commenter asks why an agent that literally is one search, with only ever one goal, would not fill up with heuristics specific to that goal, which would stop helping once the goal is changed.',
  },
  claim: 'Architecture (2) with a heuristic tuned to its goal is the cheapest agent on its own goal, but retargeting its goal test while it keeps that tuned heuristic — a landmark heuristic that still takes the goal — makes it several times more expensive than the subgoal planner retargeted at its outermost call.',
  criterion: 'Supported if (2) on its built-in goal expands fewer nodes than the planner on the same target, and (2) retargeted with its tuned heuristic kept (`tunedHeuristic`: landmark at the built-in goal, which takes the goal; or the exact table, which ignores it) expands at least 3× its built-in-goal cost and at least 2× the planner retargeted at the outermost call (or fails more often). Not supported otherwise.',
  params: {
    ...params,
    tunedHeuristic: { default: 'landmarks', description: 'the heuristic (2) keeps when retargeted: ALT landmark at its goal (takes the goal) or the exact table to its goal (ignores the goal; a strawman)', choices: ['landmarks', 'table'] },
  },
  run(p) {
    const { s, get } = run(p);
    const own = get('one search: built-in goal');
    const stale = get(p.tunedHeuristic === 'landmarks' ? 'one search: retarget goal, tuned landmarks kept' : 'one search: retarget goal test only');
    const generic = get('one search: retarget goal + generic heuristic');
    const pOrig = get('planner: original target'), pOuter = get('planner: retarget outermost call');
    const ok = own.expanded < pOrig.expanded && stale.expanded >= 3 * own.expanded
      && (stale.expanded >= 2 * pOuter.expanded || stale.success < pOuter.success);
    const rows = [pOrig, pOuter, own, get('one search: retarget goal, tuned landmarks kept'), get('one search: retarget goal test only'), generic]
      .map((c) => ({ condition: c.condition, architecture: c.architecture, 'mean expansions': Math.round(c.expanded), success: c.success }));
    // The curve: mean expansions of each retargeted search by distance of the new target from the built-in goal.
    const retargeted = ['planner: retarget outermost call', 'one search: retarget goal, tuned landmarks kept', 'one search: retarget goal test only', 'one search: retarget goal + generic heuristic'] as const;
    const shifts = s.runs.filter((r) => r.condition === retargeted[0]).map((r) => r.shift).sort((a, b) => a - b);
    const edges = [0.25, 0.5, 0.75].map((q) => shifts[Math.floor(q * (shifts.length - 1))]);
    const bandOf = (x: number) => edges.filter((e) => x > e).length;
    const curve = retargeted.flatMap((id) => [0, 1, 2, 3].map((band) => {
      const rs = s.runs.filter((r) => r.condition === id && bandOf(r.shift) === band);
      return rs.length ? { search: id, shift: Math.round(rs.reduce((a, r) => a + r.shift, 0) / rs.length), 'mean expansions': rs.reduce((a, r) => a + r.expanded, 0) / rs.length } : null;
    }).filter((r): r is { search: typeof id; shift: number; 'mean expansions': number } => r !== null));
    return {
      verdict: ok ? 'supported' : 'not supported',
      summary: `One search with a built-in goal: ${own.expanded.toFixed(0)} expansions on its goal; goal test retargeted, ${p.tunedHeuristic === 'landmarks' ? 'tuned landmark heuristic kept (it takes the new goal)' : 'exact table to the old goal kept (it ignores the new goal)'}: ${stale.expanded.toFixed(0)} (success ${pct(stale.success)}); with a generic heuristic: ${generic.expanded.toFixed(0)}. Subgoal planner: ${pOrig.expanded.toFixed(0)} on the original target, ${pOuter.expanded.toFixed(0)} retargeted at the outermost call.`,
      numbers: {
        expandedBuiltin: own.expanded, expandedTunedKept: stale.expanded, successTunedKept: stale.success,
        expandedGenericHeuristic: generic.expanded, expandedPlannerOriginal: pOrig.expanded, expandedPlannerOutermost: pOuter.expanded,
        tunedOverPlanner: stale.expanded / pOuter.expanded, tunedOverBuiltin: stale.expanded / own.expanded,
      },
      rows,
      chart: lineChart(curve, { x: 'shift', y: 'mean expansions', color: 'search', logY: true, xTitle: 'distance of the new target from the built-in goal', title: 'Retargeted searches: cost by how far the target moved', description: 'Mean expansions per quartile of target distance from the built-in goal: the planner retargeted at its outermost call, and architecture (2) keeping its tuned landmark heuristic, keeping its exact table, or given a generic heuristic.' }),
    };
  },
});
