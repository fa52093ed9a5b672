import { defineClaim } from '../../lib/claims/ledger';
import { pct } from '../../lib/core/format';
import { lineChart } from '../../lib/viz/line-chart';
import { astar } from '../../lib/search/astar';
import { puzzleIdaStar } from '../../lib/search/puzzle-idastar';
import { slidingPuzzleProblem, type PuzzleState } from '../../lib/envs/sliding-puzzle';
import { puzzleManhattan } from '../../lib/heuristics/puzzle';
import { pdbHeuristic } from '../../lib/heuristics/pdb';
import type { Heuristic } from '../../lib/search/problem';
import {
  BLIND, GUIDED, POLICY, CONTENDERS, costToSolve, growthRate, measureCosts, median, planGenerationExperiment,
  puzzleInstances, sharedPdb, successAt, successCurve,
} from './experiment';

const COMPUTE_THREAD = 'search is computationally inefficient relative to heuristics ("10^100 plans vs 10^15 FLOPs")';

/**
 * Notebook 03, claim 1: under one compute budget, is search less efficient than heuristics?
 */
defineClaim({
  id: '03-search-inefficient',
  title: 'Search is computationally inefficient relative to heuristics',
  notebook: '03-search-vs-heuristics',
  source: {
    who: 'comment',
    thread: COMPUTE_THREAD,
    paraphrase: 'A commenter argues that search is computationally inefficient relative to heuristics: with a fixed compute budget a model weighs a few plans at most, so most of the action is in which plans get generated (that second half is claim 03-plan-generation).',
    quote: 'the model can\'t just consider 10^100 plans and choose the best one when it only has 10^15 flops to work with',
  },
  claim: 'Under the same budget of node expansions, search is inefficient relative to heuristics: read strongly, a heuristic policy without search solves more than heuristic-guided search; read weakly, search without heuristics (plan enumeration, generate-and-test, blind search) is far behind search with them.',
  criterion: 'On seeded sliding-puzzle instances, each method gets `budget` expansions. Supported if the greedy heuristic policy (no search) solves more instances than the best heuristic-guided search (A* or IDA*); depends if guided search solves at least as many AND the best blind method (enumeration, generate-and-test, BFS) needs at least 10× the expansions of the best guided search on the median instance (search without heuristics loses, search with them wins); not supported otherwise (even blind search is within 10×, or nothing solves anything).',
  params: {
    size: { default: 3, description: 'puzzle size: 3 (8-puzzle) or 4 (15-puzzle)', choices: [3, 4] },
    walk: { default: 18, description: 'scramble: random-walk moves from the goal (solution depth grows with it)', min: 1, max: 200, integer: true },
    instances: { default: 6, description: 'seeded instances', min: 1, max: 50, integer: true },
    budget: { default: 10000, description: 'node expansions each method may use per instance', min: 1, max: 1000000, integer: true },
    seed: { default: 1, description: 'seed of the instances', integer: true },
  },
  run: (p) => {
    const budget = p.budget;
    const instances = puzzleInstances(p.size, p.walk, p.instances, p.seed);
    const rows = measureCosts(instances, budget);
    const rate = (c: (typeof CONTENDERS)[number]) => successAt(rows, c, budget);
    const blind = Math.max(...BLIND.map(rate));
    const guided = Math.max(...GUIDED.map(rate));
    const policy = rate(POLICY);
    // Per instance: cheapest blind cost / cheapest guided cost (Infinity when blind failed).
    const ratios = instances.map((inst) => {
      const mine = rows.filter((r) => r.instance === inst.label);
      const b = Math.min(...mine.filter((r) => BLIND.includes(r.contender)).map((r) => r.cost));
      const g = Math.min(...mine.filter((r) => GUIDED.includes(r.contender)).map((r) => r.cost));
      return Number.isFinite(g) ? b / g : NaN;
    }).filter((x) => !Number.isNaN(x));
    const gap = ratios.length ? median(ratios) : NaN;
    const depths = instances.map((i) => i.depth);
    const depthText = `depth ${Math.min(...depths)}–${Math.max(...depths)}`;
    const guidedMedian = median(rows.filter((r) => GUIDED.includes(r.contender) && Number.isFinite(r.cost)).map((r) => r.cost));
    const gapText = Number.isFinite(gap)
      ? `needed ${gap.toFixed(1)}× the expansions of guided search on the median puzzle`
      : `ran out of the ${budget}-expansion budget where guided search needed a median of ${guidedMedian.toFixed(0)} (over ${Math.floor(budget / guidedMedian)}× less)`;
    let verdict: 'supported' | 'not supported' | 'depends';
    let summary: string;
    if (policy > guided) {
      verdict = 'supported';
      summary = `With ${budget} expansions on ${instances.length} puzzles (${depthText}) the heuristic policy alone solved ${pct(policy)}, guided search only ${pct(guided)}: under this budget the heuristic without search wins.`;
    } else if (guided > 0 && !(gap < 10)) {
      verdict = 'depends';
      summary = `Blind methods (enumeration, generate-and-test, BFS) solved ${pct(blind)} and ${gapText}; guided search solved ${pct(guided)} and the heuristic policy without search solved ${pct(policy)}. Search without heuristics is hopeless here, search with heuristics beats the heuristic alone: whether "search is inefficient" depends on whether the search uses heuristics.`;
    } else if (guided === 0 && blind === 0 && policy === 0) {
      verdict = 'not supported';
      summary = `With ${budget} expansions nothing solved any of the ${instances.length} puzzles (${depthText}): the budget is too small to show heuristics beating search.`;
    } else {
      verdict = 'not supported';
      summary = `On these small puzzles (${depthText}) even blind search needed only ${gap.toFixed(1)}× the expansions of guided search (blind ${pct(blind)}, guided ${pct(guided)}, heuristic policy ${pct(policy)} solved): search is not computationally out of reach.`;
    }
    const budgets: number[] = [];
    for (let b = 10; b < budget; b = Math.round(b * Math.sqrt(10))) budgets.push(b);
    budgets.push(budget);
    return {
      verdict, summary,
      numbers: {
        blindSuccess: blind, guidedSuccess: guided, policySuccess: policy,
        blindOverGuidedMedian: Number.isFinite(gap) ? gap : 'blind failed within budget',
        meanDepth: depths.reduce((a, d) => a + d, 0) / depths.length, instances: instances.length,
      },
      rows: rows.map((r) => ({ ...r, cost: Number.isFinite(r.cost) ? r.cost : null })),
      chart: lineChart(successCurve(rows, budgets), {
        x: 'budget', y: 'success', color: 'contender', logX: true,
        title: `Share of ${instances.length} puzzles (${depthText}) solved within a budget`,
        xTitle: 'node expansions allowed (log)', yTitle: 'share solved',
        description: 'For each method, the share of instances it solves within each expansion budget; crossovers show where the verdict would change.',
      }),
    };
  },
});

