/**
 * The typed search problem every algorithm in `lib/search/` works on.
 *
 * The goal is NOT part of the problem: it is an explicit argument of every search and of every
 * heuristic. Retargeting a search therefore means calling it again with another goal — the
 * essay's "retargetable search" made literal.
 *
 * - `S` is a state, `A` an action, `G` a goal description (often a state, but it can be a set of
 *   states, a predicate's parameters, ...).
 */
export interface Transition<S, A> {
  readonly action: A;
  readonly state: S;
  /** Step cost, > 0 (use 1 for unit-cost problems). */
  readonly cost: number;
}

export interface SearchProblem<S, A, G = S> {
  /** A short name used in tables and error messages. */
  readonly name?: string;
  /** The moves available from `state`, with the state each leads to and its cost. */
  successors(state: S): Iterable<Transition<S, A>>;
  /** Whether `state` satisfies `goal`. */
  isGoal(state: S, goal: G): boolean;
  /** A value that is equal for equal states (used for closed sets and duplicate detection). */
  key(state: S): string | number;
  /**
   * Optional: the moves that lead INTO `state` (for bidirectional search). For problems with
   * reversible unit moves this can equal `successors`.
   */
  predecessors?(state: S): Iterable<Transition<S, A>>;
  /** Optional: the single state a goal denotes (for bidirectional search). */
  goalState?(goal: G): S;
  /** Optional: the named constraints of the problem's rules, for `relax()`. */
  readonly constraints?: readonly string[];
}

/** A heuristic estimates the cost from `state` to `goal`; it takes the goal as an argument. */
export type Heuristic<S, G = S> = (state: S, goal: G) => number;

/** Counters every algorithm reports. `seconds` is wall time measured with performance.now(). */
export interface SearchStats {
  expanded: number;
  generated: number;
  maxFrontier: number;
  seconds: number;
  /** Sampling searches (generateAndTest): number of complete plans sampled. */
  samples?: number;
}

/** Limits that end a search with `status: 'budget'` rather than an exception. */
export interface Budget {
  maxExpansions?: number;
  maxSeconds?: number;
  /** Used by generate-and-test / sampling searches: number of plans sampled. */
  maxSamples?: number;
}

/**
 * Trace events for step-through charts. `step` is the expansion counter: the k-th expansion emits
 * `pop` and `expand` with step k, and the states it pushes carry step k too (the start: 0).
 */
export type TraceEvent<S> =
  | { type: 'push'; state: S; g: number; f: number; step: number }
  | { type: 'pop'; state: S; g: number; f: number; step: number }
  | { type: 'expand'; state: S; step: number };

export interface SearchOptions<S, G> {
  heuristic?: Heuristic<S, G>;
  budget?: Budget;
  /** Called for every push/pop/expand; leave undefined for full speed. */
  trace?: (event: TraceEvent<S>) => void;
}

export type SearchResult<S, A> =
  | { status: 'found'; path: S[]; actions: A[]; cost: number; stats: SearchStats }
  /** The whole reachable space was searched and no goal state exists in it. */
  | { status: 'exhausted'; stats: SearchStats }
  /** A budget ran out first (`reason` says which). */
  | { status: 'budget'; reason: 'expansions' | 'time' | 'samples'; stats: SearchStats }
  /**
   * A depth limit (depth-limited DFS, iterative deepening) or a beam width cut part of the space
   * off; a deeper or wider search might succeed.
   */
  | { status: 'cutoff'; stats: SearchStats };

/** A search algorithm with the common signature (start and goal are explicit). */
export type Searcher<S, A, G = S> = (
  problem: SearchProblem<S, A, G>,
  start: S,
  goal: G,
  options?: SearchOptions<S, G>,
) => SearchResult<S, A>;
