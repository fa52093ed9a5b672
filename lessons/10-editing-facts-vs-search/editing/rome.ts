/**
 * Rank-one model editing in the spirit of ROME (Meng et al. 2022). An MLP layer is read as a
 * linear key→value memory: its hidden activation at the subject's last token is the *key* k, and
 * its output matrix maps keys to values. To make the model say "the Golden Gate is in Rome":
 *
 * 1. the key k* of the subject (the MLP hidden activation at the last subject token);
 * 2. a value v* found by gradient descent: the MLP output that, written in place of the old one,
 *    makes the model answer the new city;
 * 3. the update W ← W + (v* − W k*) (C⁻¹ k*)ᵀ / (k*ᵀ C⁻¹ k*), with C the second moment of the
 *    keys of all subjects, so that the value stored under k* becomes v* while keys spread like the
 *    other subjects' keep theirs.
 */
import * as tf from '@tensorflow/tfjs';
import { fail } from '../../../lib/core/errors';
import { editingMessages } from './messages';
import { allPrompts, answerFor, factPrompt, type FactPrompt, type FactWorld } from './facts';
import { FactModel, POSITIONS, argmax, promptTensor } from './fact-model';
import { rankOneUpdate, secondMoment, type Matrix } from './linalg';

const MODULE = 'editing/rome';

/** What to change: the landmark's city becomes `city` (indices into the world). */
export interface EditRequest { landmark: number; city: number }

export interface RomeOptions {
  /** Which block's MLP to edit (default: the one causal tracing points to). */
  layer: number;
  /** Token position of the key (default 1, the subject's last token). */
  position?: number;
  /** Use the keys' second moment C (true, ROME) or the identity (false: a plain minimum-norm edit). */
  covariance?: boolean;
  /** Ridge added to C (default 1e-2 × its mean diagonal). */
  ridge?: number;
  /** Relations used to find v* (default [0]: only the first paraphrase). */
  relations?: readonly number[];
  /** Gradient steps and rate for v* (defaults 60 and 0.1), and the weight of ‖δ‖² (default 1e-3). */
  steps?: number;
  learningRate?: number;
  decay?: number;
}

export interface RomeEdit {
  /** The edited copy (the original model is untouched). */
  model: FactModel;
  key: Float64Array;
  /** The MLP output the edit writes for the key (v*). */
  value: Float64Array;
  /** ‖v* − W k*‖: how far the stored value moved. */
  shift: number;
  /** The loss of the v* search at its end (−log p(new city) on the edit prompts). */
  loss: number;
}

function checkLayer(model: FactModel, layer: number, position: number) {
  if (!Number.isInteger(layer) || layer < 0 || layer >= model.layers) fail(MODULE, editingMessages.badLayer(layer, model.layers));
  if (!Number.isInteger(position) || position < 0 || position >= POSITIONS) fail(MODULE, editingMessages.badPosition(position, POSITIONS));
}

/** The keys (MLP hidden activations) of block `layer` at `position` for each prompt. */
export function mlpKeys(model: FactModel, prompts: readonly FactPrompt[], layer: number, position = 1): Float64Array[] {
  checkLayer(model, layer, position);
  const rows = tf.tidy(() => model.forward(promptTensor(prompts)).keys[layer][position].arraySync()) as number[][];
  return rows.map((r) => Float64Array.from(r));
}

/** C: the second moment of the keys of every landmark at (layer, position), plus a ridge. */
export function keyStatistics(model: FactModel, world: FactWorld, layer: number, position = 1, ridge?: number): Matrix {
  const keys = mlpKeys(model, world.landmarks.map((_, i) => factPrompt(world, i, 0)), layer, position);
  const c = secondMoment(keys, 0);
  let diag = 0;
  for (let i = 0; i < c.rows; i++) diag += c.data[i * c.rows + i];
  return secondMoment(keys, ridge ?? 1e-2 * (diag / c.rows || 1));
}

/** Finds v*: the MLP output at (layer, position) that makes the model give the new answers. */
export function targetValue(model: FactModel, world: FactWorld, request: EditRequest, opts: RomeOptions): { value: Float64Array; clean: Float64Array; loss: number } {
  const position = opts.position ?? 1, steps = opts.steps ?? 60, lr = opts.learningRate ?? 0.1, decay = opts.decay ?? 1e-3;
  checkLayer(model, opts.layer, position);
  const relations = opts.relations ?? [0];
  const prompts = relations.map((r) => factPrompt(world, request.landmark, r, request.city));
  const x = promptTensor(prompts);
  const y = tf.oneHot(tf.tensor1d(prompts.map((p) => p.answer), 'int32'), model.answers);
  const clean = tf.tidy(() => model.forward(x).mlpOut[opts.layer][position].arraySync()[0]) as number[];
  const delta = tf.variable(tf.zeros([1, model.dim]), true);
  const opt = tf.train.adam(lr);
  const lossOf = () => {
    const logits = model.forward(x, { mlp: (l, t, o) => (l === opts.layer && t === position ? tf.add(o, delta) as tf.Tensor2D : o) }, false).logits;
    return tf.add(tf.losses.softmaxCrossEntropy(y, logits), tf.mul(decay, tf.sum(tf.square(delta)))) as tf.Scalar;
  };
  for (let s = 0; s < steps; s++) tf.tidy(() => { opt.minimize(lossOf, false, [delta]); });
  const loss = tf.tidy(() => lossOf().dataSync()[0]);
  const d = delta.dataSync();
  const value = Float64Array.from(clean, (c, i) => c + d[i]);
  delta.dispose(); opt.dispose(); x.dispose(); y.dispose();
  return { value, clean: Float64Array.from(clean), loss };
}

