/**
 * A tiny "transformer-lite" that stores the facts of a {@link FactWorld}: three token positions
 * (two name tokens, one relation token), a residual stream at each position, and `layers` blocks.
 * Each block first mixes positions (position-only causal attention: a learned weight for each
 * earlier position, then a value projection), then applies an MLP to every position separately:
 *
 *   x_t ← x_t + Σ_{u ≤ t} softmax(A_l[t])_u · x_u V_l
 *   x_t ← x_t + relu(x_t W_in + b_in) W_out + b_out        (the MLP: a key→value memory)
 *
 * The answer is read from the last position. Nothing tells the network where to keep facts;
 * causal tracing finds out where it did. Hooks let a caller corrupt, read and overwrite the
 * residual stream and each MLP's output at any (layer, position).
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../../../lib/core/rng';
import { fail } from '../../../lib/core/errors';
import { editingMessages } from './messages';
import type { FactPrompt, FactWorld } from './facts';

const MODULE = 'editing/fact-model';
export const POSITIONS = 3;
export const POSITION_NAMES = ['name token 1', 'name token 2 (last subject token)', 'relation token'] as const;

export interface FactModelConfig {
  /** Blocks (default 4). */
  layers?: number;
  /** Residual width (default 24). */
  dim?: number;
  /** MLP hidden units, the keys' dimension (default 48). */
  hidden?: number;
  /**
   * First block in which the relation token may read the subject (default layers / 2), and then
   * only its last token. Before it, the relation token sees only itself: the subject is "enriched"
   * at its own tokens first and read off later — the two-stage shape Meng et al. found in GPT,
   * wired in here because a model this small would otherwise smear the fact over every position.
   */
  readFrom?: number;
  seed?: number | string;
}

/** Hooks into a forward pass; each returns the tensor to use instead (or the one it was given). */
export interface FactHooks {
  /** Residual stream at position t after block l. */
  state?: (layer: number, position: number, x: tf.Tensor2D) => tf.Tensor2D;
  /** Output of block l's MLP at position t (before it is added to the stream). */
  mlp?: (layer: number, position: number, out: tf.Tensor2D) => tf.Tensor2D;
  /** Embeddings at position t (e.g. to add noise). */
  embed?: (position: number, x: tf.Tensor2D) => tf.Tensor2D;
}

export interface FactForward {
  logits: tf.Tensor2D;
  /** states[l][t]: residual stream after block l at position t. */
  states: tf.Tensor2D[][];
  /** keys[l][t]: MLP hidden activations (the keys) of block l at position t. */
  keys: tf.Tensor2D[][];
  /** mlpOut[l][t]: MLP outputs. */
  mlpOut: tf.Tensor2D[][];
}

type WeightMap = Record<string, { shape: number[]; values: number[] }>;

function uniform(rng: Rng, n: number, limit: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.float(-limit, limit);
  return out;
}

export class FactModel {
  readonly layers: number;
  readonly dim: number;
  readonly hidden: number;
  readonly vocab: number;
  readonly answers: number;
  readonly config: Required<FactModelConfig>;
  private readonly vars = new Map<string, tf.Variable>();

