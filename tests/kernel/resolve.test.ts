import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

type Overlay = { map(p: string): string; extraDirectories(p: string): string[] };
type Watch = (p: string, cb: (file: string, kind: number) => void) => { close(): void };
const { overlay, withExportedTypes, nodeModulesChain, wrapWatchers } = require('../../kernel/resolve.cjs') as {
  overlay(root: string, cwd: string): Overlay;
  withExportedTypes(text: string): string;
  nodeModulesChain(dir: string): string[];
  wrapWatchers(sys: { watchFile: Watch; watchDirectory: Watch }, o: Overlay, root: string): void;
};

const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A fake install (with arquero, @types/node and the library) and a notebook folder with its own package. */
function layout() {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'rl resolve '));
  made.push(base);
  const install = path.join(base, 'install', 'node_modules');
  const lib = path.join(install, 'retarget-lab');
  for (const dir of [lib, path.join(install, 'arquero'), path.join(install, '@types', 'node'), path.join(install, 'mathjs')]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(install, 'arquero', 'package.json'), '{"name":"arquero","types":"dist/types/index.d.ts"}');
  const notebooks = path.join(base, 'my notebooks');
  fs.mkdirSync(path.join(notebooks, 'node_modules', 'mathjs'), { recursive: true });
  fs.mkdirSync(path.join(notebooks, 'node_modules', 'my-own'), { recursive: true });
  return { base, install, lib, notebooks };
}

describe('kernel/resolve: the type checker sees the install\'s packages from any notebook folder', () => {
  it('maps a package missing from the notebook folder to the install\'s copy, keeps the user\'s own', () => {
    const { install, lib, notebooks } = layout();
    const o = overlay(lib, notebooks);
    const nm = path.join(notebooks, 'node_modules');
    expect(o.map(path.join(nm, 'arquero', 'package.json'))).toBe(path.join(install, 'arquero', 'package.json'));
    expect(o.map(path.join(nm, 'retarget-lab', 'build', 'types', 'index.d.ts'))).toBe(path.join(lib, 'build', 'types', 'index.d.ts'));
    expect(o.map(path.join(nm, '@types', 'node', 'index.d.ts'))).toBe(path.join(install, '@types', 'node', 'index.d.ts'));
    // the user's own packages win, even one the install also has
    expect(o.map(path.join(nm, 'mathjs', 'package.json'))).toBe(path.join(nm, 'mathjs', 'package.json'));
    expect(o.map(path.join(nm, 'my-own', 'index.d.ts'))).toBe(path.join(nm, 'my-own', 'index.d.ts'));
    // a package nobody has, and paths outside the notebook's node_modules, stay as they are
    expect(o.map(path.join(nm, 'nowhere', 'package.json'))).toBe(path.join(nm, 'nowhere', 'package.json'));
    expect(o.map(path.join(notebooks, 'helper.ts'))).toBe(path.join(notebooks, 'helper.ts'));
    // listings of the notebook's node_modules gain the install's packages
    expect(o.extraDirectories(nm)).toEqual(expect.arrayContaining(['arquero', 'retarget-lab', '@types']));
    expect(o.extraDirectories(path.join(nm, '@types'))).toEqual(['node']);
    expect(o.extraDirectories(path.join(notebooks))).toEqual([]);
  });

  it('does not watch the install, and drops events from the library\'s own cache writes', () => {
    const { install, lib, notebooks } = layout();
    const watched: string[] = [];
    const callbacks: ((file: string, kind: number) => void)[] = [];
    const record: Watch = (p, cb) => { watched.push(p); callbacks.push(cb); return { close() {} }; };
    const sys = { watchFile: record, watchDirectory: record };
    wrapWatchers(sys, overlay(lib, notebooks), lib);
    sys.watchFile(path.join(notebooks, 'node_modules', 'arquero', 'package.json'), () => undefined); // overlay: not watched
    const seen: string[] = [];
    sys.watchDirectory(install, (f) => seen.push(f)); // the project's node_modules: watched, filtered
    expect(watched).toEqual([install]);
    callbacks[0](path.join(lib, 'build', 'mesa', 'weights.json.123.tmp'), 0);
    callbacks[0](path.join(lib, 'build', 'pdb', 'entry.bin'), 1);
    callbacks[0](path.join(install, 'my-new-package', 'package.json'), 0);
    callbacks[0](path.join(lib, 'lib', 'x.d.ts'), 1);
    callbacks[0](install, 0); // TypeScript's report of a new sub-folder somewhere below: may be build/
    callbacks[0](path.join(lib, 'build'), 0);
    callbacks[0](path.join(process.env.RETARGET_LAB_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'retarget-lab'), 'pdb', 'x.bin'), 0);
    expect(seen).toEqual([path.join(install, 'my-new-package', 'package.json'), path.join(lib, 'lib', 'x.d.ts')]);
  });

  it('searches the notebook folder\'s chain before the install\'s at run time (NODE_PATH comes after the walk-up)', () => {
    const { lib } = layout();
    expect(nodeModulesChain(lib)[0]).toBe(path.join(lib, 'node_modules'));
    expect(nodeModulesChain(lib)).toContain(path.dirname(lib));
  });

  it('gives an exports-only package (vega-lite 6) a top-level types entry, and leaves others alone', () => {
    const vegaLite = JSON.stringify({ name: 'vega-lite', exports: { '.': { types: './build/index.d.ts', default: './build/index.js' } } });
    expect(JSON.parse(withExportedTypes(vegaLite)).types).toBe('./build/index.d.ts');
    const nested = JSON.stringify({ name: 'x', exports: { '.': { require: { types: './a.d.cts' }, import: { types: './a.d.mts' } } } });
    expect(JSON.parse(withExportedTypes(nested)).types).toBe('./a.d.cts');
    const typed = JSON.stringify({ name: 'y', types: 'own.d.ts', exports: { '.': { types: './other.d.ts' } } });
    expect(withExportedTypes(typed)).toBe(typed);
    expect(withExportedTypes('{"name":"z","main":"index.js"}')).toBe('{"name":"z","main":"index.js"}');
    expect(withExportedTypes('not json "exports"')).toBe('not json "exports"');
  });
});
