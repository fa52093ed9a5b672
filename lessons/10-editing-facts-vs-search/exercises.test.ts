import { beforeAll, describe, expect, it } from 'vitest';
import { check, useBackend } from '../../index';
import type { NewTarget } from './editing/goal-agent';

function rankOneEdit(w: number[][], k: number[], v: number[], cInv: number[][]): number[][] {
  const u = cInv.map((row) => row.reduce((s, x, j) => s + x * k[j], 0));
  const denom = k.reduce((s, x, i) => s + x * u[i], 0);
  return w.map((row, r) => {
    const resid = v[r] - row.reduce((s, x, j) => s + x * k[j], 0);
    return row.map((x, j) => x + (resid * u[j]) / denom);
  });
}

describe('exercise 10-rank-one-edit (meta-test)', () => {
  it('the reference passes visible and hidden tests', () => {
    expect(check.evaluate('10-rank-one-edit', rankOneEdit).ok).toBe(true);
    expect(check.evaluate('10-rank-one-edit', rankOneEdit, { seed: 4242, count: 20 }).ok).toBe(true);
  });
  it('plausible wrong answers fail', () => {
    const identityC = (w: number[][], k: number[], v: number[], cInv: number[][]) => rankOneEdit(w, k, v, cInv.map((r, i) => r.map((_, j) => (i === j ? 1 : 0))));
    const noResidual = (w: number[][], k: number[], v: number[], cInv: number[][]) => {
      const u = cInv.map((row) => row.reduce((s, x, j) => s + x * k[j], 0));
      const denom = k.reduce((s, x, i) => s + x * u[i], 0);
      return w.map((row, r) => row.map((x, j) => x + (v[r] * u[j]) / denom));
    };
    for (const wrong of [identityC, noResidual]) expect(check.evaluate('10-rank-one-edit', wrong).ok).toBe(false);
    expect(check.evaluate('10-rank-one-edit', identityC).failures[0].expected).toMatch(/W'\[\d\]\[\d\]/);
    expect(check.evaluate('10-rank-one-edit', () => { throw new Error('todo'); }).failures[0].got).toMatch(/your answer threw: todo/);
  });
});

interface Row { aboutEdited: boolean; before: string; after: string; wanted: string }
function editScores(rows: Row[]) {
  const mine = rows.filter((r) => r.aboutEdited), others = rows.filter((r) => !r.aboutEdited);
  return {
    efficacy: mine.filter((r) => r.after === r.wanted).length / mine.length,
    specificity: others.length ? others.filter((r) => r.after === r.before).length / others.length : 0,
  };
}

describe('exercise 10-edit-scores (meta-test)', () => {
  it('the reference passes visible and hidden tests', () => {
    expect(check.evaluate('10-edit-scores', editScores).ok).toBe(true);
    expect(check.evaluate('10-edit-scores', editScores, { seed: 99, count: 30 }).ok).toBe(true);
  });
  it('plausible wrong answers fail', () => {
    const overAllRows = (rows: Row[]) => ({ efficacy: editScores(rows).efficacy, specificity: rows.filter((r) => r.after === r.before).length / rows.length });
    const specificityAsWanted = (rows: Row[]) => ({ efficacy: editScores(rows).efficacy, specificity: rows.filter((r) => !r.aboutEdited && r.after !== r.wanted).length / rows.filter((r) => !r.aboutEdited).length });
    for (const wrong of [overAllRows, specificityAsWanted]) expect(check.evaluate('10-edit-scores', wrong).ok).toBe(false);
  });
});

describe('exercise 10-inexpressible-target (meta-test)', () => {
  beforeAll(async () => { await useBackend(); }, 120_000);
  it('an inner cell off the centre (the maximum of no linear function of x and y) passes', () => {
    expect(check.evaluate('10-inexpressible-target', (): NewTarget => ({ kind: 'cell', x: 2, y: 4 })).ok).toBe(true);
    expect(check.evaluate('10-inexpressible-target', (): NewTarget => ({ kind: 'cell', x: 2, y: 4 }), { seed: 2, count: 1 }).ok).toBe(true);
  }, 120_000);
  it('the centre, already named by the notebook, is not accepted', () => {
    expect(check.evaluate('10-inexpressible-target', (): NewTarget => ({ kind: 'cell', x: 3, y: 3 })).ok).toBe(false);
  }, 120_000);
  it('another object is expressible, so it fails', () => {
    const r = check.evaluate('10-inexpressible-target', (): NewTarget => ({ kind: 'object', object: 1 }));
    expect(r.ok).toBe(false);
    expect(r.failures[0].got).not.toMatch(/threw/);
  }, 120_000);
});
