import { beforeAll, describe, expect, it } from 'vitest';
import { check, mazeDistances, MIN_LOG_REWARD, useBackend, WALL_VALUE } from '../../index';
import type { CheeseTemplate, LearnedEditContext } from '../../index';

type Cell = { x: number; y: number };

const targetMap = (passable: number[], width: number, height: number, t: Cell): number[] =>
  passable.map((p, j) => (!p ? WALL_VALUE : j === t.y * width + t.x ? 0 : MIN_LOG_REWARD));

function rate(passable: number[], width: number, height: number, start: Cell, cheese: Cell, success: number[]): number {
  const blocked = Uint8Array.from(passable);
  blocked[cheese.y * width + cheese.x] = 0;
  const d = mazeDistances({ name: 'm', width, height, passable: blocked }, start);
  let s = 0, n = 0;
  d.forEach((v, j) => { if (v > 0) { s += success[j]; n++; } });
  return n === 0 ? 0 : s / n;
}

describe('exercise 06-target-map (meta-test)', () => {
  it('the log-reward map with walls passes', () => {
    expect(check.evaluate('06-target-map', targetMap).ok).toBe(true);
    expect(check.evaluate('06-target-map', targetMap, { seed: 77, count: 9 }).ok).toBe(true);
  });
  it('a 1/0 one-hot, walls left as ordinary cells, or a transposed index fail', () => {
    const oneHot = (p: number[], w: number, h: number, t: Cell) => p.map((_, j) => (j === t.y * w + t.x ? 1 : 0));
    const noWalls = (p: number[], w: number, h: number, t: Cell) => p.map((_, j) => (j === t.y * w + t.x ? 0 : MIN_LOG_REWARD));
    const transposed = (p: number[], w: number, h: number, t: Cell) => p.map((q, j) => (!q ? WALL_VALUE : j === t.x * w + t.y ? 0 : MIN_LOG_REWARD));
    expect(check.evaluate('06-target-map', oneHot).ok).toBe(false);
    expect(check.evaluate('06-target-map', noWalls).ok).toBe(false);
    expect(check.evaluate('06-target-map', transposed).ok).toBe(false);
  });
});

describe('exercise 06-retargetability-rate (meta-test)', () => {
  it('the mean over cells reachable without passing the cheese passes', () => {
    expect(check.evaluate('06-retargetability-rate', rate).ok).toBe(true);
    expect(check.evaluate('06-retargetability-rate', rate, { seed: 31, count: 10 }).ok).toBe(true);
  });
  it('averaging over all open cells, ignoring the cheese as a blocker, or counting the start fail', () => {
    const allOpen = (p: number[], w: number, h: number, s: Cell, c: Cell, succ: number[]) => {
      const idx = p.map((q, j) => j).filter((j) => p[j] && j !== s.y * w + s.x && j !== c.y * w + c.x);
      return idx.reduce((a, j) => a + succ[j], 0) / idx.length;
    };
    const throughCheese = (p: number[], w: number, h: number, s: Cell, c: Cell, succ: number[]) => {
      const d = mazeDistances({ name: 'm', width: w, height: h, passable: Uint8Array.from(p) }, s);
      const idx = p.map((q, j) => j).filter((j) => d[j] > 0 && j !== c.y * w + c.x);
      return idx.reduce((a, j) => a + succ[j], 0) / idx.length;
    };
    const withStart = (p: number[], w: number, h: number, s: Cell, c: Cell, succ: number[]) => {
      const b = Uint8Array.from(p); b[c.y * w + c.x] = 0;
      const d = mazeDistances({ name: 'm', width: w, height: h, passable: b }, s);
      const idx = p.map((q, j) => j).filter((j) => d[j] >= 0);
      return idx.reduce((a, j) => a + succ[j], 0) / idx.length;
    };
    expect(check.evaluate('06-retargetability-rate', allOpen).ok).toBe(false);
    expect(check.evaluate('06-retargetability-rate', throughCheese).ok).toBe(false);
    expect(check.evaluate('06-retargetability-rate', withStart).ok).toBe(false);
  });
});

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
  }, 180_000);
  it('not clearing the cheese, editing only the last iteration, swapping x and y, or doing nothing fails', () => {
    expect(check.evaluate('06-learned-retarget-edit', edit({ clear: false })).ok).toBe(false);
    expect(check.evaluate('06-learned-retarget-edit', edit({ lastOnly: true })).ok).toBe(false);
    expect(check.evaluate('06-learned-retarget-edit', edit({ swap: true })).ok).toBe(false);
    expect(check.evaluate('06-learned-retarget-edit', () => {}).ok).toBe(false);
  }, 180_000);
});
