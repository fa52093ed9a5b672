/** Demonstrations for the base optimizer: every open cell of every level, labelled with a shortest-path move. */
import { fail } from '../core/errors';
import type { CheeseMazeLevel, RewardSpec } from '../envs/cheese-maze';
import { CHEESE_MAZE_CHANNELS, expertAction, mazeDistances, writeObservation } from '../envs/cheese-maze';
import type { Cell } from '../envs/grid';
import { mesaMessages } from './messages';

export interface Demonstrations {
  /** Observations, [count, size, size, 5] row-major. */
  obs: Float32Array;
  /** Demonstrator's action per observation. */
  actions: Int32Array;
  count: number;
  size: number;
}

/**
 * The demonstrator maximises the *visible* reward: with `rewardSpec: 'cheese'` it walks a
 * shortest path to the cheese; with `'corner'` to the top-right corner. One example per open
 * cell (the mouse placed there) per level.
 */
export function demonstrations(levels: readonly CheeseMazeLevel[], opts: { rewardSpec?: RewardSpec } = {}): Demonstrations {
  if (levels.length === 0) fail('mesa/dataset', mesaMessages.emptyLevels());
  const size = levels[0].map.width;
  const per = size * size * CHEESE_MAZE_CHANNELS.length;
  const rows: { level: CheeseMazeLevel; mouse: Cell; action: number }[] = [];
  for (const level of levels) {
    const goal = opts.rewardSpec === 'corner' ? level.corner : level.cheese;
    const dist = mazeDistances(level.map, goal);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const mouse = { x, y };
        const a = level.map.passable[y * size + x] ? expertAction(level.map, dist, mouse) : -1;
        if (a >= 0) rows.push({ level, mouse, action: a });
      }
    }
  }
  const out = new Float32Array(rows.length * per);
  const actions = new Int32Array(rows.length);
  rows.forEach((r, i) => { writeObservation(r.level, r.mouse, out, i * per); actions[i] = r.action; });
  return { obs: out, actions, count: rows.length, size };
}
