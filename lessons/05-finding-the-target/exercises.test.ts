import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { activationPatching, channelPatch, check, iterationLayers, loadLearnedAgent, useBackend } from '../../index';
import type { LearnedSearchAgent } from '../../index';

function readOff(values: number[], width: number, open: number[]) {
  let best = -1;
  for (let j = 0; j < values.length; j++) if (open[j] && (best < 0 || values[j] > values[best])) best = j;
  return { x: best % width, y: Math.floor(best / width) };
}
// Plausible mistakes: forgetting the walls; swapping x and y.
function readOffWithWalls(values: number[], width: number) {
  const j = values.indexOf(Math.max(...values));
  return { x: j % width, y: Math.floor(j / width) };
}
function readOffSwapped(values: number[], width: number, open: number[]) {
  const c = readOff(values, width, open);
  return { x: c.y, y: c.x };
}

const argmax = (r: number[]) => r.indexOf(Math.max(...r));
function effect(clean: number[][], corrupt: number[][], patched: number[][], filter = true): number {
  let s = 0, n = 0;
  for (let i = 0; i < clean.length; i++) {
    const t = argmax(corrupt[i]);
    if (filter && t === argmax(clean[i])) continue;
    const d = corrupt[i][t] - clean[i][t];
    s += Math.abs(d) < 1e-6 ? 0 : (patched[i][t] - clean[i][t]) / d;
    n += 1;
  }
  return n === 0 ? 0 : s / n;
}
// Mistake: watching the clean run's move instead of the corrupt one.
function effectCleanMove(clean: number[][], corrupt: number[][], patched: number[][]): number {
  let s = 0, n = 0;
  for (let i = 0; i < clean.length; i++) {
    const t = argmax(clean[i]);
    if (t === argmax(corrupt[i])) continue;
    const d = corrupt[i][t] - clean[i][t];
    s += (patched[i][t] - clean[i][t]) / d; n += 1;
  }
  return n === 0 ? 0 : s / n;
}

describe('exercise 05-argmax-readoff (meta-test)', () => {
  it('the argmax over open cells passes', () => {
    expect(check.evaluate('05-argmax-readoff', readOff).ok).toBe(true);
    expect(check.evaluate('05-argmax-readoff', readOff, { seed: 11, count: 20 }).ok).toBe(true);
  });
  it('ignoring the walls, or swapping x and y, fails', () => {
    expect(check.evaluate('05-argmax-readoff', readOffWithWalls).ok).toBe(false);
    expect(check.evaluate('05-argmax-readoff', readOffSwapped).ok).toBe(false);
  });
});

describe('exercise 05-patching-effect (meta-test)', () => {
  it('the normalized effect over pairs whose moves differ passes', () => {
    expect(check.evaluate('05-patching-effect', (a: number[][], b: number[][], c: number[][]) => effect(a, b, c)).ok).toBe(true);
    expect(check.evaluate('05-patching-effect', (a: number[][], b: number[][], c: number[][]) => effect(a, b, c), { seed: 3, count: 15 }).ok).toBe(true);
  });
  it('keeping the pairs whose moves agree, or watching the clean move, fails', () => {
    expect(check.evaluate('05-patching-effect', (a: number[][], b: number[][], c: number[][]) => effect(a, b, c, false)).ok).toBe(false);
    expect(check.evaluate('05-patching-effect', effectCleanMove).ok).toBe(false);
  });
});

const lsm = (t: tf.Tensor) => tf.tidy(() => t.logSoftmax().arraySync() as number[][]);

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
  }, 180_000);
  it('patching only the last or the first iteration, or watching the clean move, fails', () => {
    expect(check.evaluate('05-learned-patching-loop', loop('last', 'corrupt')).ok).toBe(false);
    expect(check.evaluate('05-learned-patching-loop', loop('first', 'corrupt')).ok).toBe(false);
    expect(check.evaluate('05-learned-patching-loop', loop('all', 'clean')).ok).toBe(false);
  }, 240_000);
  it('calling the library instead of a loop fails: rebuilding the mazes from the observations, or answering from the shipped agent', () => {
    // The reviewer's cheat: read walls, mouse and cheese off the observation batches and call
    // activationPatching (the judge's own reference) with every iteration patched together.
    const levelsFromObs = (obs: tf.Tensor4D) => {
      const [B, H, W, C] = obs.shape;
      const d = obs.dataSync();
      return Array.from({ length: B }, (_, b) => {
        const passable = new Uint8Array(H * W);
        let cheese = { x: 0, y: 0 }, mouse = { x: 0, y: 0 };
        for (let j = 0; j < H * W; j++) {
          const o = (b * H * W + j) * C;
          passable[j] = d[o] ? 0 : 1;
          if (d[o + 1]) mouse = { x: j % W, y: Math.floor(j / W) };
          if (d[o + 2]) cheese = { x: j % W, y: Math.floor(j / W) };
        }
        return { level: { name: 'rebuilt', map: { name: 'rebuilt', width: W, height: H, passable }, cheese, start: mouse, corner: { x: W - 2, y: 1 }, trainRegion: 3 }, mouse };
      });
    };
    const rebuilt = (agent: LearnedSearchAgent, clean: tf.Tensor4D, corrupt: tf.Tensor4D): number[] => {
      const a = levelsFromObs(clean), b = levelsFromObs(corrupt);
      const pairs = a.map((x, i) => ({ clean: x, corrupt: b[i] })) as unknown as Parameters<typeof activationPatching>[1];
      return activationPatching(agent, pairs, iterationLayers(agent), { together: true }).rows.map((r) => r.effect as number);
    };
    expect(check.evaluate('05-learned-patching-loop', rebuilt).ok).toBe(false);
    expect(check.evaluate('05-learned-patching-loop', rebuilt, { seed: 5353, count: 1 }).ok).toBe(false);
    // The right loop, run on the shipped agent instead of the one given: other channel indices.
    const shipped = (agent: LearnedSearchAgent, clean: tf.Tensor4D, corrupt: tf.Tensor4D): number[] => {
      const variant = agent.config.variant;
      return loop('all', 'corrupt')(loadLearnedAgent(variant, { size: agent.size }), clean, corrupt);
    };
    expect(check.evaluate('05-learned-patching-loop', shipped).ok).toBe(false);
  }, 240_000);
});