/** The heuristics the pseudolinear claim can test. */
function heuristicFor(name: string, goal: PuzzleState): Heuristic<PuzzleState, PuzzleState> {
  if (name === 'none') return () => 0;
  if (name === 'manhattan') return puzzleManhattan;
  if (name === 'pdb') return pdbHeuristic(sharedPdb(goal));
  // 'perfect': the exact distance, computed by an optimal solver for every state A* scores.
  const pdb = sharedPdb(goal);
  return (s, g) => {
    const r = puzzleIdaStar(s, g, { heuristic: 'pdb', pdb });
    return r.status === 'found' ? r.cost : 0;
  };
}

/**
 * Notebook 03, claim 2: the "exp → pseudolinear" comment, tested on search effort versus depth.
 */
defineClaim({
  id: '03-exp-to-pseudolinear',
  title: 'Good heuristics turn exponential search into near-linear',
  notebook: '03-search-vs-heuristics',
  source: {
    who: 'comment',
    thread: 'heuristics are multiplicative speedups, not additive',
    paraphrase: 'A commenter argues that exploiting the structure of a domain gives multiplicative speedups, turning exponential work into near-linear work, as quicksort does against sorting by random shuffles.',
  },
  claim: 'With a good heuristic, the nodes A* expands on the 8-puzzle grow about linearly with the solution depth, instead of exponentially as for blind search.',
  criterion: 'Fit nodes ≈ c·depth^k (log–log) and nodes ≈ a·b^depth (log–linear) over instances of growing depth. Supported if the heuristic\'s k ≤ 1.25 (near-linear); depends if it is not near-linear but cuts the exponential rate by at least a third, (b_h − 1) ≤ ⅔·(b_blind − 1) (a multiplicative speedup that grows with depth, still exponential); not supported otherwise.',
  params: {
    heuristic: { default: 'pdb', description: 'the heuristic A* uses', choices: ['none', 'manhattan', 'pdb', 'perfect'] },
    maxWalk: { default: 28, description: 'deepest scramble (random-walk moves); walks 4, 8, … up to this', min: 4, max: 60, integer: true },
    instances: { default: 3, description: 'instances per walk length', min: 1, max: 20, integer: true },
    cap: { default: 10000, description: 'expansion cap for blind search (capped runs are left out of its fit)', min: 100, max: 1000000, integer: true },
    seed: { default: 2, description: 'seed of the instances', integer: true },
  },
  run: (p) => {
    const name = p.heuristic;
    const points: { depth: number; nodes: number; search: string }[] = [];
    let blindCapped = false;   // once blind search hits the cap, deeper walks would only hit it again
    for (let walk = 4; walk <= p.maxWalk; walk += 4) {
      const capped = blindCapped;
      for (const inst of puzzleInstances(3, walk, p.instances, p.seed * 1000 + walk)) {
        const blind = capped ? Infinity : costToSolve('BFS (blind)', inst, p.cap);
        if (Number.isFinite(blind)) points.push({ depth: inst.depth, nodes: blind, search: 'breadth-first (blind)' });
        else blindCapped = true;
        const r = astar(slidingPuzzleProblem(3), inst.start, inst.goal, { heuristic: heuristicFor(name, inst.goal) });
        points.push({ depth: inst.depth, nodes: r.stats.expanded, search: `A* (${name})` });
      }
    }
    const mine = points.filter((q) => q.search !== 'breadth-first (blind)');
    const blindPts = points.filter((q) => q.search === 'breadth-first (blind)');
    const bBlind = growthRate(blindPts);
    const bH = growthRate(mine);
    const logPts = mine.filter((q) => q.depth > 0).map((q) => ({ depth: Math.log(q.depth), nodes: q.nodes }));
    const k = Math.log(growthRate(logPts));   // slope of log(nodes) against log(depth)
    let verdict: 'supported' | 'not supported' | 'depends';
    if (k <= 1.25) verdict = 'supported';
    else if (bH - 1 <= (2 / 3) * (bBlind - 1)) verdict = 'depends';
    else verdict = 'not supported';
    const maxDepth = Math.max(...mine.map((q) => q.depth));
    const summary = verdict === 'supported'
      ? `A* with the ${name} heuristic expanded about depth^${k.toFixed(2)} nodes: near-linear, while blind search grew by ×${bBlind.toFixed(2)} per extra move.`
      : verdict === 'depends'
        ? `The ${name} heuristic cut the growth per extra move from ×${bBlind.toFixed(2)} (blind) to ×${bH.toFixed(2)}: a speedup that multiplies with every move of depth, but still exponential (nodes ≈ depth^${k.toFixed(2)} up to depth ${maxDepth}); only a near-perfect heuristic makes it linear.`
        : `A* with the ${name} heuristic grew by ×${bH.toFixed(2)} per extra move against ×${bBlind.toFixed(2)} for blind search: no real change in the exponential.`;
    const byDepth = new Map<string, { depth: number; search: string; total: number; n: number }>();
    for (const q of points) {
      const key = `${q.search}|${q.depth}`;
      const e = byDepth.get(key) ?? { depth: q.depth, search: q.search, total: 0, n: 0 };
      e.total += q.nodes; e.n++;
      byDepth.set(key, e);
    }
    const chartRows = [...byDepth.values()].map((e) => ({ depth: e.depth, search: e.search, nodes: e.total / e.n })).sort((a, b) => a.depth - b.depth);
    return {
      verdict, summary,
      numbers: { growthBlind: bBlind, growthHeuristic: bH, loglogSlope: k, maxDepth, points: mine.length },
      rows: points,
      chart: lineChart(chartRows, {
        x: 'depth', y: 'nodes', color: 'search', logY: true,
        title: `Nodes expanded vs solution depth (8-puzzle, ${name} heuristic)`,
        xTitle: 'optimal solution depth (moves)', yTitle: 'nodes expanded (log)',
        description: 'Mean nodes expanded per solution depth: a straight line on this log scale is exponential growth; a flattening curve is near-linear.',
      }),
    };
  },
});

