/**
 * Lesson 13's experiment on the post's first assumption (natural abstractions): do two
 * independently trained agents carry the same "cheese" concept? For a pair of cheese-maze agents
 * from lib/mesa we read one spatial layer of each over the same held-out mazes (cheese anywhere),
 * and measure, per open cell:
 * - each agent's own "cheese is here" probe (ridge regression, read by its argmax over open cells);
 * - probe transfer: agent B's probe applied to agent A's features after a fitted linear map A → B;
 * - linear CKA between the two agents' per-cell features (a representation-similarity score).
 *
 * The learned recurrent agents (lib/mesa/learned: shipped weights, nothing trained here) take part
 * too: their "goal" layer is the recurrent state after the last iteration (what the move is read
 * from) and their "hidden" layer the state after the first.
 *
 * The baseline: the observation itself (agent `obs`, the input channels wall, mouse, cheese, x, y
 * at each cell). Every agent's layer is a function of the input, so a probe that transfers from
 * the input through a linear map shows only that both read the same input; the experiment always
 * reports that input transfer (input → B) beside A → B, and only transfer above it is evidence
 * of a concept the agents share beyond the input. To add another agent, give it an entry
 * in AGENTS: how to load it and which of its spatial layers play "goal" and "hidden".
 */
import { collectActivations, type Example } from '../../lib/interp/activations';
import { agentConfig, type AgentConfig } from '../../lib/mesa/agents';
import { loadOrTrainAgent } from '../../lib/mesa/cache-fs';
import type { LearnedVariant } from '../../lib/mesa/learned/config';
import { loadLearnedAgent } from '../../lib/mesa/learned/shipped';
import type { NamedModel } from '../../lib/mesa/model';
import { cheeseMazeLevels, type CheeseMazeLevel } from '../../lib/envs/cheese-maze';
import { fail } from '../../lib/core/errors';
import { cruxesMessages } from './messages';

const MODULE = 'lessons/13/shared-concept';

/** The agents the experiment can compare. */
export const SHARED_CONCEPT_AGENTS = ['planner', 'planner-seed2', 'planner-corner', 'policy', 'learned', 'learned-corner', 'obs'] as const;
export type SharedConceptAgent = typeof SHARED_CONCEPT_AGENTS[number];

interface AgentSpec {
  /** A lib/mesa agent trained (once, cached) from this config; or `learned`, a shipped learned searcher. */
  config?: (seed: number) => AgentConfig;
  learned?: LearnedVariant;
  /** The spatial layer holding the agent's goal, and a hidden layer before it. */
  layers: { goal: string; hidden: string } | ((model: NamedModel) => { goal: string; hidden: string });
  description: string;
}

/** The learned agents' layers: the state after the last iteration, and after the first. */
const learnedLayers = (m: NamedModel) => {
  const iters = m.layers.filter((l) => /^iter\.\d+\.h$/.test(l.name)).map((l) => l.name);
  return { goal: iters[iters.length - 1], hidden: iters[0] };
};

const AGENTS: Record<SharedConceptAgent, AgentSpec> = {
  planner: {
    config: (seed) => agentConfig('planner', { seed }), layers: { goal: 'target.logit', hidden: 'reward.hidden' },
    description: 'planner, cheese reward, cheese near the top-right in training',
  },
  'planner-seed2': {
    config: (seed) => agentConfig('planner', { seed: seed + 1 }), layers: { goal: 'target.logit', hidden: 'reward.hidden' },
    description: 'the same planner trained from another seed',
  },
  'planner-corner': {
    config: (seed) => agentConfig('planner', { seed, rewardSpec: 'corner', trainDistribution: 'test' }), layers: { goal: 'target.logit', hidden: 'reward.hidden' },
    description: 'planner trained on the corner reward with the cheese anywhere (another training distribution and signal)',
  },
  policy: {
    config: (seed) => agentConfig('policy', { seed }), layers: { goal: 'conv3', hidden: 'conv2' },
    description: 'plain policy network, cheese reward (no goal layer by construction; conv3 is its last spatial layer)',
  },
  learned: {
    learned: 'aligned', layers: learnedLayers,
    description: 'learned recurrent agent, shortest-path moves to a cheese anywhere (shipped weights; the seed does not change it)',
  },
  obs: {
    config: (seed) => agentConfig('policy', { seed }), layers: { goal: 'obs', hidden: 'obs' },
    description: 'the input baseline: the observation channels at each cell (no agent computation; read through the policy network\'s obs layer)',
  },
  'learned-corner': {
    learned: 'corner', layers: learnedLayers,
    description: 'learned recurrent agent, correct labels with the cheese always in the top-right square (shipped weights)',
  },
};

