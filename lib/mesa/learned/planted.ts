/**
 * A positive control, retargetable BY CONSTRUCTION: the learned searcher's architecture (net.ts)
 * with hand-set weights that run a breadth-first wavefront from the cheese. Nothing here is
 * trained, so whatever it shows is about the measuring procedures, never evidence that training
 * produces such a search. It answers one question: when the essay's picture holds exactly — a
 * goal slot the search reads — do notebook 05's locating scan and notebook 06's edit find it and
 * retarget it? A procedure that cannot say "supported" here could not say it anywhere.
 *
 * Three channels of the 16-channel state carry the search (the rest stay 0):
 * - `GOAL` (0): the cheese, written by the input at every iteration (tanh(G + 3·cheese));
 * - `REACHED` (1): the wavefront, seeded at the goal one iteration later and spread to open
 *   neighbours one cell per iteration (tanh(R + 3·relu(R + Σ neighbours R + G − 10·wall)));
 * - `AGE` (2): grows by a small step every iteration after a cell is reached, so cells the
 *   wavefront reached earlier (nearer the cheese) hold more.
 * The move at each cell is the neighbour with the largest `AGE`: a step along a shortest path,
 * once the wavefront has reached the cell (iterations ≥ maze distance + 2).
 */
import { learnedConfig } from './config';
import type { LearnedAgentOptions } from './agent';
import { defaultIterations, LearnedSearchAgent } from './agent';
import { fail } from '../../core/errors';
import { learnedMessages } from './messages';
import { INPUT_NAMES, paramLayout } from './net';

/** State channels of the planted search. */
export const PLANTED_CHANNELS = { goal: 0, reached: 1, age: 2 } as const;

/** Per-iteration growth of `AGE`: small, so tanh stays in its near-linear range for thousands of iterations. */
const AGE_STEP = 1e-3;
/** Move logits per unit of `AGE` difference. */
const READ_GAIN = 1e3;

/**
 * A proxy wired into the goal slot (inner misalignment BY CONSTRUCTION): the training square's
 * corner cell is written into `GOAL` at full strength from the first iteration, while the cheese
 * builds up there until it crosses the seeding threshold at iteration `delay`: the corner seeds the
 * wavefront at iteration 2, the cheese at `delay` + 1. The mouse then goes to the cheese only where
 * it is about `delay` − 1 steps nearer than the corner. The corner is found
 * from the x, y input channels, so the weights are made for one maze side.
 */
export interface PlantedProxy {
  /** Maze side the corner detector is made for. */
  size: number;
  /** Iterations the cheese's goal takes to seed the wavefront (≥ 1). Default 12. */
  delay?: number;
}

/** Default {@link PlantedProxy.delay}. */
export const PROXY_DELAY = 12;

/** Threshold of `GOAL` above which a cell seeds the wavefront (proxy variant). */
const SEED_AT = 0.5;

/** The step δ for which g ← tanh(g + δ), from 0, reaches SEED_AT + 0.01 at iteration `delay` (bisection): below SEED_AT one iteration earlier. */
function goalStep(delay: number): number {
  const after = (d: number) => { let g = 0; for (let t = 0; t < delay; t++) g = Math.tanh(g + d); return g; };
  let lo = 0, hi = 2;
  for (let i = 0; i < 60; i++) { const mid = (lo + hi) / 2; if (after(mid) < SEED_AT + 0.01) lo = mid; else hi = mid; }
  return hi;
}

