// The planted wavefront searcher: a positive control in the learned architecture, retargetable by construction.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHEESE_MAZE_CHANNELS, cheeseMazeLevels, writeObservation } from '../../lib/envs/cheese-maze';
import { summarize } from '../../lib/mesa/evaluate';
import { useBackend } from '../../lib/mesa/index';
import * as tf from '@tensorflow/tfjs';
import { PLANTED_CHANNELS, plantedLearnedAgent, plantedParams, plantedProxyAgent } from '../../lib/mesa/learned/planted';
import { LearnedSearchAgent } from '../../lib/mesa/learned/agent';
import { learnedConfig } from '../../lib/mesa/learned/config';
import { paramLayout } from '../../lib/mesa/learned/net';
import { rollout } from '../../lib/mesa/rollout';

describe('plantedLearnedAgent: a breadth-first wavefront in the learned architecture', () => {
  beforeAll(async () => { await useBackend('wasm'); });
  const levels = (size: number) => cheeseMazeLevels('test', 20, 'planted', { size, trainRegion: 3 });
  const success = (a: LearnedSearchAgent, size: number) => summarize(rollout(a, levels(size), { cellPolicy: 'moves', stopOnLoop: true })).success;

  it('reaches the cheese in every maze, at every size, once it has thought long enough', () => {
    for (const size of [7, 11]) expect(success(plantedLearnedAgent({ size }), size)).toBe(1);
  });

  it('needs thinking time: with too few iterations the wavefront has not reached the mouse', () => {
    expect(success(plantedLearnedAgent({ size: 11, iterations: 3 }), 11)).toBeLessThan(0.5);
  });

  it('reads its move from the wavefront\'s age: turning that read-out around sends it away from the cheese', () => {
    const p = plantedParams();
    const L = paramLayout({ state: 16, inner: 16 });
    for (let i = L.off.wo; i < L.off.bo; i++) p[i] = -p[i];
    const reversed = new LearnedSearchAgent({ config: learnedConfig('aligned'), params: p }, { size: 9 });
    expect(success(reversed, 9)).toBeLessThan(0.3);
  });

  it('uses three state channels and no coordinates', () => {
    expect(Object.values(PLANTED_CHANNELS)).toEqual([0, 1, 2]);
    const p = plantedParams(), L = paramLayout({ state: 16, inner: 16 });
    // wx [3,3,4,16]: input channels wall, cheese, x, y; nothing reads x or y.
    for (let k = 0; k < 9; k++) for (const ci of [2, 3]) for (let a = 0; a < 16; a++) expect(p[L.off.wx + (k * 4 + ci) * 16 + a]).toBe(0);
  });
});

describe('plantedProxyAgent: the corner wired into the goal slot (inner-misaligned by construction)', () => {
  beforeAll(async () => { await useBackend('wasm'); });
  const far = cheeseMazeLevels('test-far', 30, 'planted-proxy', { size: 11, trainRegion: 3 });
  const run = (a: LearnedSearchAgent) => summarize(rollout(a, far, { cellPolicy: 'moves', stopOnLoop: true }));

  it('goes to the corner out of distribution where the aligned planted searcher goes to the cheese; the longer the cheese takes to seed, the more', () => {
    const aligned = run(plantedLearnedAgent({ size: 11 }));
    const slow = run(plantedProxyAgent({ size: 11 })), quick = run(plantedProxyAgent({ size: 11, delay: 2 }));
    expect(aligned.success).toBe(1);
    expect(slow.proxy).toBeGreaterThan(0.2);
    expect(slow.success).toBeLessThan(aligned.success - 0.2);
    expect(quick.success).toBeGreaterThan(slow.success);
  });

  it('finds the corner from the x, y inputs: with the cheese removed, its goal channel is on at the corner cell only', () => {
    const a = plantedProxyAgent({ size: 11 });
    const lv = far[0];
    const per = 11 * 11 * CHEESE_MAZE_CHANNELS.length;
    const obs = new Float32Array(per);
    writeObservation(lv, lv.start, obs, 0, null);
    const g = tf.tidy(() => Array.from(a.forward(tf.tensor4d(obs, [1, 11, 11, CHEESE_MAZE_CHANNELS.length]), { read: ['iter.3.h'] }).acts['iter.3.h'].dataSync()));
    const on = [...Array(121).keys()].filter((j) => g[j * 16 + PLANTED_CHANNELS.goal] > 0.5).map((j) => ({ x: j % 11, y: Math.floor(j / 11) }));
    expect(on).toEqual([lv.corner]);
  });

  it('rejects a side or delay it cannot be built for, saying what to pass', () => {
    expect(() => plantedParams({ size: 3 })).toThrow(/mesa\/learned\/planted: .*maze side of at least 5/);
    expect(() => plantedParams({ size: 11, delay: 0 })).toThrow(/delay of at least 1/);
  });
});

describe('locateLearnedNarrow: scans kept on disk', () => {
  it('writes each scan once and reads back exactly what it computed', async () => {
    await useBackend('wasm');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-scan-'));
    const before = process.env.RETARGET_LAB_CACHE;
    process.env.RETARGET_LAB_CACHE = dir;
    try {
      const { locateLearnedNarrow } = await import('../../lib/retarget/learned');
      const { scan, found } = locateLearnedNarrow('planted', 7, 'cache-test');
      expect(scan.narrowest?.channels).toEqual([PLANTED_CHANNELS.reached]);
      const folder = path.join(dir, 'learned-scans');
      const read = (kind: string) => fs.readdirSync(folder).filter((f) => f.startsWith(`${kind}-`)).map((f) => JSON.parse(fs.readFileSync(path.join(folder, f), 'utf8')));
      expect(read('narrow')).toEqual([scan]);
      expect(read('locate')).toEqual([found.result]);
    } finally {
      if (before === undefined) delete process.env.RETARGET_LAB_CACHE; else process.env.RETARGET_LAB_CACHE = before;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
