/**
 * Lesson 13's experiment on the post's first assumption (natural abstractions): do two
 * independently trained agents carry the same concept of where the cheese is? For a pair of
 * cheese-maze agents from lib/mesa we read one spatial layer of each over the same held-out mazes
 * (cheese anywhere), and measure, per open cell:
 * - each agent's own probe for the concept (ridge regression);
 * - probe transfer, both ways: agent B's probe applied to agent A's features after a fitted linear
 *   map A → B, and A's probe on B's features mapped B → A;
 * - linear CKA between the two agents' per-cell features (a representation-similarity score).
 *
 * Three concepts (SHARED_CONCEPTS). `closer` (the default): the cell is closer to the cheese in maze
 * steps than the maze's median open cell, a global concept (it depends on the whole maze), read by
 * the per-maze AUC (chance 0.5). `near`: the cell is within `radius` maze steps of the cheese, also
 * by AUC; a window of radius + 1 cells of the input gives it nearly perfectly (a fixed score from
 * the Manhattan distance to the cheese already does), so it is a weak test. For both the cheese
 * cell, which the input marks, is left out. `cheese`: the cheese is here, read by the top-scoring
 * open cell. It is an input channel, so its input baseline is at ceiling and it can only come out
 * "not supported"; it is kept to show why.
 *
 * The learned recurrent agents (lib/mesa/learned: shipped weights, nothing trained here) take part
 * too: their "goal" and "plan" layer is the recurrent state after the last iteration (what the move
 * is read from) and their "hidden" layer the state after the first. The planner's "plan" layer is
 * plan.value, its built-in value iteration: maze distance to its target by construction.
 *
 * The baseline: the observation itself over a window around each cell (windowedObservation: the
 * wall, mouse and cheese channels of the (2w+1)² cells around it, plus its x and y), with w the
 * concept's reach by default: radius + 1 for `near`, the whole maze for `closer` (the agents'
 * receptive fields are not computed: the learned agents re-read the input at every iteration, so
 * theirs covers the maze). Every agent's layer is a function of the input, so a probe that
 * transfers from the input through a linear map shows only that both read the same input; the
 * experiment reports that input transfer into each agent beside the transfer between agents, and
 * only transfer above it is evidence of a concept the agents share beyond the input. The old
 * per-cell baseline (the observation at the cell alone) is reported beside it: it is a straw man
 * for any concept that reaches past the cell. To add another agent, give it an entry in AGENTS:
 * how to load it and which of its spatial layers play "goal", "hidden" and "plan".
 */
import { collectActivations, type Example } from '../../lib/interp/activations';
import { agentConfig, type AgentConfig } from '../../lib/mesa/agents';
import { loadOrTrainAgent } from '../../lib/mesa/cache-fs';
import type { LearnedVariant } from '../../lib/mesa/learned/config';
import { loadLearnedAgent } from '../../lib/mesa/learned/shipped';
import type { NamedModel } from '../../lib/mesa/model';
import { cheeseMazeLevels, type CheeseMazeLevel } from '../../lib/envs/cheese-maze';
import { bfsDistances } from '../../lib/envs/grid';
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
  /** The spatial layer holding the agent's goal, a hidden layer before it, and the map its search (if any) computes. */
  layers: Layers | ((model: NamedModel) => Layers);
  description: string;
}

type Layers = Record<SharedConceptLayer, string>;

/** Which layer of each agent is read. */
export const SHARED_CONCEPT_LAYERS = ['goal', 'hidden', 'plan'] as const;
export type SharedConceptLayer = typeof SHARED_CONCEPT_LAYERS[number];

/**
 * The concept probed at each open cell: `cheese`, the cheese is here (an input channel, read by the
 * top-scoring open cell); `near`, the cell is within `radius` maze steps of the cheese; `closer`, the
 * cell is closer to the cheese in maze steps than the maze's median open cell (a global concept: it
 * depends on the whole maze). For `near` and `closer` the cheese cell itself is left out and the
 * read-out is the area under the ROC curve over each maze's open cells. The observation gives
 * `cheese` directly; `near` is readable from a window of the input reaching radius + 1 cells;
 * `closer` needs maze distances across the whole maze, which a search computes.
 */
export const SHARED_CONCEPTS = ['near', 'closer', 'cheese'] as const;
export type SharedConcept = typeof SHARED_CONCEPTS[number];

