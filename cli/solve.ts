import * as fs from 'node:fs';
import { fail } from '../lib/core/errors';
import { formatTable } from '../lib/core/format';
import { parseMap, parseScen, validateQuery } from '../lib/envs/movingai';
import { gridProblem, type Cell, type GridMap } from '../lib/envs/grid';
import {
  assertSolvable, parsePuzzle, puzzleGoal, slidingPuzzleProblem, type GoalConvention, type PuzzleMove, type PuzzleState,
} from '../lib/envs/sliding-puzzle';
import { createGridSearcher } from '../lib/search/grid-astar';
import { createJumpPointSearcher } from '../lib/search/grid-jps';
import { puzzleIdaStar, type PuzzleHeuristicName } from '../lib/search/puzzle-idastar';
import { astar } from '../lib/search/astar';
import { idaStar } from '../lib/search/ida-star';
import { uniformCost } from '../lib/search/uniform-cost';
import { greedyBestFirst } from '../lib/search/greedy-best-first';
import type { Budget, SearchResult } from '../lib/search/problem';
import { gridOctile } from '../lib/heuristics/grid';
import { linearConflict, puzzleManhattan } from '../lib/heuristics/puzzle';
import { loadOrBuildPatternDatabase, pdbHeuristic } from '../lib/heuristics/pdb';
import { parseCommandArgs, printJson, type Command } from './command';

const MODULE = 'cli/solve';

/** Every message `retarget-lab solve` prints or throws. */
const text = {
  noMode: () => 'give either --map F.map --scen F.scen (grid queries) or --tiles "…" (sliding puzzle); see `retarget-lab solve --help`.',
  bothModes: () => '--tiles cannot be combined with --map/--scen; run them separately.',
  needBoth: (missing: string) => `${missing} is missing; grid mode needs both --map F.map and --scen F.scen.`,
  unreadable: (flag: string, file: string, why: string) => `cannot read ${flag} file "${file}" (${why}); check the path.`,
  unknownAlgo: (mode: string, algo: string, allowed: readonly string[]) =>
    `unknown --algo "${algo}" for ${mode}; use one of: ${allowed.join(', ')}.`,
  unknownHeuristic: (h: string) => `unknown --heuristic "${h}"; use one of: manhattan, linear-conflict, pdb.`,
  unknownGoal: (g: string) => `unknown --goal "${g}"; use blank-first or blank-last.`,
  badNumber: (flag: string, v: string) => `${flag} must be a positive number, got "${v}".`,
  notGridFlag: (flag: string) => `${flag} only applies to puzzles (--tiles); remove it for grid queries.`,
  notAFile: (flag: string, file: string) => `${flag} "${file}" is not a regular file; give a .map/.scen file.`,
  tooBig: (flag: string, file: string, mib: number) => `${flag} "${file}" is ${mib} MiB, more than the ${MAX_INPUT_MIB} MiB this command reads; MovingAI files are far smaller.`,
  defaultBudget: (algo: string, n: number) =>
    `--algo ${algo} stopped at its default budget of ${n} expansions (the generic searchers keep every node in memory); pass --max-expansions N to allow more, or use the specialised --algo ${algo.includes('generic') || algo === 'astar' ? 'idastar (puzzles) / astar (grids)' : 'astar'}.`,
  outOfMemory: (algo: string, why: string) =>
    `--algo ${algo} ran out of memory (${why}); lower the problem size, pass a smaller --max-expansions, or use the specialised searcher.`,
  idastarSize: (size: number) =>
    `the specialised --algo idastar solves 3x3 and 4x4 puzzles, got a ${size}x${size}; use --algo astar or idastar-generic (generic, with a --max-expansions budget).`,
  emptyScen: (file: string) => `${file} holds no queries; add lines after "version 1".`,
  summary: (n: number, ok: number, algo: string, expanded: number, seconds: number, optimal: boolean) =>
    `${n} queries, ${ok} ${optimal ? 'matched the optimal length' : 'reached the goal'}, ${n - ok} failed; algo ${algo}, ${expanded} expansions, ${seconds.toFixed(3)} s.`,
  puzzleLine: (r: PuzzleOutput) =>
    `${r.status === 'found' ? `solved in ${r.length} moves` : `no solution within the budget (${r.status})`}; ${r.expanded} expanded, ${r.generated} generated, ${r.seconds.toFixed(3)} s${r.length !== null && r.moves.length ? `\nmoves: ${r.moves.join(' ')}` : ''}`,
} as const;

