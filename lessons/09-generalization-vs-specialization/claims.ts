import { defineClaim } from '../../lib/claims/ledger';
import { pct } from '../../lib/core/format';
import { createRng } from '../../lib/core/rng';
import { lineChart } from '../../lib/viz/line-chart';
import { createTown } from './tasks/town';
import { novelErrand, routineErrands } from './tasks/suite';
import { competitivenessCurve, crossoverQueries, measureTasks } from './tasks/measure';
import { mixedWorkload, runWorkload, STRATEGIES } from './tasks/workload';

/**
 * Notebook 09: generalization versus specialization. A specialist keeps an exact table per task
 * (cheap queries, costly to build, useless for a new task); a general searcher runs A* with a
 * relaxation heuristic on whatever task arrives. Which is cheaper depends on how often tasks repeat.
 */

/** Queries per task on the x axis of the ratio chart (the claim's own value is added). */
const CURVE = [1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000];

defineClaim({
  id: '09-competitiveness-tax',
  title: 'General agents pay a competitiveness tax against specialists',
  notebook: '09-generalization-vs-specialization',
  source: {
    who: 'comment',
    thread: 'retargetable algorithms are at the far end of the specialized-to-general spectrum',
    paraphrase: 'A commenter expects most trained tasks to have heuristics that solve them much faster than fully general algorithms, with multiplicative rather than additive speed-ups, so general (retargetable) systems cannot compete.',
    quote: 'general algorithms just can\'t compete',
  },
  claim: 'On a family of routine errands in one town, a general searcher (A* with a relaxation heuristic, nothing precomputed) does at least `tax` times more work per query than specialists holding an exact table per errand, when each errand is asked `queriesPerTask` times. (The lab\'s stand-in: exact tables amortised over repeats, the extreme case of a specialised heuristic; it does not measure how much structure real domains offer.)',
  criterion: 'Let ratio = (searcher work per query) / (specialist work per query, table building amortised over queriesPerTask queries). Supported if ratio >= tax; not supported if ratio < 1 (the general searcher is cheaper); depends in between.',
  params: {
    queriesPerTask: { default: 100, description: 'how often each routine errand is asked (amortises the tables)', min: 1, max: 1e6 },
    tax: { default: 2, description: 'the factor that counts as a tax', min: 1, max: 1000 },
    size: { default: 41, description: 'town width and height in cells', min: 15, max: 161, integer: true },
    roomSize: { default: 5, description: 'interior side of a room', min: 2, max: 15, integer: true },
    samples: { default: 8, description: 'random starts measured per errand', min: 1, max: 100, integer: true },
    seed: { default: 1, description: 'seed of the town and the starts', integer: true },
  },
  run: (p) => {
    const q = p.queriesPerTask, tax = p.tax;
    const town = createTown({ width: p.size, height: p.size, roomSize: p.roomSize, seed: p.seed });
    const measures = measureTasks(town, routineErrands(), { samples: p.samples, seed: p.seed });
    const at = competitivenessCurve(measures, [q])[0];
    const curve = competitivenessCurve(measures, [...new Set([...CURVE, q])].sort((a, b) => a - b));
    const crossover = crossoverQueries(measures);
    const ratio = at.ratio;
    const verdict = ratio >= tax ? 'supported' : ratio < 1 ? 'not supported' : 'depends';
    const x = (v: number) => `${v.toFixed(2)}×`;
    const story = verdict === 'supported'
      ? `asked ${q} times per errand, the specialists' tables are paid off and the searcher does ${x(ratio)} their work per query — a tax of at least ${tax}×.`
      : verdict === 'not supported'
        ? `asked only ${q} time(s) per errand, building a table costs more than searching: the searcher does ${x(ratio)} the specialists' work, i.e. it is cheaper.`
        : `asked ${q} times per errand, the searcher does ${x(ratio)} the specialists' work: more, but less than the ${tax}× that would count as a tax.`;
    return {
      verdict,
      summary: `On ${measures.length} routine errands in a ${p.size}×${p.size} town, ${story} The two break even at about ${crossover.toFixed(1)} queries per errand; both always found the same optimal costs.`,
      numbers: {
        ratio, specialistPerQuery: at.specialist, generalistPerQuery: at.generalist, crossoverQueries: crossover,
        tasks: measures.length, meanTableWork: measures.reduce((a, m) => a + m.build, 0) / measures.length,
        meanSearchWork: measures.reduce((a, m) => a + m.search, 0) / measures.length,
        meanFollowWork: measures.reduce((a, m) => a + m.follow, 0) / measures.length,
        allOptimal: measures.every((m) => m.agree),
      },
      rows: curve.map((c) => ({ ...c })),
      chart: lineChart(curve.map((c) => ({ 'queries per errand': c.queriesPerTask, 'searcher work / specialist work': c.ratio })), {
        x: 'queries per errand', y: 'searcher work / specialist work', logX: true, logY: true,
        title: `Competitiveness ratio on ${measures.length} routine errands (${p.size}×${p.size} town)`,
        description: 'Work per query of the general searcher divided by the specialists\' (tables amortised); above 1 the searcher pays a tax, below 1 it is cheaper.',
      }),
    };
  },
});

