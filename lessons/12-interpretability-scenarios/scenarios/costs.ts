/**
 * Detect-and-retrain versus retarget, costed. For every agent whose target is bad: retargeting
 * writes the intended goal's code into its target units (one write of m units, no training);
 * retraining trains a fresh agent from scratch (environment steps). Both are then judged by the
 * share of evaluation starts from which the fixed agent reaches the intended goal.
 */
import { createRng } from '../../../lib/core/rng';
import type { Population } from './population';
import { checkInt } from './world';
import { reachRate } from './agents';
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
  seed?: number;
}

export interface FixCostRow {
  agent: string;
  kind: 'search' | 'reflex';
  method: 'retarget' | 'retrain';
  /** Share of evaluation starts reaching the intended goal afterwards. */
  success: number;
  /** Environment steps of training. */
  steps: number;
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
  for (const a of pop.agents.filter((x) => !x.aligned)) {
    const t0 = performance.now();
    const units = retargetUnits(a, world.intended, { noise: options.noise ?? 0, readout }, rng);
    const success = reachRate(world, a.policy(units), starts, world.intended);
    rows.push({ agent: a.id, kind: a.kind, method: 'retarget', success, steps: 0, unitsWritten: a.m, seconds: (performance.now() - t0) / 1000 });
    const r = retrains[rows.length % runs];
    rows.push({ agent: a.id, kind: a.kind, method: 'retrain', success: r.success, steps: r.steps, unitsWritten: 0, seconds: r.seconds });
  }
  return { rows, retrains, starts };
}
