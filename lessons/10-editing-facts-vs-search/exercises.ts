import { createRng, type Rng } from '../../lib/core/rng';
import { defineExercise } from '../../lib/exercises/check';
import type { ExerciseCase } from '../../lib/exercises/types';
import { pct } from '../../lib/core/format';
import { editGoal, makeRooms, scoreGoalEdit, trainGoalAgent, type NewTarget } from './editing/goal-agent';

/** Input of 10-rank-one-edit: a memory W (values = W k), a key, the wanted value, and C⁻¹. */
interface EditInput { w: number[][]; k: number[]; v: number[]; cInv: number[][] }

function randomMatrix(rng: Rng, r: number, c: number): number[][] {
  return Array.from({ length: r }, () => Array.from({ length: c }, () => Math.round(rng.normal(0, 1) * 100) / 100));
}

/** A symmetric positive definite C⁻¹ = A Aᵀ + I/2 (so every case is a valid inverse second moment). */
function spd(rng: Rng, n: number, identity: boolean): number[][] {
  if (identity) return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => (i === j ? 1 : 0)));
  const a = randomMatrix(rng, n, n);
  return a.map((row, i) => a.map((other, j) => row.reduce((s, x, t) => s + x * other[t], 0) / n + (i === j ? 0.5 : 0)));
}

function editCase(rng: Rng, identity: boolean): ExerciseCase<EditInput> {
  const out = rng.int(1, 4), inp = rng.int(2, 5);
  const input = { w: randomMatrix(rng, out, inp), k: randomMatrix(rng, 1, inp)[0].map((x) => Math.abs(x) + 0.1), v: randomMatrix(rng, 1, out)[0], cInv: spd(rng, inp, identity) };
  return { label: `W ${out}×${inp}, C⁻¹ ${identity ? '= I' : 'a full matrix'}`, input };
}

/** The reference: W + (v − W k)(C⁻¹k)ᵀ / (kᵀ C⁻¹ k). */
export function referenceRankOneEdit({ w, k, v, cInv }: EditInput): number[][] {
  const u = cInv.map((row) => row.reduce((s, x, j) => s + x * k[j], 0));
  const denom = k.reduce((s, x, i) => s + x * u[i], 0);
  return w.map((row, r) => {
    const resid = v[r] - row.reduce((s, x, j) => s + x * k[j], 0);
    return row.map((x, j) => x + (resid * u[j]) / denom);
  });
}

/**
 * Exercise 10-rank-one-edit: write ROME's update for a linear key→value memory. The checker
 * compares every entry with the reference (tolerance 1e-6).
 */
defineExercise<(w: number[][], k: number[], v: number[], cInv: number[][]) => number[][], EditInput>({
  id: '10-rank-one-edit',
  title: 'The rank-one edit of a key→value memory',
  points: 2,
  hint: 'Compute u = C⁻¹ k and the residual r = v − W k; the update adds r uᵀ / (kᵀ u). Check: the new W maps k to v exactly.',
  visible: () => {
    const rng = createRng('10-rank-one-edit');
    return [editCase(rng, true), editCase(rng, false), editCase(rng, false)];
  },
  generate: (seed, count) => {
    const rng = createRng(seed);
    return Array.from({ length: count }, (_, i) => editCase(rng, i % 4 === 0));
  },
  judge: (answer, input) => {
    const copy = (m: number[][]) => m.map((r) => r.slice());
    const expected = referenceRankOneEdit(input);
    const got = answer(copy(input.w), input.k.slice(), input.v.slice(), copy(input.cInv));
    if (!Array.isArray(got) || got.length !== expected.length) return { ok: false, expected: `${expected.length} rows`, got: Array.isArray(got) ? `${got.length} rows` : String(got) };
    for (let r = 0; r < expected.length; r++) {
      for (let c = 0; c < expected[r].length; c++) {
        const g = got[r]?.[c];
        if (typeof g !== 'number' || !(Math.abs(g - expected[r][c]) <= 1e-6 * Math.max(1, Math.abs(expected[r][c])))) {
          return { ok: false, expected: `W'[${r}][${c}] = ${expected[r][c].toFixed(6)}`, got: `W'[${r}][${c}] = ${typeof g === 'number' ? g.toFixed(6) : String(g)}` };
        }
      }
    }
    return { ok: true, expected: 'all entries', got: 'all entries' };
  },
});

/** One prompt's answers around an edit. */
export interface EditedPrompt { aboutEdited: boolean; before: string; after: string; wanted: string }

