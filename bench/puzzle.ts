/**
 * 15-puzzle IDA* side by side: the specialised `puzzleIdaStar` (lib/search/puzzle-idastar.ts)
 * against the generic `idaStar` over `slidingPuzzleProblem` (same Manhattan heuristic, same
 * instances, same solution lengths), then the specialised solver with Manhattan, linear conflict
 * and the additive 6-6-3 pattern database on instances from Korf's 100 (Korf 1985), each length
 * confirmed by two different heuristics.
 */
import { idaStar } from '../lib/search/ida-star';
import { puzzleIdaStar, type PuzzleHeuristicName } from '../lib/search/puzzle-idastar';
import { buildPatternDatabase, type PatternDatabase } from '../lib/heuristics/pdb';
import { puzzleManhattan } from '../lib/heuristics/puzzle';
import { parsePuzzle, puzzleGoal, randomPuzzle, slidingPuzzleProblem, type PuzzleState } from '../lib/envs/sliding-puzzle';

/** Instances of Korf's 100 with their published optimal lengths. */
export const KORF_INSTANCES = [
  { name: 'Korf #1', tiles: '14 13 15 7 11 12 9 5 6 0 2 1 4 8 10 3', length: 57 },
  { name: 'Korf #2', tiles: '13 5 4 10 9 12 8 14 2 3 7 1 0 15 11 6', length: 55 },
  { name: 'Korf #4', tiles: '5 12 10 7 15 11 14 0 8 2 1 13 3 4 9 6', length: 56 },
] as const;

export interface GenericVsSpecialisedRow {
  instance: string;
  length: number;
  genericLength: number;
  /** `seconds` are process CPU seconds (user + system), robust to a busy machine. */
  generic: { generated: number; seconds: number; nodesPerSecond: number };
  specialised: { generated: number; seconds: number; nodesPerSecond: number };
  /** specialised nodes/s ÷ generic nodes/s. */
  nodeRateRatio: number;
  /** generic seconds ÷ specialised seconds. */
  timeRatio: number;
}

export interface KorfRow {
  instance: string;
  publishedLength: number;
  heuristic: PuzzleHeuristicName;
  length: number;
  expanded: number;
  generated: number;
  seconds: number;
  nodesPerSecond: number;
}

export interface PuzzleBench {
  genericVsSpecialised: GenericVsSpecialisedRow[];
  pdb: { partition: string; buildSeconds: number; tableBytes: number; source: 'built' | 'loaded' };
  korf: KorfRow[];
  /** All lengths agree: generic = specialised, every heuristic = published length. */
  agree: boolean;
}

export interface PuzzleBenchOptions { quick?: boolean }

function rate(generated: number, seconds: number): number {
  return seconds > 0 ? generated / seconds : 0;
}

/** Runs `fn` and returns its value with the process CPU seconds (user + system) it used. */
function cpuTimed<T>(fn: () => T): [T, number] {
  const c0 = process.cpuUsage();
  const value = fn();
  const c = process.cpuUsage(c0);
  return [value, (c.user + c.system) / 1e6];
}

/** Runs the puzzle benchmark (about 40 s; `quick` uses short random walks, a 5-5-5 PDB and no Korf instances). */
export function runPuzzleBench(options: PuzzleBenchOptions = {}): PuzzleBench {
  const quick = options.quick ?? false;
  const goal = puzzleGoal(4, 'blank-first');
  const problem = slidingPuzzleProblem(4);
  let agree = true;

  // 1. Generic vs specialised on the same instances (random walks the generic solver finishes).
  const walks = quick ? [24, 28] : [44, 46, 48];
  const genericVsSpecialised = walks.map((walk, i) => {
    const start = randomPuzzle(4, { seed: `bench/puzzle/${i}`, walk, goal });
    const [g, gSeconds] = cpuTimed(() => idaStar(problem, start, goal, { heuristic: puzzleManhattan }));
    puzzleIdaStar(start, goal); // warm-up
    const [s, sSeconds] = cpuTimed(() => puzzleIdaStar(start, goal));
    const genericLength = g.status === 'found' ? g.cost : -1;
    const length = s.status === 'found' ? s.cost : -1;
    if (genericLength !== length || length < 0) agree = false;
    const gRate = rate(g.stats.generated, gSeconds), sRate = rate(s.stats.generated, sSeconds);
    return {
      instance: `random walk ${walk} (seed ${i})`, length, genericLength,
      generic: { generated: g.stats.generated, seconds: gSeconds, nodesPerSecond: gRate },
      specialised: { generated: s.stats.generated, seconds: sSeconds, nodesPerSecond: sRate },
      nodeRateRatio: sRate / gRate, timeRatio: gSeconds / sSeconds,
    };
  });

  // 2. The pattern database: build time measured fresh; the solver then uses the cached copy.
  let pdb: PatternDatabase;
  let buildSeconds: number;
  // (the CLI and notebooks use loadOrBuildPatternDatabase, which caches this under build/pdb/)
  if (quick) {
    [pdb, buildSeconds] = cpuTimed(() => buildPatternDatabase(goal, { partition: '5-5-5' }));
  } else {
    [pdb, buildSeconds] = cpuTimed(() => buildPatternDatabase(goal));
  }
  const tableBytes = pdb.tables.reduce((s, t) => s + t.length, 0);

  // 3. Korf instances with each heuristic (quick: two random walks stand in).
  const instances: { name: string; start: PuzzleState; length: number }[] = quick
    ? [30, 34].map((walk, i) => {
      const start = randomPuzzle(4, { seed: `bench/puzzle/quick/${i}`, walk, goal });
      const ref = puzzleIdaStar(start, goal, { heuristic: 'linear-conflict' });
      return { name: `random walk ${walk}`, start, length: ref.status === 'found' ? ref.cost : -1 };
    })
    : KORF_INSTANCES.map((k) => ({ name: k.name, start: parsePuzzle(k.tiles, 4), length: k.length }));
  const korf: KorfRow[] = [];
  for (const inst of instances) {
    for (const heuristic of ['manhattan', 'linear-conflict', 'pdb'] as const) {
      const [r, seconds] = cpuTimed(() => puzzleIdaStar(inst.start, goal, { heuristic, pdb }));
      const length = r.status === 'found' ? r.cost : -1;
      if (length !== inst.length) agree = false;
      korf.push({
        instance: inst.name, publishedLength: inst.length, heuristic, length,
        expanded: r.stats.expanded, generated: r.stats.generated, seconds, nodesPerSecond: rate(r.stats.generated, seconds),
      });
    }
  }
  return {
    genericVsSpecialised,
    pdb: { partition: quick ? '5-5-5' : '6-6-3', buildSeconds, tableBytes, source: pdb.source },
    korf, agree,
  };
}
