import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const fixtures = 'tests/fixtures/solve';

interface Run { code: number; stdout: string; stderr: string }

/** Runs `retarget-lab <args>` as a child process from the package root. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/retarget-lab.js', ...args], { cwd: root, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const grid = (scen: string, ...more: string[]) =>
  cli('solve', '--map', `${fixtures}/tiny.map`, '--scen', `${fixtures}/${scen}`, ...more);

describe('retarget-lab solve (grid)', () => {
  it('prints one JSON line per query, all matching the scenario optimum, for every optimal algorithm', async () => {
    const runs = await Promise.all(['astar', 'jps', 'astar-generic', 'uniform-cost'].map((algo) => grid('tiny.map.scen', '--algo', algo, '--json')));
    const costs = runs.map((r) => {
      expect(r.code).toBe(0);
      const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(rows).toHaveLength(6);
      for (const row of rows) {
        expect(Object.keys(row)).toEqual(['bucket', 'start', 'goal', 'expected', 'cost', 'expanded', 'ok']);
        expect(row.ok).toBe(true);
        expect(Math.abs(row.cost - row.expected)).toBeLessThanOrEqual(1e-6);
      }
      return rows.map((row: { cost: number }) => row.cost);
    });
    expect(costs[1]).toEqual(costs[0]);
    expect(costs[2]).toEqual(costs[0]);
    expect(costs[3]).toEqual(costs[0]);
  });

  it('prints a table and a summary line without --json', async () => {
    const r = await grid('tiny.map.scen');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/bucket\s+start\s+goal\s+expected\s+cost\s+expanded\s+ok/);
    expect(r.stdout).toMatch(/6 queries, 6 matched the optimal length, 0 failed; algo astar/);
  });

  it('exits 1 when the scenario states a wrong optimal length', async () => {
    const r = await grid('wrong-optimal.scen', '--json');
    expect(r.code).toBe(1);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.filter((row) => !row.ok)).toEqual([expect.objectContaining({ expected: 6.5, cost: 7 })]);
  });

  it('greedy is only held to reaching the goal', async () => {
    const r = await grid('tiny.map.scen', '--algo', 'greedy', '--json');
    expect(r.code).toBe(0);
  });

  const bad: [string, () => Promise<Run>, RegExp][] = [
    ['malformed map character', () => cli('solve', '--map', `${fixtures}/bad-char.map`, '--scen', `${fixtures}/tiny.map.scen`), /bad-char\.map:7: unknown terrain "x"/],
    ['short map row', () => cli('solve', '--map', `${fixtures}/bad-row.map`, '--scen', `${fixtures}/tiny.map.scen`), /bad-row\.map:8: map row has 9 characters/],
    ['scen line with 8 columns', () => grid('bad-columns.scen'), /bad-columns\.scen:3: expected 9 columns/],
    ['scen number that is not a number', () => grid('bad-number.scen'), /bad-number\.scen:4: column startX must be a decimal integer, got "abc"/],
    ['scen for a map of other dimensions', () => grid('wrong-size.scen'), /wrong-size\.scen:2: .*12x6 but the map given is 10x6/],
    ['start on a blocked cell', () => grid('blocked.scen'), /blocked\.scen:3: start \(1, 1\) is on a blocked cell/],
    ['goal out of range', () => grid('outside.scen'), /outside\.scen:2: goal \(10, 5\) is outside the 10x6 map/],
    ['missing map file', () => cli('solve', '--map', `${fixtures}/nope.map`, '--scen', `${fixtures}/tiny.map.scen`), /cannot read --map file ".*nope\.map" \(ENOENT\)/],
    ['unknown grid algorithm', () => grid('tiny.map.scen', '--algo', 'dfs'), /unknown --algo "dfs" for grid queries; use one of: astar/],
    ['tile list not a permutation', () => cli('solve', '--tiles', '1 2 3 4 5 6 7 8 8'), /not a permutation of 0\.\.8/],
    ['tile list of wrong length', () => cli('solve', '--tiles', '1 2 3 4 0'), /retarget-lab\/envs\/sliding-puzzle: /],
    ['unsolvable puzzle', () => cli('solve', '--tiles', '0 2 1 3 4 5 6 7 8'), /cannot reach the goal/],
    ['unknown puzzle algorithm', () => cli('solve', '--tiles', '1 0 2 3 4 5 6 7 8', '--algo', 'bfs'), /unknown --algo "bfs" for puzzles/],
    ['unknown heuristic', () => cli('solve', '--tiles', '1 0 2 3 4 5 6 7 8', '--heuristic', 'gaschnig'), /unknown --heuristic "gaschnig"/],
    ['unknown goal convention', () => cli('solve', '--tiles', '1 0 2 3 4 5 6 7 8', '--goal', 'middle'), /unknown --goal "middle"/],
    ['no mode given', () => cli('solve'), /give either --map/],
  ];
  for (const [name, run, message] of bad) {
    it(`exits 2 with a clear message: ${name}`, async () => {
      const r = await run();
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^retarget-lab\//);
      expect(r.stderr).toMatch(message);
    });
  }
});

describe('retarget-lab solve (puzzle)', () => {
  it('solves Korf #1 in 57 moves with the specialised IDA*', async () => {
    const r = await cli('solve', '--tiles', '14 13 15 7 11 12 9 5 6 0 2 1 4 8 10 3', '--heuristic', 'linear-conflict', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['status', 'length', 'moves', 'expanded', 'generated', 'seconds']);
    expect(out).toMatchObject({ status: 'found', length: 57 });
    expect(out.moves).toHaveLength(57);
  });

  it('agrees across algorithms, heuristics and goal conventions on an 8-puzzle', async () => {
    const tiles = '8 6 7 2 5 4 3 0 1';
    const runs = await Promise.all([
      cli('solve', '--tiles', tiles, '--goal', 'blank-last', '--json'),
      cli('solve', '--tiles', tiles, '--goal', 'blank-last', '--algo', 'astar', '--heuristic', 'linear-conflict', '--json'),
      cli('solve', '--tiles', tiles, '--goal', 'blank-last', '--algo', 'idastar-generic', '--heuristic', 'pdb', '--json'),
      cli('solve', '--tiles', tiles, '--goal', 'blank-first', '--heuristic', 'pdb', '--json'),
      cli('solve', '--tiles', tiles, '--goal', 'blank-first', '--algo', 'astar', '--json'),
    ]);
    const lengths = runs.map((r) => { expect(r.code).toBe(0); return JSON.parse(r.stdout).length; });
    expect(lengths).toEqual([31, 31, 31, 27, 27]); // 31: the hardest 8-puzzle instance for the blank-last goal
  });

  it('reports a budget stop with exit 1, and prints a readable line without --json', async () => {
    const b = await cli('solve', '--tiles', '14 13 15 7 11 12 9 5 6 0 2 1 4 8 10 3', '--max-expansions', '1000', '--json');
    expect(b.code).toBe(1);
    expect(JSON.parse(b.stdout)).toMatchObject({ status: 'budget', length: null });
    const t = await cli('solve', '--tiles', '1 2 0 3 4 5 6 7 8');
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^solved in 2 moves; .*\nmoves: left left/);
  });
});

describe('retarget-lab solve: budgets and hostile input', () => {
  it('gives the generic searchers a default expansion budget, the specialised ones none', async () => {
    const { solveBudget, DEFAULT_GENERIC_EXPANSIONS } = await import('../../cli/solve');
    for (const [puzzle, algo] of [[true, 'astar'], [true, 'idastar-generic'], [false, 'astar-generic'], [false, 'uniform-cost'], [false, 'greedy']] as const) {
      expect(solveBudget(puzzle, algo)).toEqual({ maxExpansions: DEFAULT_GENERIC_EXPANSIONS });
    }
    expect(solveBudget(true, 'idastar')).toBeUndefined();
    expect(solveBudget(false, 'astar')).toBeUndefined();
    expect(solveBudget(false, 'jps')).toBeUndefined();
    expect(solveBudget(true, 'astar', { maxExpansions: 7 })).toEqual({ maxExpansions: 7 });
  });

  it('a budget that runs out is a module-named message and exit 1', async () => {
    const r = await cli('solve', '--tiles', '15 14 8 12 10 11 9 13 2 6 5 1 3 7 4 0', '--algo', 'astar', '--max-expansions', '2000');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/no solution within the budget \(budget\); 2000 expanded/);
  });

  it('refuses non-regular files, and names its own module for a 5x5 puzzle with idastar', async () => {
    const zero = await cli('solve', '--map', '/dev/zero', '--scen', '/dev/zero');
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/^retarget-lab\/cli\/solve: --map "\/dev\/zero" is not a regular file/);
    const five = await cli('solve', '--tiles', '1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 0 24', '--algo', 'idastar');
    expect(five.code).toBe(2);
    expect(five.stderr).toMatch(/^retarget-lab\/cli\/solve: the specialised --algo idastar solves 3x3 and 4x4 puzzles, got a 5x5; use --algo astar/);
  });
});