/** The learned agents' layers: the state after the last iteration (also their "plan"), and after the first. */
const learnedLayers = (m: NamedModel): Layers => {
  const iters = m.layers.filter((l) => /^iter\.\d+\.h$/.test(l.name)).map((l) => l.name);
  return { goal: iters[iters.length - 1], hidden: iters[0], plan: iters[iters.length - 1] };
};
const plannerLayers: Layers = { goal: 'target.logit', hidden: 'reward.hidden', plan: 'plan.value' };
const policyLayers: Layers = { goal: 'conv3', hidden: 'conv2', plan: 'conv3' };

const AGENTS: Record<SharedConceptAgent, AgentSpec> = {
  planner: {
    config: (seed) => agentConfig('planner', { seed }), layers: plannerLayers,
    description: 'planner, cheese reward, cheese near the top-right in training',
  },
  'planner-seed2': {
    config: (seed) => agentConfig('planner', { seed: seed + 1 }), layers: plannerLayers,
    description: 'the same planner trained from another seed',
  },
  'planner-corner': {
    config: (seed) => agentConfig('planner', { seed, rewardSpec: 'corner', trainDistribution: 'test' }), layers: plannerLayers,
    description: 'planner trained on the corner reward with the cheese anywhere (another training distribution and signal)',
  },
  policy: {
    config: (seed) => agentConfig('policy', { seed }), layers: policyLayers,
    description: 'plain policy network, cheese reward (no goal layer by construction; conv3 is its last spatial layer)',
  },
  learned: {
    learned: 'aligned', layers: learnedLayers,
    description: 'learned recurrent agent, shortest-path moves to a cheese anywhere (shipped weights; the seed does not change it)',
  },
  obs: {
    config: (seed) => agentConfig('policy', { seed }), layers: { goal: 'obs', hidden: 'obs', plan: 'obs' },
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
  /** Which layer of each agent: the goal layer (planner target, policy's last spatial layer), a hidden one, or the search's map (planner value; learned final state; policy conv3). */
  layer: SharedConceptLayer;
  /** The concept probed (default `near`). */
  concept?: SharedConcept;
  /** For `near`: the most maze steps from the cheese that count as near (default 2). */
  radius?: number;
  /**
   * The input baseline's reach: the observation over the (2w+1)² cells around each cell (0: the
   * cell alone). Default (-1 or unset): the concept's reach, radius + 1 for `near`, the whole maze
   * (side − 1) for `closer`, the cell itself for `cheese`.
   */
  window?: number;
  mazes: number;
  seed: number;
}

export interface SharedConceptResult {
  ownA: number;
  ownB: number;
  /** B's probe on A's features mapped into B's space. */
  transfer: number;
  /** The other direction: A's probe on B's features mapped into A's space. */
  transferBA: number;
  /** The input baseline: B's probe on the observation over a window around each cell, mapped into B's space. */
  inputTransfer: number;
  /** The same baseline into A's space, read by A's probe. */
  inputTransferA: number;
  /** The old, weaker baseline: B's probe on the observation at the cell alone, mapped into B's space. */
  inputCellTransfer: number;
  /** The window's reach w (the baseline reads (2w+1)² cells around each cell). */
  window: number;
  /** The concept's reach, the default window: radius + 1 for `near`, the whole maze for `closer`, 0 for `cheese`. */
  reach: number;
  /** Linear CKA of the per-cell features, held-out cells. */
  cka: number;
  /** The score of a probe that knows nothing: for `cheese`, picking a random open cell (mean of 1 / open cells); for `near`, an AUC of 0.5. */
  chance: number;
  /** For `near`: the mean share of a maze's scored open cells that are near the cheese. */
  baseRate: number;
  layers: { a: string; b: string };
  descriptions: { a: string; b: string };
}

/**
 * The concept's label at each cell of a level: 1 or 0, or -1 for a cell left out (walls; for
 * `near`, also the cheese cell, which the input marks, and cells the cheese cannot reach).
 */
export function conceptLabels(level: CheeseMazeLevel, concept: SharedConcept, radius: number): Int8Array {
  const { width, passable } = level.map;
  const labels = new Int8Array(passable.length).fill(-1);
  const cheeseAt = level.cheese.y * width + level.cheese.x;
  if (concept === 'cheese') {
    passable.forEach((p, i) => { if (p) labels[i] = i === cheeseAt ? 1 : 0; });
    return labels;
  }
  const d = bfsDistances(level.map, level.cheese);
  if (concept === 'closer') {
    const ds = Array.from(d).filter((di) => di > 0).sort((x, y) => x - y);
    const median = ds.length ? ds[Math.floor((ds.length - 1) / 2)] : 0;
    d.forEach((di, i) => { if (di > 0) labels[i] = di < median ? 1 : 0; });
    return labels;
  }
  d.forEach((di, i) => { if (di > 0) labels[i] = di <= radius ? 1 : 0; });
  return labels;
}

/** Per-cell feature rows of the scored cells of each example, with the concept's label. */
function cellRows(data: Float32Array, shape: number[], levels: readonly CheeseMazeLevel[], labels: readonly Int8Array[]): { rows: number[][]; label: number[]; maze: number[] } {
  const [H, W] = shape;
  const C = shape.length > 2 ? shape[2] : 1;
  const rows: number[][] = [], label: number[] = [], maze: number[] = [];
  levels.forEach((_, n) => {
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
      const l = labels[n][y * W + x];
      if (l < 0) continue;
      const at = ((n * H + y) * W + x) * C;
      rows.push(Array.from(data.subarray(at, at + C)));
      label.push(l);
      maze.push(n);
    }
  });
  return { rows, label, maze };
}