/** Maze side and training square of the mazes both agents are read on (a trained agent's own; 7 and 2 for two learned agents). */
function mazeShape(a: AgentSpec, b: AgentSpec, seed: number): { size: number; trainRegion: number } {
  const cfg = a.config?.(seed) ?? b.config?.(seed);
  return cfg ? { size: cfg.size, trainRegion: cfg.trainRegion } : { size: 7, trainRegion: 2 };
}

async function loadSpec(spec: AgentSpec, seed: number, size: number): Promise<NamedModel> {
  if (spec.learned) return loadLearnedAgent(spec.learned, { size });
  return (await loadOrTrainAgent(spec.config!(seed))).agent;
}

export interface SharedConceptOptions {
  a: SharedConceptAgent;
  b: SharedConceptAgent;
  /** Which layer of each agent: the goal layer (planner target, policy's last spatial layer) or a hidden one. */
  layer: 'goal' | 'hidden';
  mazes: number;
  seed: number;
}

export interface SharedConceptResult {
  ownA: number;
  ownB: number;
  /** B's probe on A's features mapped into B's space. */
  transfer: number;
  /** The input baseline: B's probe on the observation's per-cell channels mapped into B's space. */
  inputTransfer: number;
  /** Linear CKA of the per-cell features, held-out cells. */
  cka: number;
  /** Chance of picking the cheese cell: mean of 1 / open cells. */
  chance: number;
  layers: { a: string; b: string };
  descriptions: { a: string; b: string };
}

/** Per-cell feature rows of the open cells of each example, with the cheese indicator. */
function cellRows(data: Float32Array, shape: number[], levels: readonly CheeseMazeLevel[]): { rows: number[][]; cheese: number[]; maze: number[] } {
  const [H, W] = shape;
  const C = shape.length > 2 ? shape[2] : 1;
  const rows: number[][] = [], cheese: number[] = [], maze: number[] = [];
  levels.forEach((level, n) => {
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
      if (!level.map.passable[y * W + x]) continue;
      const at = ((n * H + y) * W + x) * C;
      rows.push(Array.from(data.subarray(at, at + C)));
      cheese.push(level.cheese.x === x && level.cheese.y === y ? 1 : 0);
      maze.push(n);
    }
  });
  return { rows, cheese, maze };
}

/** Ridge regression with a bias: returns B ((p+1) × q) minimising |[X 1]B − Y|² + λ|B|². */
export function ridge(X: readonly number[][], Y: readonly number[][], lambda = 1e-3): number[][] {
  const p = X[0].length + 1, q = Y[0].length;
  const A = Array.from({ length: p }, () => new Array<number>(p + q).fill(0));
  X.forEach((xr, i) => {
    const x = [...xr, 1];
    for (let r = 0; r < p; r++) {
      for (let c = 0; c < p; c++) A[r][c] += x[r] * x[c];
      for (let k = 0; k < q; k++) A[r][p + k] += x[r] * Y[i][k];
    }
  });
  const scale = A.reduce((s, r, i) => s + r[i], 0) / p || 1;
  for (let r = 0; r < p; r++) A[r][r] += lambda * scale;
  for (let c = 0; c < p; c++) {   // Gauss-Jordan with partial pivoting
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    [A[c], A[piv]] = [A[piv], A[c]];
    const d = A[c][c] || 1e-12;
    for (let k = c; k < p + q; k++) A[c][k] /= d;
    for (let r = 0; r < p; r++) {
      if (r === c || A[r][c] === 0) continue;
      const f = A[r][c];
      for (let k = c; k < p + q; k++) A[r][k] -= f * A[c][k];
    }
  }
  return A.map((r) => r.slice(p));
}

function apply(B: readonly number[][], x: readonly number[]): number[] {
  const q = B[0].length, out = new Array<number>(q).fill(0);
  for (let k = 0; k < q; k++) { for (let j = 0; j < x.length; j++) out[k] += x[j] * B[j][k]; out[k] += B[x.length][k]; }
  return out;
}

/** Linear CKA (Kornblith et al. 2019) between two sets of rows over the same items. */
export function linearCka(X: readonly number[][], Y: readonly number[][]): number {
  const center = (M: readonly number[][]) => {
    const mean = M[0].map((_, j) => M.reduce((s, r) => s + r[j], 0) / M.length);
    return M.map((r) => r.map((v, j) => v - mean[j]));
  };
  const cross = (P: number[][], Q: number[][]) => {   // |PᵀQ|_F²
    let s = 0;
    for (let a = 0; a < P[0].length; a++) for (let b = 0; b < Q[0].length; b++) {
      let d = 0;
      for (let i = 0; i < P.length; i++) d += P[i][a] * Q[i][b];
      s += d * d;
    }
    return s;
  };
  const x = center(X), y = center(Y);
  const den = Math.sqrt(cross(x, x) * cross(y, y));
  return den > 0 ? cross(x, y) / den : 0;
}