const GRID_ALGOS = ['astar', 'jps', 'astar-generic', 'uniform-cost', 'greedy'] as const;
/** Largest input file read, in MiB. */
const MAX_INPUT_MIB = 64;
/**
 * Expansions the generic searchers (which keep every generated node in JavaScript Maps) may make
 * unless --max-expansions says otherwise: about 1 GB of heap on a 15-puzzle.
 */
export const DEFAULT_GENERIC_EXPANSIONS = 1_000_000;
const GENERIC = new Set<string>(['astar-generic', 'uniform-cost', 'greedy', 'astar', 'idastar-generic']);
const OPTIMAL_GRID = new Set<string>(['astar', 'jps', 'astar-generic', 'uniform-cost']);
const PUZZLE_ALGOS = ['idastar', 'astar', 'idastar-generic'] as const;
const HEURISTICS = ['manhattan', 'linear-conflict', 'pdb'] as const;

const help = `Usage:
  retarget-lab solve --map F.map --scen F.scen [--algo ${GRID_ALGOS.join('|')}] [--json]
  retarget-lab solve --tiles "14 13 15 7 …" [--goal blank-first|blank-last]
                     [--algo ${PUZZLE_ALGOS.join('|')}] [--heuristic ${HEURISTICS.join('|')}] [--json]

Grid mode runs every query of a MovingAI scenario on its map (octile moves, diagonal cost √2, no
corner cutting) and compares the cost with the scenario's optimal length.
  --algo astar          specialised typed-array A* (default)
  --algo jps            jump point search (same optimal costs; expanded counts jump points)
  --algo astar-generic  the generic astar over gridProblem with the octile heuristic
  --algo uniform-cost   Dijkstra over gridProblem
  --algo greedy         greedy best-first (not optimal: only reaching the goal is checked)
  --json                one JSON line per query: {bucket, start, goal, expected, cost, expanded, ok}

Puzzle mode solves one sliding puzzle (Korf's format, row-major, 0 = blank; 9 or 16 tiles).
  --goal G              blank-first (0 1 2 …, default) or blank-last (1 2 … 0)
  --algo idastar        specialised IDA* (default); astar / idastar-generic: the generic searchers
  --heuristic H         manhattan (default), linear-conflict, or pdb (additive 6-6-3 pattern
                        database, built once into build/pdb/)
  --max-expansions N    stop after N expansions (reported as status "budget")
  --json                {status, length, moves, expanded, generated, seconds}

Exit status: 0 ok; 1 an optimal algorithm's cost differs from the scenario by more than 1e-6, a
query was not solved, or the budget ran out; 2 bad input (file, line or value named).`;

interface QueryOutput {
  bucket: number; start: Cell; goal: Cell; expected: number; cost: number | null; expanded: number; ok: boolean;
}

interface PuzzleOutput {
  status: string; length: number | null; moves: string[]; expanded: number; generated: number; seconds: number;
}

function readText(flag: string, file: string): string {
  let st: fs.Stats | undefined;
  try { st = fs.statSync(file); } catch { /* reported by the read below */ }
  if (st && !st.isFile()) fail(MODULE, text.notAFile(flag, file));
  if (st && st.size > MAX_INPUT_MIB * 1024 * 1024) fail(MODULE, text.tooBig(flag, file, Math.round(st.size / 1024 / 1024)));
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    return fail(MODULE, text.unreadable(flag, file, (err as NodeJS.ErrnoException).code ?? (err as Error).message));
  }
}

