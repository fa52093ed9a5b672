import { defineClaim } from '../../lib/claims/ledger';
import { lineChart } from '../../lib/viz/line-chart';
import { scatter } from '../../lib/viz/scatter';
import { checkRelaxations, goalShiftExperiment, pdbGoalShiftExperiment, relaxationTestMap } from './experiment';

const THREAD = '"A* heuristics are specific to the setting and goal" vs "relaxation generates heuristics"';

/**
 * Notebook 02: heuristics derived by relaxation are goal-agnostic (they keep their speedup when the
 * goal moves), unlike a table of distances to one goal.
 */
defineClaim({
  id: '02-relaxation-goal-agnostic',
  title: 'Relaxation heuristics depend on the environment, not the goal',
  notebook: '02-heuristics-from-relaxation',
  kind: 'empirical',
  source: {
    who: 'comment',
    thread: THREAD,
    paraphrase: 'Answering the worry that retargeting A* means rebuilding its heuristic, a commenter replies that relaxation generates heuristics automatically, and that they tend to depend on the environment but not on the goal.',
    quote: 'those heuristics tend to depend on the environment but not on the goal',
  },
  claim: 'A* with a heuristic derived by dropping the walls keeps its speedup over uniform-cost search wherever the goal is moved, while a heuristic tuned for one goal region — landmark (ALT) distances placed there, which still take the goal as an argument — loses its advantage over the relaxation once the goal moves away from that region.',
  criterion: 'On a MovingAI-format map (octile, no corner cutting), goals are drawn in bands of distance from the tuned goal. Speedup = uniform-cost expansions ÷ A* expansions (totals per band); the tuned heuristic\'s advantage = relaxation expansions ÷ tuned expansions. Supported if the relaxation heuristic\'s speedup is at least minSpeedup in EVERY band AND the tuned heuristic\'s advantage over the far half of the bands (totals) is below maxTunedAdvantage; otherwise not supported. (The exact goal table that ignores its goal is drawn for contrast only: it loses by construction.)',
  params: {
    map: { default: 'rooms', description: 'map generator', choices: ['rooms', 'obstacles', 'maze'] },
    size: { default: 48, description: 'map width and height', min: 16, max: 256, integer: true },
    seed: { default: 3, description: 'seed of the map, starts and goals', integer: true },
    bands: { default: 6, description: 'bands of distance from the tuned goal', min: 2, max: 20, integer: true },
    perBand: { default: 6, description: 'queries per band', min: 1, max: 100, integer: true },
    maxShift: { default: 0, description: 'farthest a new goal may be from the tuned goal (0 = anywhere on the map)', min: 0 },
    tuned: { default: 'landmarks', description: 'the goal-specific heuristic that takes its goal: ALT landmarks in the tuned region, or the larger of that and octile', choices: ['landmarks', 'landmarks+octile'] },
    landmarks: { default: 3, description: 'landmarks of the tuned heuristic, all placed in the tuned goal region', min: 1, max: 16, integer: true },
    minSpeedup: { default: 2, description: 'speedup the relaxation heuristic must keep in every band', min: 1 },
    maxTunedAdvantage: { default: 1.2, description: 'the tuned heuristic counts as having lost its advantage when it saves less than this factor over the relaxation far from its region', min: 0 },
  },
  run: (p) => {
    const kind = p.map;
    const { map } = relaxationTestMap(kind, p.size, p.seed);
    const maxShift = p.maxShift > 0 ? p.maxShift : undefined;
    const { bands } = goalShiftExperiment({ map, seed: p.seed, bands: p.bands, perBand: p.perBand, maxShift, tuned: p.tuned, landmarks: p.landmarks });
    const minSpeedup = p.minSpeedup, maxAdv = p.maxTunedAdvantage;
    const worstRelaxed = Math.min(...bands.map((b) => b.relaxedSpeedup));
    const farHalf = bands.slice(Math.floor(bands.length / 2));
    const total = (bs: typeof bands, f: (b: (typeof bands)[number]) => number) => bs.reduce((a, b) => a + f(b), 0);
    const farAdvantage = total(farHalf, (b) => b.relaxed) / total(farHalf, (b) => b.tuned);
    const far = bands[bands.length - 1];
    const near = bands[0];
    const relaxedKeeps = worstRelaxed >= minSpeedup;
    const tunedLoses = farAdvantage < maxAdv;
    const f = (x: number) => x.toFixed(2);
    const summary = relaxedKeeps && tunedLoses
      ? `On ${map.name} the relaxation heuristic kept a speedup of at least ${f(worstRelaxed)}× in every band, while the heuristic tuned for one goal region (${p.tuned}, ${p.landmarks} landmark${p.landmarks > 1 ? 's' : ''}) went from ${f(near.tunedAdvantage)}× the relaxation's savings at its region to ${f(farAdvantage)}× for goals in the far half of the map (shift ${farHalf[0].shift.toFixed(0)}–${far.shift.toFixed(0)}): retargeting cost it its tuning, not its correctness.`
      : !relaxedKeeps
        ? `On ${map.name} the relaxation heuristic's speedup fell to ${f(worstRelaxed)}× (below ${minSpeedup}) in some band: dropping the walls tells A* little here, so the environment decides how much a goal-agnostic heuristic helps.`
        : `The heuristic tuned for one goal region (${p.tuned}) still saved ${f(farAdvantage)}× over the relaxation for goals in the far half (shift ${farHalf[0].shift.toFixed(0)}–${far.shift.toFixed(0)}): a goal-specific heuristic that takes its goal kept its advantage after retargeting.`;
    return {
      verdict: relaxedKeeps && tunedLoses ? 'supported' : 'not supported',
      summary,
      numbers: {
        worstRelaxedSpeedup: worstRelaxed, nearTunedAdvantage: near.tunedAdvantage, farTunedAdvantage: farAdvantage,
        nearTunedSpeedup: near.tunedSpeedup, farTunedSpeedup: far.tunedSpeedup,
        nearTableSpeedup: near.tableSpeedup, farTableSpeedup: far.tableSpeedup,
        farShift: far.shift, queries: bands.reduce((a, b) => a + b.queries, 0),
      },
      rows: bands.map((b) => ({ ...b })),
      chart: lineChart(bands.flatMap((b) => [
        { shift: Math.round(b.shift * 10) / 10, heuristic: 'relaxation (octile)', speedup: b.relaxedSpeedup },
        { shift: Math.round(b.shift * 10) / 10, heuristic: `tuned: ${p.tuned}`, speedup: b.tunedSpeedup },
        { shift: Math.round(b.shift * 10) / 10, heuristic: 'goal table (ignores its goal)', speedup: b.tableSpeedup },
      ]), {
        x: 'shift', y: 'speedup', color: 'heuristic', logY: true,
        xTitle: 'distance of the new goal from the tuned goal', yTitle: 'speedup over uniform-cost (×)',
        title: `A* speedup as the goal moves (${map.name})`,
        description: 'Uniform-cost expansions divided by A* expansions, per band of goal distance from the goal region a heuristic was tuned for; relaxation = octile distance (walls dropped), tuned = ALT landmarks placed in that region (takes the goal), goal table = exact distances to one goal (ignores the goal; contrast only).',
      }),
    };
  },
});

