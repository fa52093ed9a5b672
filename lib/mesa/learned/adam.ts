/** Adam (Kingma & Ba 2015) over one flat parameter vector, with optional global-norm clipping. */
export interface AdamState { m: Float32Array; v: Float32Array; t: number }

export interface AdamOptions { learningRate: number; beta1?: number; beta2?: number; eps?: number; clipNorm?: number }

export function adamState(n: number): AdamState {
  return { m: new Float32Array(n), v: new Float32Array(n), t: 0 };
}

/** One update of `params` in place from `grads`; returns the gradient's norm before clipping. */
export function adamStep(params: Float32Array, grads: Float32Array, state: AdamState, opts: AdamOptions): number {
  const b1 = opts.beta1 ?? 0.9, b2 = opts.beta2 ?? 0.999, eps = opts.eps ?? 1e-8;
  let norm = 0;
  for (let i = 0; i < grads.length; i++) norm += grads[i] * grads[i];
  norm = Math.sqrt(norm);
  const scale = opts.clipNorm !== undefined && norm > opts.clipNorm ? opts.clipNorm / norm : 1;
  state.t += 1;
  const c1 = 1 - Math.pow(b1, state.t), c2 = 1 - Math.pow(b2, state.t);
  const lr = opts.learningRate;
  for (let i = 0; i < params.length; i++) {
    const gi = grads[i] * scale;
    state.m[i] = b1 * state.m[i] + (1 - b1) * gi;
    state.v[i] = b2 * state.v[i] + (1 - b2) * gi * gi;
    params[i] -= (lr * (state.m[i] / c1)) / (Math.sqrt(state.v[i] / c2) + eps);
  }
  return norm;
}
