import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachePath, cacheRoot, configHash, readCache, writeCache } from '../../lib/core/cache';

describe('core/cache: the one cache and the one config hash', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cache-')); process.env.RETARGET_LAB_CACHE = dir; delete process.env.RETARGET_LAB_NO_CACHE; });
  afterEach(() => { process.env = { ...saved }; fs.rmSync(dir, { recursive: true, force: true }); });

  it('hashes equal configs alike whatever the key order, at every depth, and different ones apart', () => {
    expect(configHash({ a: 1, b: { c: 2, d: [1, 2] } })).toBe(configHash({ b: { d: [1, 2], c: 2 }, a: 1 }));
    expect(configHash({ a: 1, b: { c: 2 } })).not.toBe(configHash({ a: 1, b: { c: 3 } }));
    expect(configHash({ a: 1, b: { c: 2, extra: 1 } })).not.toBe(configHash({ a: 1, b: { c: 2 } }));
    expect(configHash({ x: 1 })).toMatch(/^[0-9a-f]{8}$/);
  });

  it('round-trips a value, writes atomically (no temporary file left) and under the one root', () => {
    expect(cacheRoot()).toBe(path.resolve(dir));
    const file = writeCache('mesa/test', 'k1', { w: [1, 2, 3] });
    expect(file).toBe(cachePath('mesa/test', 'k1'));
    expect(file!.startsWith(path.resolve(dir))).toBe(true);
    expect(readCache('mesa/test', 'k1')).toEqual({ w: [1, 2, 3] });
    expect(fs.readdirSync(path.join(dir, 'mesa')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readCache('mesa/test', 'missing')).toBeNull();
  });

  it('does nothing when caching is off, and reads a corrupt entry as a miss', () => {
    writeCache('x', 'bad', 1);
    fs.writeFileSync(cachePath('x', 'bad')!, '{not json');
    expect(readCache('x', 'bad')).toBeNull();
    process.env.RETARGET_LAB_NO_CACHE = '1';
    expect(cacheRoot()).toBeNull();
    expect(writeCache('x', 'k', 1)).toBeNull();
    expect(readCache('x', 'k')).toBeNull();
  });
});
