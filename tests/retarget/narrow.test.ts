import { beforeAll, describe, expect, it } from 'vitest';
import { PlantedCausalToy, PlantedRecurrentToy } from '../../lib/interp/index';
import { useBackend } from '../../lib/mesa/index';
import { narrowPatchScan } from '../../lib/retarget/index';
import { cheeseMazeLevels } from '../../lib/envs/cheese-maze';
import { isVegaLiteSpec } from '../../lib/viz/index';

describe('narrowPatchScan: patches narrower than the input\'s footprint', () => {
  beforeAll(async () => { await useBackend('wasm'); });

  it('on the recurrent toy, the narrowest passing patch is the planted goal trace at the cheese cell alone', () => {
    const toy = new PlantedRecurrentToy(7, 4);
    const s = narrowPatchScan(toy, cheeseMazeLevels('test', 30, 'toy', { size: 7 }), { pairs: 12 });
    expect(s.family).toBe('iter.*.h');
    expect(s.pairs).toBeGreaterThan(0);
    expect(s.narrowest).not.toBeNull();
    expect(s.narrowest!.channels).toEqual([0]);
    expect(s.narrowest!.radius).toBe(0);
    expect(s.narrowest!.probeAccuracy).toBeGreaterThanOrEqual(0.7);
    expect(s.narrowest!.effect).toBeGreaterThanOrEqual(0.5);
    // The footprint (every channel over radius 1) is flagged and never reported as the narrowest.
    expect(s.footprint?.allChannels).toBe(true);
    expect(s.candidates.filter((c) => c.footprint).every((c) => c.allChannels && c.radius >= 1)).toBe(true);
    // Each row passes exactly when it clears both bars.
    for (const c of s.candidates) expect(c.passes).toBe(c.probeAccuracy >= 0.7 && c.effect >= 0.5);
    expect(isVegaLiteSpec(s.chart)).toBe(true);
    // Channels are ranked on half the pairs; candidates are scored on the other half.
    expect(s.rankPairs).toBe(Math.floor(s.pairs / 2));
    // Iteration-1 response: one share per channel in [0, 1]; a candidate is flagged input-driven from its channels' shares.
    expect(s.iterationOne).toHaveLength(s.channels);
    for (const v of s.iterationOne) { expect(v).toBeGreaterThanOrEqual(0); expect(v).toBeLessThanOrEqual(1 + 1e-6); }
    for (const c of s.candidates) expect(c.inputDriven).toBe(Math.max(...c.channels.map((k) => s.iterationOne[k])) >= 0.5);
  });

  it('patched from the last iteration on only, the goal trace still passes (it is read at the end)', () => {
    const toy = new PlantedRecurrentToy(7, 4);
    const s = narrowPatchScan(toy, cheeseMazeLevels('test', 30, 'toy', { size: 7 }), { pairs: 12, fromIterations: [4] });
    expect(s.narrowest?.channels).toEqual([0]);
    expect(s.narrowest?.from).toBe(4);
    expect(s.narrowest?.width).toBe(1);
  });

  it('needs a recurrent layer, and says so', () => {
    expect(() => narrowPatchScan(new PlantedCausalToy(7), cheeseMazeLevels('test', 5, 'toy', { size: 7 }))).toThrow(/recurrent layer/);
  });
});
