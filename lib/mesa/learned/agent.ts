/**
 * The learned recurrent searcher as a {@link NamedModel}: the network of net.ts (one tied 3×3
 * block applied `iterations` times, the observation re-injected each time), with the move read
 * out at the mouse's cell. Nothing in it is named planner, target or distance; whether it
 * searches is what the evidence functions (thinking-time.ts, wavefront.ts, compute-distance.ts)
 * measure.
 *
 * Named activations: `obs` [H,W,5]; `iter.K.h` [H,W,C] (the recurrent state after iteration K,
 * K = 1..iterations; patching it changes every later iteration); `moves` [H,W,4] (move logits at
 * every cell); `logits` [4] (at the mouse's cell).
 *
 * The forward pass computes in typed arrays and converts to tensors only at the activations read
 * or patched, so it is not differentiable by tfjs: train with {@link trainLearnedSearch}. The
 * `variables` mirror the weights for getWeights/setWeights.
 */
import * as tf from '@tensorflow/tfjs';
import { fail } from '../../core/errors';
import { CHEESE_MAZE_CHANNELS } from '../../envs/cheese-maze';
import type { ForwardOptions, ForwardResult, LayerInfo, NamedModel } from '../model';
import { Tap, VariableStore, checkAgentSize, checkObservation } from '../model';
import type { Arr, Geom } from './conv';
import { paddedSize } from './conv';
import { learnedMessages } from './messages';
import type { ParamLayout } from './net';
import { INPUT_CHANNELS, inputFromObservation, paramLayout, readout, run } from './net';
import type { LearnedConfig } from './config';
import type { LearnedWeights } from './weights-io';
import { paramsOf } from './weights-io';

const MODULE = 'mesa/learned-agent';
export const MAX_ITERATIONS = 2000;

export function checkIterations(module: string, n: unknown): asserts n is number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_ITERATIONS) fail(module, learnedMessages.badIterations(n));
}

/** Iterations that cover every path of a `size` maze with room to spare (3 × size + 10). */
export function defaultIterations(size: number): number {
  return 3 * size + 10;
}

export interface LearnedAgentOptions {
  /** Maze side the agent reads (the weights work at any side). */
  size: number;
  /** Iterations at test time; default {@link defaultIterations}(size). */
  iterations?: number;
}

export class LearnedSearchAgent extends VariableStore implements NamedModel {
  readonly kind = 'learned';
  readonly size: number;
  readonly config: LearnedConfig;
  readonly layout: ParamLayout;
  private paramsCache: Float32Array;
  private iters: number;
  private layerList: LayerInfo[] = [];
  constructor(weights: LearnedWeights | { config: LearnedConfig; params: Float32Array }, opts: LearnedAgentOptions) {
    super();
    checkAgentSize(MODULE, opts.size);
    this.size = opts.size;
    this.config = weights.config;
    this.layout = paramLayout(weights.config.shape);
    this.paramsCache = typeof weights.params === 'string' ? paramsOf(weights as LearnedWeights) : weights.params.slice();
    if (this.paramsCache.length !== this.layout.total) fail(MODULE, learnedMessages.badWeights(`${this.paramsCache.length} numbers, the network has ${this.layout.total}`));
    for (const t of this.layout.tensors) this.addVar(t.name, t.shape, this.paramsCache.slice(t.offset, t.offset + t.size));
    this.iters = 0;
    this.setIterations(opts.iterations ?? defaultIterations(opts.size));
  }

  /** The flat parameters (a copy). */
  get params(): Float32Array { return this.paramsCache.slice(); }
  get iterations(): number { return this.iters; }
  get layers(): readonly LayerInfo[] { return this.layerList; }

