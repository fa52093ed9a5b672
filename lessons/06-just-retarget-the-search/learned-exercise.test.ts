import { beforeAll, describe, expect, it } from 'vitest';
import { check, useBackend } from '../../index';
import type { CheeseTemplate, LearnedEditContext } from '../../index';

type Cell = { x: number; y: number };

/** A learner's edit; the options give the plausible mistakes. */
function edit(o: { strength?: number; clear?: boolean; swap?: boolean; lastOnly?: boolean } = {}) {
  const s = o.strength ?? 1.5;
  return (h: Float32Array, ctx: LearnedEditContext, tpl: CheeseTemplate): void => {
    if (o.lastOnly && ctx.iteration !== ctx.iterations) return;
    const { size, channels: C } = ctx, r = tpl.radius, side = 2 * r + 1;
    const at = (c: Cell): Cell => (o.swap ? { x: c.y, y: c.x } : c);
    const around = (c: Cell, f: (j: number, k: number) => void) => {
      for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) {
        const x = c.x + dx, y = c.y + dy;
        if (x >= 0 && y >= 0 && x < size && y < size && ctx.open[y * size + x]) f(y * size + x, (dy + r) * side + dx + r);
      }
    };
    if (o.clear !== false) around(at(ctx.cheese), (j) => { for (let c = 0; c < C; c++) h[j * C + c] = tpl.blank[c]; });
    around(at(ctx.target), (j, k) => {
      for (let c = 0; c < C; c++) if (!Number.isNaN(tpl.window[k][c])) h[j * C + c] = tpl.blank[c] + s * (tpl.window[k][c] - tpl.blank[c]);
    });
  };
}

describe('exercise 06-learned-retarget-edit (meta-test)', () => {
  beforeAll(async () => { await useBackend(); });
  it('clearing the cheese and writing its template at the target, at every iteration, passes', () => {
    const r = check.evaluate('06-learned-retarget-edit', edit());
    expect(r.failures).toEqual([]);
    expect(check.evaluate('06-learned-retarget-edit', edit(), { seed: 3, count: 1 }).ok).toBe(true);
  }, 60_000);
  it('not clearing the cheese, editing only the last iteration, swapping x and y, or doing nothing fails', () => {
    expect(check.evaluate('06-learned-retarget-edit', edit({ clear: false })).ok).toBe(false);
    expect(check.evaluate('06-learned-retarget-edit', edit({ lastOnly: true })).ok).toBe(false);
    expect(check.evaluate('06-learned-retarget-edit', edit({ swap: true })).ok).toBe(false);
    expect(check.evaluate('06-learned-retarget-edit', () => {}).ok).toBe(false);
  }, 60_000);
});
