import { defineClaim } from '../../lib/claims/ledger';
import { lineChart } from '../../lib/viz/line-chart';
import { scatter } from '../../lib/viz/scatter';
import { checkRelaxations, goalShiftExperiment, relaxationTestMap } from './experiment';

const THREAD = '"A* heuristics are specific to the setting and goal" vs "relaxation generates heuristics"';

/**
 * Notebook 02: heuristics derived by relaxation are goal-agnostic (they keep their speedup when the
 * goal moves), unlike a table of distances to one goal.
 */
defineClaim({
  id: '02-relaxation-goal-agnostic',
  title: 'Relaxation heuristics depend on the environment, not the goal',
  notebook: '02-heuristics-from-relaxation',
  source: {
    who: 'comment',
    thread: THREAD,
    paraphrase: 'Answering the worry that retargeting A* means rebuilding its heuristic, a commenter replies that relaxation generates heuristics automatically, and that they tend to depend on the environment but not on the goal.',
    quote: 'those heuristics tend to depend on the environment but not on the goal',
  },
  claim: 'A* with a heuristic derived by dropping the walls keeps its speedup over uniform-cost search wherever the goal is moved, while A* with an exact distance table built for one goal loses its speedup once the goal moves away from that goal.',
  criterion: 'On a MovingAI-format map (octile, no corner cutting), goals are drawn in bands of distance from the table\'s goal. Supported if the relaxation heuristic\'s speedup (uniform-cost expansions ÷ A* expansions, totals per band) is at least minSpeedup in EVERY band AND the goal table\'s speedup in the farthest band is below maxTableSpeedup; otherwise not supported.',
  params: {
    map: { default: 'rooms', description: 'map generator', choices: ['rooms', 'obstacles', 'maze'] },
    size: { default: 48, description: 'map width and height', min: 16, max: 256, integer: true },
    seed: { default: 3, description: 'seed of the map, starts and goals', integer: true },
    bands: { default: 6, description: 'bands of distance from the table\'s goal', min: 2, max: 20, integer: true },
    perBand: { default: 6, description: 'queries per band', min: 1, max: 100, integer: true },
    maxShift: { default: 0, description: 'farthest a new goal may be from the table\'s goal (0 = anywhere on the map)', min: 0 },
    minSpeedup: { default: 2, description: 'speedup the relaxation heuristic must keep in every band', min: 1 },
    maxTableSpeedup: { default: 1.2, description: 'the goal table counts as having lost its advantage below this speedup', min: 0 },
  },
  run: (p) => {
    const kind = p.map;
    const { map } = relaxationTestMap(kind, p.size, p.seed);
    const maxShift = p.maxShift > 0 ? p.maxShift : undefined;
    const { bands } = goalShiftExperiment({ map, seed: p.seed, bands: p.bands, perBand: p.perBand, maxShift });
    const minSpeedup = p.minSpeedup, maxTable = p.maxTableSpeedup;
    const worstRelaxed = Math.min(...bands.map((b) => b.relaxedSpeedup));
    const far = bands[bands.length - 1];
    const near = bands[0];
    const relaxedKeeps = worstRelaxed >= minSpeedup;
    const tableLoses = far.tableSpeedup < maxTable;
    const f = (x: number) => x.toFixed(2);
    const summary = relaxedKeeps && tableLoses
      ? `On ${map.name} the relaxation heuristic kept a speedup of at least ${f(worstRelaxed)}× in every band (goals up to ${far.shift.toFixed(0)} away from the table's goal), while the goal table went from ${f(near.tableSpeedup)}× near its goal to ${f(far.tableSpeedup)}× in the farthest band.`
      : !relaxedKeeps
        ? `On ${map.name} the relaxation heuristic's speedup fell to ${f(worstRelaxed)}× (below ${minSpeedup}) in some band: dropping the walls tells A* little here, so the environment decides how much a goal-agnostic heuristic helps.`
        : `The goal table still gave ${f(far.tableSpeedup)}× in the farthest band (goals ~${far.shift.toFixed(0)} away): the goal did not move far enough for the goal-specific heuristic to lose its advantage.`;
    return {
      verdict: relaxedKeeps && tableLoses ? 'supported' : 'not supported',
      summary,
      numbers: {
        worstRelaxedSpeedup: worstRelaxed, nearTableSpeedup: near.tableSpeedup, farTableSpeedup: far.tableSpeedup,
        farShift: far.shift, queries: bands.reduce((a, b) => a + b.queries, 0),
      },
      rows: bands.map((b) => ({ ...b })),
      chart: lineChart(bands.flatMap((b) => [
        { shift: Math.round(b.shift * 10) / 10, heuristic: 'relaxation', speedup: b.relaxedSpeedup },
        { shift: Math.round(b.shift * 10) / 10, heuristic: 'goal table', speedup: b.tableSpeedup },
      ]), {
        x: 'shift', y: 'speedup', color: 'heuristic', logY: true,
        xTitle: 'distance of the new goal from the table\'s goal', yTitle: 'speedup over uniform-cost (×)',
        title: `A* speedup as the goal moves (${map.name})`,
        description: 'Uniform-cost expansions divided by A* expansions, per band of goal distance from the goal the table was built for; relaxation = octile distance (walls dropped), goal table = exact distances to one goal.',
      }),
    };
  },
});

/** Notebook 02: relaxing a problem gives admissible (and consistent) heuristics. */
defineClaim({
  id: '02-relaxation-admissible',
  title: 'Heuristics derived by relaxation are admissible',
  notebook: '02-heuristics-from-relaxation',
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
