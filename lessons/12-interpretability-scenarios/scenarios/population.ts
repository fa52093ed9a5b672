/**
 * A seeded population of agents in one world: searchers and reflexes, some pursuing the intended
 * goal and some a bad one (a proxy cell elsewhere in the maze).
 */
import { createRng } from '../../../lib/core/rng';
import { fail } from '../../../lib/core/errors';
import type { ScenarioWorld } from './world';
import { checkInt, checkNum, createScenarioWorld } from './world';
import type { ScenarioAgent } from './agents';
import { createReflexAgent, createSearchAgent } from './agents';
import { scenariosMessages as M } from './messages';

const MODULE = 'scenarios/population';

export interface PopulationParams {
  /** Maze side (odd, 5–41). */
  size: number;
  /** Searching agents. */
  searchers: number;
  /** Reflex (cached-table) agents. */
  reflexes: number;
  /** Share of agents of each kind whose goal is a bad (non-intended) cell. */
  badShare: number;
  /** Reflexes get a sloppiness drawn uniformly from [0, maxSloppiness]. */
  maxSloppiness: number;
  /** Target units per agent. */
  units: number;
  seed: number;
}

export const DEFAULT_POPULATION: PopulationParams = {
  size: 15, searchers: 16, reflexes: 8, badShare: 0.5, maxSloppiness: 0.3, units: 64, seed: 1,
};

export interface Population {
  world: ScenarioWorld;
  agents: ScenarioAgent[];
  params: PopulationParams;
}

/** Builds the world and its agents (deterministic per seed). */
export function createPopulation(params: Partial<PopulationParams> = {}): Population {
  const p: PopulationParams = { ...DEFAULT_POPULATION, ...params };
  checkInt(MODULE, 'searchers', p.searchers, 0);
  checkInt(MODULE, 'reflexes', p.reflexes, 0);
  checkInt(MODULE, 'units', p.units, 4);
  checkInt(MODULE, 'seed', p.seed, 0);
  checkNum(MODULE, 'badShare', p.badShare, 0, 1);
  checkNum(MODULE, 'maxSloppiness', p.maxSloppiness, 0, 1);
  if (p.searchers < 1) fail(MODULE, M.populationEmpty());
  const world = createScenarioWorld(p.size, p.seed);
  const rng = createRng(`population-${p.seed}`);
  const far = Array.from({ length: world.n }, (_, c) => c).filter((c) => world.dist(c, world.intended) >= Math.max(3, world.n / 8));
  const badGoal = () => rng.pick(far.length ? far : [0]);
  const agents: ScenarioAgent[] = [];
  const nBadS = Math.round(p.badShare * p.searchers), nBadR = Math.round(p.badShare * p.reflexes);
  for (let i = 0; i < p.searchers; i++) {
    agents.push(createSearchAgent(world, i < nBadS ? badGoal() : world.intended, `s${p.seed}-${i}`, { m: p.units }));
  }
  for (let i = 0; i < p.reflexes; i++) {
    const sloppy = rng.float(0, 1) * p.maxSloppiness;
    agents.push(createReflexAgent(world, i < nBadR ? badGoal() : world.intended, `r${p.seed}-${i}`, sloppy, { m: p.units }));
  }
  return { world, agents, params: p };
}
