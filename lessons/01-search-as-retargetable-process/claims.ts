import { defineClaim } from '../../lib/claims/ledger';
import { pct } from '../../lib/core/format';
import { barChart } from '../../lib/viz/bar-chart';
import { retargetExperiment, summariseRetarget, CONTROLLERS } from './experiment';

/**
 * Notebook 01: a general-purpose search is retargeted by passing another goal; a controller that
 * cached what to do for one goal does not transfer.
 */
defineClaim({
  id: '01-retargetable-search',
  title: 'One search procedure reaches any goal; a cached policy does not transfer',
  notebook: '01-search-as-retargetable-process',
  source: {
    who: 'post',
    thread: 'the two assumptions of the post (a retargetable internal search)',
    paraphrase: 'The post assumes the AI contains a general-purpose search whose target is an input, so that pointing it at a new target needs no retraining.',
  },
  claim: 'A general-purpose search reaches (almost) any reachable goal on held-out mazes just by being given the goal, while a policy fitted to one goal, or a greedy policy without search, does not.',
  criterion: 'Supported if the search reaches at least 95% of random goals within its expansion budget AND beats both cached controllers (table fitted to one goal, greedy policy) by at least 30 percentage points; otherwise not supported.',
  params: {
    size: { default: 31, description: 'maze width and height (odd)', min: 7, max: 201, integer: true },
    mazes: { default: 4, description: 'held-out mazes (seeds seed+1 … seed+mazes)', min: 1, max: 50, integer: true },
    goals: { default: 15, description: 'random goals per maze', min: 1, max: 200, integer: true },
    budget: { default: 100000, description: 'most cells the search may expand per goal', min: 1, integer: true },
    seed: { default: 1, description: 'seed of mazes and goals', integer: true },
    algorithm: { default: 'astar', description: 'the general-purpose search', choices: ['astar', 'bfs'] },
    loops: { default: 0, description: 'probability of opening extra walls (0 = perfect maze)', min: 0, max: 1 },
  },
  run: (p) => {
    const rows = retargetExperiment({
      size: p.size, mazes: p.mazes, goals: p.goals, budget: p.budget,
      seed: p.seed, algorithm: p.algorithm, loops: p.loops,
    });
    const summary = summariseRetarget(rows);
    const rate = (c: string) => summary.find((s) => s.controller === c)!.successRate;
    const search = rate(CONTROLLERS[0]);
    const table = rate(CONTROLLERS[1]);
    const greedy = rate(CONTROLLERS[2]);
    const bestCached = Math.max(table, greedy);
    const supported = search >= 0.95 && search - bestCached >= 0.3;
    const searchCost = summary[0].meanCost, refitCost = summary[3].meanCost;
    return {
      verdict: supported ? 'supported' : 'not supported',
      summary: supported
        ? `The search reached ${pct(search)} of ${summary[0].runs} random goals just by being passed each goal; the table fitted to one goal reached ${pct(table)} and the greedy policy ${pct(greedy)}. Refitting the table for every goal also works, but costs ${refitCost.toFixed(0)} labelled cells per goal against ${searchCost.toFixed(0)} expansions for the search.`
        : search < 0.95
          ? `With a budget of ${p.budget} expansions the search reached only ${pct(search)} of the goals (table ${pct(table)}, greedy ${pct(greedy)}): a search that is too small to reach the goal is not a working general-purpose planner.`
          : `The search reached ${pct(search)} but a cached controller came within 30 points (table ${pct(table)}, greedy ${pct(greedy)}): on these mazes a controller without search does nearly as well, so search buys little.`,
      numbers: {
        searchSuccess: search, tableSuccess: table, greedySuccess: greedy, refitSuccess: rate(CONTROLLERS[3]),
        searchMeanExpansions: searchCost, refitMeanCost: refitCost, runs: summary[0].runs,
      },
      rows: summary,
      chart: barChart(summary.map((s) => ({ controller: s.controller, 'success rate': s.successRate })), {
        x: 'controller', y: 'success rate', horizontal: true,
        title: `Goals reached on ${p.mazes} held-out ${p.size}×${p.size} mazes (budget ${p.budget})`,
        description: 'Share of random goals each controller reached: a retargeted search, a table fitted to one goal, a greedy policy, and the table refitted for every goal.',
      }),
    };
  },
});
