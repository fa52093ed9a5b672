import { createRng, type Rng } from '../../lib/core/rng';
import { defineExercise } from '../../lib/exercises/check';
import type { ExerciseCase } from '../../lib/exercises/types';
import { CONCEPTS, type Episode } from './world/world';
import { trainDetectors, type TrainedDetectors } from './world/detector';
import { paintingSuccess, testEpisodes } from './world/planner';

/** Input of 11-plan-best: an ASCII room ('#' wall, '.' open, 'S' start) and a value per cell. */
interface PlanInput { rows: string[]; values: number[][] }

function planCase(rng: Rng): ExerciseCase<PlanInput> {
  const w = rng.int(4, 8), h = rng.int(4, 8);
  const grid: string[][] = Array.from({ length: h }, () => Array.from({ length: w }, () => (rng.chance(0.2) ? '#' : '.')));
  const sx = rng.int(0, w), sy = rng.int(0, h);
  grid[sy][sx] = 'S';
  const values = Array.from({ length: h }, () => Array.from({ length: w }, () => rng.int(0, 4)));
  const rows = grid.map((r) => r.join(''));
  return { label: `room ${w}×${h}:\n${rows.join('\n')}\nvalues ${JSON.stringify(values)}`, input: { rows, values } };
}

/** The reference: BFS from S; best value, then fewest steps, then smallest y, then x. */
export function referencePlanBest({ rows, values }: PlanInput): { x: number; y: number } {
  const h = rows.length, w = rows[0].length;
  let start = { x: 0, y: 0 };
  rows.forEach((r, y) => { const x = r.indexOf('S'); if (x >= 0) start = { x, y }; });
  const dist = rows.map((r) => Array.from(r, () => -1));
  dist[start.y][start.x] = 0;
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const c = queue[i];
    for (const [dx, dy] of [[0, -1], [1, 0], [0, 1], [-1, 0]]) {
      const x = c.x + dx, y = c.y + dy;
      if (x < 0 || y < 0 || x >= w || y >= h || rows[y][x] === '#' || dist[y][x] >= 0) continue;
      dist[y][x] = dist[c.y][c.x] + 1;
      queue.push({ x, y });
    }
  }
  let best = start;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (dist[y][x] < 0) continue;
    const v = values[y][x], bv = values[best.y][best.x];
    if (v > bv || (v === bv && dist[y][x] < dist[best.y][best.x])) best = { x, y };
  }
  return best;
}

/**
 * Exercise 11-plan-best: the planner of the world model. Search from the start over open cells
 * (4 neighbours) and return the reachable cell of highest value; ties go to the cell fewest steps
 * away, then to the smallest y, then the smallest x.
 */
defineExercise<(rows: string[], values: number[][]) => { x: number; y: number }, PlanInput>({
  id: '11-plan-best',
  title: 'Plan: the best reachable state of the world model',
  points: 2,
  hint: 'Breadth-first search from S gives every reachable cell and its distance. Walls and cells cut off by walls are not candidates, however valuable.',
  visible: () => {
    const fixed: PlanInput = { rows: ['S..#.', '.#.#.', '...#.'], values: [[0, 1, 1, 0, 9], [0, 0, 2, 0, 9], [2, 0, 0, 0, 9]] };
    const rng = createRng('11-plan-best');
    return [{ label: `room 5×3 (the 9s are behind a wall):\n${fixed.rows.join('\n')}`, input: fixed }, planCase(rng), planCase(rng), planCase(rng)];
  },
  generate: (seed, count) => { const rng = createRng(seed); return Array.from({ length: count }, () => planCase(rng)); },
  judge: (answer, input) => {
    const want = referencePlanBest(input);
    const got = answer(input.rows.slice(), input.values.map((r) => r.slice()));
    const ok = !!got && got.x === want.x && got.y === want.y;
    return { ok, expected: `(${want.x},${want.y})`, got: got ? `(${String(got.x)},${String(got.y)})` : String(got) };
  },
});

/** Input of 11-painted-choice: detector scores per state, the value head, what to paint. */
interface PaintInput { scores: number[][]; weights: number[]; concept: number; strength: number }

