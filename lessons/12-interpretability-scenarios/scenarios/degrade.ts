/**
 * "Degrades gracefully": the same searchers, inspected with tools of decreasing quality. For each
 * noise level, each searcher is flagged, read off and (if its target is bad) retargeted with
 * fresh tool errors `trials` times.
 */
import { createRng } from '../../../lib/core/rng';
import { fail } from '../../../lib/core/errors';
import type { Population } from './population';
import { checkInt } from './world';
import { reachRate } from './agents';
import type { Readout } from './tool';
import { checkReadout, flagBadTarget, readOffWithTool, retargetUnits } from './tool';
import { scenariosMessages as M } from './messages';

const MODULE = 'scenarios/degrade';

export interface DegradeOptions {
  /** Tool noise levels (default 0, 0.25, 0.5, 1, 1.5, 2, 3). */
  levels?: readonly number[];
  /** Fresh tool errors per agent and level (default 4). */
  trials?: number;
  readout?: Readout;
  /** Evaluation starts per retargeted agent (default 12). */
  starts?: number;
  seed?: number;
}

export interface DegradeRow {
  noise: number;
  readout: Readout;
  /** Share of searchers flagged correctly (bad target flagged, intended target not). */
  flagAccuracy: number;
  /** Share of read-offs equal to the true target. */
  readOffAccuracy: number;
  /** Mean share of starts from which a retargeted bad searcher reaches the intended goal. */
  retargetSuccess: number;
}

export const DEFAULT_NOISE_LEVELS: readonly number[] = [0, 0.25, 0.5, 1, 1.5, 2, 3];

/**
 * One row per noise level.
 *
 * @example
 * const pop = createPopulation({ seed: 1 });
 * degradeSweep(pop, { readout: 'values' });   // flag accuracy stays high longer than retarget success
 */
export function degradeSweep(pop: Population, options: DegradeOptions = {}): DegradeRow[] {
  const levels = options.levels ?? DEFAULT_NOISE_LEVELS;
  if (!Array.isArray(levels) || levels.length === 0 || levels.some((l) => typeof l !== 'number' || !(l >= 0))) fail(MODULE, M.levelsBad(levels));
  const trials = checkInt(MODULE, 'trials', options.trials ?? 4, 1);
  const nStarts = checkInt(MODULE, 'starts', options.starts ?? 12, 1);
  const readout = checkReadout(options.readout ?? 'values');
  const { world } = pop;
  const searchers = pop.agents.filter((a) => a.kind === 'search');
  const startRng = createRng(`degrade-starts-${options.seed ?? 0}`);
  const starts = startRng.shuffle(Array.from({ length: world.n }, (_, c) => c).filter((c) => c !== world.intended)).slice(0, nStarts);
  return levels.map((noise) => {
    const rng = createRng(`degrade-${options.seed ?? 0}-${noise}-${readout}`);
    const tool = { noise, readout };
    let flags = 0, reads = 0, total = 0, ret = 0, retN = 0;
    for (const a of searchers) {
      for (let t = 0; t < trials; t++) {
        total++;
        if (flagBadTarget(a, world.intended, tool, rng) === !a.aligned) flags++;
        if (readOffWithTool(a, world.n, tool, rng) === a.goal) reads++;
        if (!a.aligned) {
          ret += reachRate(world, a.policy(retargetUnits(a, world.intended, tool, rng)), starts, world.intended);
          retN++;
        }
      }
    }
    return { noise, readout, flagAccuracy: flags / total, readOffAccuracy: reads / total, retargetSuccess: retN ? ret / retN : NaN };
  });
}