  constructor(world: FactWorld, config: FactModelConfig = {}) {
    const layers = config.layers ?? 4, dim = config.dim ?? 24, hidden = config.hidden ?? 48;
    const readFrom = config.readFrom ?? Math.floor(layers / 2);
    if (!Number.isInteger(readFrom) || readFrom < 0 || readFrom >= layers) fail(MODULE, editingMessages.badCount('readFrom', readFrom, 0, layers - 1));
    if (!Number.isInteger(layers) || layers < 1 || layers > 12) fail(MODULE, editingMessages.badCount('layers', layers, 1, 12));
    if (!Number.isInteger(dim) || dim < 2 || dim > 256) fail(MODULE, editingMessages.badCount('dim', dim, 2, 256));
    if (!Number.isInteger(hidden) || hidden < 2 || hidden > 1024) fail(MODULE, editingMessages.badCount('hidden', hidden, 2, 1024));
    this.layers = layers; this.dim = dim; this.hidden = hidden;
    this.vocab = world.vocab.length; this.answers = world.answers.length;
    this.config = { layers, dim, hidden, readFrom, seed: config.seed ?? 1 };
    const rng = createRng(`fact-model/${String(this.config.seed)}`);
    const add = (name: string, shape: number[], values: Float32Array) => this.vars.set(name, tf.variable(tf.tensor(values, shape), true));
    const g = (a: number, b: number) => Math.sqrt(6 / (a + b));
    add('embed', [this.vocab, dim], uniform(rng, this.vocab * dim, 1));
    add('pos', [POSITIONS, dim], uniform(rng, POSITIONS * dim, 0.5));
    for (let l = 0; l < layers; l++) {
      add(`mix${l}`, [POSITIONS, POSITIONS], new Float32Array(POSITIONS * POSITIONS));
      add(`wv${l}`, [dim, dim], uniform(rng, dim * dim, g(dim, dim)));
      add(`win${l}`, [dim, hidden], uniform(rng, dim * hidden, g(dim, hidden)));
      add(`bin${l}`, [hidden], new Float32Array(hidden));
      add(`wout${l}`, [hidden, dim], uniform(rng, hidden * dim, g(hidden, dim)));
      add(`bout${l}`, [dim], new Float32Array(dim));
    }
    add('unembed', [dim, this.answers], uniform(rng, dim * this.answers, g(dim, this.answers)));
    add('bunembed', [this.answers], new Float32Array(this.answers));
  }

  /** A variable by name (`embed`, `pos`, `mix{l}`, `wv{l}`, `win{l}`, `bin{l}`, `wout{l}`, `bout{l}`, `unembed`, `bunembed`). */
  v(name: string): tf.Variable {
    const t = this.vars.get(name);
    if (!t) fail(MODULE, editingMessages.badWeights(name));
    return t;
  }

  get variables(): tf.Variable[] { return [...this.vars.values()]; }

