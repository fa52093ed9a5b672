/**
 * One training step of the learned recurrent searcher on the project's typed-array engine
 * (lib/mesa/learned/net.ts), at the size the issue measured on tfjs's cpu backend (55 s for a
 * 30-iteration, 16-channel net on 32 9×9 mazes): the same step with backpropagation through all
 * 30 iterations, and the shipped schedule's truncated step. Prints time and GFLOP/s.
 *
 * Run alone: `npx tsx bench/learned-step.ts`, or `retarget-lab bench --only learned`.
 */
import { createRng } from '../lib/core/rng';
import { cheeseMazeLevels } from '../lib/envs/cheese-maze';
import { makeBatch } from '../lib/mesa/learned/data';
import { flopsPerIteration, initParams, lossAndGradient, paramLayout } from '../lib/mesa/learned/net';

export interface LearnedStepBench {
  case: string;
  batch: number;
  size: number;
  /** Iterations run without gradient, then with it. */
  warm: number;
  grad: number;
  /** Wall-clock seconds of the best round, and its GFLOP/s. */
  seconds: number;
  gflops: number;
  /** Process CPU seconds (user + system) of the same round, and GFLOP per CPU second: steadier on a shared machine. */
  cpuSeconds: number;
  cpuGflops: number;
}

/** Best of `rounds` timings of one loss-and-gradient pass per case. */
export function runLearnedStepBench(opts: { rounds?: number; quick?: boolean } = {}): LearnedStepBench[] {
  const rounds = opts.rounds ?? (opts.quick ? 1 : 3);
  const layout = paramLayout({ state: 16, inner: 16 });
  const rng = createRng('bench/learned');
  const params = initParams(layout, () => rng.normal());
  const grads = new Float32Array(layout.total);
  const cases: [string, number, number, number, number][] = [
    ['full BPTT, 30 iterations (the issue\'s tfjs case)', 32, 9, 0, 30],
    ['shipped step: 13×13, 40 warm + 8 differentiated', 8, 13, 40, 8],
    // What the notebooks run (locating, retargeting): forward iterations only, the 16-channel fast path.
    ['inference: 13×13, 49 forward iterations', 8, 13, 48, 1],
  ];
  return cases.map(([name, B, size, warm, grad]) => {
    const batch = makeBatch(cheeseMazeLevels('test', opts.quick ? Math.min(B, 4) : B, 'bench', { size }));
    let best = Infinity, bestCpu = Infinity;
    for (let r = 0; r < rounds; r++) {
      grads.fill(0);
      const t0 = performance.now(), c0 = process.cpuUsage();
      lossAndGradient(params, layout, batch.x, batch.labels, batch.g, warm, grad, grads);
      const c = process.cpuUsage(c0);
      best = Math.min(best, (performance.now() - t0) / 1000);
      bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6);
    }
    // Forward iterations count once; differentiated ones three times (forward, input and weight gradients).
    const flops = flopsPerIteration(layout, batch.g) * (warm + 3 * grad);
    return { case: name, batch: batch.g.B, size, warm, grad, seconds: best, gflops: flops / best / 1e9, cpuSeconds: bestCpu, cpuGflops: flops / bestCpu / 1e9 };
  });
}

/** The bench as text lines. */
export function formatLearnedStepBench(rows: readonly LearnedStepBench[]): string {
  return [
    'Learned searcher, one training step and one inference pass (typed-array conv, wall clock, best round):',
    ...rows.map((r) => `  ${r.case}: batch ${r.batch} of ${r.size}×${r.size}, ${r.warm}+${r.grad} iterations: ${r.seconds.toFixed(3)} s wall (${r.gflops.toFixed(2)} GFLOP/s), ${r.cpuSeconds.toFixed(3)} CPU s (${r.cpuGflops.toFixed(2)} GFLOP per CPU second)`),
  ].join('\n');
}

if (require.main === module) {
  process.stdout.write(`${formatLearnedStepBench(runLearnedStepBench())}\n`);
}
