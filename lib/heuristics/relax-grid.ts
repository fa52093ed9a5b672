import type { GridProblem } from '../envs/grid';
import { makeGridProblem } from '../envs/grid';
import { gridManhattan, gridOctile } from './grid';
import type { Relaxer } from './relax';

/**
 * Grid relaxations. Dropping 'walls' leaves an empty grid of the same size, whose exact distances
 * are manhattan (four) or octile (octile movement) — corner cutting is moot without walls.
 * Dropping only 'no-corner-cutting' keeps the walls but lets diagonals squeeze past corners; no
 * closed form, so `relax()` solves it.
 */
export const relaxGrid: Relaxer = (problem, dropped) => {
  const p = problem as GridProblem;
  const walls = p.rules.walls && !dropped.includes('walls');
  const noCornerCutting = p.rules.noCornerCutting && !dropped.includes('no-corner-cutting');
  const relaxed = makeGridProblem(p.map, p.movement, { walls, noCornerCutting });
  const closedForm = walls ? undefined
    : p.movement === 'octile' ? { name: 'octile', heuristic: gridOctile } : { name: 'manhattan', heuristic: gridManhattan };
  return { problem: relaxed, project: (s) => s, closedForm };
};