defineClaim({
  id: '09-cache-plus-search',
  title: 'Mostly cached behaviour, with search for the rest, beats both pure strategies (the lab\'s extension)',
  notebook: '09-generalization-vs-specialization',
  source: {
    who: 'comment',
    thread: 'humans as retargetable searchers (the reply about adult humans); the claim is the lab\'s own extension',
    paraphrase: 'A reply says humans do have a retargetable search, retargeted across very varied jobs, and remarks, as a description rather than an efficiency claim, that most people mostly operate out of cache. The lab extends the remark into a claim about cost.',
    quote: 'most people mostly just operate out of cache',
  },
  claim: 'On a stream of routine errands (Zipf frequencies) with never-seen errands mixed in at rate `novelty`, caching an errand once the search spent on it reaches the price of its table, and searching otherwise, costs at least 10% less than both always searching and caching every errand.',
  criterion: 'Supported if the total work of cache + search is at most 0.9 × min(search only, cache every task); otherwise not supported.',
  params: {
    novelty: { default: 0.2, description: 'share of queries that are never-seen errands', min: 0, max: 1 },
    queries: { default: 400, description: 'length of the query stream', min: 1, max: 20000, integer: true },
    exponent: { default: 1, description: 'Zipf exponent of routine errand frequencies (0 = uniform)', min: 0, max: 5 },
    size: { default: 41, description: 'town width and height in cells', min: 15, max: 161, integer: true },
    samples: { default: 8, description: 'random starts measured per routine errand', min: 1, max: 100, integer: true },
    seed: { default: 1, description: 'seed of the town, starts, stream and novel errands', integer: true },
  },
  run: (p) => {
    const seed = p.seed;
    const town = createTown({ width: p.size, height: p.size, seed });
    const routine = measureTasks(town, routineErrands(), { samples: p.samples, seed });
    const { stream, novel } = mixedWorkload(routine.length, p.queries, p.novelty, p.exponent, seed);
    const rng = createRng(`novel-${seed}`);
    const fresh = measureTasks(town, Array.from({ length: novel }, (_, i) => novelErrand(town, rng, `novel #${i + 1}`)), { samples: 1, seed });
    const r = runWorkload([...routine, ...fresh], stream);
    const t = r.totals;
    const bestPure = Math.min(t['search only'], t['cache every task']);
    const pureName = t['search only'] <= t['cache every task'] ? 'always searching' : 'caching every errand';
    const saving = 1 - t['cache + search'] / bestPure;
    const supported = t['cache + search'] <= 0.9 * bestPure;
    const k = (v: number) => `${(v / 1000).toFixed(0)}k`;
    return {
      verdict: supported ? 'supported' : 'not supported',
      summary: `${p.queries} queries, ${novel} of them never-seen errands: cache + search did ${k(t['cache + search'])} work (tables for ${r.tablesBuilt} errands), against ${k(t['search only'])} for always searching and ${k(t['cache every task'])} for caching every errand — ${saving >= 0 ? `${pct(saving)} less than` : `${pct(-saving)} more than`} ${pureName}${supported ? '' : ', short of the 10% the claim asks'}. Hindsight could have done it in ${k(t['hindsight optimum'])}.`,
      numbers: {
        cachePlusSearch: t['cache + search'], searchOnly: t['search only'], cacheEvery: t['cache every task'], hindsight: t['hindsight optimum'],
        saving, novelTasks: novel, tablesBuilt: r.tablesBuilt, distinctTasks: r.distinctTasks,
      },
      rows: STRATEGIES.map((s) => ({ strategy: s, work: t[s] })),
      chart: lineChart(r.series, {
        x: 'query', y: 'work', color: 'strategy',
        title: `Cumulative work on a stream of ${p.queries} errands (novelty ${p.novelty})`,
        description: 'Total work so far of each strategy: always search, cache every errand, cache after the search spent reaches the table price, and the hindsight optimum.',
        points: false,
      }),
    };
  },
});
