/**
 * Causal tracing (Meng et al. 2022): where in the network does a fact live? Run each prompt
 * clean; run it again with noise added to the subject's token embeddings (the answer is usually
 * lost); then, one (layer, position) at a time, put back the clean value of a hidden state and see
 * how much of the right answer's probability comes back. States whose restoration brings the
 * answer back carry the fact at that point of the computation.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../lib/core/rng';
import { fail } from '../../../lib/core/errors';
import { editingMessages } from './messages';
import { factPrompt, type FactPrompt, type FactWorld } from './facts';
import { FactModel, POSITIONS, POSITION_NAMES, promptTensor } from './fact-model';

const MODULE = 'editing/trace';

export interface TraceOptions {
  /** Noise standard deviation, as a multiple of the embeddings' standard deviation (default 3). */
  noise?: number;
  /** Noise draws per prompt (default 4). */
  samples?: number;
  /** Which relation to ask (default 0, "… is located in the city of"). */
  relation?: number;
  /** Which token positions get the noise (default the subject's, [0, 1]). */
  corrupt?: readonly number[];
  seed?: number | string;
}

/** One cell of the trace: restoring `what` at (layer, position). */
export interface TraceCell {
  layer: number;
  position: number;
  positionName: string;
  what: 'state' | 'mlp';
  /** Mean probability of the correct answer with this one state restored. */
  restored: number;
  /** (restored − corrupted) / (clean − corrupted): 1 = fully recovered, 0 = no help. */
  recovery: number;
}

export interface TraceResult {
  /** Mean probability of the correct answer: clean, and with the subject corrupted. */
  clean: number;
  corrupted: number;
  cells: TraceCell[];
  prompts: number;
}

/**
 * Traces the model on every landmark it answers correctly (one relation), restoring the residual
 * stream ('state') and, separately, each MLP's output ('mlp') at every layer and position.
 *
 * @example
 * const trace = causalTrace(model, world, { noise: 3, samples: 4, seed: 1 });
 * heatmap(trace.cells.filter((c) => c.what === 'state'), { x: 'layer', y: 'positionName', value: 'recovery' });
 */
export function causalTrace(model: FactModel, world: FactWorld, opts: TraceOptions = {}): TraceResult {
  const noise = opts.noise ?? 3, samples = opts.samples ?? 4, relation = opts.relation ?? 0;
  const corrupt = opts.corrupt ?? [0, 1];
  if (!(noise > 0)) fail(MODULE, editingMessages.badPositive('noise', noise));
  if (!Number.isInteger(samples) || samples < 1 || samples > 100) fail(MODULE, editingMessages.badCount('samples', samples, 1, 100));
  for (const p of corrupt) if (!Number.isInteger(p) || p < 0 || p >= POSITIONS) fail(MODULE, editingMessages.badPosition(p, POSITIONS));
  const base = world.landmarks.map((_, i) => factPrompt(world, i, relation));
  const right = model.predict(base).map((a, i) => a === base[i].answer);
  const known = base.filter((_, i) => right[i]);
  if (known.length === 0) return { clean: 0, corrupted: 0, cells: [], prompts: 0 };
  const prompts: FactPrompt[] = [];
  for (const p of known) for (let s = 0; s < samples; s++) prompts.push(p);
  const B = prompts.length, d = model.dim;
  const rng = createRng(`trace/${String(opts.seed ?? 1)}`);
  const sd = noise * tf.tidy(() => tf.moments(model.v('embed')).variance.sqrt().dataSync()[0]);
  const noiseBy = new Map<number, tf.Tensor2D>();
  for (const p of corrupt) noiseBy.set(p, tf.tensor2d(Float32Array.from({ length: B * d }, () => rng.normal(0, sd)), [B, d]));
  const answerMask = tf.oneHot(tf.tensor1d(prompts.map((p) => p.answer), 'int32'), model.answers).toFloat();
  const x = promptTensor(prompts);
  const embedHook = (t: number, e: tf.Tensor2D) => (noiseBy.has(t) ? tf.add(e, noiseBy.get(t)!) as tf.Tensor2D : e);
  const pCorrect = (logits: tf.Tensor2D) => tf.sum(tf.mul(tf.softmax(logits), answerMask)).dataSync()[0] / B;
  const cells: TraceCell[] = [];
  let clean = 0, corrupted = 0;
  tf.tidy(() => {
    const run = model.forward(x);
    clean = pCorrect(run.logits);
    corrupted = pCorrect(model.forward(x, { embed: embedHook }, false).logits);
    for (const what of ['state', 'mlp'] as const) {
      for (let l = 0; l < model.layers; l++) {
        for (let t = 0; t < POSITIONS; t++) {
          const restored = tf.tidy(() => pCorrect(model.forward(x, what === 'state'
            ? { embed: embedHook, state: (ll, tt, s) => (ll === l && tt === t ? run.states[l][t] : s) }
            : { embed: embedHook, mlp: (ll, tt, o) => (ll === l && tt === t ? run.mlpOut[l][t] : o) }, false).logits));
          const gap = clean - corrupted;
          cells.push({ layer: l, position: t, positionName: POSITION_NAMES[t], what, restored, recovery: gap > 1e-9 ? (restored - corrupted) / gap : 0 });
        }
      }
    }
  });
  for (const t of noiseBy.values()) t.dispose();
  answerMask.dispose(); x.dispose();
  return { clean, corrupted, cells, prompts: known.length };
}

/** The MLP layer whose restoration at the last subject token recovers the most (ROME's edit site). */
export function strongestMlpLayer(trace: TraceResult, position = 1): number {
  const mlp = trace.cells.filter((c) => c.what === 'mlp' && c.position === position);
  if (mlp.length === 0) return 0;
  return mlp.reduce((a, b) => (b.recovery > a.recovery ? b : a)).layer;
}