function positive(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!(n > 0) || !Number.isFinite(n)) fail(MODULE, text.badNumber(flag, v));
  return n;
}

/** 1-based line numbers of the query lines of a .scen text (parseScen skips blank lines). */
function queryLines(scenText: string): number[] {
  const out: number[] = [];
  scenText.replace(/\r\n?/g, '\n').split('\n').forEach((l, i) => { if (i > 0 && l.trim() !== '') out.push(i + 1); });
  return out;
}

/** Whether `algo` is one of the generic searchers (every node kept in memory). */
export function isGeneric(puzzle: boolean, algo: string): boolean {
  return puzzle ? algo !== 'idastar' : GENERIC.has(algo) && algo !== 'astar';
}

/** The budget a search runs with: the one given, else the default for generic searchers, else none. */
export function solveBudget(puzzle: boolean, algo: string, given?: Budget): Budget | undefined {
  return given ?? (isGeneric(puzzle, algo) ? { maxExpansions: DEFAULT_GENERIC_EXPANSIONS } : undefined);
}

/** The last search's status ('budget' when a budget ran out). */
let lastStatus = '';

function solveGrid(mapFile: string, scenFile: string, algo: string, json: boolean, budget: Budget | undefined): number {
  if (!(GRID_ALGOS as readonly string[]).includes(algo)) fail(MODULE, text.unknownAlgo('grid queries', algo, GRID_ALGOS));
  const map: GridMap = parseMap(readText('--map', mapFile), mapFile);
  const scenText = readText('--scen', scenFile);
  const queries = parseScen(scenText, scenFile);
  if (queries.length === 0) fail(MODULE, text.emptyScen(scenFile));
  const lineOf = queryLines(scenText);
  queries.forEach((q, i) => validateQuery(map, q, `${scenFile}:${lineOf[i]}`));
  const optimal = OPTIMAL_GRID.has(algo);
  const searcher = algo === 'astar' ? createGridSearcher(map, 'octile') : algo === 'jps' ? createJumpPointSearcher(map) : null;
  const problem = searcher ? null : gridProblem(map, 'octile');
  const t0 = performance.now();
  const rows: QueryOutput[] = [];
  for (const q of queries) {
    let r: SearchResult<Cell, string>;
    if (searcher) r = searcher.search(q.start, q.goal, budget);
    else if (algo === 'astar-generic') r = astar(problem!, q.start, q.goal, { heuristic: gridOctile, budget });
    else if (algo === 'uniform-cost') r = uniformCost(problem!, q.start, q.goal, { budget });
    else r = greedyBestFirst(problem!, q.start, q.goal, { heuristic: gridOctile, budget });
    const cost = r.status === 'found' ? r.cost : null;
    if (r.status === 'budget') lastStatus = 'budget';
    const ok = cost !== null && (!optimal || Math.abs(cost - q.optimal) <= 1e-6);
    const row = { bucket: q.bucket, start: q.start, goal: q.goal, expected: q.optimal, cost, expanded: r.stats.expanded, ok };
    rows.push(row);
    if (json) printJson(row);
  }
  const seconds = (performance.now() - t0) / 1000;
  const okCount = rows.filter((r) => r.ok).length;
  if (!json) {
    const table = [['bucket', 'start', 'goal', 'expected', 'cost', 'expanded', 'ok'], ...rows.map((r) => [
      String(r.bucket), `${r.start.x},${r.start.y}`, `${r.goal.x},${r.goal.y}`, r.expected.toFixed(6),
      r.cost === null ? '-' : r.cost.toFixed(6), String(r.expanded), r.ok ? 'yes' : 'NO',
    ])];
    process.stdout.write(`${formatTable(table)}\n`);
    const expanded = rows.reduce((s, r) => s + r.expanded, 0);
    process.stdout.write(`${text.summary(rows.length, okCount, algo, expanded, seconds, optimal)}\n`);
  }
  return okCount === rows.length ? 0 : 1;
}

