/**
 * Detecting a search inside an agent, and reading off its target. Three signatures, each from a
 * different kind of access:
 *
 * - **behaviour** (black box): the largest share of probe cells whose move lies on a shortest path
 *   toward one single cell; that cell is the behavioural read-off of the goal.
 * - **compute** (watching the insides run): the correlation, over probe cells, between the agent's
 *   internal steps and the distance to that cell. A search works longer the farther the goal is.
 * - **intervention** (writing the insides): write the code of a random cell into the target units;
 *   among the probe cells whose move did not already head for that cell, the share whose move now
 *   does (a table that ignores its units scores 0, a search that reads them scores 1).
 *
 * The internal read-off of the target is the cell whose code best matches the units.
 */
import { createRng } from '../../../lib/core/rng';
import type { ScenarioWorld } from './world';
import { checkInt, onShortestPath } from './world';
import type { ScenarioAgent } from './agents';
import { codeOf } from './agents';

const MODULE = 'scenarios/detect';

export interface SearchSignature {
  agent: string;
  kind: 'search' | 'reflex';
  /** Behaviour: best share of probe moves consistent with heading for one cell. */
  consistency: number;
  /** The cell that share is best for (behavioural read-off). */
  behaviourTarget: number;
  /** Pearson correlation of internal steps with distance to behaviourTarget (0 if either is constant). */
  computeCorrelation: number;
  /** Intervention: share of probe moves changed toward a written target, where a change was needed (averaged). */
  follows: number;
  /** Internal read-off: the cell whose code best matches the target units. */
  readOff: number;
}

export interface DetectOptions {
  /** Probe cells (default 24). */
  probes?: number;
  /** Random cells written into the target units (default 3). */
  interventions?: number;
  seed?: number;
}

/** Pearson correlation; 0 when either list is constant (no signal). */
export function pearsonCorrelation(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return 0;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += xs[i]; my += ys[i]; }
  mx /= n; my /= n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) { const a = xs[i] - mx, b = ys[i] - my; sxy += a * b; sxx += a * a; syy += b * b; }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** The cell whose code (in `codes`) has the largest dot product with `units`. */
export function readOffTarget(codes: Float32Array, m: number, units: Float32Array): number {
  const n = codes.length / m;
  let best = 0, bestS = -Infinity;
  for (let c = 0; c < n; c++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += codes[c * m + i] * units[i];
    if (s > bestS) { bestS = s; best = c; }
  }
  return best;
}

/** Measures the three signatures of one agent. */
export function searchSignature(world: ScenarioWorld, agent: ScenarioAgent, options: DetectOptions = {}): SearchSignature {
  const probes = checkInt(MODULE, 'probes', options.probes ?? 24, 2);
  const interventions = checkInt(MODULE, 'interventions', options.interventions ?? 3, 1);
  const rng = createRng(`detect-${options.seed ?? 0}-${agent.id}`);
  const cells = Array.from({ length: world.n }, (_, c) => c);
  const P = rng.shuffle(cells).slice(0, Math.min(probes, world.n));
  const own = agent.policy();
  let consistency = -1, behaviourTarget = 0;
  for (let c = 0; c < world.n; c++) {
    let k = 0;
    for (const p of P) if (onShortestPath(world, p, own.next[p], c)) k++;
    if (k / P.length > consistency) { consistency = k / P.length; behaviourTarget = c; }
  }
  const computeCorrelation = pearsonCorrelation(P.map((p) => world.dist(p, behaviourTarget)), P.map((p) => own.compute[p]));
  let follows = 0;
  for (let k = 0; k < interventions; k++) {
    const r = rng.pick(cells);
    const pol = agent.policy(codeOf(agent.codes, agent.m, r));
    let hit = 0, needed = 0;
    for (const p of P) {
      if (onShortestPath(world, p, own.next[p], r)) continue;
      needed++;
      if (onShortestPath(world, p, pol.next[p], r)) hit++;
    }
    follows += (needed ? hit / needed : 1) / interventions;
  }
  return {
    agent: agent.id, kind: agent.kind, consistency, behaviourTarget, computeCorrelation, follows,
    readOff: readOffTarget(agent.codes, agent.m, agent.units),
  };
}

export interface DetectorScore {
  detector: string;
  /** Of the agents it calls searchers, the share that are. */
  precision: number;
  /** Of the searchers, the share it finds. */
  recall: number;
  flagged: number;
}

export interface DetectionThresholds {
  /** Behaviour detector: consistency at least this (default 0.9). */
  behaviour?: number;
  /** Compute detector: correlation at least this (default 0.8). */
  compute?: number;
  /** Intervention detector: follows at least this (default 0.8). */
  intervention?: number;
}

export interface DetectionStudy {
  signatures: SearchSignature[];
  scores: DetectorScore[];
  /** Among true searchers: share whose internal read-off equals their goal. */
  readOffAccuracy: number;
  /** Among true searchers: share whose behavioural read-off equals their goal. */
  behaviourReadOffAccuracy: number;
}

/**
 * Signatures of every agent, three detectors scored by precision and recall, and read-off accuracy.
 *
 * @example
 * const pop = createPopulation({ seed: 2 });
 * detectionStudy(pop.world, pop.agents).scores;   // one row per detector
 */
export function detectionStudy(world: ScenarioWorld, agents: readonly ScenarioAgent[], options: DetectOptions & DetectionThresholds = {}): DetectionStudy {
  const { behaviour = 0.9, compute = 0.8, intervention = 0.8 } = options;
  const signatures = agents.map((a) => searchSignature(world, a, options));
  const truth = agents.map((a) => a.kind === 'search');
  const score = (detector: string, says: boolean[]): DetectorScore => {
    let tp = 0, fp = 0, fn = 0;
    says.forEach((s, i) => { if (s && truth[i]) tp++; else if (s) fp++; else if (truth[i]) fn++; });
    return { detector, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), flagged: tp + fp };
  };
  const searchers = agents.map((a, i) => ({ a, s: signatures[i] })).filter((x) => x.a.kind === 'search');
  return {
    signatures,
    scores: [
      score('behaviour (heads for one cell)', signatures.map((s) => s.consistency >= behaviour)),
      score('compute grows with distance', signatures.map((s) => s.computeCorrelation >= compute)),
      score('intervention (follows a written target)', signatures.map((s) => s.follows >= intervention)),
    ],
    readOffAccuracy: searchers.filter((x) => x.s.readOff === x.a.goal).length / Math.max(1, searchers.length),
    behaviourReadOffAccuracy: searchers.filter((x) => x.s.behaviourTarget === x.a.goal).length / Math.max(1, searchers.length),
  };
}