  /**
   * Forward pass over prompts (token triples). Call inside tf.tidy. Positions are computed together
   * (one matMul per weight); a hook on a layer splits that layer's stream into positions.
   * With `record` false (training), states, keys and MLP outputs are not returned.
   */
  forward(tokens: tf.Tensor2D, hooks: FactHooks = {}, record = true): FactForward {
    const B = tokens.shape[0], P = POSITIONS, d = this.dim, H = this.hidden;
    // One-hot × embedding rather than gather: the wasm backend has no gradient kernel for gather.
    const onehot = tf.oneHot(tokens.reshape([B * P]).toInt() as tf.Tensor1D, this.vocab).toFloat() as tf.Tensor2D;
    let x = tf.add(tf.matMul(onehot, this.v('embed') as tf.Tensor2D).reshape([B, P, d]), this.v('pos')) as tf.Tensor3D;
    if (hooks.embed) x = tf.stack(tf.unstack(x, 1).map((xt, t) => hooks.embed!(t, xt as tf.Tensor2D)), 1) as tf.Tensor3D;
    const states: tf.Tensor2D[][] = [], keys: tf.Tensor2D[][] = [], mlpOut: tf.Tensor2D[][] = [];
    const late = tf.tensor2d([[0, -1e9, -1e9], [0, 0, -1e9], [-1e9, 0, 0]]);
    const early = tf.tensor2d([[0, -1e9, -1e9], [0, 0, -1e9], [-1e9, -1e9, 0]]);
    const split = (t: tf.Tensor3D) => tf.unstack(t, 1) as tf.Tensor2D[];
    for (let l = 0; l < this.layers; l++) {
      const attn = tf.softmax(tf.add(this.v(`mix${l}`), l < this.config.readFrom ? early : late)) as tf.Tensor2D;
      const vals = tf.matMul(x.reshape([B * P, d]), this.v(`wv${l}`) as tf.Tensor2D).reshape([B, P, d]);
      const byPos = tf.transpose(vals, [1, 0, 2]).reshape([P, B * d]);
      const mixedT = tf.matMul(attn, byPos as tf.Tensor2D).reshape([P, B, d]);
      const mixed = tf.add(x, tf.transpose(mixedT, [1, 0, 2])) as tf.Tensor3D;
      const k = tf.relu(tf.add(tf.matMul(mixed.reshape([B * P, d]), this.v(`win${l}`) as tf.Tensor2D), this.v(`bin${l}`))) as tf.Tensor2D;
      let o = tf.add(tf.matMul(k, this.v(`wout${l}`) as tf.Tensor2D), this.v(`bout${l}`)).reshape([B, P, d]) as tf.Tensor3D;
      if (hooks.mlp) o = tf.stack(split(o).map((ot, t) => hooks.mlp!(l, t, ot)), 1) as tf.Tensor3D;
      x = tf.add(mixed, o) as tf.Tensor3D;
      if (hooks.state) x = tf.stack(split(x).map((xt, t) => hooks.state!(l, t, xt)), 1) as tf.Tensor3D;
      if (record) { states.push(split(x)); keys.push(split(k.reshape([B, P, H]) as tf.Tensor3D)); mlpOut.push(split(o)); }
    }
    const last = tf.slice(x, [0, P - 1, 0], [B, 1, d]).reshape([B, d]) as tf.Tensor2D;
    const logits = tf.add(tf.matMul(last, this.v('unembed') as tf.Tensor2D), this.v('bunembed')) as tf.Tensor2D;
    return { logits, states, keys, mlpOut };
  }

  /** Probabilities of every answer for each prompt ([prompts][answers]). */
  probabilities(prompts: readonly FactPrompt[], hooks: FactHooks = {}): number[][] {
    if (prompts.length === 0) return [];
    return tf.tidy(() => tf.softmax(this.forward(promptTensor(prompts), hooks, false).logits)).arraySync() as number[][];
  }

  /** The predicted answer index for each prompt. */
  predict(prompts: readonly FactPrompt[], hooks: FactHooks = {}): number[] {
    return this.probabilities(prompts, hooks).map(argmax);
  }

  /** Fraction of prompts answered correctly. */
  accuracy(prompts: readonly FactPrompt[]): number {
    const p = this.predict(prompts);
    return prompts.length ? p.filter((a, i) => a === prompts[i].answer).length / prompts.length : 0;
  }

  /** Weights as plain arrays (for caching). */
  getWeights(): WeightMap {
    const out: WeightMap = {};
    for (const [name, t] of this.vars) out[name] = { shape: t.shape.slice(), values: Array.from(t.dataSync()) };
    return out;
  }

  setWeights(weights: WeightMap): void {
    for (const [name, t] of this.vars) {
      const w = weights[name];
      if (!w || w.shape.join(',') !== t.shape.join(',')) fail(MODULE, editingMessages.badWeights(name));
      t.assign(tf.tensor(w.values, w.shape));
    }
  }

  /** An independent copy (same weights) — edits go to copies, so the original stays for comparison. */
  clone(world: FactWorld): FactModel {
    const m = new FactModel(world, this.config);
    m.setWeights(this.getWeights());
    return m;
  }

  dispose(): void { for (const t of this.vars.values()) t.dispose(); this.vars.clear(); }
}

/** Token ids of prompts as a [B, 3] tensor. */
export function promptTensor(prompts: readonly FactPrompt[]): tf.Tensor2D {
  return tf.tensor2d(prompts.map((p) => p.tokens), [prompts.length, POSITIONS], 'int32');
}

export function argmax(row: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < row.length; i++) if (row[i] > row[best]) best = i;
  return best;
}