/** Share of mazes whose highest-scoring open cell is the cheese. */
function argmaxAccuracy(scores: readonly number[], cheese: readonly number[], maze: readonly number[]): number {
  const best = new Map<number, { s: number; hit: boolean }>();
  scores.forEach((s, i) => { const b = best.get(maze[i]); if (!b || s > b.s) best.set(maze[i], { s, hit: cheese[i] === 1 }); });
  return [...best.values()].filter((b) => b.hit).length / Math.max(1, best.size);
}

/**
 * The verdict of claim 13-shared-concept from its measures: not supported if an agent lacks the
 * concept (own accuracy < 0.5), the transfer is under half of B's own, or it is no higher than the
 * input baseline; supported if it reaches 0.8 of B's own and beats the input by at least 0.1;
 * depends otherwise.
 */
export function sharedConceptVerdict(r: Pick<SharedConceptResult, 'ownA' | 'ownB' | 'transfer' | 'inputTransfer'>): 'supported' | 'not supported' | 'depends' {
  const lacking = r.ownA < 0.5 || r.ownB < 0.5;
  const excess = r.transfer - r.inputTransfer;
  if (lacking || r.transfer < 0.5 * r.ownB || excess <= 0) return 'not supported';
  return r.transfer >= 0.8 * r.ownB && excess >= 0.1 ? 'supported' : 'depends';
}

/** Runs the comparison (agents are trained once and cached under mesa/ in the lab's cache). */
export async function sharedConceptExperiment(opts: SharedConceptOptions): Promise<SharedConceptResult> {
  for (const name of [opts.a, opts.b]) {
    if (!(name in AGENTS)) fail(MODULE, cruxesMessages.unknownAgent(name, SHARED_CONCEPT_AGENTS));
  }
  const specA = AGENTS[opts.a], specB = AGENTS[opts.b];
  const shape = mazeShape(specA, specB, opts.seed);
  const A = await loadSpec(specA, opts.seed, shape.size);
  const B = await loadSpec(specB, opts.seed, shape.size);
  const levels = cheeseMazeLevels('test', opts.mazes, `shared-concept/${opts.seed}`, shape);
  const examples: Example[] = levels.map((level) => ({ level }));
  const layersOf = (spec: AgentSpec, m: NamedModel) => (typeof spec.layers === 'function' ? spec.layers(m) : spec.layers);
  const layerA = layersOf(specA, A)[opts.layer], layerB = layersOf(specB, B)[opts.layer];
  const actA = collectActivations(A, examples, layerA), actB = collectActivations(B, examples, layerB);
  const ra = cellRows(actA.data, actA.shape, levels), rb = cellRows(actB.data, actB.shape, levels);
  const fitMazes = Math.max(1, Math.floor(0.7 * opts.mazes));
  const fit = ra.maze.map((m) => m < fitMazes), test = fit.map((f) => !f);
  const pick = <T>(xs: readonly T[], mask: readonly boolean[]) => xs.filter((_, i) => mask[i]);
  const cheeseFit = pick(ra.cheese, fit).map((c) => [c]);
  const probeA = ridge(pick(ra.rows, fit), cheeseFit), probeB = ridge(pick(rb.rows, fit), cheeseFit);
  const map = ridge(pick(ra.rows, fit), pick(rb.rows, fit));
  const testA = pick(ra.rows, test), testB = pick(rb.rows, test);
  const cheeseTest = pick(ra.cheese, test), mazeTest = pick(ra.maze, test);
  const ownA = argmaxAccuracy(testA.map((x) => apply(probeA, x)[0]), cheeseTest, mazeTest);
  const ownB = argmaxAccuracy(testB.map((x) => apply(probeB, x)[0]), cheeseTest, mazeTest);
  const transfer = argmaxAccuracy(testA.map((x) => apply(probeB, apply(map, x))[0]), cheeseTest, mazeTest);
  // The input baseline: the same probe read through a linear map from the observation itself.
  const actObs = collectActivations(A, examples, 'obs');
  const ro = cellRows(actObs.data, actObs.shape, levels);
  const mapObs = ridge(pick(ro.rows, fit), pick(rb.rows, fit));
  const inputTransfer = argmaxAccuracy(pick(ro.rows, test).map((x) => apply(probeB, apply(mapObs, x))[0]), cheeseTest, mazeTest);
  const open = levels.slice(fitMazes).map((l) => l.map.passable.reduce((s, v) => s + v, 0));
  const chance = open.reduce((s, n) => s + 1 / n, 0) / Math.max(1, open.length);
  return {
    ownA, ownB, transfer, inputTransfer, cka: linearCka(testA, testB), chance,
    layers: { a: layerA, b: layerB }, descriptions: { a: specA.description, b: specB.description },
  };
}