/**
 * Notebook 02: a pattern database built for one goal, used for another, loses its speed-up as the
 * new goal moves away (unless the environment's symmetries carry it over), while a rebuilt one
 * keeps it at the price of the build.
 */
defineClaim({
  id: '02-pdb-goal-specific',
  title: 'A pattern database built for one goal loses its speed-up when the search is retargeted',
  notebook: '02-heuristics-from-relaxation',
  kind: 'empirical',
  source: {
    who: 'comment',
    thread: THREAD,
    paraphrase: 'A commenter argues that retargeting A* means changing its heuristic too, because A* heuristics are specific to the setting and the goal; the strongest puzzle heuristics, pattern databases, are tables of costs to one goal.',
    quote: 'A* heuristics are incredibly specific to the setting and goal',
  },
  claim: 'A pattern database built for one goal of the 8-puzzle, still used after the search is pointed at another goal (it takes the new goal as an argument), keeps no useful advantage over the goal-agnostic Manhattan distance once the new goal is far from the built one; only a database rebuilt for the new goal gets the speed-up back, at the cost of the build.',
  criterion: 'A 4-4 pattern database that keeps the blank\'s cell (a metric) is built for the blank-first goal. New goals are drawn in bands of true distance (moves) from it; starts are uniform random boards; IDA* expansions are counted with Manhattan distance, with the old database reused for the new goal (`differential`: the larger of Manhattan and Σ|T(s) − T(g)| through the built goal; `symmetry`: also the table itself through a rotation, mirror and renaming of tiles that sends the new goal\'s blank to the built goal\'s blank cell), and with a database rebuilt for the new goal. Advantage = Manhattan expansions ÷ expansions (totals). Supported if the reused database\'s advantage over the far half of the bands is below maxReuseAdvantage while the rebuilt one\'s is at least that (so the loss is the goal\'s doing, not a useless database); otherwise not supported.',
  params: {
    reuse: { default: 'differential', description: 'how the database built for one goal serves another: through the triangle inequality only, or also through the board\'s symmetries', choices: ['differential', 'symmetry'] },
    bands: { default: 6, description: 'bands of distance of the new goal from the built goal', min: 2, max: 16, integer: true },
    perBand: { default: 8, description: 'queries (new goal, random start) per band', min: 1, max: 100, integer: true },
    maxShift: { default: 0, description: 'farthest a new goal may be from the built goal, in moves (0 = any distance)', min: 0, max: 31, integer: true },
    seed: { default: 1, description: 'seed of the goals and starts', integer: true },
    maxReuseAdvantage: { default: 1.2, description: 'the reused database counts as having lost its speed-up when it saves less than this factor over Manhattan far from its goal', min: 1 },
  },
  run: (p) => {
    const { bands, rows, buildSeconds } = pdbGoalShiftExperiment({ reuse: p.reuse, bands: p.bands, perBand: p.perBand, maxShift: p.maxShift, seed: p.seed });
    const farHalf = bands.slice(Math.floor(bands.length / 2));
    const total = (bs: typeof bands, f: (b: (typeof bands)[number]) => number) => bs.reduce((a, b) => a + f(b), 0);
    const farReuse = total(farHalf, (b) => b.manhattan) / total(farHalf, (b) => b.reused);
    const farRebuilt = total(farHalf, (b) => b.manhattan) / total(farHalf, (b) => b.rebuilt);
    const near = bands[0];
    const farRows = rows.filter((r) => farHalf.some((b) => b.band === r.band));
    const farSymmetric = farRows.filter((r) => r.symmetric).length / Math.max(1, farRows.length);
    const buildExpanded = rows[0].buildExpanded;
    const m = total(bands, (b) => b.manhattan), f = total(bands, (b) => b.rebuilt);
    const breakEven = buildExpanded / Math.max(1e-9, (m - f) / rows.length);
    const lost = farReuse < p.maxReuseAdvantage;
    const rebuiltHelps = farRebuilt >= p.maxReuseAdvantage;
    const x = (v: number) => v.toFixed(2);
    const span = `goals ${farHalf[0].shift.toFixed(0)}–${farHalf[farHalf.length - 1].shift.toFixed(0)} moves from the built one`;
    const rebuildCost = `A rebuild costs ${buildExpanded.toLocaleString('en-US')} abstract states (about ${breakEven.toFixed(0)} searches' worth of the nodes it saves).`;
    const summary = lost && rebuiltHelps
      ? `Reused for a new goal (${p.reuse}), the database built for one goal went from ${x(near.reuseAdvantage)}× Manhattan's savings near its goal to ${x(farReuse)}× for ${span}, while one rebuilt for each new goal kept ${x(farRebuilt)}×: retargeting cost it its speed-up, not its correctness. ${rebuildCost}`
      : !rebuiltHelps
        ? `Even a database rebuilt for each new goal saved only ${x(farRebuilt)}× over Manhattan for ${span}: here the pattern database is not much of a heuristic, so the question of losing it does not arise.`
        : `Reused for a new goal (${p.reuse}), the database built for one goal still saved ${x(farReuse)}× over Manhattan for ${span} (a rebuilt one: ${x(farRebuilt)}×)${p.reuse === 'symmetry' ? `; the board's symmetries carried it to ${Math.round(farSymmetric * 100)}% of those goals, where it is as strong as a rebuilt table` : ''}: it kept part of its speed-up after retargeting. ${rebuildCost}`;
    return {
      verdict: lost && rebuiltHelps ? 'supported' : 'not supported',
      summary,
      numbers: {
        nearReuseAdvantage: near.reuseAdvantage, farReuseAdvantage: farReuse, farRebuiltAdvantage: farRebuilt,
        farSymmetricShare: farSymmetric, buildExpanded, buildSeconds, breakEvenSearches: breakEven, queries: rows.length,
      },
      rows: bands.map((b) => ({ ...b })),
      chart: lineChart(bands.flatMap((b) => [
        { shift: Math.round(b.shift * 10) / 10, heuristic: `database built for the blank-first goal, reused (${p.reuse})`, advantage: b.reuseAdvantage },
        { shift: Math.round(b.shift * 10) / 10, heuristic: 'database rebuilt for the new goal', advantage: b.rebuiltAdvantage },
        { shift: Math.round(b.shift * 10) / 10, heuristic: 'Manhattan (goal-agnostic relaxation)', advantage: 1 },
      ]), {
        x: 'shift', y: 'advantage', color: 'heuristic', logY: true,
        xTitle: 'moves from the built goal to the new goal', yTitle: 'IDA* nodes saved over Manhattan (×)',
        title: 'A pattern database, retargeted: reused vs rebuilt (8-puzzle)',
        description: 'Manhattan expansions divided by expansions with each heuristic, per band of true distance of the new goal from the goal the database was built for.',
      }),
    };
  },
});

