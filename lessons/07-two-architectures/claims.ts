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
import { barChart } from '../../lib/viz/index';

const NOTEBOOK = '07-two-architectures';

const params = {
  size: { default: 41, description: 'map side in cells', integer: true, min: 11, max: 121 },
  roomSize: { default: 5, description: 'room interior side', integer: true, min: 2, max: 60 },
  maps: { default: 4, description: 'seeded maps', integer: true, min: 1, max: 20 },
  targets: { default: 10, description: 'new targets per map', integer: true, min: 1, max: 50 },
  legBudget: { default: 200, description: 'expansions per call of the planner\'s search subroutine', integer: true, min: 1 },
  budget: { default: 2000, description: 'expansions of the single search of architecture (2)', integer: true, min: 1 },
  seed: { default: 1, description: 'seed for maps, starts and targets', integer: true, min: 0 },
} as const;

function run(p: ParamValuesOf<typeof params>): { s: ArchitectureStudy; get: (id: ConditionId) => ConditionSummary } {
  const s = architectureStudy({
    size: p.size, roomSize: p.roomSize, maps: p.maps, targets: p.targets,
    legBudget: p.legBudget, budget: p.budget, seed: p.seed,
  });
  return { s, get: (id) => s.summary.find((r) => r.condition === id) as ConditionSummary };
}

defineClaim({
  id: '07-outermost-call',
  title: 'Retarget only the outermost call of a recursive search',
  notebook: NOTEBOOK,
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
  source: {
    who: 'comment',
    thread: 'architecture (1) vs (2) / the outermost call',
    paraphrase: 'A commenter asks why an agent that literally is one search, with only ever one goal, would not fill up with heuristics specific to that goal, which would stop helping once the goal is changed.',
  },
  claim: 'Architecture (2) with a goal-specific heuristic is the cheapest agent on its own goal, but retargeting its goal test alone makes it several times more expensive than the subgoal planner retargeted at its outermost call.',
  criterion: 'Supported if (2) on its built-in goal expands fewer nodes than the planner on the same target, and (2) retargeted by its goal test alone expands at least 3× its built-in-goal cost and at least 2× the planner retargeted at the outermost call (or fails more often). Not supported otherwise.',
  params,
  run(p) {
    const { get } = run(p);
    const own = get('one search: built-in goal'), stale = get('one search: retarget goal test only');
    const generic = get('one search: retarget goal + generic heuristic');
    const pOrig = get('planner: original target'), pOuter = get('planner: retarget outermost call');
    const ok = own.expanded < pOrig.expanded && stale.expanded >= 3 * own.expanded
      && (stale.expanded >= 2 * pOuter.expanded || stale.success < pOuter.success);
    const rows = [pOrig, pOuter, own, stale, generic].map((c) => ({ condition: c.condition, architecture: c.architecture, 'mean expansions': Math.round(c.expanded), success: c.success }));
    return {
      verdict: ok ? 'supported' : 'not supported',
      summary: `One search with a built-in goal: ${own.expanded.toFixed(0)} expansions on its goal; goal test retargeted, heuristic kept: ${stale.expanded.toFixed(0)} (success ${pct(stale.success)}); with a generic heuristic: ${generic.expanded.toFixed(0)}. Subgoal planner: ${pOrig.expanded.toFixed(0)} on the original target, ${pOuter.expanded.toFixed(0)} retargeted at the outermost call.`,
      numbers: {
        expandedBuiltin: own.expanded, expandedGoalTestOnly: stale.expanded, expandedGenericHeuristic: generic.expanded,
        successGoalTestOnly: stale.success, expandedPlannerOriginal: pOrig.expanded, expandedPlannerOutermost: pOuter.expanded,
      },
      rows,
      chart: barChart(rows, { x: 'condition', y: 'mean expansions', color: 'architecture', horizontal: true, logY: true, title: 'Cost of reaching a target: planner (1) vs one search with a built-in goal (2)' }),
    };
  },
});