/** Ridge regression with a bias: returns B ((p+1) × q) minimising |[X 1]B − Y|² + λ|B|². */
export function ridge(X: readonly number[][], Y: readonly number[][], lambda = 1e-3): number[][] {
  const p = X[0].length + 1, q = Y[0].length;
  const A = Array.from({ length: p }, () => new Array<number>(p + q).fill(0));
  X.forEach((xr, i) => {   // the upper triangle of XᵀX (mirrored below) and XᵀY; zero inputs skipped
    const x = [...xr, 1], y = Y[i];
    for (let r = 0; r < p; r++) {
      const xv = x[r];
      if (xv === 0) continue;
      const row = A[r];
      for (let c = r; c < p; c++) row[c] += xv * x[c];
      for (let k = 0; k < q; k++) row[p + k] += xv * y[k];
    }
  });
  for (let r = 0; r < p; r++) for (let c = 0; c < r; c++) A[r][c] = A[c][r];
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

/** Share of mazes whose highest-scoring open cell is the cheese (ties go to the first cell). */
function argmaxAccuracy(scores: readonly number[], cheese: readonly number[], maze: readonly number[]): number {
  const best = new Map<number, { s: number; hit: boolean }>();
  scores.forEach((s, i) => { const b = best.get(maze[i]); if (!b || s > b.s) best.set(maze[i], { s, hit: cheese[i] === 1 }); });
  return [...best.values()].filter((b) => b.hit).length / Math.max(1, best.size);
}

/**
 * Mean over mazes of the area under the ROC curve: the chance that a near cell outscores a far one
 * in the same maze (ties count half); mazes with only one class are skipped. 0.5 is chance.
 */
export function perMazeAuc(scores: readonly number[], label: readonly number[], maze: readonly number[]): number {
  const byMaze = new Map<number, { pos: number[]; neg: number[] }>();
  scores.forEach((s, i) => {
    const m = byMaze.get(maze[i]) ?? { pos: [], neg: [] };
    (label[i] === 1 ? m.pos : m.neg).push(s);
    byMaze.set(maze[i], m);
  });
  let sum = 0, count = 0;
  for (const { pos, neg } of byMaze.values()) {
    if (!pos.length || !neg.length) continue;
    let wins = 0;
    for (const p of pos) for (const q of neg) wins += p > q ? 1 : p === q ? 0.5 : 0;
    sum += wins / (pos.length * neg.length);
    count++;
  }
  return count ? sum / count : 0.5;
}

export type SharedConceptVerdict = 'supported' | 'not supported' | 'depends';

/**
 * The verdict of one direction A → B from its measures, each first corrected for chance
 * ((v − chance) / (1 − chance), so 0 is chance and 1 perfect; chance 0 if not given). The transfer
 * is capped at B's own score: a map from A can read B's probe better than B's own layer does, and
 * that excess is A's concept, not a shared one. Not supported if an agent lacks the concept (own
 * score < 0.5), the transfer is under half of B's own, or it is no higher than the input baseline;
 * supported if it reaches 0.8 of B's own and beats the input by at least 0.1; depends otherwise.
 */
export function sharedConceptDirectionVerdict(r: Pick<SharedConceptResult, 'ownA' | 'ownB' | 'transfer' | 'inputTransfer'> & { chance?: number }): SharedConceptVerdict {
  const c = r.chance ?? 0;
  const k = (v: number) => (v - c) / (1 - c);
  const ownA = k(r.ownA), ownB = k(r.ownB), transfer = Math.min(k(r.transfer), ownB), input = k(r.inputTransfer);
  const lacking = ownA < 0.5 || ownB < 0.5;
  const excess = transfer - input;
  if (lacking || transfer < 0.5 * ownB || excess <= 0) return 'not supported';
  return transfer >= 0.8 * ownB && excess >= 0.1 ? 'supported' : 'depends';
}

/**
 * The verdict of claim 13-shared-concept: both directions (A → B, and B → A when its measures are
 * given) judged by sharedConceptDirectionVerdict, and the weaker verdict kept, so that naming the
 * weaker agent B cannot lower the bar.
 */
export function sharedConceptVerdict(r: Pick<SharedConceptResult, 'ownA' | 'ownB' | 'transfer' | 'inputTransfer'> & Partial<Pick<SharedConceptResult, 'transferBA' | 'inputTransferA'>> & { chance?: number }): SharedConceptVerdict {
  const ab = sharedConceptDirectionVerdict(r);
  if (r.transferBA === undefined || r.inputTransferA === undefined) return ab;
  const ba = sharedConceptDirectionVerdict({ ownA: r.ownB, ownB: r.ownA, transfer: r.transferBA, inputTransfer: r.inputTransferA, chance: r.chance });
  const rank: Record<SharedConceptVerdict, number> = { 'not supported': 0, depends: 1, supported: 2 };
  return rank[ab] <= rank[ba] ? ab : ba;
}

/**
 * The input over a window around each cell: the wall, mouse and cheese channels of the (2w+1)²
 * cells around it (outside the maze reads as wall), and the cell's own x and y. `shape` is one
 * example's [H, W, C] (C = 5: wall, mouse, cheese, x, y); returns [H, W, 3(2w+1)² + 2] per example.
 */
export function windowedObservation(data: Float32Array, shape: readonly number[], w: number): { data: Float32Array; shape: number[] } {
  const [H, W, C] = shape, N = Math.round(data.length / (H * W * C));
  const side = 2 * w + 1, per = side * side * 3 + 2;
  const out = new Float32Array(N * H * W * per);
  for (let n = 0; n < N; n++) for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    let o = ((n * H + y) * W + x) * per;
    for (let dy = -w; dy <= w; dy++) for (let dx = -w; dx <= w; dx++) {
      const yy = y + dy, xx = x + dx;
      if (yy < 0 || yy >= H || xx < 0 || xx >= W) { out[o] = 1; o += 3; continue; }
      const at = ((n * H + yy) * W + xx) * C;
      out[o++] = data[at]; out[o++] = data[at + 1]; out[o++] = data[at + 2];
    }
    const at = ((n * H + y) * W + x) * C;
    out[o++] = data[at + 3]; out[o++] = data[at + 4];
  }
  return { data: out, shape: [H, W, per] };
}