/** Notebook 02: relaxing a problem gives admissible (and consistent) heuristics. */
defineClaim({
  id: '02-relaxation-admissible',
  title: 'Heuristics derived by relaxation are admissible',
  notebook: '02-heuristics-from-relaxation',
  kind: 'theorem',
  source: {
    who: 'comment',
    thread: THREAD,
    paraphrase: 'A commenter points to relaxation as the standard way to generate heuristics for A*: solve the problem with some constraints dropped and use that cost as the estimate.',
  },
  claim: 'The cost of a relaxed problem (some constraints of the rules dropped) never overestimates the true cost, so the derived heuristic is admissible and consistent — for every goal.',
  criterion: 'For every way of dropping constraints of an octile MovingAI-style grid (walls, no-corner-cutting, both) and of the 8-puzzle (blank-only, adjacent-only, both), checkHeuristic on sampled (state, goal) pairs finds no admissibility violation; the heuristic is multiplied by `weight` first. Supported if all six pass; otherwise not supported.',
  params: {
    weight: { default: 1, description: 'multiplies every derived heuristic (1 = as derived)', min: 0.1, max: 10 },
    samples: { default: 60, description: '(state, goal) pairs per relaxation', min: 1, max: 2000, integer: true },
    size: { default: 32, description: 'grid map width and height', min: 9, max: 128, integer: true },
    seed: { default: 1, description: 'seed of the map and the samples', integer: true },
  },
  run: (p) => {
    const { rows, points } = checkRelaxations({ weight: p.weight, samples: p.samples, size: p.size, seed: p.seed });
    const bad = rows.filter((r) => !r.admissible);
    const pairs = rows.reduce((a, r) => a + r.samples, 0);
    return {
      verdict: bad.length === 0 ? 'supported' : 'not supported',
      summary: bad.length === 0
        ? `All ${rows.length} relaxations stayed at or below the true distance on ${pairs} sampled (state, goal) pairs${rows.every((r) => r.consistent) ? ', and were consistent along every move checked' : ''}.`
        : `${bad.length} of ${rows.length} heuristics overestimated somewhere (${bad.map((r) => `${r.dropped} on ${r.problem}: ${r.admissibilityViolations} pairs`).join('; ')}): with weight ${p.weight} they are no longer the cost of a relaxed problem.`,
      numbers: {
        relaxations: rows.length, admissible: rows.length - bad.length, pairs,
        violations: rows.reduce((a, r) => a + r.admissibilityViolations, 0),
        consistent: rows.filter((r) => r.consistent).length,
      },
      rows: rows.map((r) => ({ ...r })),
      chart: scatter(points, {
        x: 'trueDistance', y: 'h', color: 'relaxation', diagonal: true,
        xTitle: 'true distance', yTitle: `derived heuristic${p.weight === 1 ? '' : ` × ${p.weight}`}`,
        title: 'Relaxation heuristics against the true distance',
        description: 'Each point is a sampled (state, goal) pair; an admissible heuristic stays on or below the diagonal.',
      }),
    };
  },
});
