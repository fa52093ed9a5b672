import { beforeAll, describe, expect, it } from 'vitest';
import { PlantedRecurrentToy, PlantedToyModel, activationPatching, addSteering, channelPatch, channelLocalization, fitLinearProbe, locationProbe, steeringVector } from '../../lib/interp/index';
import { observeBatch, useBackend } from '../../lib/mesa/index';
import { cheeseMazeLevels, withCheese } from '../../lib/envs/cheese-maze';
import { createRng } from '../../lib/core/rng';

const toy = new PlantedToyModel(7);
const levels = cheeseMazeLevels('test', 60, 11, { size: 7 });
const examples = levels.map((level) => ({ level }));

describe('interpretability methods on a planted toy model (answer known)', () => {
  beforeAll(async () => { await useBackend('wasm'); });

  it('channel localization finds the planted goal channel (0) and nothing else', () => {
    const loc = channelLocalization(toy, 'features', examples, (e) => e.level.cheese);
    expect(loc.best).toEqual({ channel: 0, accuracy: 1, sign: 1 });
    expect(loc.accuracy[2]).toBeLessThan(0.3);
    expect(loc.chance).toBeGreaterThan(0);
  });

  it('a spatial linear probe locates the cheese from the feature layer', () => {
    const p = locationProbe(toy, 'features', examples, (e) => e.level.cheese, { seed: 2 });
    expect(p.accuracy).toBeGreaterThan(0.9);
  });

  it('a softmax probe fits separable data and reports a baseline', () => {
    const rng = createRng(1);
    const X: number[] = [], y: number[] = [];
    for (let i = 0; i < 200; i++) { const a = rng.float(-1, 1), b = rng.float(-1, 1); X.push(a, b); y.push(a + b > 0 ? 1 : 0); }
    const p = fitLinearProbe(Float32Array.from(X), 2, y, { seed: 1 });
    expect(p.testAccuracy).toBeGreaterThan(0.95);
    expect(p.baseline).toBeLessThan(0.7);
    expect(() => fitLinearProbe(Float32Array.from(X), 2, y.slice(1))).toThrow(/disagree/);
  });

  it('activation patching puts the whole effect on channel 0 and on the cheese cells', () => {
    const pairs = levels.slice(0, 30).map((lv) => ({ clean: { level: withCheese(lv, { x: 5, y: 1 }), mouse: { x: 3, y: 3 } }, corrupt: { level: withCheese(lv, { x: 1, y: 5 }), mouse: { x: 3, y: 3 } } }))
      .filter((p) => p.clean.level.map.passable[1 * 7 + 5] && p.clean.level.map.passable[5 * 7 + 1]);
    const byChannel = activationPatching(toy, pairs, ['features']);
    const effects = byChannel.rows.map((r) => r.effect as number);
    expect(effects[0]).toBeCloseTo(1, 5);
    expect(Math.abs(effects[1])).toBeLessThan(1e-6);
    expect(Math.abs(effects[2])).toBeLessThan(1e-6);
    const byCell = activationPatching(toy, pairs, ['features'], { by: 'position' });
    const top = [...byCell.rows].sort((a, b) => Math.abs(b.effect as number) - Math.abs(a.effect as number))[0];
    expect(['5,1', '1,5']).toContain(top.unit);
  });

  it('patching a channel at every iteration together carries the planted recurrent goal; one early iteration is diluted by the re-read input', () => {
    const rec = new PlantedRecurrentToy(7, 4);
    const pairs = levels.slice(0, 30).map((lv) => ({ clean: { level: withCheese(lv, { x: 5, y: 1 }), mouse: { x: 3, y: 3 } }, corrupt: { level: withCheese(lv, { x: 1, y: 5 }), mouse: { x: 3, y: 3 } } }))
      .filter((p) => p.clean.level.map.passable[1 * 7 + 5] && p.clean.level.map.passable[5 * 7 + 1]);
    const iters = rec.layers.filter((l) => l.name.startsWith('iter.')).map((l) => l.name);
    const together = activationPatching(rec, pairs, iters, { together: true });
    expect(together.rows).toHaveLength(3);
    const e = together.rows.map((r) => r.effect as number);
    expect(e[0]).toBeCloseTo(1, 4);
    expect(Math.abs(e[1])).toBeLessThan(1e-6);
    expect(Math.abs(e[2])).toBeLessThan(1e-6);
    const first = activationPatching(rec, pairs, [iters[0]]).rows.map((r) => r.effect as number);
    expect(first[0]).toBeLessThan(0.5);
    // channelPatch is the same patch, built by hand.
    const clean = observeBatch(pairs.map((p) => p.clean.level), pairs.map((p) => p.clean.mouse));
    const corrupt = rec.forward(observeBatch(pairs.map((p) => p.corrupt.level), pairs.map((p) => p.corrupt.mouse)), { read: iters });
    const patched = rec.forward(clean, { patch: Object.fromEntries(iters.map((l) => [l, channelPatch(corrupt.acts[l], 0)])) }).logits.argMax(1).arraySync() as number[];
    const target = corrupt.logits.argMax(1).arraySync() as number[];
    expect(patched).toEqual(target);
    expect(() => channelPatch(corrupt.acts[iters[0]], 3)).toThrow(/channel 3 does not exist/);
    expect(() => activationPatching(rec, pairs, ['obs', iters[0]], { together: true })).toThrow(/same shape/);
  });

  it('a difference-of-means steering vector moves the toy towards condition A', () => {
    const base = levels.slice(0, 20);
    const a = base.map((lv) => ({ level: lv, mouse: { x: 3, y: 3 } })).map((e) => ({ ...e, level: { ...e.level, cheese: { x: 1, y: 1 } } }));
    const b = base.map((lv) => ({ level: lv, mouse: { x: 3, y: 3 } })).map((e) => ({ ...e, level: { ...e.level, cheese: { x: 5, y: 5 } } }));
    const v = steeringVector(toy, 'features', a, b);
    const obs = observeBatch(b.map((e) => e.level), b.map((e) => e.mouse));
    const before = toy.forward(obs).logits.argMax(1).arraySync() as number[];
    const after = toy.forward(obs, { patch: addSteering(v, 2) }).logits.argMax(1).arraySync() as number[];
    expect(before.every((x) => x === 1 || x === 2)).toBe(true);  // right or down, towards (5,5)
    expect(after.every((x) => x === 0 || x === 3)).toBe(true);   // up or left, towards (1,1)
  });
});