function scoresCase(rng: Rng, n: number): ExerciseCase<EditedPrompt[]> {
  const cities = ['Paris', 'Rome', 'London', 'Berlin', 'Madrid'];
  const rows: EditedPrompt[] = Array.from({ length: n }, (_, i) => {
    const aboutEdited = i < 2 || rng.chance(0.25);
    const before = rng.pick(cities);
    const wanted = rng.pick(cities.filter((c) => c !== before));
    const after = aboutEdited ? (rng.chance(0.7) ? wanted : before) : (rng.chance(0.8) ? before : rng.pick(cities));
    return { aboutEdited, before, after, wanted };
  });
  return { label: `${n} prompts, ${rows.filter((r) => r.aboutEdited).length} about the edited landmark`, input: rows };
}

/** The reference scores. */
export function referenceEditScores(rows: readonly EditedPrompt[]): { efficacy: number; specificity: number } {
  const mine = rows.filter((r) => r.aboutEdited), others = rows.filter((r) => !r.aboutEdited);
  return {
    efficacy: mine.length ? mine.filter((r) => r.after === r.wanted).length / mine.length : 0,
    specificity: others.length ? others.filter((r) => r.after === r.before).length / others.length : 0,
  };
}

/**
 * Exercise 10-edit-scores: score an edit. Efficacy: the share of prompts about the edited landmark
 * that now give the wanted answer. Specificity: the share of the other prompts whose answer did not
 * change (whether or not it was right before).
 */
defineExercise<(rows: EditedPrompt[]) => { efficacy: number; specificity: number }, EditedPrompt[]>({
  id: '10-edit-scores',
  title: 'Efficacy and specificity of an edit',
  points: 1,
  hint: 'Split the prompts by aboutEdited. Efficacy compares after with wanted on the edited ones; specificity compares after with before on all the others.',
  visible: () => {
    const rng = createRng('10-edit-scores');
    return [scoresCase(rng, 6), scoresCase(rng, 12), scoresCase(rng, 20)];
  },
  generate: (seed, count) => {
    const rng = createRng(seed);
    return Array.from({ length: count }, () => scoresCase(rng, rng.int(4, 30)));
  },
  judge: (answer, rows) => {
    const want = referenceEditScores(rows);
    const got = answer(rows.map((r) => ({ ...r })));
    const close = (a: unknown, b: number) => typeof a === 'number' && Math.abs(a - b) < 1e-9;
    const ok = !!got && close(got.efficacy, want.efficacy) && close(got.specificity, want.specificity);
    const fmt = (s: { efficacy: unknown; specificity: unknown } | undefined) => (s ? `efficacy ${String(s.efficacy)}, specificity ${String(s.specificity)}` : String(s));
    return { ok, expected: fmt(want), got: fmt(got) };
  },
});

// ---- 10-inexpressible-target -----------------------------------------------------------------
// Test the claim: find a new target that no edit of the agent's target memory can express.
interface InexpressibleInput { seed: number; rooms: number }

/** Efficacy of editing "cheese" → `target` on held-out rooms (the claim's measure). */
export function editEfficacy(target: NewTarget, seed: number, rooms: number): number {
  const { agent } = trainGoalAgent({ seed });
  const e = editGoal(agent, 0, target, { seed, covariance: true });
  const s = scoreGoalEdit(agent, e.agent, 0, target, makeRooms(rooms, agent.config.size, `${seed}/test`));
  e.agent.dispose();
  return s.efficacy;
}

function inexpressibleCases(seed: number, count: number): ExerciseCase<InexpressibleInput>[] {
  return Array.from({ length: count }, (_, i) => ({ label: `goal agent seed ${seed + i}, 40 held-out rooms`, input: { seed: seed + i, rooms: 40 } }));
}

defineExercise<(agentSeed: number) => NewTarget, InexpressibleInput>({
  id: '10-inexpressible-target',
  title: 'Test the claim: find a new target (not the centre) the edited memory cannot express',
  points: 2,
  hint: 'The agent\'s target map is a weighted sum of its cell features: the four object channels and x, y. An object, or a corner (an extreme of x and y), is the best cell of some weighted sum in every room. Which cell is never the maximum of any linear function of x and y?',
  visible: () => inexpressibleCases(1, 1),
  generate: inexpressibleCases,
  judge: (answer, { seed, rooms }) => {
    const target = answer(seed);
    if (!target || (target.kind !== 'object' && target.kind !== 'cell')) return { ok: false, expected: "{ kind: 'object', object } or { kind: 'cell', x, y }", got: JSON.stringify(target) };
    if (target.kind === 'cell' && target.x === 3 && target.y === 3) return { ok: false, expected: 'a target other than the centre, which the notebook already names', got: JSON.stringify(target) };
    const eff = editEfficacy(target, seed, rooms);
    return { ok: eff < 0.9, expected: 'an edit that sends "cheese" there in fewer than 90% of rooms', got: `${JSON.stringify(target)}: ${pct(eff)} of rooms` };
  },
});
