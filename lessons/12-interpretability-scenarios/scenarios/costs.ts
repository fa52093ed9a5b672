/**
 * Detect-and-retrain versus retarget, costed in the same unit: environment steps until the fixed
 * agent reaches the intended goal from `successTarget` of the evaluation starts. Retargeting
 * writes the intended goal's code into the target units and checks the write by running the
 * agent (rewriting with a fresh reading if it falls short, up to `maxWrites`); retraining trains a
 * fresh agent from scratch.
 */
import { createRng } from '../../../lib/core/rng';
import type { Population } from './population';
import { checkInt } from './world';
import { followPolicy } from './agents';
import type { Readout } from './tool';
import { checkReadout, retargetUnits } from './tool';
import type { TabularRetrainResult } from './retrain';
import { qLearningRetrain } from './retrain';

const MODULE = 'scenarios/costs';

export interface CostOptions {
  /** Tool noise for the retarget write (default 0). */
  noise?: number;
  readout?: Readout;
  /** Success the retraining must reach (default 0.9). */
  successTarget?: number;
  /** Retraining budget in environment steps (default 400000). */
  budget?: number;
  /** Fresh retraining runs (default 3); retraining from scratch does not depend on the bad agent. */
  retrainRuns?: number;
  /** Evaluation starts (default 16). */
  starts?: number;
  /**
   * Writes the retargeter may try per agent (default 5): each write uses a fresh reading of the
   * tool, is checked by running the agent from the evaluation starts, and is kept once it
   * reaches `successTarget`. The check's environment steps are the retarget's cost.
   */
  maxWrites?: number;
  seed?: number;
}

export interface FixCostRow {
  agent: string;
  kind: 'search' | 'reflex';
  method: 'retarget' | 'retrain';
  /** Share of evaluation starts reaching the intended goal afterwards. */
  success: number;
  /** Environment steps: of training (retrain), or of checking the writes by running the agent (retarget). */
  steps: number;
  /** Writes tried (retarget; 0 for retrain). */
  writes: number;
  /** Target units written. */
  unitsWritten: number;
  seconds: number;
}

export interface CostStudy {
  rows: FixCostRow[];
  retrains: TabularRetrainResult[];
  starts: number[];
}

/**
 * @example
 * const pop = createPopulation({ seed: 1 });
 * retrainVsRetarget(pop).rows.filter((r) => r.method === 'retarget');
 */
export function retrainVsRetarget(pop: Population, options: CostOptions = {}): CostStudy {
  const { world } = pop;
  const readout = checkReadout(options.readout ?? 'values');
  const runs = checkInt(MODULE, 'retrainRuns', options.retrainRuns ?? 3, 1);
  const nStarts = checkInt(MODULE, 'starts', options.starts ?? 16, 1);
  const seed = options.seed ?? 0;
  const starts = createRng(`cost-starts-${seed}`).shuffle(Array.from({ length: world.n }, (_, c) => c).filter((c) => c !== world.intended)).slice(0, nStarts);
  const rng = createRng(`cost-tool-${seed}`);
  const rows: FixCostRow[] = [];
  const retrains: TabularRetrainResult[] = [];
  for (let k = 0; k < runs; k++) {
    retrains.push(qLearningRetrain(world, world.intended, starts, { successTarget: options.successTarget, budget: options.budget, seed: seed * 100 + k }));
  }
  const maxWrites = checkInt(MODULE, 'maxWrites', options.maxWrites ?? 5, 1);
  const target = options.successTarget ?? 0.9;
  for (const a of pop.agents.filter((x) => !x.aligned)) {
    const t0 = performance.now();
    let success = 0, steps = 0, writes = 0;
    while (writes < maxWrites && success < target) {
      writes++;
      const policy = a.policy(retargetUnits(a, world.intended, { noise: options.noise ?? 0, readout }, rng));
      let ok = 0;
      for (const st of starts) {
        const run = followPolicy(policy, st, world.intended, 2 * world.n);
        steps += run.path.length - 1;
        if (run.reached) ok++;
      }
      success = ok / starts.length;
    }
    rows.push({ agent: a.id, kind: a.kind, method: 'retarget', success, steps, writes, unitsWritten: writes * a.m, seconds: (performance.now() - t0) / 1000 });
    const r = retrains[rows.length % runs];
    rows.push({ agent: a.id, kind: a.kind, method: 'retrain', success: r.success, steps: r.steps, writes: 0, unitsWritten: 0, seconds: r.seconds });
  }
  return { rows, retrains, starts };
}