/**
 * Applies a ROME-style rank-one edit to a copy of `model`.
 *
 * @example
 * const trace = causalTrace(model, world);
 * const edit = romeEdit(model, world, { landmark: 3, city: cityIndex(world, 'Rome') }, { layer: strongestMlpLayer(trace) });
 * edit.model.predict([factPrompt(world, 3, 1)]); // the new city, also for another phrasing
 */
export function romeEdit(model: FactModel, world: FactWorld, request: EditRequest, opts: RomeOptions): RomeEdit {
  checkRequest(world, request);
  const position = opts.position ?? 1;
  checkLayer(model, opts.layer, position);
  const key = mlpKeys(model, [factPrompt(world, request.landmark, 0)], opts.layer, position)[0];
  const { value, loss } = targetValue(model, world, request, opts);
  const wout = model.v(`wout${opts.layer}`), bout = model.v(`bout${opts.layer}`);
  const H = model.hidden, d = model.dim;
  const w = wout.dataSync(), b = bout.dataSync();
  // The memory maps keys to values as out = k·W_out + b; as a matrix acting on keys: Wᵀ (d × H).
  const wt: Matrix = { rows: d, cols: H, data: new Float64Array(d * H) };
  for (let h = 0; h < H; h++) for (let j = 0; j < d; j++) wt.data[j * H + h] = w[h * d + j];
  const wanted = Float64Array.from(value, (v, j) => v - b[j]);
  const c = opts.covariance === false ? null : keyStatistics(model, world, opts.layer, position, opts.ridge);
  const edited = rankOneUpdate(wt, key, wanted, c);
  let shift = 0;
  for (let j = 0; j < d; j++) {
    let old = 0;
    for (let h = 0; h < H; h++) old += wt.data[j * H + h] * key[h];
    shift += (wanted[j] - old) ** 2;
  }
  const out = model.clone(world);
  const newW = new Float32Array(H * d);
  for (let h = 0; h < H; h++) for (let j = 0; j < d; j++) newW[h * d + j] = edited.data[j * H + h];
  out.v(`wout${opts.layer}`).assign(tf.tensor2d(newW, [H, d]));
  return { model: out, key, value, shift: Math.sqrt(shift), loss };
}

function checkRequest(world: FactWorld, r: EditRequest) {
  if (!Number.isInteger(r.landmark) || r.landmark < 0 || r.landmark >= world.landmarks.length) {
    fail(MODULE, editingMessages.unknownSubject(r.landmark, world.landmarks.map((l) => l.name)));
  }
  if (!Number.isInteger(r.city) || r.city < 0 || r.city >= world.cities.length) fail(MODULE, editingMessages.unknownCity(r.city, world.cities));
  if (world.landmarks[r.landmark].city === r.city) fail(MODULE, editingMessages.sameCity(world.landmarks[r.landmark].name, world.cities[r.city]));
}

/** How an edit did, ROME's three scores plus the country "ripple". */
export interface EditScores {
  /** The edit prompt now gives the new city. */
  efficacy: number;
  /** Share of the other city paraphrases that give the new city. */
  generalization: number;
  /** The country question now gives the new city's country (the fact's consequence). */
  ripple: number;
  /** Share of other landmarks' prompts (all relations) whose answer did not change. */
  specificity: number;
}

/** Scores an edit by comparing the model before and after on every prompt. */
export function scoreEdit(before: FactModel, after: FactModel, world: FactWorld, request: EditRequest, editRelations: readonly number[] = [0]): EditScores {
  const all = allPrompts(world);
  const pb = before.predict(all), pa = after.predict(all);
  let eff = 0, effN = 0, gen = 0, genN = 0, rip = 0, ripN = 0, spec = 0, specN = 0;
  all.forEach((p, i) => {
    if (p.landmark === request.landmark) {
      const want = answerFor(world, p.relation, request.city);
      const ok = pa[i] === want ? 1 : 0;
      if (world.relations[p.relation].asks === 'country') { rip += ok; ripN++; }
      else if (editRelations.includes(p.relation)) { eff += ok; effN++; }
      else { gen += ok; genN++; }
    } else {
      spec += pa[i] === pb[i] ? 1 : 0; specN++;
    }
  });
  const r = (a: number, n: number) => (n ? a / n : 0);
  return { efficacy: r(eff, effN), generalization: r(gen, genN), ripple: r(rip, ripN), specificity: r(spec, specN) };
}

