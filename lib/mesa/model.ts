/**
 * The common shape of every learned agent: a forward pass written as a sequence of named
 * activations, each of which can be read or overwritten by name. Probes, activation patching,
 * steering and retargeting all go through this one mechanism.
 */
import * as tf from '@tensorflow/tfjs';
import { fail } from '../core/errors';
import { CHEESE_MAZE_CHANNELS } from '../envs/cheese-maze';
import { mesaMessages } from './messages';

/** Replaces an activation: a tensor of the same shape, or a function of the clean activation. */
export type Patch = tf.Tensor | ((activation: tf.Tensor) => tf.Tensor);

export interface ForwardOptions {
  /** Activations to return (by name), or 'all'. */
  read?: readonly string[] | 'all';
  /** Activations to overwrite during the pass (by name). */
  patch?: Record<string, Patch>;
}

export interface ForwardResult {
  /** Action logits [B, 4] (up, right, down, left). */
  logits: tf.Tensor2D;
  /** The activations asked for in `read`, by name (after any patch). */
  acts: Record<string, tf.Tensor>;
}

/** One named activation: its per-example shape and whether its first two axes are the maze grid. */
export interface LayerInfo {
  name: string;
  /** Shape without the batch axis, e.g. [9, 9, 8]. */
  shape: number[];
  /** True when the shape is [H, W] or [H, W, C] over the maze cells. */
  spatial: boolean;
  description: string;
  /**
   * True for a copy of the observation (the input, or the input fed in again at an iteration).
   * Locating procedures treat such layers as the input baseline. When no layer is flagged, the
   * first layer is taken to be the input.
   */
  input?: boolean;
}

/** A trained (or untrained) agent over cheese-maze observations. */
export interface NamedModel {
  readonly kind: string;
  /** Maze side length the model reads. */
  readonly size: number;
  readonly layers: readonly LayerInfo[];
  /** Trainable variables (for the base optimizer). */
  readonly variables: readonly tf.Variable[];
  /** Forward pass over observations [B, H, W, 5]. Call inside tf.tidy (or dispose the result). */
  forward(obs: tf.Tensor4D, opts?: ForwardOptions): ForwardResult;
  /** Number of trainable parameters. */
  parameterCount(): number;
  /** Weights as plain arrays (for saving). */
  getWeights(): Record<string, { shape: number[]; values: number[] }>;
  setWeights(weights: Record<string, { shape: number[]; values: number[] }>): void;
  dispose(): void;
}

/**
 * Helper the models use inside `forward`: applies the patch for `name` (if any) and records the
 * activation when it was asked for.
 */
export class Tap {
  readonly acts: Record<string, tf.Tensor> = {};
  private readonly wanted: Set<string> | 'all';
  constructor(private readonly model: { layers: readonly LayerInfo[] }, private readonly opts: ForwardOptions = {}) {
    const known = model.layers.map((l) => l.name);
    const names = [...(opts.read === 'all' || opts.read === undefined ? [] : opts.read), ...Object.keys(opts.patch ?? {})];
    for (const n of names) if (!known.includes(n)) fail('mesa/model', mesaMessages.unknownLayer(n, known));
    this.wanted = opts.read === 'all' ? 'all' : new Set(opts.read ?? []);
  }
  at<T extends tf.Tensor>(name: string, t: T): T {
    const p = this.opts.patch?.[name];
    let out: tf.Tensor = t;
    if (p !== undefined) {
      out = typeof p === 'function' ? p(t) : p;
      if (out.shape.length !== t.shape.length || out.shape.some((d, i) => i > 0 && d !== t.shape[i])) {
        fail('mesa/model', mesaMessages.badPatchShape(name, out.shape, t.shape));
      }
      if (out.shape[0] !== t.shape[0]) out = tf.broadcastTo(out, t.shape);
    }
    if (this.wanted === 'all' || this.wanted.has(name)) this.acts[name] = out;
    return out as T;
  }
}

let varCounter = 0;

/** Base class: named variables, weights get/set. */
export abstract class VariableStore {
  protected readonly vars = new Map<string, tf.Variable>();
  get variables(): tf.Variable[] { return [...this.vars.values()]; }
  protected addVar(name: string, shape: number[], values: Float32Array): tf.Variable {
    varCounter += 1;
    const v = tf.variable(tf.tensor(values, shape), true, `mesa-${name}-${varCounter}`);
    this.vars.set(name, v);
    return v;
  }
  protected v(name: string): tf.Variable { return this.vars.get(name)!; }
  parameterCount(): number { return this.variables.reduce((s, v) => s + v.size, 0); }
  getWeights(): Record<string, { shape: number[]; values: number[] }> {
    const out: Record<string, { shape: number[]; values: number[] }> = {};
    for (const [name, v] of this.vars) out[name] = { shape: v.shape.slice(), values: Array.from(v.dataSync()) };
    return out;
  }
  setWeights(weights: Record<string, { shape: number[]; values: number[] }>): void {
    for (const [name, v] of this.vars) {
      const w = weights[name];
      if (!w || w.shape.length !== v.shape.length || w.shape.some((d, i) => d !== v.shape[i])) fail('mesa/model', mesaMessages.badWeights(name));
      v.assign(tf.tensor(w.values, v.shape));
    }
  }
  dispose(): void { for (const v of this.vars.values()) v.dispose(); this.vars.clear(); }
}

/** Throws unless `size` is a maze side an agent can be built for: an odd integer in 5..25. */
export function checkAgentSize(module: string, size: unknown): void {
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 5 || size > 25 || size % 2 === 0) fail(module, mesaMessages.badSize(size));
}

/** Throws unless `obs` is a batch of `size`×`size` cheese-maze observations; returns [B, H, W]. */
export function checkObservation(module: string, obs: tf.Tensor4D, size: number): [number, number, number] {
  const [B, H, W, C] = obs.shape;
  if (H !== size || W !== size || C !== CHEESE_MAZE_CHANNELS.length) {
    fail(module, mesaMessages.badObsShape(obs.shape, [size, size, CHEESE_MAZE_CHANNELS.length]));
  }
  return [B, H, W];
}
