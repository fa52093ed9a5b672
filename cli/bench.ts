import * as path from 'node:path';
import { fail } from '../lib/core/errors';
import { projectRoot } from '../kernel/kernelspec';
import { formatBench, runBench } from '../bench/index';
import { formatCurriculumBench, runCurriculumBench } from '../bench/curriculum';
import { parseCommandArgs, printJson, type Command } from './command';

const MODULE = 'cli/bench';

/** Every message `retarget-lab bench` prints or throws. */
const text = {
  badOnly: (v: string) => `unknown --only "${v}"; use grid, puzzle, learned or curriculum.`,
  warmupAlone: () => '--warmup applies to --only curriculum; add --only curriculum.',
  curriculumFailed: (n: number) => `${n} notebook run(s) failed during the curriculum bench (see the table); fix them before reading the timings.`,
  disagree: () => 'some engines disagreed on path or solution lengths (see the table); this is a bug, not a speed issue.',
} as const;

const help = `Usage: retarget-lab bench [--quick] [--only grid|puzzle|learned|curriculum] [--warmup] [--json]

Measures, in one run and on the same queries:
  - grid pathfinding (octile, no corner cutting) queries/s: the specialised gridAstar and gridJps
    (jump point search) vs PathFinding.js's AStarFinder and JumpPointFinder (grid cloned per
    query), ngraph.path aStar and the generic astar over gridProblem, on seeded 512x512 maps with
    25% obstacles and the MovingAI-format maps bench/maps/rooms-256.map and rooms-512.map (best
    of 3 rounds each);
  - 15-puzzle IDA*: specialised vs generic nodes/s (Manhattan), the 6-6-3 pattern database's
    build time, and solve times with Manhattan, linear conflict and the PDB on Korf instances.
  - one training step of the learned recurrent searcher (bench/learned-step.ts): seconds and
    GFLOP/s of the typed-array conv forward + backward.
Every run checks that all engines find equal path lengths.

--only curriculum (not part of the default run; ~6 minutes on 2 cores) measures instead, through
the real CLI: kernel start-up (3 starts of a one-cell notebook: kernel ready, first import from
"retarget-lab"), then the whole curriculum's wall time with \`run --jobs 1\` and \`run --jobs 2\`,
their ratio, per-notebook times, and the load average before and after (other work on the
machine slows it down). With --quick: notebook 00 only, one kernel start.

  --quick   small maps and easy instances: a smoke test in ~15 s (numbers not meaningful)
  --only    run just one part
  --warmup  (curriculum) run the curriculum once, unmeasured, first, so caches are warm
  --json    one JSON object instead of the tables

Exit status: 0 ok, 1 lengths disagreed (or a notebook failed in the curriculum bench), 2 bad input. The full run takes about 2-3 minutes.`;

export const command: Command = {
  name: 'bench',
  summary: 'run the benchmarks in bench/ and print ratios against peers',
  help,
  async run(argv) {
    const { values } = parseCommandArgs('bench', argv, {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      json: { type: 'boolean', default: false },
      warmup: { type: 'boolean', default: false },
    }, false);
    const only = values.only;
    if (only !== undefined && only !== 'grid' && only !== 'puzzle' && only !== 'learned' && only !== 'curriculum') fail(MODULE, text.badOnly(only));
    if (values.warmup && only !== 'curriculum') fail(MODULE, text.warmupAlone());
    const json = values.json === true;
    if (only === 'curriculum') {
      const quick = values.quick === true;
      const b = await runCurriculumBench({
        warmup: values.warmup === true,
        kernelStarts: quick ? 1 : 3,
        notebooks: quick ? [path.join(projectRoot, 'notebooks', '00-welcome.ipynb')] : undefined,
        log: json ? undefined : (line) => process.stderr.write(`${line}\n`),
      });
      if (json) printJson(b);
      else process.stdout.write(`${formatCurriculumBench(b)}\n`);
      const failed = b.runs.reduce((s, r) => s + r.failed, 0);
      if (failed) process.stderr.write(`retarget-lab/${MODULE}: ${text.curriculumFailed(failed)}\n`);
      return failed ? 1 : 0;
    }
    const report = runBench({
      quick: values.quick === true, only,
      log: json ? undefined : (line) => process.stderr.write(`${line}\n`),
    });
    if (json) printJson(report);
    else process.stdout.write(`${formatBench(report)}\n`);
    if (!report.agree) process.stderr.write(`retarget-lab/${MODULE}: ${text.disagree()}\n`);
    return report.agree ? 0 : 1;
  },
};