  /** Sets the number of iterations at test time (rebuilds the `iter.K.h` layer list). */
  setIterations(n: number): this {
    checkIterations(MODULE, n);
    this.iters = n;
    const s = this.size, C = this.layout.shape.state;
    this.layerList = [
      { name: 'obs', shape: [s, s, CHEESE_MAZE_CHANNELS.length], spatial: true, description: 'the observation (wall, mouse, cheese, x, y); the network reads wall, cheese, x, y' },
      ...Array.from({ length: n }, (_, k) => ({ name: `iter.${k + 1}.h`, shape: [s, s, C], spatial: true, description: `recurrent state after iteration ${k + 1} (tanh)` })),
      { name: 'moves', shape: [s, s, 4], spatial: true, description: 'move logits at every cell (up, right, down, left)' },
      { name: 'logits', shape: [4], spatial: false, description: 'move logits at the mouse\'s cell' },
    ];
    return this;
  }

  override setWeights(weights: Record<string, { shape: number[]; values: number[] }>): void {
    super.setWeights(weights);
    for (const t of this.layout.tensors) this.paramsCache.set(weights[t.name].values, t.offset);
  }

  forward(obs: tf.Tensor4D, opts: ForwardOptions = {}): ForwardResult {
    const tap = new Tap(this, opts);
    const [B, H, W] = checkObservation(MODULE, obs, this.size);
    const g: Geom = { B, H, W };
    const wants = (name: string) => opts.read === 'all' || (Array.isArray(opts.read) && opts.read.includes(name)) || opts.patch?.[name] !== undefined;
    const o = tap.at('obs', obs);
    const obsData = o.dataSync();
    const x = new Float32Array(paddedSize(g, INPUT_CHANNELS.length));
    inputFromObservation(obsData, g, x, this.layout.shape.coordinates !== false);
    const C = this.layout.shape.state;
    const h = run(this.paramsCache, this.layout, x, g, this.iters, (t, state) => {
      const name = `iter.${t}.h`;
      if (!wants(name)) return;
      const out = tap.at(name, tf.tensor4d(unpad(state, g, C), [B, H, W, C]));
      if (opts.patch?.[name] !== undefined) repad(out.dataSync(), g, C, state);
    });
    const movesPadded = readout(this.paramsCache, this.layout, h, g);
    let moves = unpad(movesPadded, g, 4);
    if (wants('moves')) moves = tap.at('moves', tf.tensor4d(moves, [B, H, W, 4])).dataSync() as Float32Array;
    const at = new Float32Array(B * 4);
    for (let b = 0; b < B; b++) {
      let mouse = -1;
      for (let i = 0; i < H * W; i++) if (obsData[(b * H * W + i) * CHEESE_MAZE_CHANNELS.length + 1] > 0.5) { mouse = i; break; }
      if (mouse < 0) fail(MODULE, learnedMessages.noMouse());
      at.set(moves.subarray((b * H * W + mouse) * 4, (b * H * W + mouse + 1) * 4), b * 4);
    }
    const logits = tap.at('logits', tf.tensor2d(at, [B, 4]));
    return { logits, acts: tap.acts };
  }
}

/** Interior cells of a padded buffer as a dense [B,H,W,C] array. */
export function unpad(a: Arr, g: Geom, c: number): Float32Array {
  const out = new Float32Array(g.B * g.H * g.W * c);
  for (let b = 0; b < g.B; b++) for (let y = 0; y < g.H; y++) {
    const src = ((b * (g.H + 2) + y + 1) * (g.W + 2) + 1) * c;
    out.set(a.subarray(src, src + g.W * c), ((b * g.H + y) * g.W) * c);
  }
  return out;
}

/** Writes a dense [B,H,W,C] array into the interior of a padded buffer. */
export function repad(dense: ArrayLike<number>, g: Geom, c: number, out: Arr): void {
  for (let b = 0; b < g.B; b++) for (let y = 0; y < g.H; y++) for (let x = 0; x < g.W; x++) {
    const dst = ((b * (g.H + 2) + y + 1) * (g.W + 2) + x + 1) * c, src = ((b * g.H + y) * g.W + x) * c;
    for (let k = 0; k < c; k++) out[dst + k] = dense[src + k];
  }
}