function solvePuzzle(tiles: string, goalName: string, algo: string, heuristic: string, json: boolean, budget: Budget | undefined): number {
  if (goalName !== 'blank-first' && goalName !== 'blank-last') fail(MODULE, text.unknownGoal(goalName));
  if (!(PUZZLE_ALGOS as readonly string[]).includes(algo)) fail(MODULE, text.unknownAlgo('puzzles', algo, PUZZLE_ALGOS));
  if (!(HEURISTICS as readonly string[]).includes(heuristic)) fail(MODULE, text.unknownHeuristic(heuristic));
  const start: PuzzleState = parsePuzzle(tiles);
  const goal = puzzleGoal(start.size, goalName as GoalConvention);
  assertSolvable(start, goal);
  let r: SearchResult<PuzzleState, PuzzleMove>;
  if (algo === 'idastar' && start.size !== 3 && start.size !== 4) fail(MODULE, text.idastarSize(start.size));
  if (algo === 'idastar') {
    r = puzzleIdaStar(start, goal, { heuristic: heuristic as PuzzleHeuristicName, budget });
  } else {
    const h = heuristic === 'manhattan' ? puzzleManhattan : heuristic === 'linear-conflict' ? linearConflict
      : pdbHeuristic(loadOrBuildPatternDatabase(goal));
    const problem = slidingPuzzleProblem(start.size);
    r = (algo === 'astar' ? astar : idaStar)(problem, start, goal, { heuristic: h, budget });
  }
  const out: PuzzleOutput = {
    status: r.status, length: r.status === 'found' ? r.cost : null, moves: r.status === 'found' ? r.actions : [],
    expanded: r.stats.expanded, generated: r.stats.generated, seconds: r.stats.seconds,
  };
  lastStatus = out.status;
  if (json) printJson(out);
  else process.stdout.write(`${text.puzzleLine(out)}\n`);
  return out.status === 'found' ? 0 : 1;
}

export const command: Command = {
  name: 'solve',
  summary: 'run a search on a grid map/scenario or a sliding puzzle',
  help,
  async run(argv) {
    const { values } = parseCommandArgs('solve', argv, {
      map: { type: 'string' },
      scen: { type: 'string' },
      tiles: { type: 'string' },
      goal: { type: 'string' },
      algo: { type: 'string' },
      heuristic: { type: 'string' },
      'max-expansions': { type: 'string' },
      json: { type: 'boolean', default: false },
    }, false);
    const given = values['max-expansions'] !== undefined
      ? { maxExpansions: positive('--max-expansions', values['max-expansions']) } : undefined;
    const json = values.json === true;
    const puzzle = values.tiles !== undefined;
    const algo = values.algo ?? (puzzle ? 'idastar' : 'astar');
    const generic = isGeneric(puzzle, algo);
    const budget = solveBudget(puzzle, algo, given);
    const guarded = (run: () => number): number => {
      let code: number;
      try {
        code = run();
      } catch (err) {
        if (err instanceof RangeError) fail(MODULE, text.outOfMemory(algo, err.message));
        throw err;
      }
      if (code !== 0 && !given && generic && lastStatus === 'budget') process.stderr.write(`retarget-lab/${MODULE}: ${text.defaultBudget(algo, DEFAULT_GENERIC_EXPANSIONS)}\n`);
      return code;
    };
    if (puzzle) {
      if (values.map !== undefined || values.scen !== undefined) fail(MODULE, text.bothModes());
      return guarded(() => solvePuzzle(values.tiles!, values.goal ?? 'blank-first', algo, values.heuristic ?? 'manhattan', json, budget));
    }
    if (values.map === undefined && values.scen === undefined) fail(MODULE, text.noMode());
    if (values.map === undefined) fail(MODULE, text.needBoth('--map'));
    if (values.scen === undefined) fail(MODULE, text.needBoth('--scen'));
    for (const flag of ['goal', 'heuristic'] as const) if (values[flag] !== undefined) fail(MODULE, text.notGridFlag(`--${flag}`));
    return guarded(() => solveGrid(values.map!, values.scen!, algo, json, budget));
  },
};
