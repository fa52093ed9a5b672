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
 * Effect of patching each channel (`by: 'channel'`) or each cell (`by: 'position'`) of the given
 * spatial layers. The metric is the log-probability of the corrupt run's action; the effect is
 * (patched - clean) / (corrupt - clean), averaged over pairs whose actions differ.
 */
export function activationPatching(model: NamedModel, pairs: readonly PatchPair[], layers: readonly string[], opts: { by?: 'channel' | 'position' } = {}): PatchingResult {
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
  for (const layer of layers) {
    const { H, W, C } = spatialLayer(model, layer);
    const src = k.acts[layer];
    const units = by === 'channel' ? C : H * W;
    for (let u = 0; u < units; u++) {
      const mask = new Float32Array(H * W * C);
      for (let j = 0; j < H * W; j++) for (let ch = 0; ch < C; ch++) {
        if (by === 'channel' ? ch === u : j === u) mask[j * C + ch] = 1;
      }
      const patched = tf.tidy(() => {
        const m = tf.tensor(mask, src.shape.slice(1));
        const fn = (a: tf.Tensor) => tf.add(tf.mul(a, tf.sub(1, m)), tf.mul(src, m));
        return model.forward(clean, { patch: { [layer]: fn } }).logits.logSoftmax();
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