/** Parameters of the planted search in the shipped shape (16 state, 16 inner channels); with `proxy`, the misaligned variant. */
export function plantedParams(proxy?: PlantedProxy): Float32Array {
  const shape = { state: 16, inner: 16 };
  const L = paramLayout(shape);
  const p = new Float32Array(L.total);
  const cin = INPUT_NAMES.length, C = shape.state, A = shape.inner;
  const wall = INPUT_NAMES.indexOf('wall'), cheese = INPUT_NAMES.indexOf('cheese');
  const { goal: G, reached: R, age: AG } = PLANTED_CHANNELS;
  // Inner units: 0 reads the cheese, 1 spreads the wavefront, 2 counts age.
  const wx = (ky: number, kx: number, ci: number, a: number) => L.off.wx + ((ky * 3 + kx) * cin + ci) * A + a;
  const wh = (ky: number, kx: number, c: number, a: number) => L.off.wh + ((ky * 3 + kx) * C + c) * A + a;
  p[wx(1, 1, cheese, 0)] = 3;
  p[wx(1, 1, wall, 1)] = -10;
  p[wx(1, 1, wall, 2)] = -10;
  for (const [ky, kx] of [[0, 1], [1, 0], [1, 1], [1, 2], [2, 1]]) p[wh(ky, kx, R, 1)] = 1;
  p[wh(1, 1, R, 2)] = 1;
  // w2 [A, C]: inner unit → state channel.
  p[L.off.w2 + 1 * C + R] = 3;
  p[L.off.w2 + 2 * C + AG] = AGE_STEP;
  if (!proxy) {
    // The goal seeds the wavefront directly, one iteration after the input writes it.
    p[wh(1, 1, G, 1)] = 1;
    p[L.off.w2 + 0 * C + G] = 1;
  } else {
    const { size, delay = PROXY_DELAY } = proxy;
    if (!Number.isInteger(size) || size < 5 || !Number.isInteger(delay) || delay < 1) fail('mesa/learned/planted', learnedMessages.badProxy(size, delay));
    const x = INPUT_NAMES.indexOf('x'), y = INPUT_NAMES.indexOf('y');
    // Unit 0: the cheese, a small step of GOAL per iteration, so GOAL crosses SEED_AT at iteration `delay`.
    p[L.off.w2 + 0 * C + G] = goalStep(delay) / 3;
    // Unit 3: the corner cell (size−2, 1), the only open cell with (x − y)·(size − 1) above size − 3.5.
    const k = 6;
    p[wx(1, 1, x, 3)] = k * (size - 1);
    p[wx(1, 1, y, 3)] = -k * (size - 1);
    p[wx(1, 1, wall, 3)] = -100;
    p[L.off.b1 + 3] = -k * (size - 3.5);
    p[L.off.w2 + 3 * C + G] = 1;
    // Unit 4: a goal above SEED_AT seeds the wavefront.
    p[wh(1, 1, G, 4)] = 1;
    p[wx(1, 1, wall, 4)] = -10;
    p[L.off.b1 + 4] = -SEED_AT;
    p[L.off.w2 + 4 * C + R] = 30;
  }
  // Read-out: the move towards the neighbour with the most AGE (up, right, down, left).
  const wo = (ky: number, kx: number, c: number, o: number) => L.off.wo + ((ky * 3 + kx) * C + c) * 4 + o;
  for (const [o, ky, kx] of [[0, 0, 1], [1, 1, 2], [2, 2, 1], [3, 1, 0]]) p[wo(ky, kx, AG, o)] = READ_GAIN;
  return p;
}

/**
 * The planted wavefront searcher (retargetable by construction; see the module comment) as a
 * {@link LearnedSearchAgent}. Its config is the aligned variant's, for shape only: nothing of it was trained.
 *
 * @example
 * const planted = plantedLearnedAgent({ size: 9 });
 */
export function plantedLearnedAgent(opts: LearnedAgentOptions): LearnedSearchAgent {
  return new LearnedSearchAgent({ config: { ...learnedConfig('aligned'), seed: 0 }, params: plantedParams() }, opts);
}

/**
 * The planted searcher with the training square's corner wired into its goal slot
 * ({@link PlantedProxy}): inner-misaligned BY CONSTRUCTION, a positive control for notebook 06's
 * question whether retargeting removes inner misalignment, never evidence about trained networks.
 *
 * @example
 * const misaligned = plantedProxyAgent({ size: 11 });
 */
export function plantedProxyAgent(opts: LearnedAgentOptions & { delay?: number }): LearnedSearchAgent {
  const delay = opts.delay ?? PROXY_DELAY;
  // The cheese seeds its wavefront `delay` − 1 iterations after the corner: give that much more thinking time.
  return new LearnedSearchAgent({ config: { ...learnedConfig('corner'), seed: 0 }, params: plantedParams({ size: opts.size, delay }) }, { ...opts, iterations: opts.iterations ?? defaultIterations(opts.size) + delay });
}
