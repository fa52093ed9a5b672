/**
 * Messages of `lib/search/` (and of the weighted-graph environment `lib/envs/graph.ts`, which is
 * written alongside the searches): every caller-mistake text these modules throw. Each entry
 * takes the values it mentions and says what went wrong and what to do.
 */
export const searchMessages = {
  'options.notObject': (value: unknown) =>
    `options must be an object, got ${String(value)}; pass e.g. { budget: { maxExpansions: 1000 } }.`,
  'options.notFunction': (name: string, value: unknown) =>
    `${name} must be a function, got ${typeof value}; pass a function or leave ${name} out.`,
  'options.missing': (name: string, example: string) =>
    `the option ${name} is required; pass e.g. ${example}.`,
  'int.bad': (name: string, value: unknown, min: number, example: string) =>
    `${name} must be an integer >= ${min}, got ${String(value)}; pass e.g. ${example}.`,
  'budget.bad': (name: string, value: unknown) =>
    `budget.${name} must be a non-negative number, got ${String(value)}; pass e.g. { ${name}: 1000 }.`,
  'problem.bad': (value: unknown) =>
    `problem must be an object with successors(state), isGoal(state, goal) and key(state), got ${String(value)}.`,
  'problem.needsReverse': () =>
    `bidirectional search needs problem.predecessors(state) and problem.goalState(goal); add them to the problem or use uniformCost.`,
  'cost.bad': (cost: unknown, from: string) =>
    `step costs must be finite numbers >= 0, got ${String(cost)} on a move from state ${from}; fix the problem's successors().`,
  'heuristic.bad': (value: unknown, at: string) =>
    `the heuristic must return a finite number >= 0, got ${String(value)} at state ${at}; fix the heuristic.`,
  'weight.bad': (value: unknown) =>
    `weight must be a finite number >= 1 (1 = plain A*), got ${String(value)}; pass e.g. weight: 1.5.`,
  'exploration.bad': (value: unknown) =>
    `exploration must be a finite number >= 0, got ${String(value)}; pass e.g. exploration: 1.4.`,
  'ranking.bad': (value: unknown) =>
    `ranking must be 'h' or 'f', got ${String(value)}.`,
  'queue.empty': () => `cannot pop from an empty priority queue; check size first.`,
  'queue.badPriority': (value: unknown) =>
    `priority must be a number (not NaN), got ${String(value)}.`,
  'game.bad': (value: unknown) =>
    `game must be an object with players, toMove, moves, result, isTerminal and utility, got ${String(value)}.`,
  'game.terminal': () => `the state is terminal: there is no move to choose; check game.isTerminal(state) first.`,
  'game.noMoves': () => `game.moves(state) returned no moves for a non-terminal state; fix the game's moves() or isTerminal().`,
  'hierarchical.badSubgoals': (value: unknown) =>
    `decompose(start, goal) must return an array of subgoals (empty = solve directly), got ${String(value)}.`,
  'compare.empty': (what: string) => `${what} is empty; pass at least one.`,
  'compare.badEntry': (what: string, index: number) =>
    `${what}[${index}] is malformed; see the @example of compareSearchers.`,
  'graph.badEdge': (index: number, value: unknown) =>
    `edge ${index} must be [from, to] or [from, to, weight] (or { from, to, weight }) with non-empty node names, got ${JSON.stringify(value)}.`,
  'graph.badWeight': (index: number, weight: unknown) =>
    `edge ${index} has weight ${String(weight)}; weights must be finite numbers >= 0 (search costs cannot be negative).`,
  'graph.unknownNode': (node: unknown) =>
    `unknown node "${String(node)}"; use one of the nodes named in the edges.`,
  'graph.noCoordinates': (node: unknown) =>
    `no coordinates for node "${String(node)}"; give every node an [x, y] pair.`,
} as const satisfies Record<string, (...args: never[]) => string>;

export type SearchMessageKey = keyof typeof searchMessages;
