/**
 * An imperfect interpretability tool. What the tool knows about an agent is its code book (which
 * unit pattern means which cell), learned with error: each entry is off by Gaussian noise of
 * scale `noise` (the codes themselves have scale 1). With `readout: 'values'` the tool reads and
 * writes unit values; with `readout: 'active'` it only sees which units are active (> 0) and can
 * only switch units on or off — the weaker interpretability of the comment thread.
 *
 * Three questions of increasing strength:
 * - **flag**: is the agent's target the intended goal? (one yes/no, compares one code with the units)
 * - **read off**: which cell is the target? (picks one of n cells)
 * - **retarget**: write units that make the agent pursue the intended goal (the written pattern
 *   must stand out against every cell's code, or the agent finds spurious targets).
 */
import type { Rng } from '../../../lib/core/rng';
import { fail } from '../../../lib/core/errors';
import type { ScenarioAgent } from './agents';
import { scenariosMessages as M } from './messages';

const MODULE = 'scenarios/tool';

export type Readout = 'values' | 'active';

export interface ToolOptions {
  /** Error of the tool's code book (0 = perfect). */
  noise: number;
  readout: Readout;
}

export function checkReadout(value: unknown): Readout {
  if (value !== 'values' && value !== 'active') fail(MODULE, M.readoutBad(value));
  return value;
}

/** The tool's estimate of the code of cell `c` (true code plus noise). */
export function estimatedCode(agent: ScenarioAgent, c: number, noise: number, rng: Rng): Float32Array {
  const m = agent.m;
  const out = new Float32Array(m);
  for (let i = 0; i < m; i++) out[i] = agent.codes[c * m + i] + (noise > 0 ? noise * rng.normal() : 0);
  return out;
}

function agreement(a: Float32Array, b: Float32Array): number {
  let k = 0;
  for (let i = 0; i < a.length; i++) if ((a[i] > 0) === (b[i] > 0)) k++;
  return k / a.length;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s / a.length;
}

/** Flag: true if the tool says the agent's target is NOT `intended`. */
export function flagBadTarget(agent: ScenarioAgent, intended: number, tool: ToolOptions, rng: Rng): boolean {
  const code = estimatedCode(agent, intended, tool.noise, rng);
  const units = agent.units;
  // Thresholds halfway between chance and a match: dot 0 vs 1; sign agreement 0.5 vs 0.75 (a match at noise 1).
  return checkReadout(tool.readout) === 'values' ? dot(code, units) < 0.5 : agreement(code, units) < 0.625;
}

/** Read-off: the cell whose estimated code best matches the agent's units. */
export function readOffWithTool(agent: ScenarioAgent, n: number, tool: ToolOptions, rng: Rng): number {
  const units = agent.units;
  const values = checkReadout(tool.readout) === 'values';
  let best = 0, bestS = -Infinity;
  for (let c = 0; c < n; c++) {
    const code = estimatedCode(agent, c, tool.noise, rng);
    const s = values ? dot(code, units) : agreement(code, units);
    if (s > bestS) { bestS = s; best = c; }
  }
  return best;
}

/**
 * Retarget: the units the tool writes to point the agent at `goal`. With 'values' it writes its
 * estimate of the goal's code; with 'active' it can only switch on the units its estimate says
 * are active (scaled so that, by its own estimate, the goal's score is 1).
 */
export function retargetUnits(agent: ScenarioAgent, goal: number, tool: ToolOptions, rng: Rng): Float32Array {
  const code = estimatedCode(agent, goal, tool.noise, rng);
  if (checkReadout(tool.readout) === 'values') return code;
  let s = 0;
  for (let i = 0; i < code.length; i++) if (code[i] > 0) s += code[i];
  const scale = s > 0 ? code.length / s : 0;
  return code.map((v) => (v > 0 ? scale : 0));
}
