/**
 * Retargeting: rewire what an agent's internal search is aimed at, without training.
 * - `target-map` (planner agent): overwrite the learned target map with one that rewards only
 *   the target cell — the planner then goes there.
 * - `channel` (any agent with a goal-tracking channel, found by interpretability): set that
 *   channel at the target cell to `value` (and, with `clear`, to its floor everywhere else).
 * - `steer`: add a steering vector computed for this target (see lib/interp/steering).
 * - `located`: the edit of a representation found by `locateTarget` (see edit.ts); it clears the
 *   cheese of each episode, so it needs the episodes' levels.
 */
import * as tf from '@tensorflow/tfjs';
import { fail } from '../core/errors';
import type { Cell } from '../envs/grid';
import type { ForwardOptions, ForwardResult, NamedModel, Patch } from '../mesa/model';
import { MIN_LOG_REWARD } from '../mesa/planner-agent';
import type { SteeringVector } from '../interp/steering';
import type { CheeseMazeLevel } from '../envs/cheese-maze';
import type { RetargetEditOptions } from './edit';
import { retargetEdit } from './edit';
import type { LocatedTarget } from './locate';
import { retargetMessages } from './messages';

export type RetargetMethod =
  | { kind: 'target-map' }
  | { kind: 'channel'; layer: string; channel: number; value: number; clear?: boolean }
  | { kind: 'steer'; vectorFor: (target: Cell) => SteeringVector; scale?: number }
  | ({ kind: 'located'; located: LocatedTarget } & Pick<RetargetEditOptions, 'iterations' | 'clear' | 'strength' | 'clearWith' | 'mode' | 'write'>);

/**
 * The patches that retarget a batch: episode i is aimed at `targets[i]` (and plays `levels[i]`,
 * needed by the `located` method).
 */
export function retargetPatches(agent: NamedModel, targets: readonly Cell[], method: RetargetMethod, levels?: readonly CheeseMazeLevel[]): Record<string, Patch> {
  const H = agent.size, W = agent.size, B = targets.length;
  const oneHot = new Float32Array(B * H * W);
  targets.forEach((t, i) => { oneHot[i * H * W + t.y * W + t.x] = 1; });
  switch (method.kind) {
    case 'target-map': {
      if (agent.kind !== 'planner') fail('retarget', retargetMessages.wrongAgent(method.kind, agent.kind));
      return {
        'target.map': (act: tf.Tensor) => {
          const hot = tf.tensor3d(oneHot, [B, H, W]);
          const written = tf.add(tf.mul(hot, -MIN_LOG_REWARD), MIN_LOG_REWARD); // 0 at the target, MIN elsewhere
          return tf.where(tf.less(act, -999), act, tf.broadcastTo(written, act.shape));
        },
      };
    }
    case 'channel': {
      const { layer, channel, value } = method;
      return {
        [layer]: (act: tf.Tensor) => {
          // A single-channel map ([B,H,W], e.g. the planner's target.map) is channel 0.
          const C = act.rank === 3 ? 1 : act.shape[3] as number;
          if (channel < 0 || channel >= C) fail('retarget', retargetMessages.badChannel(layer, channel, C));
          const sel = new Float32Array(C); sel[channel] = 1;
          const shape = act.rank === 3 ? [1, 1, 1] : [1, 1, 1, C];
          const chan = tf.tensor(sel, shape);
          const hot = tf.tensor(oneHot, act.rank === 3 ? [B, H, W] : [B, H, W, 1]);
          const setAt = tf.mul(hot, chan);                        // 1 at (target, channel)
          const base = method.clear ? tf.mul(act, tf.sub(1, chan)) : act;
          return tf.add(tf.mul(base, tf.sub(1, setAt)), tf.mul(setAt, value));
        },
      };
    }
    case 'steer': {
      const vs = targets.map((t) => method.vectorFor(t));
      const layer = vs[0].layer;
      const per = vs[0].values.length;
      const all = new Float32Array(B * per);
      vs.forEach((v, i) => all.set(v.values, i * per));
      return { [layer]: (act: tf.Tensor) => tf.add(act, tf.mul(tf.tensor(all, [B, ...vs[0].shape]), method.scale ?? 1)) };
    }
    case 'located': {
      if (!levels || levels.length !== B) fail('retarget', retargetMessages.needLevels());
      return retargetEdit(method.located, targets, {
        cheese: levels.map((lv) => lv.cheese), open: levels.map((lv) => lv.map.passable),
        iterations: method.iterations, clear: method.clear, strength: method.strength, clearWith: method.clearWith, mode: method.mode, write: method.write,
      });
    }
    default:
      return fail('retarget', retargetMessages.badMethod((method as { kind: unknown }).kind));
  }
}

/**
 * The agent with its search aimed at `target`: a model whose forward pass applies the
 * retargeting patch (for any batch size).
 *
 * @example
 * const aimed = retarget(planner, { x: 1, y: 1 }, { kind: 'target-map' });
 * rollout(aimed, [level]); // walks to (1,1), wherever the cheese is
 */
export function retarget(agent: NamedModel, target: Cell, method: RetargetMethod): NamedModel {
  if (method.kind === 'located') fail('retarget', retargetMessages.locatedNeedsLevels());
  const forward = (obs: tf.Tensor4D, opts: ForwardOptions = {}): ForwardResult => {
    const patches = retargetPatches(agent, Array.from({ length: obs.shape[0] }, () => target), method);
    return agent.forward(obs, { ...opts, patch: { ...patches, ...opts.patch } });
  };
  return {
    kind: agent.kind, size: agent.size, layers: agent.layers, variables: agent.variables, forward,
    parameterCount: () => agent.parameterCount(), getWeights: () => agent.getWeights(),
    setWeights: (w) => agent.setWeights(w), dispose: () => { /* the base agent owns the weights */ },
  };
}