/** What identifies an agent's weights: its training config, or the shipped learned variant. */
function specKey(spec: AgentSpec, seed: number): string {
  return spec.learned ? `learned:${spec.learned}` : JSON.stringify(spec.config!(seed));
}

/**
 * The last few activation sets read, by agent, layer and mazes: a notebook that runs a pair both
 * ways, or a pair next to the crux table's default, reads each agent once (the learned agents'
 * iterations are the slow part). Deterministic, so a recalled set equals a fresh one.
 */
const RECALL = new Map<string, ReturnType<typeof collectActivations>>();
function recalled(key: string, read: () => ReturnType<typeof collectActivations>): ReturnType<typeof collectActivations> {
  const hit = RECALL.get(key);
  if (hit) return hit;
  const v = read();
  RECALL.set(key, v);
  if (RECALL.size > 6) RECALL.delete(RECALL.keys().next().value!);
  return v;
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
  const concept = opts.concept ?? 'near', radius = opts.radius ?? 2;
  if (!SHARED_CONCEPTS.includes(concept)) fail(MODULE, cruxesMessages.unknownConcept(String(concept), SHARED_CONCEPTS));
  if (!Number.isInteger(radius) || radius < 1) fail(MODULE, cruxesMessages.badRadius(radius));
  const levels = cheeseMazeLevels('test', opts.mazes, `shared-concept/${opts.seed}`, shape);
  const labels = levels.map((level) => conceptLabels(level, concept, radius));
  const examples: Example[] = levels.map((level) => ({ level }));
  const layersOf = (spec: AgentSpec, m: NamedModel) => (typeof spec.layers === 'function' ? spec.layers(m) : spec.layers);
  const layerA = layersOf(specA, A)[opts.layer], layerB = layersOf(specB, B)[opts.layer];
  const levelsKey = `${opts.seed}|${opts.mazes}|${shape.size}|${shape.trainRegion}`;
  const actA = recalled(`${specKey(specA, opts.seed)}|${layerA}|${levelsKey}`, () => collectActivations(A, examples, layerA));
  const actB = recalled(`${specKey(specB, opts.seed)}|${layerB}|${levelsKey}`, () => collectActivations(B, examples, layerB));
  const ra = cellRows(actA.data, actA.shape, levels, labels), rb = cellRows(actB.data, actB.shape, levels, labels);
  const fitMazes = Math.max(1, Math.floor(0.7 * opts.mazes));
  const fit = ra.maze.map((m) => m < fitMazes), test = fit.map((f) => !f);
  const pick = <T>(xs: readonly T[], mask: readonly boolean[]) => xs.filter((_, i) => mask[i]);
  const labelFit = pick(ra.label, fit).map((c) => [c]);
  const fitA = pick(ra.rows, fit), fitB = pick(rb.rows, fit);
  const probeA = ridge(fitA, labelFit), probeB = ridge(fitB, labelFit);
  const testA = pick(ra.rows, test), testB = pick(rb.rows, test);
  const labelTest = pick(ra.label, test), mazeTest = pick(ra.maze, test);
  const score = (s: number[]) => (concept === 'cheese' ? argmaxAccuracy(s, labelTest, mazeTest) : perMazeAuc(s, labelTest, mazeTest));
  const ownA = score(testA.map((x) => apply(probeA, x)[0]));
  const ownB = score(testB.map((x) => apply(probeB, x)[0]));
  const mapAB = ridge(fitA, fitB), mapBA = ridge(fitB, fitA);
  const transfer = score(testA.map((x) => apply(probeB, apply(mapAB, x))[0]));
  const transferBA = score(testB.map((x) => apply(probeA, apply(mapBA, x))[0]));
  // The input baselines: each agent's probe read through a linear map from the observation, over a
  // window reaching as far as the concept does (and, for comparison, at the cell alone). One ridge
  // fit maps the input into both agents' features at once (its columns are independent).
  const qA = fitA[0].length;
  const intoBoth = (rows: number[][]): [number, number] => {
    const map = ridge(pick(rows, fit), fitA.map((r, i) => [...r, ...fitB[i]]));
    const mapped = pick(rows, test).map((x) => apply(map, x));
    return [score(mapped.map((y) => apply(probeB, y.slice(qA))[0])), score(mapped.map((y) => apply(probeA, y.slice(0, qA))[0]))];
  };
  const asked = opts.window ?? -1;
  if (!Number.isInteger(asked) || asked < -1) fail(MODULE, cruxesMessages.badWindow(opts.window));
  const reach = concept === 'near' ? Math.min(radius + 1, shape.size - 1) : concept === 'closer' ? shape.size - 1 : 0;
  const window = asked >= 0 ? asked : reach;
  const actObs = collectActivations(A, examples, 'obs');
  const ro = cellRows(actObs.data, actObs.shape, levels, labels);
  const win = windowedObservation(actObs.data, actObs.shape, window);
  const rw = cellRows(win.data, win.shape, levels, labels);
  const [inputTransfer, inputTransferA] = intoBoth(rw.rows);
  const inputCellTransfer = window === 0 ? inputTransfer : intoBoth(ro.rows)[0];
  const testLabels = labels.slice(fitMazes);
  const shares = testLabels.map((l) => { const scored = l.filter((v) => v >= 0); return scored.filter((v) => v === 1).length / Math.max(1, scored.length); });
  const baseRate = shares.reduce((s, v) => s + v, 0) / Math.max(1, shares.length);
  const chance = concept === 'cheese' ? baseRate : 0.5;
  return {
    ownA, ownB, transfer, transferBA, inputTransfer, inputTransferA, inputCellTransfer, window, reach, cka: linearCka(testA, testB), chance, baseRate,
    layers: { a: layerA, b: layerB }, descriptions: { a: specA.description, b: specB.description },
  };
}
