import { beforeAll, describe, expect, it } from 'vitest';
import { check, iterationLayers, loadLearnedAgent, mazeDistances, MIN_LOG_REWARD, observeBatch, useBackend, WALL_VALUE } from '../../index';
import type { CheeseMazeLevel } from '../../index';
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
    expect(check.evaluate('06-learned-retarget-edit', edit(), { seed: 3, count: 2 }).ok).toBe(true);
    expect(check.evaluate('06-learned-retarget-edit', edit({ strength: 1 })).ok).toBe(true);
  }, 180_000);
  it('not clearing the cheese fails the visible cases even at strength 2', () => {
    const r = check.evaluate('06-learned-retarget-edit', edit({ clear: false, strength: 2 }));
    expect(r.ok).toBe(false);
    expect(check.evaluate('06-learned-retarget-edit', edit({ clear: false, strength: 2 }), { seed: 6363, count: 3 }).ok).toBe(false);
  }, 180_000);
  it('moving the cheese in the input (copying the state of a run with the cheese at the target) fails', () => {
    // The reviewer's cheat: run the agent on the maze with the cheese at the target and copy its
    // state at this iteration, over the whole maze or only over the two windows.
    const cache = new Map<string, Float32Array[]>();
    const movedState = (ctx: LearnedEditContext): Float32Array => {
      const key = `${ctx.target.x},${ctx.target.y}/${ctx.open.join('')}`;
      if (!cache.has(key)) {
        const net = loadLearnedAgent('aligned', { size: ctx.size });
        const level = { name: 'moved', map: { name: 'moved', width: ctx.size, height: ctx.size, passable: Uint8Array.from(ctx.open) }, cheese: ctx.target, start: ctx.target, corner: { x: ctx.size - 2, y: 1 }, trainRegion: 3 } as unknown as CheeseMazeLevel;
        const layers = iterationLayers(net);
        const obs = observeBatch([level]);
        const run = net.forward(obs, { read: layers });
        cache.set(key, layers.map((l) => (run.acts[l].dataSync() as Float32Array).slice()));
        obs.dispose(); run.logits.dispose(); for (const t of Object.values(run.acts)) t.dispose();
      }
      return cache.get(key)![ctx.iteration - 1];
    };
    const wholeState = (h: Float32Array, ctx: LearnedEditContext) => { h.set(movedState(ctx)); };
    const windowsOnly = (h: Float32Array, ctx: LearnedEditContext, tpl: CheeseTemplate) => {
      const m = movedState(ctx), r = tpl.radius, C = ctx.channels;
      for (const at of [ctx.cheese, ctx.target]) for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) {
        const x = at.x + dx, y = at.y + dy;
        if (x < 0 || y < 0 || x >= ctx.size || y >= ctx.size) continue;
        const j = y * ctx.size + x;
        for (let c = 0; c < C; c++) h[j * C + c] = m[j * C + c];
      }
    };
    const a = check.evaluate('06-learned-retarget-edit', wholeState);
    expect(a.ok).toBe(false);
    expect(a.failures[0].got).toMatch(/not built from the template/);
    expect(check.evaluate('06-learned-retarget-edit', wholeState, { seed: 6363, count: 1 }).ok).toBe(false);
    const b = check.evaluate('06-learned-retarget-edit', windowsOnly);
    expect(b.ok).toBe(false);
    expect(b.failures[0].got).toMatch(/not built from the template/);
  }, 180_000);
  it('not clearing the cheese, editing only the last iteration, swapping x and y, or doing nothing fails', () => {
    expect(check.evaluate('06-learned-retarget-edit', edit({ clear: false })).ok).toBe(false);
    expect(check.evaluate('06-learned-retarget-edit', edit({ lastOnly: true })).ok).toBe(false);
    expect(check.evaluate('06-learned-retarget-edit', edit({ swap: true })).ok).toBe(false);
    expect(check.evaluate('06-learned-retarget-edit', () => {}).ok).toBe(false);
  }, 180_000);
});