function paintCase(rng: Rng): ExerciseCase<PaintInput> {
  const n = rng.int(3, 8), k = rng.int(2, 4);
  const scores = Array.from({ length: n }, () => Array.from({ length: k }, () => Math.round(rng.next() * 100) / 100));
  const weights = Array.from({ length: k }, () => rng.int(-2, 4));
  return { label: `${n} states × ${k} concepts, weights [${weights.join(', ')}]`, input: { scores, weights, concept: rng.int(0, k), strength: rng.int(2, 6) } };
}

/** The reference: set the painted weight to `strength`, then the first state of highest value. */
export function referencePaintedChoice({ scores, weights, concept, strength }: PaintInput): number {
  const w = weights.map((x, i) => (i === concept ? strength : x));
  let best = 0, bestV = -Infinity;
  scores.forEach((s, i) => { const v = s.reduce((a, x, k) => a + x * w[k], 0); if (v > bestV) { bestV = v; best = i; } });
  return best;
}

/**
 * Exercise 11-painted-choice: paint value on a concept — *set* its weight in the value head to
 * `strength`, keep the other weights — and return the index of the state the value head now prefers
 * (value = Σ weight_k × score_k; the first one on ties).
 */
defineExercise<(scores: number[][], weights: number[], concept: number, strength: number) => number, PaintInput>({
  id: '11-painted-choice',
  title: 'Paint value on a concept and pick the preferred state',
  points: 1,
  hint: 'Painting replaces one weight (it does not add to it, and it does not zero the others). Then value every state with the painted weights.',
  visible: () => {
    const rng = createRng('11-painted-choice');
    const fixed: PaintInput = { scores: [[0.9, 0.1], [0.2, 0.95], [0.6, 0.6]], weights: [3, -1], concept: 1, strength: 2 };
    return [{ label: '3 states × 2 concepts, paint concept 1 to 2 (weights [3, -1])', input: fixed }, paintCase(rng), paintCase(rng), paintCase(rng)];
  },
  generate: (seed, count) => { const rng = createRng(seed); return Array.from({ length: count }, () => paintCase(rng)); },
  judge: (answer, input) => {
    const want = referencePaintedChoice(input);
    const got = answer(input.scores.map((r) => r.slice()), input.weights.slice(), input.concept, input.strength);
    return { ok: got === want, expected: `state ${want}`, got: `state ${String(got)}` };
  },
});

// ---- 11-safe-paint-step ----------------------------------------------------------------------
// Test the claim: from which training step can value be painted on a concept and kept while the
// world model goes on learning?
interface SafeInput { concept: string; seed: number; det: TrainedDetectors; episodes: Episode[] }

/** Reference: the earliest snapshot step whose painted read-outs, kept to the last step, hit the concept in ≥ 90% of episodes (-1 if none). */
export function referenceSafePaintStep(det: TrainedDetectors, concept: string, episodes: Episode[]): number {
  const final = det.snapshots[det.snapshots.length - 1].weights;
  for (const s of det.snapshots) if (paintingSuccess(final, concept, episodes, undefined, undefined, s.weights).success >= 0.9) return s.step;
  return -1;
}

function safeCases(seed: number, count: number): ExerciseCase<SafeInput>[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const s = 1 + (rng.int(0, 3) + i) % 3;
    const concept = CONCEPTS[i % CONCEPTS.length];
    const det = trainDetectors({ steps: 300, cheeseSpread: 9, seed: s });
    const episodes = testEpisodes(30, s, { cheeseSpread: 9 });
    return { label: `detectors seed ${s}, concept "${concept}", ${episodes.length} episodes`, input: { concept, seed: s, det, episodes } };
  });
}

defineExercise<(det: TrainedDetectors, concept: string, episodes: Episode[]) => number, SafeInput>({
  id: '11-safe-paint-step',
  title: 'Test the claim: the earliest step at which painted value stays on the concept as the model learns on',
  points: 2,
  hint: 'For each snapshot s in det.snapshots (in order), paint on its read-outs and keep them while the features train to the end: paintingSuccess(lastWeights, concept, episodes, undefined, undefined, s.weights). Return the first s.step with success ≥ 0.9, or -1. Using the snapshot right away (paintingSuccess(s.weights, …)) answers a different question.',
  visible: () => safeCases(1111, 3),
  generate: safeCases,
  judge: (answer, { det, concept, episodes }) => {
    const expected = referenceSafePaintStep(det, concept, episodes);
    const got = answer(det, concept, episodes);
    return { ok: got === expected, expected: String(expected), got: String(got) };
  },
});
