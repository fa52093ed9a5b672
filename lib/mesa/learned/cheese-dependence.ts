/**
 * Does an agent's behaviour depend on the cheese at all? The move it chooses at every open cell,
 * with the cheese where it is, with the cheese removed from the observation, and with the cheese
 * moved to another open cell: an agent that hardcoded its goal chooses the same moves in all
 * three, one that pursues the cheese does not.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../core/rng';
import type { CheeseMazeLevel } from '../../envs/cheese-maze';
import { CHEESE_MAZE_CHANNELS, withCheese, writeObservation } from '../../envs/cheese-maze';
import type { Cell } from '../../envs/grid';
import type { NamedModel } from '../model';

export interface CheeseDependence {
  /** Fraction of open cells (not the cheese's) whose chosen move changes when the cheese is removed. */
  removed: number;
  /** … when the cheese is moved to another open cell (not the mouse's cells compared there). */
  moved: number;
  /** Open cells compared. */
  cells: number;
}

/**
 * Compares argmax moves at every open cell (the agent's `layer` of move logits at every cell,
 * e.g. 'moves') with the cheese present, removed, and moved to a random open cell (seeded).
 *
 * @example
 * cheeseDependence(loadLearnedAgent('fixed', { size: 9 }), cheeseMazeLevels('test', 20, 1, { size: 9 }), 'moves');
 * // { removed: 0.03, moved: 0.05, … } for a hardcoded goal
 */
export function cheeseDependence(agent: NamedModel, levels: readonly CheeseMazeLevel[], layer: string, seed: number | string = 1): CheeseDependence {
  const rng = createRng(`cheese-dependence/${String(seed)}`);
  const size = agent.size, cells = size * size, per = cells * CHEESE_MAZE_CHANNELS.length;
  const moved = levels.map((lv) => {
    const open: Cell[] = [];
    for (let j = 0; j < cells; j++) if (lv.map.passable[j] && j !== lv.cheese.y * size + lv.cheese.x && j !== lv.start.y * size + lv.start.x) open.push({ x: j % size, y: Math.floor(j / size) });
    return withCheese(lv, rng.pick(open));
  });
  const movesOf = (lvs: readonly CheeseMazeLevel[], cheese: boolean): Int8Array => {
    const out = new Float32Array(lvs.length * per);
    lvs.forEach((lv, k) => writeObservation(lv, lv.start, out, k * per, cheese ? lv.cheese : null));
    const t = tf.tidy(() => agent.forward(tf.tensor4d(out, [lvs.length, size, size, CHEESE_MAZE_CHANNELS.length]), { read: [layer] }).acts[layer].reshape([-1, 4]).argMax(1));
    const v = Int8Array.from(t.dataSync()); t.dispose();
    return v;
  };
  const base = movesOf(levels, true), none = movesOf(levels, false), away = movesOf(moved, true);
  let n = 0, changedRemoved = 0, changedMoved = 0;
  levels.forEach((lv, k) => {
    for (let j = 0; j < cells; j++) {
      const m = moved[k].cheese;
      if (!lv.map.passable[j] || j === lv.cheese.y * size + lv.cheese.x || j === m.y * size + m.x) continue;
      n += 1;
      if (base[k * cells + j] !== none[k * cells + j]) changedRemoved += 1;
      if (base[k * cells + j] !== away[k * cells + j]) changedMoved += 1;
    }
  });
  return { removed: changedRemoved / Math.max(1, n), moved: changedMoved / Math.max(1, n), cells: n };
}
