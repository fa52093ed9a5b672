/**
 * Error texts of lib/heuristics (relaxation, distance tables, heuristic checks). Each entry says
 * what went wrong and what to do.
 */
export const heuristicsMessages = {
  relaxNoConstraints: (name: string) =>
    `problem ${name} declares no constraints, so there is nothing to relax; build it with gridProblem() or slidingPuzzleProblem(), or add a constraints list and registerRelaxer().`,
  relaxUnknown: (names: string[], name: string, known: readonly string[]) =>
    `unknown constraint${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n}"`).join(', ')} for problem ${name}; its constraints are: ${known.join(', ')}.`,
  relaxNotArray: (value: unknown) =>
    `names must be an array of constraint names, got ${String(value)}; pass e.g. ['walls'].`,
  relaxNoRelaxer: (kind: string, name: string) =>
    `no relaxer is registered for problems of kind "${kind}" (${name}); call registerRelaxer('${kind}', ...) first.`,
  tableNoGoalState: (name: string) =>
    `problem ${name} has no goalState(goal) and no states were given; add goalState to the problem or pass the list of states.`,
  tableNoReverse: (name: string) =>
    `problem ${name} has no predecessors(state) and no states were given; add predecessors to the problem or pass the list of all states.`,
  tableNoGoalInStates: (name: string) =>
    `none of the given states satisfies the goal for problem ${name}; include the goal state in the list.`,
  landmarksEmpty: () =>
    `landmarkHeuristic needs at least one landmark; pass the cells (states) to measure from, e.g. [goal].`,
  landmarksNoGoalState: (name: string) =>
    `problem ${name} has no goalState(goal), so a landmark heuristic cannot place the goal; add goalState to the problem.`,
  checkBadSample: (value: unknown) =>
    `sample must be an array of { state, goal } pairs, got ${String(value)}; build one with samplePairs(states, count, seed).`,
  checkBadHeuristic: (value: unknown) =>
    `h must be a function (state, goal) => number, got ${typeof value}.`,
  metricPdbPatternTooBig: (k: number) =>
    `a pattern of ${k} tiles is too big for a pattern database that keeps the blank's cell (16^${k + 1} entries); use patterns of at most 5 tiles, e.g. '4-4' or '5-5-5'.`,
  metricPdbState: (size: number) => `state must be a ${size}x${size} PuzzleState to be looked up in this database.`,
  sampleEmpty: () => `samplePairs needs at least one state and one goal.`,
} as const satisfies Record<string, (...args: never[]) => string>;
