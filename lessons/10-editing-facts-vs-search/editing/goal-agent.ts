/**
 * A small learned agent with a separate, editable target representation, for comparing a fact
 * edit with an edit of what a search pursues.
 *
 * Environment: an open `size × size` room with one object of each kind (cheese, key, gem, flag) at
 * random cells, and an instruction naming one kind. The agent is a fixed search (shortest path to
 * the best cell) over a learned *target map*:
 *
 *   hidden = relu(G[goal] + b)                      the instruction's key
 *   z      = hidden · W                             weights over the cell features
 *   target[c] = Σ_j z_j · feature_j(c)              features: one channel per object kind, x, y
 *
 * W is a linear key→value memory from instructions to "what to look for", exactly the kind of
 * layer ROME edits. Trained by gradient descent so the target map peaks on the named object.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../lib/core/rng';
import { fail } from '../../../lib/core/errors';
import { editingMessages } from './messages';
import { rankOneUpdate, secondMoment, type Matrix } from './linalg';
import { configHash, readCache, writeCache } from '../../../lib/core/cache';

const MODULE = 'editing/goal-agent';
export const GOAL_KINDS = ['cheese', 'key', 'gem', 'flag'] as const;
export type GoalKind = typeof GOAL_KINDS[number];
/** Feature channels of a cell: one per object kind, then x and y (scaled to [0, 1]). */
export const CELL_FEATURES = [...GOAL_KINDS, 'x', 'y'] as const;

export interface Room { size: number; objects: { kind: GoalKind; x: number; y: number }[]; start: { x: number; y: number } }

/** Seeded rooms: each kind once, at distinct cells, and a start cell with no object. */
export function makeRooms(count: number, size: number, seed: number | string): Room[] {
  if (!Number.isInteger(size) || size < 3 || size > 25) fail(MODULE, editingMessages.badCount('size', size, 3, 25));
  if (!Number.isInteger(count) || count < 1 || count > 10000) fail(MODULE, editingMessages.badCount('count', count, 1, 10000));
  const rng = createRng(`rooms/${String(seed)}`);
  return Array.from({ length: count }, () => {
    const cells = rng.shuffle(Array.from({ length: size * size }, (_, i) => i)).slice(0, GOAL_KINDS.length + 1);
    const at = (i: number) => ({ x: cells[i] % size, y: Math.floor(cells[i] / size) });
    return { size, objects: GOAL_KINDS.map((kind, i) => ({ kind, ...at(i) })), start: at(GOAL_KINDS.length) };
  });
}

/** Cell features of a room, [size², features]. */
function roomFeatures(room: Room): number[][] {
  const n = room.size, out: number[][] = [];
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
    const f = GOAL_KINDS.map((k) => (room.objects.some((o) => o.kind === k && o.x === x && o.y === y) ? 1 : 0));
    out.push([...f, x / (n - 1), y / (n - 1)]);
  }
  return out;
}

export interface GoalAgentConfig { hidden?: number; steps?: number; learningRate?: number; rooms?: number; size?: number; seed?: number | string; cache?: boolean }

export class GoalAgent {
  readonly hidden: number;
  readonly config: Required<Omit<GoalAgentConfig, 'cache'>>;
  /** Instruction embeddings G [kinds, hidden], bias b [hidden], memory W [hidden, features]. */
  g: tf.Variable; b: tf.Variable; w: tf.Variable;
  constructor(config: GoalAgentConfig = {}) {
    this.config = { hidden: config.hidden ?? 8, steps: config.steps ?? 150, learningRate: config.learningRate ?? 0.05, rooms: config.rooms ?? 48, size: config.size ?? 7, seed: config.seed ?? 1 };
    const rng = createRng(`goal-agent/${String(this.config.seed)}`);
    const H = this.hidden = this.config.hidden, K = GOAL_KINDS.length, F = CELL_FEATURES.length;
    const u = (n: number, lim: number) => Float32Array.from({ length: n }, () => rng.float(-lim, lim));
    this.g = tf.variable(tf.tensor2d(u(K * H, 1), [K, H]));
    this.b = tf.variable(tf.tensor1d(u(H, 0.1)));
    this.w = tf.variable(tf.tensor2d(u(H * F, Math.sqrt(6 / (H + F))), [H, F]));
  }

  /** Target-map logits [rooms, cells] for each (room, instruction). Call inside tf.tidy. */
  targetLogits(rooms: readonly Room[], goals: readonly number[], w: tf.Tensor = this.w): tf.Tensor2D {
    const feats = tf.tensor3d(rooms.map(roomFeatures));                          // [B, cells, F]
    const z = this.valueOf(goals, w);                                             // [B, F]
    return tf.squeeze(tf.matMul(feats, z.expandDims(2)), [2]) as tf.Tensor2D;    // [B, cells]
  }

