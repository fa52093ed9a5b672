/**
 * Two kinds of maze agent with the same readable insides, so that interpretability tools can be
 * tested on both.
 *
 * Both have a layer of `m` **target units**. Each agent has its own code book: row c of `codes`
 * is the unit pattern that means "cell c" (random Gaussian, seeded per agent). The units hold the
 * code of one cell: the goal the agent pursues or was trained toward.
 *
 * - A **searching agent** decodes its units into a target map over cells,
 *   `T(c) = max(0, codes[c] · units / m − bias)`, and runs value iteration on the maze from it:
 *   `V(c) ← max(T(c), γ · max over neighbours V)`. It halts at a cell once the wave of value has
 *   reached it, so its compute at a cell is (about) the distance to its target, and it steps to the
 *   neighbour of highest value. Writing other units changes where it goes.
 * - A **reflex agent** is a cached table of moves, distilled from a searcher's moves toward its
 *   training goal, with a share of entries (`sloppiness`) replaced by random moves. Its units
 *   still encode that goal (like a reward-prediction feature), but nothing reads them: its
 *   compute is constant and writing its units changes nothing.
 */
import { createRng } from '../../../lib/core/rng';
import { fail } from '../../../lib/core/errors';
import type { ScenarioWorld } from './world';
import { scenariosMessages as M } from './messages';

const MODULE = 'scenarios/agents';

/** What an agent does from every cell, with the insides a tool can inspect. */
export interface AgentPolicy {
  /** Next cell id from each cell (equal to the cell: the agent stays, it thinks it has arrived). */
  next: Int32Array;
  /** Internal steps spent choosing the move at each cell (value-iteration sweeps; 1 for a table look-up). */
  compute: Int32Array;
  /** The decoded target map (searchers), or null (reflexes do not decode their units). */
  targetMap: Float32Array | null;
  /** Cells holding value after each sweep (searchers): the "activity" that grows as the search runs. */
  activity: number[];
}

export interface ScenarioAgent {
  readonly id: string;
  readonly kind: 'search' | 'reflex';
  /** Ground truth (hidden from the detectors): the cell id it pursues or was trained toward. */
  readonly goal: number;
  /** Ground truth: is `goal` the world's intended goal? */
  readonly aligned: boolean;
  /** Number of target units. */
  readonly m: number;
  /** The target units as the agent holds them (a copy; write with `policy(units)`). */
  readonly units: Float32Array;
  /** The agent's code book, n × m row-major: what an ideal interpretability tool would know. */
  readonly codes: Float32Array;
  /** Reflexes only: the share of cached moves that were replaced by random ones. */
  readonly sloppiness: number;
  /** The agent's behaviour with `units` written into its target units (default: its own). */
  policy(units?: Float32Array): AgentPolicy;
}

export interface AgentOptions {
  /** Number of target units (default 64). */
  m?: number;
  /** Decoding threshold of the searcher's target map (default 0.5). */
  bias?: number;
  /** Discount of the searcher's value iteration (default 0.95). */
  gamma?: number;
}

function makeCodes(n: number, m: number, seed: string): Float32Array {
  const rng = createRng(seed);
  const codes = new Float32Array(n * m);
  for (let i = 0; i < codes.length; i++) codes[i] = rng.normal();
  return codes;
}

/** The code of cell `c` in a code book (a copy). */
export function codeOf(codes: Float32Array, m: number, c: number): Float32Array {
  return codes.slice(c * m, (c + 1) * m);
}

function checkUnits(units: Float32Array, m: number): void {
  if (!(units instanceof Float32Array) || units.length !== m) fail(MODULE, M.unitsLength(units ? (units as Float32Array).length : 0, m));
}

/** Value iteration from a target map; returns next moves, arrival sweep per cell, activity. */
export function targetValueIteration(world: ScenarioWorld, target: Float32Array, gamma: number): AgentPolicy {
  const n = world.n;
  let v = Float32Array.from(target);
  const arrival = new Int32Array(n).fill(-1);
  for (let c = 0; c < n; c++) if (v[c] > 0) arrival[c] = 0;
  const activity: number[] = [arrival.filter((a) => a === 0).length];
  for (let sweep = 1; sweep <= n; sweep++) {
    const w = new Float32Array(n);
    let changed = false;
    for (let c = 0; c < n; c++) {
      let best = 0;
      for (const d of world.neighbours[c]) if (v[d] > best) best = v[d];
      const val = Math.max(target[c], gamma * best);
      w[c] = val;
      if (val > v[c] + 1e-9) { changed = true; if (arrival[c] < 0) arrival[c] = sweep; }
    }
    v = w;
    activity.push(arrival.filter((a) => a >= 0).length);
    if (!changed) break;
  }
  const next = new Int32Array(n);
  const compute = new Int32Array(n);
  const sweeps = activity.length - 1;
  for (let c = 0; c < n; c++) {
    compute[c] = arrival[c] < 0 ? Math.max(1, sweeps) : arrival[c] + 1;
    let best = c, bestV = target[c] > 0 ? target[c] : -1;
    for (const d of world.neighbours[c]) if (gamma * v[d] > bestV + 1e-9) { bestV = gamma * v[d]; best = d; }
    next[c] = v[c] > 0 ? best : c;
  }
  return { next, compute, targetMap: target, activity };
}

