/**
 * Activation patching (causal tracing): run the model with the cheese at A (clean) and at B
 * (corrupt); copy one piece of the corrupt run's activations into the clean run and measure how
 * much of the behaviour change that piece alone carries. 1 = the patched piece moves the model all
 * the way to its B-behaviour; 0 = no effect.
 */
import * as tf from '@tensorflow/tfjs';
import { fail } from '../core/errors';
import type { NamedModel } from '../mesa/model';
import { observeBatch } from '../mesa/rollout';
import type { ChartRow, VlSpec } from '../viz/index';
import { heatmap } from '../viz/index';
import type { Example } from './activations';
import { spatialLayer } from './activations';
import { interpMessages } from './messages';

/** A clean and a corrupt input (same maze and mouse, the cheese moved). */
export interface PatchPair { clean: Example; corrupt: Example }

export interface PatchingResult {
  /** Rows `{layer, unit, effect}` (unit = channel index, or "x,y" for positions). */
  rows: ChartRow[];
  /** Pairs whose clean and corrupt actions differed (only these are scored). */
  pairs: number;
  chart: VlSpec;
}

/**
 * A patch that replaces one channel (or, with `channel` -1, every channel) of an activation
 * [B, H, W, C] with its value in `source` (the same layer in another run), at every cell.
 *
 * @example
 * const b = agent.forward(corrupt, { read: ['iter.3.h'] });
 * agent.forward(clean, { patch: { 'iter.3.h': channelPatch(b.acts['iter.3.h'], 5) } });
 */
export function channelPatch(source: tf.Tensor, channel: number): (activation: tf.Tensor) => tf.Tensor {
  const C = source.shape[source.rank - 1] as number;
  if (source.rank !== 4) fail('interp/patching', interpMessages.patchSourceRank(source.shape));
  if (!Number.isInteger(channel) || channel < -1 || channel >= C) fail('interp/patching', interpMessages.badChannel('the source activation', channel, C));
  return (act: tf.Tensor) => tf.tidy(() => {
    if (channel < 0) return source.clone();
    const sel = new Float32Array(C); sel[channel] = 1;
    const m = tf.tensor4d(sel, [1, 1, 1, C]);
    return tf.add(tf.mul(act, tf.sub(1, m)), tf.mul(source, m));
  });
}

/**
 * Effect of patching each channel (`by: 'channel'`) or each cell (`by: 'position'`) of the given
 * spatial layers. The metric is the log-probability of the corrupt run's action; the effect is
 * (patched - clean) / (corrupt - clean), averaged over pairs whose actions differ. With
 * `together`, each unit is patched in every listed layer at once (e.g. every iteration of a
 * recurrent state, which shares its channels), giving one row per unit.
 */
export function activationPatching(model: NamedModel, pairs: readonly PatchPair[], layers: readonly string[], opts: { by?: 'channel' | 'position'; together?: boolean } = {}): PatchingResult {
  const by = opts.by ?? 'channel';
  const clean = observeBatch(pairs.map((p) => p.clean.level), pairs.map((p) => p.clean.mouse ?? p.clean.level.start));
  const corrupt = observeBatch(pairs.map((p) => p.corrupt.level), pairs.map((p) => p.corrupt.mouse ?? p.corrupt.level.start));
  const c = tf.tidy(() => model.forward(clean, {}).logits.logSoftmax());
  const k = model.forward(corrupt, { read: layers });
  const kLog = tf.tidy(() => k.logits.logSoftmax());
  const cleanLp = c.arraySync() as number[][], corruptLp = kLog.arraySync() as number[][];
  const target = corruptLp.map((r) => r.indexOf(Math.max(...r)));
  const cleanAct = cleanLp.map((r) => r.indexOf(Math.max(...r)));
  const keep = pairs.map((_, i) => target[i] !== cleanAct[i]);
  const nKeep = keep.filter(Boolean).length;
  if (nKeep === 0) {
    [clean, corrupt, c, kLog, k.logits, ...Object.values(k.acts)].forEach((t) => t.dispose());
    fail('interp/patching', interpMessages.noPairs());
  }
  const rows: ChartRow[] = [];
  const score = (patched: number[][]) => {
    let s = 0;
    for (let i = 0; i < pairs.length; i++) {
      if (!keep[i]) continue;
      const t = target[i];
      const denom = corruptLp[i][t] - cleanLp[i][t];
      s += Math.abs(denom) < 1e-6 ? 0 : (patched[i][t] - cleanLp[i][t]) / denom;
    }
    return s / nKeep;
  };
  const groups = opts.together ? [layers.slice()] : layers.map((l) => [l]);
  if (opts.together) {
    const shapes = new Set(layers.map((l) => JSON.stringify(spatialLayer(model, l))));
    if (shapes.size > 1) fail('interp/patching', interpMessages.mixedShapes(layers));
  }
  for (const group of groups) {
    const { H, W, C } = spatialLayer(model, group[0]);
    const layer = group.length === 1 ? group[0] : `${group[0]} … ${group[group.length - 1]}`;
    const units = by === 'channel' ? C : H * W;
    for (let u = 0; u < units; u++) {
      const mask = new Float32Array(H * W * C);
      for (let j = 0; j < H * W; j++) for (let ch = 0; ch < C; ch++) {
        if (by === 'channel' ? ch === u : j === u) mask[j * C + ch] = 1;
      }
      const patched = tf.tidy(() => {
        const m = tf.tensor(mask, k.acts[group[0]].shape.slice(1));
        const patch = Object.fromEntries(group.map((l) => [l, (a: tf.Tensor) => tf.add(tf.mul(a, tf.sub(1, m)), tf.mul(k.acts[l], m))]));
        return model.forward(clean, { patch }).logits.logSoftmax();
      });
      const effect = score(patched.arraySync() as number[][]);
      patched.dispose();
      rows.push(by === 'channel' ? { layer, unit: u, effect } : { layer, x: u % W, y: Math.floor(u / W), unit: `${u % W},${Math.floor(u / W)}`, effect });
    }
  }
  [clean, corrupt, c, kLog, k.logits, ...Object.values(k.acts)].forEach((t) => t.dispose());
  const chart = by === 'channel'
    ? heatmap(rows, { x: 'unit', y: 'layer', value: 'effect', title: 'Activation patching: effect of each channel', xTitle: 'channel', scheme: 'redblue' })
    : heatmap(rows, { x: 'x', y: 'y', value: 'effect', title: `Causal tracing over cells (${layers.join(', ')})`, scheme: 'redblue' });
  return { rows, pairs: nKeep, chart };
}
