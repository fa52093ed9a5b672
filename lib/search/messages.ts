/**
 * Messages of `lib/search/` (and of the weighted-graph environment `lib/envs/graph.ts`, which is
 * written alongside the searches): every caller-mistake text these modules throw. Each entry
 * takes the values it mentions and says what went wrong and what to do.
 */
/** A short description of a value passed where a PuzzleState was expected. */
function describePuzzle(v: unknown): string {
  if (v === null || typeof v !== 'object') return String(v);
  try {
    const o = v as { size?: unknown; tiles?: unknown };
    return JSON.stringify({ size: o.size, tiles: o.tiles instanceof Uint8Array ? Array.from(o.tiles) : o.tiles }).slice(0, 100);
  } catch { return Object.prototype.toString.call(v); }
}

export const searchMessages = {
  optionsNotObject: (value: unknown) =>
    `options must be an object, got ${String(value)}; pass e.g. { budget: { maxExpansions: 1000 } }.`,
  optionsNotFunction: (name: string, value: unknown) =>
    `${name} must be a function, got ${typeof value}; pass a function or leave ${name} out.`,
  optionsMissing: (name: string, example: string) =>
    `the option ${name} is required; pass e.g. ${example}.`,
  intBad: (name: string, value: unknown, min: number, example: string) =>
    `${name} must be an integer >= ${min}, got ${String(value)}; pass e.g. ${example}.`,
  budgetBad: (name: string, value: unknown) =>
    `budget.${name} must be a non-negative number, got ${String(value)}; pass e.g. { ${name}: 1000 }.`,
  problemBad: (value: unknown) =>
    `problem must be an object with successors(state), isGoal(state, goal) and key(state), got ${String(value)}.`,
  problemNeedsReverse: () =>
    `bidirectional search needs problem.predecessors(state) and problem.goalState(goal); add them to the problem or use uniformCost.`,
  costBad: (cost: unknown, from: string) =>
    `step costs must be finite numbers >= 0, got ${String(cost)} on a move from state ${from}; fix the problem's successors().`,
  heuristicBad: (value: unknown, at: string) =>
    `the heuristic must return a finite number >= 0, got ${String(value)} at state ${at}; fix the heuristic.`,
  weightBad: (value: unknown) =>
    `weight must be a finite number >= 1 (1 = plain A*), got ${String(value)}; pass e.g. weight: 1.5.`,
  explorationBad: (value: unknown) =>
    `exploration must be a finite number >= 0, got ${String(value)}; pass e.g. exploration: 1.4.`,
  rankingBad: (value: unknown) =>
    `ranking must be 'h' or 'f', got ${String(value)}.`,
  queueEmpty: () => `cannot pop from an empty priority queue; check size first.`,
  queueBadPriority: (value: unknown) =>
    `priority must be a number (not NaN), got ${String(value)}.`,
  gameBad: (value: unknown) =>
    `game must be an object with players, toMove, moves, result, isTerminal and utility, got ${String(value)}.`,
  gameTerminal: () => `the state is terminal: there is no move to choose; check game.isTerminal(state) first.`,
  gameNoMoves: () => `game.moves(state) returned no moves for a non-terminal state; fix the game's moves() or isTerminal().`,
  hierarchicalBadSubgoals: (value: unknown) =>
    `decompose(start, goal) must return an array of subgoals (empty = solve directly), got ${String(value)}.`,
  compareEmpty: (what: string) => `${what} is empty; pass at least one.`,
  compareBadEntry: (what: string, index: number) =>
    `${what}[${index}] is malformed; see the @example of compareSearchers.`,
  graphBadEdge: (index: number, value: unknown) =>
    `edge ${index} must be [from, to] or [from, to, weight] (or { from, to, weight }) with non-empty node names, got ${JSON.stringify(value)}.`,
  graphBadWeight: (index: number, weight: unknown) =>
    `edge ${index} has weight ${String(weight)}; weights must be finite numbers >= 0 (search costs cannot be negative).`,
  graphUnknownNode: (node: unknown) =>
    `unknown node "${String(node)}"; use one of the nodes named in the edges.`,
  graphNoCoordinates: (node: unknown) =>
    `no coordinates for node "${String(node)}"; give every node an [x, y] pair.`,
  // The specialised sliding-puzzle IDA* (search/puzzle-idastar).
  puzzleBadState: (name: string, v: unknown) =>
    `${name} must be a PuzzleState {size: 3 or 4, tiles: Uint8Array of size*size holding 0..size*size-1 once each}, got ${describePuzzle(v)}; build one with parsePuzzle().`,
  puzzleSizeMismatch: (a: number, b: number) =>
    `state is a ${a}x${a} puzzle but goal is ${b}x${b}; pass a goal of the same size (puzzleGoal(${a}, 'blank-first')).`,
  puzzleUnsolvable: () =>
    `this state cannot reach the goal (the permutation parity differs); check the tile order or the goal convention (blank-first vs blank-last).`,
  puzzleBadHeuristic: (h: unknown) => `unknown heuristic "${String(h)}"; use 'manhattan', 'linear-conflict' or 'pdb'.`,
  puzzlePdbMismatch: () =>
    `the pattern database was built for another goal or size; build one for this goal with loadOrBuildPatternDatabase(goal).`,
  puzzleBadOptions: (o: unknown) => `options must be an object like {heuristic: 'manhattan'}, got ${describePuzzle(o)}.`,
} as const satisfies Record<string, (...args: never[]) => string>;

export type SearchMessageKey = keyof typeof searchMessages;