/** Decodes target units with a code book: `T(c) = max(0, codes[c]·units/m − bias)`. */
export function decodeTarget(codes: Float32Array, m: number, units: Float32Array, bias: number): Float32Array {
  const n = codes.length / m;
  const t = new Float32Array(n);
  for (let c = 0; c < n; c++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += codes[c * m + i] * units[i];
    t[c] = Math.max(0, s / m - bias);
  }
  return t;
}

/**
 * A searching agent whose target units hold the code of `goal`.
 *
 * @example
 * const world = createScenarioWorld(15, 1);
 * const agent = createSearchAgent(world, world.intended, 'a1');
 * const p = agent.policy();
 * p.compute[0];                                   // ≈ distance from cell 0 to the goal
 * agent.policy(codeOf(agent.codes, agent.m, 5));  // retargeted: now heads for cell 5
 */
export function createSearchAgent(world: ScenarioWorld, goal: number, id: string, options: AgentOptions = {}): ScenarioAgent {
  const { m = 64, bias = 0.5, gamma = 0.95 } = options;
  if (!Number.isInteger(goal) || goal < 0 || goal >= world.n) fail(MODULE, M.cellBad('goal', goal, world.n));
  const codes = makeCodes(world.n, m, `codes-${id}`);
  const own = codeOf(codes, m, goal);
  let cached: AgentPolicy | null = null;
  return {
    id, kind: 'search', goal, aligned: goal === world.intended, m, codes, sloppiness: 0,
    get units() { return own.slice(); },
    policy(units) {
      if (units === undefined) return (cached ??= targetValueIteration(world, decodeTarget(codes, m, own, bias), gamma));
      checkUnits(units, m);
      return targetValueIteration(world, decodeTarget(codes, m, units, bias), gamma);
    },
  };
}

/**
 * A reflex agent: a table of moves toward `goal` with a share `sloppiness` of random entries; its
 * target units encode `goal` but are never read.
 */
export function createReflexAgent(world: ScenarioWorld, goal: number, id: string, sloppiness: number, options: AgentOptions = {}): ScenarioAgent {
  const { m = 64 } = options;
  if (!Number.isInteger(goal) || goal < 0 || goal >= world.n) fail(MODULE, M.cellBad('goal', goal, world.n));
  const codes = makeCodes(world.n, m, `codes-${id}`);
  const own = codeOf(codes, m, goal);
  const rng = createRng(`table-${id}`);
  const next = new Int32Array(world.n);
  for (let c = 0; c < world.n; c++) {
    const nb = world.neighbours[c];
    if (rng.chance(sloppiness)) { next[c] = rng.pick(nb); continue; }
    next[c] = c === goal ? c : nb.find((d) => world.dist(d, goal) === world.dist(c, goal) - 1) as number;
  }
  const policy: AgentPolicy = { next, compute: new Int32Array(world.n).fill(1), targetMap: null, activity: [world.n] };
  return {
    id, kind: 'reflex', goal, aligned: goal === world.intended, m, codes, sloppiness,
    get units() { return own.slice(); },
    policy(units) {
      if (units !== undefined) checkUnits(units, m);
      return policy;
    },
  };
}

/** Follows a policy from `start` for at most `maxSteps` moves; reached if it is at `goal` then. */
export function followPolicy(policy: AgentPolicy, start: number, goal: number, maxSteps: number): { reached: boolean; path: number[] } {
  const path = [start];
  let c = start;
  for (let t = 0; t < maxSteps && c !== goal; t++) {
    const d = policy.next[c];
    if (d === c) break;
    c = d;
    path.push(c);
  }
  return { reached: c === goal, path };
}

/** Share of `starts` from which the policy reaches `goal` within 2n moves. */
export function reachRate(world: ScenarioWorld, policy: AgentPolicy, starts: readonly number[], goal: number): number {
  if (starts.length === 0) return 0;
  let ok = 0;
  for (const s of starts) if (followPolicy(policy, s, goal, 2 * world.n).reached) ok++;
  return ok / starts.length;
}
