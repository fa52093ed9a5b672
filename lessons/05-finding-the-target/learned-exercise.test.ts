import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelPatch, check, iterationLayers, useBackend } from '../../index';
import type { LearnedSearchAgent } from '../../index';

const lsm = (t: tf.Tensor) => tf.tidy(() => t.logSoftmax().arraySync() as number[][]);
const argmax = (r: number[]) => r.indexOf(Math.max(...r));

/** A learner's loop; `only` restricts the patched iterations, `watch` picks the move scored. */
function loop(only: 'all' | 'last' | 'first', watch: 'corrupt' | 'clean') {
  return (agent: LearnedSearchAgent, clean: tf.Tensor4D, corrupt: tf.Tensor4D): number[] => {
    const all = iterationLayers(agent);
    const layers = only === 'all' ? all : only === 'last' ? all.slice(-1) : all.slice(0, 1);
    const a = lsm(agent.forward(clean).logits);
    const run = agent.forward(corrupt, { read: layers });
    const b = lsm(run.logits);
    const C = agent.layers.find((l) => l.name === layers[0])!.shape[2];
    const effects: number[] = [];
    for (let c = 0; c < C; c++) {
      const patch = Object.fromEntries(layers.map((l) => [l, channelPatch(run.acts[l], c)]));
      const p = lsm(agent.forward(clean, { patch }).logits);
      let s = 0;
      for (let i = 0; i < a.length; i++) {
        const t = argmax(watch === 'corrupt' ? b[i] : a[i]);
        const d = b[i][t] - a[i][t];
        s += Math.abs(d) < 1e-6 ? 0 : (p[i][t] - a[i][t]) / d;
      }
      effects.push(s / a.length);
    }
    return effects;
  };
}

describe('exercise 05-learned-patching-loop (meta-test)', () => {
  beforeAll(async () => { await useBackend(); });
  it('patching each channel at every iteration, scored on the corrupt move, passes', () => {
    const r = check.evaluate('05-learned-patching-loop', loop('all', 'corrupt'));
    expect(r.failures).toEqual([]);
    expect(check.evaluate('05-learned-patching-loop', loop('all', 'corrupt'), { seed: 17, count: 1 }).ok).toBe(true);
  }, 60_000);
  it('patching only the last or the first iteration, or watching the clean move, fails', () => {
    expect(check.evaluate('05-learned-patching-loop', loop('last', 'corrupt')).ok).toBe(false);
    expect(check.evaluate('05-learned-patching-loop', loop('first', 'corrupt')).ok).toBe(false);
    expect(check.evaluate('05-learned-patching-loop', loop('all', 'clean')).ok).toBe(false);
  }, 90_000);
});
