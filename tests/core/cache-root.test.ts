/**
 * Where the one cache lives (lib/core/cache) when the install cannot be written, and what two
 * processes writing the same entry at once leave behind. Both run lib/core/cache in child processes:
 * the module finds the install from its own file, so a fake install is a folder holding a compiled
 * copy of it, made read-only; as root (who ignores file modes) the child runs as user nobody.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
const canDropPrivileges = !asRoot || fs.existsSync('/usr/bin/setpriv');
const source = path.resolve(__dirname, '../../lib/core/cache.ts');

let tmp: string;
let install: string;
let cacheJs: string;

/** Compiles lib/core/cache.ts into `<root>/lib/core/cache.js` (the fake install's copy). */
function installCopy(root: string): string {
  const out = path.join(root, 'lib', 'core', 'cache.js');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const js = ts.transpileModule(fs.readFileSync(source, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  fs.writeFileSync(out, js.outputText);
  return out;
}

/** A folder the unprivileged child may use as its own. */
function ownedDir(name: string): string {
  const d = path.join(tmp, name);
  fs.mkdirSync(d, { recursive: true });
  if (asRoot) fs.chownSync(d, NOBODY, NOBODY);
  return d;
}

const childArgv = (args: string[]) => (asRoot
  ? ['/usr/bin/setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, ...args]
  : [process.execPath, ...args]);

/** Runs `code` (with `cache` = the fake install's module) unprivileged; returns its JSON output. */
function inChild(code: string, env: Record<string, string>): any {
  const [cmd, ...args] = childArgv(['-e', `const cache = require(${JSON.stringify(cacheJs)}); ${code}`]);
  const r = spawnSync(cmd, args, { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, encoding: 'utf8', cwd: tmp });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

describe.skipIf(!canDropPrivileges)('core/cache: the cache root of a read-only install', () => {
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cache-root-'));
    fs.chmodSync(tmp, 0o755);
    install = path.join(tmp, 'install');
    cacheJs = installCopy(install);
    // An entry an administrator warmed before making the install read-only.
    fs.mkdirSync(path.join(install, 'build', 'mesa'), { recursive: true });
    fs.writeFileSync(path.join(install, 'build', 'mesa', 'planner-warm.json'), '{"from":"install"}');
    spawnSync('chmod', ['-R', 'a-w', install]);
  });
  afterAll(() => {
    spawnSync('chmod', ['-R', 'u+w', tmp]);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('writes under $XDG_CACHE_HOME/retarget-lab, and reads entries warmed in the install', () => {
    const home = ownedDir('home1');
    const xdg = ownedDir('xdg1');
    const r = inChild(`console.log(JSON.stringify({
      root: cache.cacheRoot(), file: cache.writeCache('mesa/policy', 'k', { w: [1] }),
      back: cache.readCache('mesa/policy', 'k'), warm: cache.readCache('mesa/planner', 'warm'),
    }))`, { HOME: home, XDG_CACHE_HOME: xdg });
    expect(r.root).toBe(path.join(xdg, 'retarget-lab'));
    expect(r.file).toBe(path.join(xdg, 'retarget-lab', 'mesa', 'policy-k.json'));
    expect(r.back).toEqual({ w: [1] });
    expect(r.warm).toEqual({ from: 'install' });
    expect(fs.readdirSync(path.join(install, 'build', 'mesa'))).toEqual(['planner-warm.json']);
  });

  it('falls back to ~/.cache/retarget-lab without XDG_CACHE_HOME (or with a relative one)', () => {
    const home = ownedDir('home2');
    for (const env of [{ HOME: home }, { HOME: home, XDG_CACHE_HOME: 'relative/cache' }] as Record<string, string>[]) {
      const r = inChild(`console.log(JSON.stringify({ root: cache.cacheRoot(), file: cache.writeCache('pdb', 'x', 1) }))`, env);
      expect(r.root).toBe(path.join(home, '.cache', 'retarget-lab'));
      expect(r.file).toBe(path.join(home, '.cache', 'retarget-lab', 'pdb-x.json'));
    }
  });

  it('RETARGET_LAB_CACHE overrides it (and is the only folder read); RETARGET_LAB_NO_CACHE turns caching off', () => {
    const home = ownedDir('home3');
    const mine = ownedDir('mine');
    const r = inChild(`console.log(JSON.stringify({ root: cache.cacheRoot(), warm: cache.readCache('mesa/planner', 'warm') }))`, { HOME: home, RETARGET_LAB_CACHE: mine });
    expect(r).toEqual({ root: mine, warm: null });
    const off = inChild(`console.log(JSON.stringify({ root: cache.cacheRoot(), file: cache.writeCache('a', 'b', 1), runtime: cache.runtimeRoot() }))`, { HOME: home, RETARGET_LAB_NO_CACHE: '1' });
    expect(off).toEqual({ root: null, file: null, runtime: path.join(home, '.cache', 'retarget-lab') });
  });

  it("uses the install's build/ when the install is writable", () => {
    const writable = path.join(tmp, 'writable');
    fs.mkdirSync(writable);
    if (asRoot) fs.chownSync(writable, NOBODY, NOBODY);
    const js = installCopy(writable);
    const home = ownedDir('home4');
    const [cmd, ...args] = childArgv(['-e', `const c = require(${JSON.stringify(js)}); console.log(JSON.stringify(c.cacheRoot()))`]);
    const r = spawnSync(cmd, args, { env: { HOME: home }, encoding: 'utf8' });
    expect(JSON.parse(r.stdout)).toBe(path.join(writable, 'build'));
  });
});

describe('core/cache: two processes writing the same entry at once', () => {
  let dir: string;
  let js: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cache-race-'));
    js = installCopy(path.join(dir, 'install'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves one whole value, never a mix or a torn file, and no temporary files', async () => {
    const cacheDir = path.join(dir, 'cache');
    // Each writer rewrites the entry with its own ~1 MB value; a reader checks every read it gets.
    const writer = (tag: string) => `const c = require(${JSON.stringify(js)});
      const v = { tag: ${JSON.stringify(tag)}, w: Array.from({ length: 100000 }, (_, i) => i % 97) };
      for (let i = 0; i < 60; i++) if (!c.writeCache('mesa/race', 'k', v)) { console.error('write failed'); process.exit(1); }`;
    // The reader parses the file itself: readCache would turn a torn file into a quiet miss.
    const file = path.join(cacheDir, 'mesa', 'race-k.json');
    const reader = `const fs = require('fs');
      const seen = { A: 0, B: 0, none: 0, bad: 0 }; const end = Date.now() + 1500;
      while (Date.now() < end) {
        let v;
        try { v = JSON.parse(fs.readFileSync(${JSON.stringify(file)}, 'utf8')); } catch (e) { if (e.code === 'ENOENT') { seen.none++; continue; } v = null; }
        if (v === null) seen.bad++;
        else if ((v.tag === 'A' || v.tag === 'B') && v.w.length === 100000 && v.w[99999] === 99999 % 97) seen[v.tag]++;
        else seen.bad++;
      }
      console.log(JSON.stringify(seen));`;
    const run = (code: string) => new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const p = spawn(process.execPath, ['-e', code], { env: { ...process.env, RETARGET_LAB_CACHE: cacheDir } });
      let out = '';
      let err = '';
      p.stdout.on('data', (d) => { out += d; });
      p.stderr.on('data', (d) => { err += d; });
      p.on('close', (c) => resolve({ code: c, out, err }));
    });
    const [a, b, r] = await Promise.all([run(writer('A')), run(writer('B')), run(reader)]);
    expect([a.code, a.err, b.code, b.err]).toEqual([0, '', 0, '']);
    const seen = JSON.parse(r.out);
    expect(seen.bad).toBe(0);
    expect(seen.A + seen.B).toBeGreaterThan(0);
    const final = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(['A', 'B']).toContain(final.tag);
    expect(final.w).toHaveLength(100000);
    expect(fs.readdirSync(path.join(cacheDir, 'mesa'))).toEqual(['race-k.json']);
  });
});
