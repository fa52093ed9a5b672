/**
 * The retargeting edit for a representation found by {@link locateTarget}: write the found
 * channel(s) at a new cell with the values they take at the cheese (the mean window around the
 * cheese, when found with a goal radius), and clear them where the cheese is (or everywhere else),
 * at the layer where they were found or at every iteration of it.
 */
import * as tf from '@tensorflow/tfjs';
import { fail } from '../core/errors';
import type { Cell } from '../envs/grid';
import type { Patch } from '../mesa/model';
import type { LocatedTarget } from './locate';
import { retargetMessages } from './messages';

export interface RetargetEditOptions {
  /**
   * Where the cheese is (one cell, or one per episode): cleared when `clear` is 'cheese'. An
   * entry that is itself a list gives that episode several cells to clear (e.g. every cell of a
   * region); for one episode, wrap it: `[[a, b, c]]` (a flat `[a, b, c]` is one cell per episode).
   */
  cheese?: Cell | readonly (Cell | readonly Cell[])[];
  /**
   * Which iterations of a recurrent layer to write: 'all', a list of iteration numbers, or
   * (default) just the layer(s) where the representation was found.
   */
  iterations?: 'all' | readonly number[];
  /** 'cheese' (default): set the cheese cell to the off value; 'all': every other open cell; 'none'. */
  clear?: 'cheese' | 'all' | 'none';
  /** Per episode: 1 where the cell is open (for clear: 'all', walls are left alone). */
  open?: readonly ArrayLike<number>[];
  /** Written value = off + strength × (on − off). Default 1. */
  strength?: number;
  /**
   * What a cleared cell gets: 'mean' (default) the channel's mean over the other open cells with
   * the cheese present; 'blank' its mean with no cheese in the maze at all; 'zero' 0 (zero
   * ablation: for an agent whose state holds a proxy goal even with no cheese, the no-cheese
   * state holds the proxy too).
   */
  clearWith?: 'mean' | 'blank' | 'zero';
  /**
   * 'write' (default): set the target window to the cheese values; 'add': add strength × (cheese
   * value − cleared value) to what is there (a difference-of-means steering vector placed at the cell).
   */
  mode?: 'write' | 'add';
  /**
   * False: write nothing at the new cell, only clear (a control: how much of an edit's effect
   * does clearing the cheese alone give?). Default true.
   */
  write?: boolean;
}

const MODULE = 'retarget/edit';

/** The layers an edit writes. */
export function editLayers(located: LocatedTarget, iterations?: 'all' | readonly number[]): string[] {
  if (iterations === undefined) return located.layers.slice();
  const fam = located.family;
  if (iterations === 'all') return fam ? fam.members.slice() : located.layers.slice();
  if (!Array.isArray(iterations) || !fam || iterations.some((k) => !fam.iterations.includes(k))) {
    fail(MODULE, retargetMessages.badIterations(iterations, fam?.iterations ?? []));
  }
  return iterations.map((k) => fam.members[fam.iterations.indexOf(k)]);
}

const asList = (c: Cell | readonly Cell[] | undefined): readonly Cell[] | undefined => (c === undefined ? undefined : Array.isArray(c) ? c : [c as Cell]);

/**
 * Patches that aim the agent at `newCell` (one cell, or one per episode of the batch).
 *
 * @example
 * const r = locateTarget(agent, levels);
 * rollout(agent, [level], { goals: [cell], patch: retargetEdit(r.best!, cell, { cheese: level.cheese, iterations: 'all' }) });
 */
export function retargetEdit(located: LocatedTarget, newCell: Cell | readonly Cell[], opts: RetargetEditOptions = {}): Record<string, Patch> {
  const targets = asList(newCell);
  if (!targets || targets.length === 0) fail(MODULE, retargetMessages.noCells('the new target cell'));
  const clear = opts.clear ?? 'cheese';
  const cheese = opts.cheese === undefined ? undefined : (asList(opts.cheese as Cell | readonly Cell[]) as readonly (Cell | readonly Cell[])[]);
  if (clear === 'cheese' && (!cheese || (cheese.length !== targets.length && cheese.length !== 1))) fail(MODULE, retargetMessages.needCheese());
  /** The cells episode i clears (one cheese cell, or a region). */
  const clearedOf = (i: number): readonly Cell[] => { const c = cheese![cheese!.length === 1 ? 0 : i]; return Array.isArray(c) ? c : [c as Cell]; };
  const strength = opts.strength ?? 1;
  const size = located.size, cells = size * size;
  const n = targets.length;
  const patches: Record<string, Patch> = {};
  for (const layer of editLayers(located, opts.iterations)) {
    const st = located.stats[layer];
    const C = st.on.length;
    // write = 1 where a value is written; value = what is written there.
    const write = new Float32Array(n * cells * C), value = new Float32Array(n * cells * C), add = new Float32Array(n * cells * C);
    const r = located.radius ?? 0, side = 2 * r + 1;
    const window = st.window ?? [st.on];
    for (let i = 0; i < n; i++) {
      const open = opts.open?.[i] ?? opts.open?.[0];
      const isOpen = (x: number, y: number) => x >= 0 && y >= 0 && x < size && y < size && (!open || !!open[y * size + x]);
      for (const c of located.channels) {
        const off = opts.clearWith === 'zero' ? 0 : opts.clearWith === 'blank' && st.blank ? st.blank[c] : st.off[c];
        const set = (j: number, v: number) => { write[(i * cells + j) * C + c] = 1; value[(i * cells + j) * C + c] = v; };
        /** Visits the open cells of the window around `at`, with the window offset index. */
        const around = (at: Cell, f: (j: number, k: number) => void) => {
          for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) {
            if (isOpen(at.x + dx, at.y + dy)) f((at.y + dy) * size + at.x + dx, (dy + r) * side + dx + r);
          }
        };
        if (clear === 'all') {
          for (let j = 0; j < cells; j++) if (isOpen(j % size, Math.floor(j / size))) set(j, off);
        } else if (clear === 'cheese') {
          for (const at of clearedOf(i)) around(at, (j) => set(j, off));
        }
        if (opts.write !== false) around(targets[i], (j, k) => {
          const w = window[k][c];
          if (Number.isNaN(w)) return;
          if (opts.mode === 'add') { add[(i * cells + j) * C + c] += strength * (w - off); write[(i * cells + j) * C + c] = 0; } else set(j, off + strength * (w - off));
        });
      }
    }
    const shape = st.rank === 4 ? [n, size, size, C] : [n, size, size];
    patches[layer] = (act: tf.Tensor) => {
      const w = tf.tensor(write, shape), v = tf.tensor(value, shape);
      const out = tf.add(tf.mul(act, tf.sub(1, w)), tf.mul(v, w));
      return opts.mode === 'add' ? tf.add(out, tf.tensor(add, shape)) : out;
    };
  }
  return patches;
}
