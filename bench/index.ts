/**
 * `npm run bench` (= `retarget-lab bench`): the grid and puzzle benchmarks in one run, printed as
 * a table with ratios, or as one JSON object with `--json`. Not a test: speeds depend on the
 * machine; correctness (equal path lengths) is checked on every run and reported in `agree`.
 */
import * as os from 'node:os';
import { runGridBench, type GridBenchCase } from './grid';
import { runPuzzleBench, type PuzzleBench } from './puzzle';
import { formatTable } from '../lib/core/format';
import { formatLearnedStepBench, runLearnedStepBench, type LearnedStepBench } from './learned-step';

export interface BenchReport {
  quick: boolean;
  machine: { cpu: string; cores: number; node: string; loadAverage: number[] };
  grid?: GridBenchCase[];
  puzzle?: PuzzleBench;
  learned?: LearnedStepBench[];
  agree: boolean;
  seconds: number;
}

export interface BenchOptions { quick?: boolean; only?: 'grid' | 'puzzle' | 'learned'; log?: (line: string) => void }

export function runBench(options: BenchOptions = {}): BenchReport {
  const t0 = performance.now();
  const quick = options.quick ?? false;
  const log = options.log ?? (() => undefined);
  const cpus = os.cpus();
  const report: BenchReport = {
    quick,
    machine: { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, node: process.version, loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100) },
    agree: true, seconds: 0,
  };
  if (options.only === undefined || options.only === 'learned') {
    log('learned: running …');
    report.learned = runLearnedStepBench({ quick });
  }
  if (options.only === undefined || options.only === 'grid') {
    log('grid: running …');
    report.grid = runGridBench({ quick });
    report.agree &&= report.grid.every((c) => c.agree);
  }
  if (options.only === undefined || options.only === 'puzzle') {
    log('puzzle: running …');
    report.puzzle = runPuzzleBench({ quick });
    report.agree &&= report.puzzle.agree;
  }
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}

const fmt = (x: number, digits = 1): string => (x >= 100 ? x.toFixed(0) : x.toFixed(digits));
const mega = (x: number): string => `${(x / 1e6).toFixed(2)} M`;

/** The report as readable tables. */
export function formatBench(report: BenchReport): string {
  const out: string[] = [];
  const m = report.machine;
  out.push(`retarget-lab bench${report.quick ? ' --quick' : ''}: ${m.cpu}, ${m.cores} cores, node ${m.node}, load average ${m.loadAverage.join(' ')}`);
  if (report.grid) {
    out.push('', `Grid pathfinding (octile, diagonal √2, no corner cutting); each engine runs all queries per round, best of ${report.quick ? 1 : 3} rounds (wall clock)`);
    out.push('A* ratio = gridAstar queries/s ÷ engine queries/s; JPS ratio = gridJps queries/s ÷ engine queries/s');
    const rows = [['map / engine', 'queries', 'queries/s', 'A* ratio', 'JPS ratio', 'setup s']];
    for (const c of report.grid) {
      rows.push([`${c.map}: ${c.queries} queries, mean length ${c.meanLength.toFixed(1)}, lengths agree: ${c.agree ? 'yes' : 'NO'}`, '', '', '', '', '']);
      for (const e of c.engines) {
        rows.push([`  ${e.engine}`, String(e.queries), fmt(e.queriesPerSecond), `${fmt(e.speedup)}x`, `${fmt(e.jpsSpeedup)}x`, e.setupSeconds.toFixed(2)]);
      }
    }
    out.push(formatTable(rows));
  }
  if (report.puzzle) {
    const p = report.puzzle;
    out.push('', '15-puzzle IDA*, Manhattan: specialised puzzleIdaStar vs generic idaStar over slidingPuzzleProblem (same instances)');
    out.push(formatTable([
      ['instance', 'length', 'generic nodes', 'generic cpu s', 'generic nodes/s', 'spec. nodes', 'spec. cpu s', 'spec. nodes/s', 'nodes/s ratio', 'time ratio'],
      ...p.genericVsSpecialised.map((r) => [
        r.instance, `${r.length}${r.genericLength === r.length ? '' : ` (generic ${r.genericLength})`}`,
        String(r.generic.generated), r.generic.seconds.toFixed(3), mega(r.generic.nodesPerSecond),
        String(r.specialised.generated), r.specialised.seconds.toFixed(4), mega(r.specialised.nodesPerSecond),
        `${fmt(r.nodeRateRatio)}x`, `${fmt(r.timeRatio)}x`,
      ]),
    ]));
    out.push('', `Pattern database ${p.pdb.partition}: built in ${p.pdb.buildSeconds.toFixed(2)} CPU s, ${(p.pdb.tableBytes / 1e6).toFixed(1)} MB of tables (solver used the ${p.pdb.source} copy)`);
    out.push('', 'Specialised IDA* by heuristic (generated nodes; length checked against the published/reference length)');
    out.push(formatTable([
      ['instance', 'heuristic', 'length', 'expected', 'generated', 'cpu s', 'nodes/s'],
      ...p.korf.map((r) => [r.instance, r.heuristic, String(r.length), String(r.publishedLength), String(r.generated), r.seconds.toFixed(3), mega(r.nodesPerSecond)]),
    ]));
  }
  if (report.learned) out.push('', formatLearnedStepBench(report.learned));
  out.push('', 'Grid times: wall clock, best round per engine, a full GC before each. Puzzle times: process CPU seconds (user + system).');
  out.push(`All lengths agree: ${report.agree ? 'yes' : 'NO'}; total ${report.seconds.toFixed(1)} s.`);
  return out.join('\n');
}