  /** z = relu(G[goal] + b) · W for each instruction. */
  valueOf(goals: readonly number[], w: tf.Tensor = this.w): tf.Tensor2D {
    return tf.matMul(this.keysTensor(goals), w as tf.Tensor2D);
  }

  keysTensor(goals: readonly number[]): tf.Tensor2D {
    const onehot = tf.oneHot(tf.tensor1d([...goals], "int32"), GOAL_KINDS.length).toFloat() as tf.Tensor2D;
    return tf.relu(tf.add(tf.matMul(onehot, this.g as tf.Tensor2D), this.b)) as tf.Tensor2D;
  }

  /** The key (hidden activation) of each instruction. */
  keys(): Float64Array[] {
    return (tf.tidy(() => this.keysTensor(GOAL_KINDS.map((_, i) => i)).arraySync()) as number[][]).map((r) => Float64Array.from(r));
  }

  /** The cell the search heads for in each (room, instruction): the target map's best cell. */
  targets(rooms: readonly Room[], goals: readonly number[]): { x: number; y: number }[] {
    const best = tf.tidy(() => this.targetLogits(rooms, goals).argMax(1).arraySync()) as number[];
    return best.map((c, i) => ({ x: c % rooms[i].size, y: Math.floor(c / rooms[i].size) }));
  }

  /** The weights as plain arrays. */
  getWeights() { return { g: Array.from(this.g.dataSync()), b: Array.from(this.b.dataSync()), w: Array.from(this.w.dataSync()) }; }
  setWeights(x: { g: number[]; b: number[]; w: number[] }) {
    if (x.g?.length !== this.g.size || x.b?.length !== this.b.size || x.w?.length !== this.w.size) fail(MODULE, editingMessages.badWeights('g/b/w'));
    this.g.assign(tf.tensor(x.g, this.g.shape)); this.b.assign(tf.tensor(x.b, this.b.shape)); this.w.assign(tf.tensor(x.w, this.w.shape));
  }
  clone(): GoalAgent { const a = new GoalAgent(this.config); a.setWeights(this.getWeights()); return a; }
  dispose() { this.g.dispose(); this.b.dispose(); this.w.dispose(); }
}

/** Where object `kind` is in a room. */
export function objectCell(room: Room, kind: number): { x: number; y: number } {
  const o = room.objects[kind];
  return { x: o.x, y: o.y };
}

/**
 * Trains a goal agent by full-batch Adam: for every training room and instruction, cross-entropy
 * between the softmax of the target map and the named object's cell. Cached under editing/ in the lab's cache.
 */
export function trainGoalAgent(config: GoalAgentConfig = {}): { agent: GoalAgent; curve: { step: number; loss: number }[]; cached: boolean } {
  const agent = new GoalAgent(config);
  const c = agent.config;
  const key = configHash({ v: 1, ...c });
  if (config.cache !== false) {
    const hit = readCache<{ weights: ReturnType<GoalAgent['getWeights']>; curve: { step: number; loss: number }[] }>('editing/goal-agent', key);
    if (hit) { agent.setWeights(hit.weights); return { agent, curve: hit.curve, cached: true }; }
  }
  const rooms = makeRooms(c.rooms, c.size, `${String(c.seed)}/train`);
  const batchRooms: Room[] = [], goals: number[] = [], cells: number[] = [];
  rooms.forEach((r) => GOAL_KINDS.forEach((_, k) => { batchRooms.push(r); goals.push(k); const o = r.objects[k]; cells.push(o.y * r.size + o.x); }));
  const y = tf.oneHot(tf.tensor1d(cells, 'int32'), c.size * c.size);
  const opt = tf.train.adam(c.learningRate);
  const curve: { step: number; loss: number }[] = [];
  const lossFn = () => tf.losses.softmaxCrossEntropy(y, agent.targetLogits(batchRooms, goals)) as tf.Scalar;
  for (let s = 0; s <= c.steps; s++) {
    if (s % 10 === 0 || s === c.steps) curve.push({ step: s, loss: tf.tidy(() => lossFn().dataSync()[0]) });
    if (s < c.steps) tf.tidy(() => { opt.minimize(lossFn, false, [agent.g, agent.b, agent.w]); });
  }
  opt.dispose(); y.dispose();
  if (config.cache !== false) writeCache('editing/goal-agent', key, { weights: agent.getWeights(), curve });
  return { agent, curve, cached: false };
}

/** What the edited instruction should now pursue: another object kind, a corner, or the centre. */
export type NewTarget = { kind: 'object'; object: number } | { kind: 'cell'; x: number; y: number };

