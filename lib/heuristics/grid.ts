import type { Cell, Movement } from '../envs/grid';
import type { Heuristic } from '../search/problem';

/**
 * Manhattan distance |dx| + |dy|: the exact cost on an empty grid with four-way movement.
 *
 * @example
 * gridManhattan({ x: 0, y: 0 }, { x: 3, y: 4 }); // 7
 */
export const gridManhattan: Heuristic<Cell, Cell> = (s, g) => Math.abs(s.x - g.x) + Math.abs(s.y - g.y);

/**
 * Straight-line distance: admissible for four-way and octile movement, exact for neither.
 *
 * @example
 * gridEuclidean({ x: 0, y: 0 }, { x: 3, y: 4 }); // 5
 */
export const gridEuclidean: Heuristic<Cell, Cell> = (s, g) => Math.hypot(s.x - g.x, s.y - g.y);

/**
 * Octile distance max + (√2 − 1)·min of |dx|, |dy|: the exact cost on an empty grid with
 * octile movement (diagonal cost Math.SQRT2).
 *
 * @example
 * gridOctile({ x: 0, y: 0 }, { x: 3, y: 4 }); // 4 + 3 * (Math.SQRT2 - 1) ≈ 5.24
 */
export const gridOctile: Heuristic<Cell, Cell> = (s, g) => {
  const dx = Math.abs(s.x - g.x), dy = Math.abs(s.y - g.y);
  return dx > dy ? dx + (Math.SQRT2 - 1) * dy : dy + (Math.SQRT2 - 1) * dx;
};

/**
 * Chebyshev distance max(|dx|, |dy|): exact when diagonals cost 1 (king moves); admissible for
 * octile and four-way movement.
 *
 * @example
 * gridChebyshev({ x: 0, y: 0 }, { x: 3, y: 4 }); // 4
 */
export const gridChebyshev: Heuristic<Cell, Cell> = (s, g) => Math.max(Math.abs(s.x - g.x), Math.abs(s.y - g.y));

/**
 * The exact wall-free distance for a movement rule: manhattan for 'four', octile for 'octile'.
 *
 * @example
 * astar(problem, start, goal, { heuristic: gridHeuristic(problem.movement) });
 */
export function gridHeuristic(movement: Movement): Heuristic<Cell, Cell> {
  return movement === 'octile' ? gridOctile : gridManhattan;
}