/**
 * Notebook 03, claim 3: the commenter's point about plan generation. A model that "considers, say,
 * 10 plans and chooses the best one" is retargeted by changing how it chooses; does that help when
 * the plans still come from a proposer tuned to the old goal?
 */
defineClaim({
  id: '03-plan-generation',
  title: 'With a few plans, the action is in which plans were generated',
  notebook: '03-search-vs-heuristics',
  source: {
    who: 'comment',
    thread: COMPUTE_THREAD,
    paraphrase: 'A commenter argues that a budgeted model considers a few plans (10, or 10^6) and picks the best, so most of the action is in which plans were generated, and retargeting the search does not necessarily change that.',
    quote: 'most of the action is in which plans were generated in the first place',
  },
  claim: 'An optimizer that considers `plans` proposed plans and keeps one reaching its goal, retargeted by changing only the goal it chooses by, mostly fails to reach the new goal while its proposer is still tuned to the old one; retargeting the proposer too restores it.',
  criterion: 'Over seeded trials on a rooms map, let before = success on the old goal, chooserOnly = success on a new goal with only the chooser retargeted, both = success with proposer and chooser retargeted. Supported if both >= 0.5 and chooserOnly <= 0.5 × both (the proposer decides); not supported if both > 0 and chooserOnly >= 0.8 × both (changing the choice is enough); depends otherwise.',
  params: {
    plans: { default: 10, description: 'plans considered per decision', min: 1, max: 5000, integer: true },
    skill: { default: 0.5, description: 'how strongly the proposer heads for the goal it was tuned to (0 = goal-agnostic random walks)', min: 0, max: 1 },
    size: { default: 21, description: 'side of the rooms map', min: 11, max: 61, integer: true },
    trials: { default: 40, description: 'trials (start, old goal, new goal)', min: 5, max: 400, integer: true },
    seed: { default: 1, description: 'seed of the map and trials', integer: true },
  },
  run: (p) => {
    const base = { size: p.size as number, trials: p.trials as number, skill: p.skill as number, seed: p.seed as number };
    const r = planGenerationExperiment({ ...base, plans: p.plans as number });
    const pct = (x: number) => `${Math.round(100 * x)}%`;
    let verdict: 'supported' | 'not supported' | 'depends';
    let summary: string;
    if (r.both >= 0.5 && r.chooserOnly <= 0.5 * r.both) {
      verdict = 'supported';
      summary = `Choosing among ${p.plans} proposed plans: ${pct(r.before)} reach the old goal; retargeting only the choice reaches the new goal in ${pct(r.chooserOnly)} of trials, retargeting the proposer too in ${pct(r.both)}. The plans that get generated decide.`;
    } else if (r.both > 0 && r.chooserOnly >= 0.8 * r.both) {
      verdict = 'not supported';
      summary = `With ${p.plans} plans from a proposer of skill ${p.skill}, retargeting only the choice reaches the new goal in ${pct(r.chooserOnly)} of trials, against ${pct(r.both)} with the proposer retargeted too: the choice among plans does the work.`;
    } else {
      verdict = 'depends';
      summary = `Retargeting only the choice reaches the new goal in ${pct(r.chooserOnly)} of trials, retargeting the proposer too in ${pct(r.both)} (old goal: ${pct(r.before)}): neither the proposer nor the choice clearly decides at this setting.`;
    }
    const rows: { plans: number; success: number; condition: string }[] = [];
    for (const k of [1, 3, 10, 30, 100, 300]) {
      const q = k === p.plans ? r : planGenerationExperiment({ ...base, plans: k });
      rows.push({ plans: k, success: q.before, condition: 'before: old proposer, old goal' });
      rows.push({ plans: k, success: q.chooserOnly, condition: 'chooser retargeted only' });
      rows.push({ plans: k, success: q.both, condition: 'proposer and chooser retargeted' });
    }
    return {
      verdict, summary,
      numbers: { before: r.before, chooserOnly: r.chooserOnly, both: r.both, planLength: r.planLength },
      rows,
      chart: lineChart(rows, {
        x: 'plans', y: 'success', color: 'condition', logX: true,
        title: `Reaching the goal by choosing among proposed plans (proposer skill ${p.skill})`,
        xTitle: 'plans considered (log)', yTitle: 'share of trials reaching the goal',
        description: 'Success of an optimizer that keeps the best of k proposed plans, before retargeting, with only its choice retargeted, and with its proposer retargeted too.',
      }),
    };
  },
});
