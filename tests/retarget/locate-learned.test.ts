import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../lib/mesa/index';
import { loadLearnedAgent } from '../../lib/mesa/learned/shipped';
import { locateTarget, retargetabilityByDistance } from '../../lib/retarget/index';
import { cheeseMazeLevels } from '../../lib/envs/cheese-maze';

describe('locateTarget on the shipped learned searcher (nothing in it is named target)', () => {
  beforeAll(async () => { await useBackend('wasm'); });

  it('finds its cheese representation in the recurrent state (all iterations), not in the input or the move map', () => {
    const agent = loadLearnedAgent('aligned', { size: 7 });
    const levels = cheeseMazeLevels('test', 30, 'locate', { size: 7, trainRegion: 3 });
    const r = locateTarget(agent, levels, { probeExamples: 40, pairs: 16, candidates: 3, goalRadius: 1, cellByCell: false });
    expect(r.located).toBe(true);
    expect(r.bestRow!.layer).toBe('iter.*.h');
    expect(r.best!.family!.members.length).toBe(agent.iterations);
    expect(r.inputBaseline.map((p) => p.layer)).toEqual(['obs']);
    // The move map changes the choice as much, but acts at the mouse, not at the cheese.
    const moves = r.rows.find((row) => row.layer === 'moves' && row.channel === -1)!;
    expect(moves.passes).toBe(false);
    const held = cheeseMazeLevels('test', 3, 'held-out', { size: 7, trainRegion: 3 });
    const by = retargetabilityByDistance(agent, { kind: 'located', located: r.best!, clearWith: 'blank', strength: 2 }, held, { cellPolicy: 'moves' });
    expect(by.rate).toBeGreaterThan(by.baselineRate);
  }, 120_000);
});
