import { fail } from '../core/errors';
import type { Heuristic, SearchProblem } from '../search/problem';
import { goalDistanceTable, type GoalDistanceTable } from './goal-table';
import { heuristicsMessages } from './messages';

const MODULE = 'heuristics/landmarks';

/** A differential (ALT) heuristic: it takes the goal, and knows where its landmarks are. */
export interface LandmarkHeuristic<S, G> extends Heuristic<S, G> {
  /** The landmarks the distance tables were built from. */
  readonly landmarks: readonly G[];
}

/**
 * The ALT / differential heuristic of Goldberg & Harrelson 2005: exact distances to a few
 * landmarks L, then h(s, g) = max over L of |d(s, L) − d(g, L)| (triangle inequality; admissible
 * and consistent on problems whose moves can be reversed at the same cost, such as grids).
 * Landmarks are given as goals (a grid goal is a cell). Unlike {@link goalDistanceTable} it DOES use its goal argument, for every goal. Where the
 * landmarks are placed tunes it: a landmark at the goal makes it exact there, and it is weaker for
 * goals far from the landmarks and not "behind" them. Placing the landmarks in one goal region is
 * the honest goal-specific heuristic of the debate: it is retargetable, and it may degrade.
 *
 * @example
 * const problem = gridProblem(map, 'octile');
 * const h = landmarkHeuristic(problem, [tunedGoal]);
 * h(start, tunedGoal);  // exact
 * h(start, otherGoal);  // a lower bound that gets looser as otherGoal moves away
 */
export function landmarkHeuristic<S, A, G>(problem: SearchProblem<S, A, G>, landmarks: readonly G[]): LandmarkHeuristic<S, G> {
  if (!Array.isArray(landmarks) || landmarks.length === 0) fail(MODULE, heuristicsMessages.landmarksEmpty());
  if (!problem.goalState) fail(MODULE, heuristicsMessages.landmarksNoGoalState(problem.name ?? 'problem'));
  const toState = problem.goalState.bind(problem);
  // The distance to a landmark is the distance from it (reversible moves): one table per landmark.
  const tables: GoalDistanceTable<S, G>[] = landmarks.map((l) => goalDistanceTable(problem, l));
  const h: Heuristic<S, G> = (s, g) => {
    const gs = toState(g);
    let best = 0;
    for (const t of tables) {
      const a = t.distance(s), b = t.distance(gs);
      if (a === Infinity || b === Infinity) continue;
      const d = Math.abs(a - b);
      if (d > best) best = d;
    }
    return best;
  };
  return Object.assign(h, { landmarks: [...landmarks] });
}