/** The cell a new target denotes in a room. */
export function targetCell(room: Room, t: NewTarget): { x: number; y: number } {
  return t.kind === 'object' ? objectCell(room, t.object) : { x: t.x, y: t.y };
}

/**
 * A rank-one edit of the agent's instruction→value memory W: the key of instruction `goal` gets a
 * new value z*, found by gradient descent so that the target map peaks on `target` in a set of
 * rooms; C is the second moment of all instructions' keys (or the identity).
 */
export function editGoal(agent: GoalAgent, goal: number, target: NewTarget, opts: { rooms?: number; seed?: number | string; steps?: number; covariance?: boolean } = {}): { agent: GoalAgent; loss: number } {
  if (!Number.isInteger(goal) || goal < 0 || goal >= GOAL_KINDS.length) fail(MODULE, editingMessages.unknownGoal(goal, GOAL_KINDS));
  const size = agent.config.size;
  if (target.kind === 'cell' && !(Number.isInteger(target.x) && Number.isInteger(target.y) && target.x >= 0 && target.y >= 0 && target.x < size && target.y < size)) {
    fail(MODULE, editingMessages.badCell(target.x, target.y, size));
  }
  const rooms = makeRooms(opts.rooms ?? 16, size, `${String(opts.seed ?? 1)}/edit`);
  const feats = tf.tensor3d(rooms.map(roomFeatures));
  const y = tf.oneHot(tf.tensor1d(rooms.map((r) => { const c = targetCell(r, target); return c.y * size + c.x; }), 'int32'), size * size);
  const z0 = tf.tidy(() => agent.valueOf([goal]));
  const z = tf.variable(z0.clone());
  const opt = tf.train.adam(0.1);
  const lossFn = () => tf.losses.softmaxCrossEntropy(y, tf.squeeze(tf.matMul(feats, tf.tile(z, [rooms.length, 1]).expandDims(2)), [2])) as tf.Scalar;
  for (let s = 0; s < (opts.steps ?? 150); s++) tf.tidy(() => { opt.minimize(lossFn, false, [z]); });
  const loss = tf.tidy(() => lossFn().dataSync()[0]);
  const value = Float64Array.from(z.dataSync());
  const keys = agent.keys();
  const H = agent.hidden, F = CELL_FEATURES.length, w = agent.w.dataSync();
  const wt: Matrix = { rows: F, cols: H, data: new Float64Array(F * H) };
  for (let h = 0; h < H; h++) for (let f = 0; f < F; f++) wt.data[f * H + h] = w[h * F + f];
  let diag = 0;
  const c0 = secondMoment(keys, 0);
  for (let i = 0; i < H; i++) diag += c0.data[i * H + i];
  const c = opts.covariance === false ? null : secondMoment(keys, 1e-2 * (diag / H || 1));
  const edited = rankOneUpdate(wt, keys[goal], value, c);
  const out = agent.clone();
  const nw = new Float32Array(H * F);
  for (let h = 0; h < H; h++) for (let f = 0; f < F; f++) nw[h * F + f] = edited.data[f * H + h];
  out.w.assign(tf.tensor2d(nw, [H, F]));
  feats.dispose(); y.dispose(); z0.dispose(); z.dispose(); opt.dispose();
  return { agent: out, loss };
}

/** Scores of an agent edit on held-out rooms. */
export interface GoalEditScores {
  /** Share of rooms where the edited instruction now heads for the new target. */
  efficacy: number;
  /** Share of (room, other instruction) pairs whose target did not change. */
  specificity: number;
  /** Share of rooms where the edited instruction still heads for its old object. */
  oldTarget: number;
}

export function scoreGoalEdit(before: GoalAgent, after: GoalAgent, goal: number, target: NewTarget, rooms: readonly Room[]): GoalEditScores {
  const ta = after.targets(rooms, rooms.map(() => goal));
  let eff = 0, old = 0;
  ta.forEach((t, i) => {
    const want = targetCell(rooms[i], target);
    if (t.x === want.x && t.y === want.y) eff++;
    const o = objectCell(rooms[i], goal);
    if (t.x === o.x && t.y === o.y) old++;
  });
  let spec = 0, n = 0;
  for (let k = 0; k < GOAL_KINDS.length; k++) {
    if (k === goal) continue;
    const b = before.targets(rooms, rooms.map(() => k)), a = after.targets(rooms, rooms.map(() => k));
    a.forEach((t, i) => { if (t.x === b[i].x && t.y === b[i].y) spec++; n++; });
  }
  return { efficacy: eff / rooms.length, specificity: n ? spec / n : 0, oldTarget: old / rooms.length };
}
