import type { Budget } from './problem';
import type { GameProblem, GameStats } from './game';
import { checkGame } from './game';
import type { Rng } from '../core/rng';
import { createRng } from '../core/rng';
import { fail } from '../core/errors';
import { searchMessages } from './messages';
import { BudgetClock, checkBudget, checkInt } from './internal';

export interface MctsOptions<S, M, P = string> {
  /** Playouts to run (default 1000); budget.maxExpansions / maxSeconds can stop it earlier. */
  iterations?: number;
  /** UCT exploration constant c (default Math.SQRT2, suited to rewards in [0, 1] or [-1, 1]). */
  exploration?: number;
  /** Seed for tie-breaking and the default rollout (default 0), or pass `rng`. */
  seed?: number | string;
  rng?: Rng;
  /** The rollout policy: picks a move in a playout (default: uniformly at random). */
  rollout?: (state: S, moves: readonly M[], rng: Rng) => M;
  /**
   * Optional evaluation replacing (the rest of) a playout: scores a non-terminal state for a
   * player, on the same scale as game.utility. Used after `rolloutDepth` random moves.
   */
  evaluate?: (state: S, player: P) => number;
  /** Random moves per playout before `evaluate` is used (default: play to the end; 0 = evaluate at once). */
  rolloutDepth?: number;
  budget?: Budget;
}

export interface MctsResult<M> {
  status: 'complete' | 'budget';
  /** The most visited root move. */
  move: M;
  /** Mean playout reward of `move` for the player to move at the root. */
  value: number;
  /** Visits and mean reward of every root move tried, in the order they were expanded. */
  children: { move: M; visits: number; value: number }[];
  /** nodes = tree nodes, leaves = playout steps, cutoffs = playouts run. */
  stats: GameStats;
}

interface Node<S, M, P> {
  state: S;
  move: M | undefined;
  parent: Node<S, M, P> | null;
  /** The player who made `move` (rewards are stored from their point of view). */
  mover: P | undefined;
  children: Node<S, M, P>[];
  untried: M[];
  visits: number;
  total: number;
}

/**
 * Monte Carlo tree search with UCT (Kocsis & Szepesvári 2006): select children by
 * mean + c·sqrt(ln N / n), expand one untried move, play out (random by default, or your rollout
 * policy / evaluation), and back the result up, each node scored for the player who moved into it.
 * Works for any number of players; returns the most visited root move. Seeded: same seed, same
 * answer.
 *
 * @example
 * const r = mcts(ticTacToe, board, { iterations: 2000, seed: 1 });
 * r.move; r.children; // visit counts per move
 */
export function mcts<S, M, P = string>(
  game: GameProblem<S, M, P>, state: S, options?: MctsOptions<S, M, P>,
): MctsResult<M> {
  const module = 'search/mcts';
  checkGame(module, game);
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    fail(module, searchMessages.optionsNotObject(options));
  }
  const opts = options ?? {};
  const iterations = checkInt(module, 'iterations', opts.iterations ?? 1000, 1, '{ iterations: 1000 }');
  const c = opts.exploration ?? Math.SQRT2;
  if (typeof c !== 'number' || !(c >= 0) || c === Infinity) fail(module, searchMessages.explorationBad(c));
  for (const name of ['rollout', 'evaluate'] as const) {
    if (opts[name] !== undefined && typeof opts[name] !== 'function') {
      fail(module, searchMessages.optionsNotFunction(name, opts[name]));
    }
  }
  const rolloutDepth = opts.rolloutDepth === undefined ? Infinity
    : checkInt(module, 'rolloutDepth', opts.rolloutDepth, 0, '{ rolloutDepth: 20 }');
  if (opts.budget !== undefined) checkBudget(module, opts.budget);
  if (game.isTerminal(state)) fail(module, searchMessages.gameTerminal());
  const rng = opts.rng ?? createRng(opts.seed ?? 0);
  const rollout = opts.rollout;
  const evaluate = opts.evaluate;
  const clock = new BudgetClock(opts.budget);
  const stats: GameStats = { nodes: 1, leaves: 0, cutoffs: 0, seconds: 0 };

  const movesOf = (s: S): M[] => {
    const ms = game.moves(s);
    if (ms.length === 0) fail(module, searchMessages.gameNoMoves());
    return ms.slice();
  };
  const root: Node<S, M, P> = {
    state, move: undefined, parent: null, mover: undefined, children: [], untried: movesOf(state), visits: 0, total: 0,
  };
  const scores = new Map<P, number>();
  let stopped = false;

  for (let it = 0; it < iterations; it++) {
    if (clock.exceeded(it)) { stopped = true; break; }
    // 1. selection
    let node = root;
    while (node.untried.length === 0 && node.children.length > 0) {
      const logN = Math.log(node.visits);
      let best = node.children[0];
      let bestU = -Infinity;
      for (const ch of node.children) {
        const u = ch.total / ch.visits + c * Math.sqrt(logN / ch.visits);
        if (u > bestU) { bestU = u; best = ch; }
      }
      node = best;
    }
    // 2. expansion (a random untried move)
    if (node.untried.length > 0 && !game.isTerminal(node.state)) {
      const i = Math.floor(rng.next() * node.untried.length);
      const m = node.untried[i];
      node.untried[i] = node.untried[node.untried.length - 1];
      node.untried.pop();
      const s = game.result(node.state, m);
      const child: Node<S, M, P> = {
        state: s, move: m, parent: node, mover: game.toMove(node.state), children: [],
        untried: game.isTerminal(s) ? [] : movesOf(s), visits: 0, total: 0,
      };
      node.children.push(child);
      node = child;
      stats.nodes++;
    }
    // 3. playout
    let s = node.state;
    let steps = 0;
    while (!game.isTerminal(s) && steps < rolloutDepth) {
      const ms = game.moves(s);
      if (ms.length === 0) fail(module, searchMessages.gameNoMoves());
      const m = rollout ? rollout(s, ms, rng) : ms[Math.floor(rng.next() * ms.length)];
      s = game.result(s, m);
      steps++;
    }
    stats.leaves += steps;
    stats.cutoffs++;
    const terminal = game.isTerminal(s);
    scores.clear();
    // 4. backpropagation
    for (let n: Node<S, M, P> | null = node; n !== null; n = n.parent) {
      n.visits++;
      if (n.mover === undefined) continue;
      let r = scores.get(n.mover);
      if (r === undefined) {
        r = terminal ? game.utility(s, n.mover) : evaluate ? evaluate(s, n.mover) : 0;
        scores.set(n.mover, r);
      }
      n.total += r;
    }
  }
  let best = root.children[0];
  for (const ch of root.children) if (ch.visits > best.visits) best = ch;
  stats.seconds = clock.seconds();
  const children = root.children.map((ch) => ({ move: ch.move as M, visits: ch.visits, value: ch.visits ? ch.total / ch.visits : 0 }));
  return {
    status: stopped ? 'budget' : 'complete',
    move: best ? (best.move as M) : root.untried[0],
    value: best && best.visits ? best.total / best.visits : 0,
    children,
    stats,
  };
}
