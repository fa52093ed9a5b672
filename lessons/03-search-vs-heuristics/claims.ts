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
  BLIND, GUIDED, POLICY, STRONG_POLICY, INFORMED_GT, UNIFORM_GT, CONTENDERS, costToSolve, growthRate, measureCosts, median,
  planGenerationExperiment, puzzleInstances, sharedPdb, successAt, successCurve, type Contender,
} from './experiment';

const COMPUTE_THREAD = 'search is computationally inefficient relative to heuristics ("10^100 plans vs 10^15 FLOPs")';

/**
 * Notebook 03, claim 1: under one compute budget, is search less efficient than heuristics?
 */
defineClaim({
  id: '03-search-inefficient',
  title: 'Search is computationally inefficient relative to heuristics',
  notebook: '03-search-vs-heuristics',
  kind: 'empirical',
  source: {
    who: 'comment',
    thread: COMPUTE_THREAD,
    paraphrase: 'A commenter argues that search is computationally inefficient relative to heuristics: with a fixed compute budget a model weighs a few plans at most, so most of the action is in which plans get generated (that second half is claim 03-plan-generation).',
    quote: 'the model can\'t just consider 10^100 plans and choose the best one when it only has 10^15 flops to work with',
  },
  claim: 'Under a fixed compute budget, the work is done by plan generation, not by search over plans: a heuristic policy that generates one plan (greedy on a pattern database, backtracking from dead ends) solves at least as many puzzles as search with the same heuristic — A*/IDA*, or generate-and-test with plans proposed by the heuristic — while generate-and-test with uniform proposals is hopeless.',
  criterion: 'On seeded sliding-puzzle instances, every method gets `budget` expansions per instance. Supported if the heuristic policy (`policy`: strong = greedy + backtracking on the pattern database, weak = greedy without backtracking on Manhattan) solves MORE instances than the best search (A* Manhattan, IDA* PDB, generate-and-test with PDB proposals at `temperature`); not supported if the best search solves more; depends if they tie (at this budget neither side wins). Blind methods (uniform generate-and-test, BFS, all-plans IDDFS) are reported beside it.',
  params: {
    size: { default: 3, description: 'puzzle size: 3 (8-puzzle) or 4 (15-puzzle)', choices: [3, 4] },
    walk: { default: 18, description: 'scramble: random-walk moves from the goal (solution depth grows with it)', min: 1, max: 200, integer: true },
    instances: { default: 30, description: 'seeded instances', min: 1, max: 50, integer: true },
    budget: { default: 100, description: 'node expansions each method may use per instance (equal compute)', min: 1, max: 1000000, integer: true },
    policy: { default: 'strong', description: 'the heuristic policy: strong (greedy + backtracking, PDB) or weak (greedy, no backtracking, Manhattan)', choices: ['strong', 'weak'] },
    temperature: { default: 1, description: 'temperature of the heuristic proposal distribution of generate-and-test (large = nearly uniform)', min: 0.01, max: 1000 },
    seed: { default: 1, description: 'seed of the instances', integer: true },
  },
  run: (p) => {
    const budget = p.budget;
    const instances = puzzleInstances(p.size, p.walk, p.instances, p.seed);
    const rows = measureCosts(instances, budget, CONTENDERS, { temperature: p.temperature });
    const rate = (c: Contender) => successAt(rows, c, budget);
    const searches: Contender[] = [...GUIDED, INFORMED_GT];
    const policyName = p.policy === 'strong' ? STRONG_POLICY : POLICY;
    const policy = rate(policyName);
    const best = searches.reduce((a, c) => (rate(c) > rate(a) ? c : a), searches[0]);
    const search = rate(best);
    const blind = Math.max(...BLIND.map(rate));
    const informed = rate(INFORMED_GT), uniform = rate(UNIFORM_GT);
    const depths = instances.map((i) => i.depth);
    const depthText = `depth ${Math.min(...depths)}–${Math.max(...depths)}`;
    const med = (c: Contender) => median(rows.filter((r) => r.contender === c).map((r) => r.cost));
    const medText = (c: Contender) => (Number.isFinite(med(c)) ? `${med(c).toFixed(0)}` : `over ${budget}`);
    const verdict: 'supported' | 'not supported' | 'depends' = policy > search ? 'supported' : search > policy ? 'not supported' : 'depends';
    const generation = `Plan generation: generate-and-test with heuristic proposals (temperature ${p.temperature}) solved ${pct(informed)}, with uniform proposals ${pct(uniform)}.`;
    const summary = verdict === 'supported'
      ? `With ${budget} expansions on ${instances.length} puzzles (${depthText}) the ${p.policy} heuristic policy solved ${pct(policy)}, the best search (${best}) ${pct(search)}: at this compute one generated plan beats searching over plans. ${generation}`
      : verdict === 'not supported'
        ? `With ${budget} expansions on ${instances.length} puzzles (${depthText}) the best search (${best}) solved ${pct(search)}, the ${p.policy} heuristic policy ${pct(policy)}: at this compute, search with the heuristic beats the heuristic alone. ${generation}`
        : `With ${budget} expansions on ${instances.length} puzzles (${depthText}) the ${p.policy} heuristic policy and the best search (${best}) both solved ${pct(policy)} (median cost: policy ${medText(policyName)}, ${best} ${medText(best)}): at this budget neither side wins. ${generation}`;
    const budgets: number[] = [];
    for (let b = 10; b < Math.max(budget, 10000); b = Math.round(b * Math.sqrt(10))) budgets.push(b);
    if (!budgets.includes(budget)) budgets.push(budget);
    budgets.sort((x, y) => x - y);
    const cap = Math.max(...budgets);
    const curveRows = cap > budget ? measureCosts(instances, cap, CONTENDERS, { temperature: p.temperature }) : rows;
    return {
      verdict, summary,
      numbers: {
        policySuccess: policy, searchSuccess: search, bestSearch: best,
        informedGenerateAndTestSuccess: informed, uniformGenerateAndTestSuccess: uniform, blindSuccess: blind,
        policyMedianCost: med(policyName), bestSearchMedianCost: med(best),
        meanDepth: depths.reduce((a, d) => a + d, 0) / depths.length, instances: instances.length,
      },
      rows: rows.map((r) => ({ ...r, cost: Number.isFinite(r.cost) ? r.cost : null })),
      chart: lineChart(successCurve(curveRows, budgets), {
        x: 'budget', y: 'success', color: 'contender', logX: true,
        title: `Share of ${instances.length} puzzles (${depthText}) solved within a budget`,
        xTitle: 'node expansions allowed (log)', yTitle: 'share solved',
        description: `For each method, the share of instances it solves within each expansion budget (the verdict is read at ${budget}); crossovers show where each side wins.`,
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
  kind: 'empirical',
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
  kind: 'empirical',
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
