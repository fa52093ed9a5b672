import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../index';
import { referencePlanBest, referencePaintedChoice, referenceSafePaintStep } from './exercises';
import { paintingSuccess, useBackend, type TrainedDetectors, type Episode } from '../../index';

// The detectors train with tfjs: pick its backend first, as notebook 11 does (a test file may run first in its worker).
beforeAll(async () => { await useBackend(); });

const planBest = (rows: string[], values: number[][]) => referencePlanBest({ rows, values });
const paintedChoice = (scores: number[][], weights: number[], concept: number, strength: number) => referencePaintedChoice({ scores, weights, concept, strength });

describe('exercise 11-plan-best (meta-test)', () => {
  it('the reference passes visible and hidden tests', () => {
    expect(check.evaluate('11-plan-best', planBest).ok).toBe(true);
    expect(check.evaluate('11-plan-best', planBest, { seed: 11, count: 30 }).ok).toBe(true);
  });
  it('plausible wrong answers fail', () => {
    // Ignores walls between the start and a valuable cell: picks the best cell anywhere.
    const ignoresReachability = (rows: string[], values: number[][]) => {
      let best = { x: 0, y: 0 };
      values.forEach((r, y) => r.forEach((v, x) => { if (rows[y][x] !== '#' && v > values[best.y][best.x]) best = { x, y }; }));
      return best;
    };
    expect(check.evaluate('11-plan-best', ignoresReachability).ok).toBe(false);
    expect(check.evaluate('11-plan-best', ignoresReachability).failures[0].label).toMatch(/behind a wall/);
  });
});

describe('exercise 11-painted-choice (meta-test)', () => {
  it('the reference passes visible and hidden tests', () => {
    expect(check.evaluate('11-painted-choice', paintedChoice).ok).toBe(true);
    expect(check.evaluate('11-painted-choice', paintedChoice, { seed: 5, count: 40 }).ok).toBe(true);
  });
  it('plausible wrong answers fail', () => {
    const addsStrength = (s: number[][], w: number[], c: number, k: number) => paintedChoice(s, w.map((x, i) => (i === c ? x + k : x)), c, w[c] + k);
    const onlyPainted = (s: number[][], w: number[], c: number, k: number) => paintedChoice(s, w.map(() => 0), c, k);
    for (const wrong of [addsStrength, onlyPainted]) expect(check.evaluate('11-painted-choice', wrong).ok).toBe(false);
  });
});

describe('exercise 11-safe-paint-step (meta-test)', () => {
  it('the reference passes the visible tests', () => {
    expect(check.evaluate('11-safe-paint-step', referenceSafePaintStep).ok).toBe(true);
  }, 120_000);
  it('painting and using the snapshot right away (the untrained-detector reading) fails', () => {
    const rightAway = (det: TrainedDetectors, concept: string, episodes: Episode[]) => {
      for (const s of det.snapshots) if (paintingSuccess(s.weights, concept, episodes).success >= 0.9) return s.step;
      return -1;
    };
    expect(check.evaluate('11-safe-paint-step', rightAway).ok).toBe(false);
  }, 120_000);
});
