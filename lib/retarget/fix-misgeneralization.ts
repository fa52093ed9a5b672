/**
 * Inner misalignment, fixed by retargeting: on out-of-distribution levels, how often the agent
 * reaches the cheese before and after its located target representation is rewritten to point at
 * the true cheese cell.
 */
import * as tf from '@tensorflow/tfjs';
import { fail } from '../core/errors';
import type { CheeseMazeLevel } from '../envs/cheese-maze';
import { CHEESE_MAZE_CHANNELS, writeObservation } from '../envs/cheese-maze';
import type { Cell } from '../envs/grid';
import type { NamedModel } from '../mesa/model';
import type { RolloutOptions } from '../mesa/rollout';
import { rollout } from '../mesa/rollout';
import type { VlSpec } from '../viz/index';
import { barChart } from '../viz/index';
import type { RetargetEditOptions } from './edit';
import { retargetEdit } from './edit';
import type { LocatedTarget } from './locate';
import { retargetMessages } from './messages';

/**
 * Where a located representation points when there is no cheese to point at: per level, the open
 * cell where its channels (at the first layer it was found in) stand out most from their
 * no-cheese means (sum of squared deviations), read from a forward pass with the cheese removed
 * and the mouse at the start. In an agent whose target holds a proxy, that is the proxy's cell,
 * found from the network alone, without being told where the training square is.
 *
 * @example
 * const cells = proxyCells(agent, located, cheeseMazeLevels('test-far', 20, 'ood', { size: 11 }));
 */
export function proxyCells(model: NamedModel, located: LocatedTarget, levels: readonly CheeseMazeLevel[]): Cell[] {
  if (levels.length === 0) fail('retarget/fix-misgeneralization', retargetMessages.noLevels());
  const layer = located.layers[0], st = located.stats[layer];
  const size = located.size, cells = size * size, C = st.on.length, per = cells * CHEESE_MAZE_CHANNELS.length;
  const obs = new Float32Array(levels.length * per);
  levels.forEach((lv, k) => writeObservation(lv, lv.start, obs, k * per, null));
  const act = tf.tidy(() => model.forward(tf.tensor4d(obs, [levels.length, size, size, CHEESE_MAZE_CHANNELS.length]), { read: [layer] }).acts[layer].dataSync() as Float32Array);
  const base = st.blank ?? st.off;
  return levels.map((lv, i) => {
    let best = -1, bestScore = -Infinity;
    for (let j = 0; j < cells; j++) {
      if (!lv.map.passable[j]) continue;
      let score = 0;
      for (const c of located.channels) score += (act[(i * cells + j) * C + c] - base[c]) ** 2;
      if (score > bestScore) { bestScore = score; best = j; }
    }
    return { x: best % size, y: Math.floor(best / size) };
  });
}

export interface MisgeneralizationFix {
  /** Fraction of levels where the agent reaches the cheese, without and with the edit. */
  before: number;
  after: number;
  /** Fraction ending in the training region without the cheese (the proxy), without and with the edit. */
  proxyBefore: number;
  proxyAfter: number;
  levels: number;
  chart: VlSpec;
}

/**
 * Rolls the agent out on `levels` (use 'test-far' levels: the cheese outside the training
 * region) with and without the edit aiming it at each level's cheese. By default the edit clears
 * found channel(s) everywhere else (`clear: 'all'`), erasing whatever the agent aimed at; a found
 * whole state (every channel) is only cleared at the cheese.
 *
 * @example
 * const fix = fixMisgeneralization(cornerAgent, loc.best!, cheeseMazeLevels('test-far', 50, 'ood', { size: 13 }));
 * fix.before; fix.after;
 */
export function fixMisgeneralization(model: NamedModel, located: LocatedTarget, levels: readonly CheeseMazeLevel[], opts: Omit<RetargetEditOptions, 'cheese' | 'open'> & Pick<RolloutOptions, 'maxSteps' | 'cellPolicy' | 'chunk'> & {
  /**
   * The cell(s) whose window is cleared instead of the cheese's (with `clear: 'cheese'`), e.g.
   * every cell of the training square to ablate the proxy; with `write: false`, nothing is written.
   */
  clearAt?: (level: CheeseMazeLevel) => Cell | readonly Cell[];
} = {}): MisgeneralizationFix {
  if (levels.length === 0) fail('retarget/fix-misgeneralization', retargetMessages.noLevels());
  const { maxSteps, cellPolicy, chunk, clearAt, ...edit } = opts;
  // A target channel can be cleared everywhere; a whole recurrent state cannot (that would erase
  // the search's working memory), so it is cleared at the cheese only.
  const wholeState = located.stats[located.layers[0]] !== undefined && located.channels.length === located.stats[located.layers[0]].on.length && located.channels.length > 1;
  const patchFor = (ids: readonly number[]) => retargetEdit(located, ids.map((i) => levels[i].cheese), {
    clear: wholeState || clearAt ? 'cheese' : 'all', ...edit, cheese: ids.map((i): Cell | readonly Cell[] => (clearAt ? clearAt(levels[i]) : levels[i].cheese)), open: ids.map((i) => levels[i].map.passable),
  });
  const pre = rollout(model, levels, { maxSteps, cellPolicy, chunk, stopOnLoop: true });
  const post = rollout(model, levels, { maxSteps, cellPolicy, chunk, patchFor, stopOnLoop: true });
  const frac = (eps: typeof pre, o: string) => eps.filter((e) => e.outcome === o).length / eps.length;
  const r = { before: frac(pre, 'cheese'), after: frac(post, 'cheese'), proxyBefore: frac(pre, 'proxy'), proxyAfter: frac(post, 'proxy'), levels: levels.length };
  const chart = barChart([
    { condition: 'before', outcome: 'cheese', fraction: r.before }, { condition: 'before', outcome: 'proxy', fraction: r.proxyBefore },
    { condition: 'after retargeting', outcome: 'cheese', fraction: r.after }, { condition: 'after retargeting', outcome: 'proxy', fraction: r.proxyAfter },
  ], { x: 'condition', y: 'fraction', color: 'outcome', title: `Out of distribution: cheese reached ${Math.round(r.before * 100)}% before, ${Math.round(r.after * 100)}% after retargeting` });
  return { ...r, chart };
}
