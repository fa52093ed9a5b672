import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const codeCache = path.join(__dirname, '..', '..', 'kernel', 'code-cache.cjs');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'rl code cache '));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

/** Loads `file` in a fresh Node with the code cache on; returns what it printed. */
function load(file: string, cache: string, extraEnv: Record<string, string> = {}) {
  const script = `require(${JSON.stringify(codeCache)}).enable(); const m = require(${JSON.stringify(file)}); console.log(m.sum(), require.cache[${JSON.stringify(file)}] ? 'cached-module' : '');`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, RETARGET_LAB_CACHE: cache, ...extraEnv } });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

describe('kernel/code-cache', () => {
  // a module over the 1 MB threshold: many small functions, and a require of a sibling
  const dir = path.join(base, 'mod');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'sibling.js'), 'module.exports = 7;\n');
  const body = Array.from({ length: 40_000 }, (_, i) => `function f${i}() { return ${i % 7}; }`).join('\n');
  const file = path.join(dir, 'big.js');
  fs.writeFileSync(file, `${body}\nexports.sum = () => f1() + f2() + require('./sibling');\n`);

  it('writes V8 cached data on first load and uses it after; the module behaves the same', () => {
    const cache = path.join(base, 'cache');
    expect(fs.statSync(file).size).toBeGreaterThan(1 << 20);
    expect(load(file, cache)).toBe('10 cached-module');
    const entries = fs.readdirSync(path.join(cache, 'v8'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(/^[0-9a-f]{32}\.bin$/);
    const entry = path.join(cache, 'v8', entries[0]);
    const written = fs.statSync(entry).mtimeMs;
    expect(load(file, cache)).toBe('10 cached-module');
    expect(fs.statSync(entry).mtimeMs).toBe(written); // accepted, not rewritten
  });

  it('recovers from a corrupt entry and from an unwritable cache folder', () => {
    const cache = path.join(base, 'corrupt');
    expect(load(file, cache)).toBe('10 cached-module');
    const entry = path.join(cache, 'v8', fs.readdirSync(path.join(cache, 'v8'))[0]);
    fs.writeFileSync(entry, 'not V8 data');
    expect(load(file, cache)).toBe('10 cached-module');
    expect(fs.readFileSync(entry).toString()).not.toBe('not V8 data'); // rewritten
    const blocked = path.join(base, 'a file');
    fs.writeFileSync(blocked, '');
    expect(load(file, blocked)).toBe('10 cached-module');
    expect(load(file, path.join(base, 'off'), { RETARGET_LAB_NO_CODE_CACHE: '1' })).toBe('10 cached-module');
    expect(fs.existsSync(path.join(base, 'off'))).toBe(false);
  });
});
