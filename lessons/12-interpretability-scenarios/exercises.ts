/**
 * Notebook 12's exercises: read off the target from behaviour alone (the sink most cells flow
 * into), the "compute grows with distance" signature of a search (a correlation), and where
 * flagging still works while retargeting has failed, on each footing (testing the claim).
 */
import { createRng } from '../../lib/core/rng';
import { createPopulation } from './scenarios/population';
import { retargetUnits, type Readout } from './scenarios/tool';
import { degradeSweep, type Footing } from './scenarios/degrade';
import { pearsonCorrelation } from './scenarios/detect';
import { defineExercise } from '../../lib/exercises/check';
import type { ExerciseCase } from '../../lib/exercises/types';

// ---- 12-behaviour-target ---------------------------------------------------------------------
type SinkInput = { next: number[] };

/** Reference: the resting cell reached from the most cells (smallest id on ties); -1 if none. */
function sinkOf(next: readonly number[]): number {
  const n = next.length;
  const counts = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++) {
    let c = s;
    for (let t = 0; t <= n && next[c] !== c; t++) c = next[c];
    if (next[c] === c) counts[c]++;
  }
  let best = -1;
  for (let c = 0; c < n; c++) if (counts[c] > 0 && (best < 0 || counts[c] > counts[best])) best = c;
  return best;
}

function sinkCases(seed: number, count: number): ExerciseCase<SinkInput>[] {
  const rng = createRng(seed);
  const out: ExerciseCase<SinkInput>[] = [];
  for (let i = 0; i < count; i++) {
    const pop = createPopulation({ size: 9 + 2 * rng.int(0, 4), searchers: 2, reflexes: 0, badShare: 0.5, units: 32, seed: rng.int(0, 10000) });
    const agent = pop.agents[i % 2];
    // Half the cases: after a noisy retarget, so the field has spurious resting cells too.
    const noisy = i % 3 !== 0;
    const units = noisy ? retargetUnits(agent, pop.world.intended, { noise: 2.5, readout: 'values' }, rng) : agent.units;
    const next = Array.from(agent.policy(units).next);
    out.push({ label: `maze ${pop.world.map.name} seed ${pop.params.seed}, ${next.length} cells, ${noisy ? 'after a noisy retarget' : 'own target'}`, input: { next } });
  }
  return out;
}

defineExercise<(next: number[]) => number, SinkInput>({
  id: '12-behaviour-target',
  title: 'Read off the target from behaviour: the cell most of the maze flows into',
  points: 2,
  hint: 'From every cell, follow next[] until it stays put (next[c] === c); count how many starting cells end at each resting cell; return the most frequent one (smallest id on ties). The first resting cell you find is not enough: a noisy retarget leaves spurious ones.',
  visible: () => sinkCases(1212, 6),
  generate: sinkCases,
  judge: (answer, { next }) => {
    const expected = sinkOf(next);
    const got = answer(next.slice());
    return { ok: got === expected, expected: String(expected), got: String(got) };
  },
});

// ---- 12-compute-signature --------------------------------------------------------------------
type CorrInput = { distance: number[]; compute: number[] };

function corrCases(seed: number, count: number): ExerciseCase<CorrInput>[] {
  const rng = createRng(seed);
  const out: ExerciseCase<CorrInput>[] = [];
  for (let i = 0; i < count; i++) {
    const pop = createPopulation({ size: 11, searchers: 1, reflexes: 1, units: 32, seed: rng.int(0, 10000) });
    const agent = pop.agents[i % 2];
    const pol = agent.policy();
    const probes = rng.shuffle(Array.from({ length: pop.world.n }, (_, c) => c)).slice(0, 8 + rng.int(0, 12));
    const guess = i % 4 === 1 ? rng.int(0, pop.world.n) : agent.goal; // sometimes measured against a wrong cell
    out.push({
      label: `${agent.kind} agent, ${probes.length} probes, distances to cell ${guess}${guess === agent.goal ? ' (its goal)' : ' (not its goal)'}`,
      input: { distance: probes.map((p) => pop.world.dist(p, guess)), compute: probes.map((p) => pol.compute[p]) },
    });
  }
  return out;
}

defineExercise<(distance: number[], compute: number[]) => number, CorrInput>({
  id: '12-compute-signature',
  title: 'The compute signature of a search: correlation of internal steps with distance',
  points: 2,
  hint: 'Pearson correlation: subtract the means, then sum(dx·dy) / sqrt(sum(dx²)·sum(dy²)). A reflex agent spends the same compute everywhere: when either list is constant there is no signal, return 0 (not NaN).',
  visible: () => corrCases(4242, 8),
  generate: corrCases,
  judge: (answer, { distance, compute }) => {
    const expected = pearsonCorrelation(distance, compute);
    const got = answer(distance.slice(), compute.slice());
    const ok = typeof got === 'number' && Math.abs(got - expected) <= 1e-6;
    return { ok, expected: expected.toFixed(6), got: typeof got === 'number' ? got.toFixed(6) : String(got) };
  },
});

// ---- 12-equal-footing ------------------------------------------------------------------------
// Test the claim: change how much the tool may read for the retarget, and find where flagging
// still works while retargeting has failed.
type FootingInput = { size: number; seed: number; readout: Readout; footing: Footing; levels: number[] };

/** Reference: the smallest level where flag accuracy ≥ 0.9 and retarget success ≤ 0.6 (trials 2, seed 0), or -1. */
export function separatingNoise(size: number, seed: number, readout: Readout, footing: Footing, levels: readonly number[]): number {
  const pop = createPopulation({ size, searchers: 8, reflexes: 0, units: 64, seed });
  const rows = degradeSweep(pop, { levels, trials: 2, readout, footing, seed: 0 });
  const hit = rows.find((r) => r.flagAccuracy >= 0.9 && r.retargetSuccess <= 0.6);
  return hit ? hit.noise : -1;
}

function footingCases(seed: number, count: number): ExerciseCase<FootingInput>[] {
  const rng = createRng(seed);
  const combos: [Readout, Footing][] = [['values', 'one-reading'], ['values', 'equal-bits'], ['active', 'equal-bits'], ['active', 'one-reading']];
  return Array.from({ length: count }, (_, i) => {
    const [readout, footing] = combos[i % combos.length];
    const input = { size: 15, seed: rng.int(1, 1000), readout, footing, levels: [0, 0.5, 1, 1.5, 2, 2.5, 3] };
    return { label: `maze 15, population seed ${input.seed}, ${readout} readout, ${footing}`, input };
  });
}

defineExercise<(size: number, seed: number, readout: Readout, footing: Footing, levels: number[]) => number, FootingInput>({
  id: '12-equal-footing',
  title: 'Test the claim: where does flagging still work while retargeting has failed, on each footing?',
  points: 2,
  hint: 'Build the population with createPopulation({ size, searchers: 8, reflexes: 0, units: 64, seed }), sweep it with degradeSweep(pop, { levels, trials: 2, readout, footing, seed: 0 }), and return the first noise level whose flag accuracy is at least 0.9 while retarget success is at most 0.6 — or -1 if there is none. Predict first: which footing makes -1 likely?',
  visible: () => footingCases(1212, 4),
  generate: footingCases,
  judge: (answer, { size, seed, readout, footing, levels }) => {
    const expected = separatingNoise(size, seed, readout, footing, levels);
    const got = answer(size, seed, readout, footing, [...levels]);
    return { ok: got === expected, expected: String(expected), got: String(got) };
  },
});
