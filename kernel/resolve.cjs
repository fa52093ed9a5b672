// Lets a notebook in any folder import the library and its dependencies (retarget-lab, arquero,
// mathjs, vega-lite, …) from where the library is installed, not from the notebook's folder.
//
// Both halves of the kernel resolve bare imports the Node-10 way, walking up `node_modules` from
// the notebook's folder (the kernel's cwd): Node at run time (tslab's `require` is created in the
// cwd) and tslab's TypeScript 5.0 at type-check time. A notebook outside the install found neither.
// Here both search the notebook's own `node_modules` chain first (so a user's own packages still
// work, and win), then the install's:
//   - run time: the install's folders go on NODE_PATH, which Node searches after the walk-up;
//   - type check: tslab's TypeScript sees an overlay: a package missing from the notebook folder's
//     `node_modules` appears there as the install's copy (files keep the overlay path, so the
//     declarations tslab emits for each cell name types as `retarget-lab/…`, a portable specifier;
//     a `paths` mapping instead fails with "the inferred type … cannot be named").
const Module = require('node:module');
const path = require('node:path');

/** The `node_modules` folders Node searches from `dir` (dir/node_modules, then each parent's). */
function nodeModulesChain(dir) {
  return Module._nodeModulePaths(path.resolve(dir));
}

/** Adds the install's node_modules chain to NODE_PATH (after any the user set) and makes Node re-read it. */
function extendNodePath(root, env = process.env) {
  const current = (env.NODE_PATH || '').split(path.delimiter).filter(Boolean);
  env.NODE_PATH = [...new Set([...current, ...nodeModulesChain(root)])].join(path.delimiter);
  Module._initPaths();
}

const slash = (p) => p.replace(/\\/g, '/');
const exists = (p) => { try { require('node:fs').statSync(p); return true; } catch { return false; } };

/**
 * A map from paths under `cwd/node_modules` to the install's copy, for packages the notebook's
 * folder does not have itself: `map(p)` returns the real path to read (`p` itself when it is not
 * overlaid), `extraDirectories(p)` lists the install's packages missing from a listing. Which
 * packages are the user's is decided once per package, at first lookup.
 */
function overlay(root, cwd) {
  const base = `${slash(path.resolve(cwd, 'node_modules'))}/`;
  const installs = nodeModulesChain(root).map(slash).filter((d) => `${d}/` !== base);
  const owner = new Map(); // package name -> install folder holding it, or null (the user's own or none)
  const packageOf = (rest) => {
    const parts = rest.split('/');
    return parts[0].startsWith('@') ? (parts.length > 1 ? `${parts[0]}/${parts[1]}` : null) : parts[0];
  };
  const installFor = (name) => {
    if (!owner.has(name)) {
      owner.set(name, exists(base + name) ? null : installs.find((d) => exists(`${d}/${name}`)) ?? null);
    }
    return owner.get(name);
  };
  const map = (p) => {
    const s = slash(p);
    if (!s.startsWith(base)) return p;
    const rest = s.slice(base.length);
    const name = packageOf(rest);
    if (name === null) {
      // a scope folder (node_modules/@types): the user's, else the first install's that has it
      if (exists(p)) return p;
      const d = installs.find((i) => exists(`${i}/${rest}`));
      return d ? `${d}/${rest}` : p;
    }
    const d = installFor(name);
    return d ? `${d}/${rest}` : p;
  };
  const extraDirectories = (p) => {
    const s = slash(p).replace(/\/$/, '');
    const isBase = `${s}/` === base;
    const isScope = s.startsWith(base) && /^@[^/]+$/.test(s.slice(base.length));
    if (!isBase && !isScope) return [];
    const fs = require('node:fs');
    const names = new Set();
    for (const d of installs) {
      const dir = isBase ? d : `${d}/${s.slice(base.length)}`;
      try {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory() || e.isSymbolicLink()) names.add(e.name);
      } catch { /* not there */ }
    }
    return [...names];
  };
  return { base, installs, map, extraDirectories };
}

/**
 * A package.json as TypeScript's Node-10 resolution needs it: a package that declares its types only
 * under `exports` (vega-lite 6) gets a top-level `types` from `exports["."]`, so `import type …
 * from "vega-lite"` type-checks in a cell. Any other text is returned unchanged.
 */
function withExportedTypes(text) {
  if (typeof text !== 'string' || !text.includes('"exports"')) return text;
  let pkg;
  try { pkg = JSON.parse(text); } catch { return text; }
  if (!pkg || pkg.types || pkg.typings || !pkg.exports || typeof pkg.exports !== 'object') return text;
  const typesOf = (entry) => {
    if (!entry || typeof entry !== 'object') return undefined;
    if (typeof entry.types === 'string') return entry.types;
    for (const key of ['require', 'node', 'default', 'import']) {
      const found = typesOf(entry[key]);
      if (found) return found;
    }
    return undefined;
  };
  const types = typesOf(pkg.exports['.']);
  return types ? JSON.stringify({ ...pkg, types }) : text;
}

/**
 * Wraps `sys.watchFile` / `sys.watchDirectory`. The install's packages (overlay paths) are not
 * watched: they do not change while a kernel runs (a reinstall means a kernel restart). And the
 * library writes its caches inside its own folder (`root`/build, which, installed, lies in the
 * node_modules that TypeScript watches for failed lookups; or the per-user cache folder, which may
 * lie below the notebook's folder): such an event, taken for a source change in the middle of a
 * cell, makes tslab fail with "Unexpected pending rebuildTimer". Those are dropped, and with them
 * the events TypeScript reports for a whole folder that holds one of these (so a package installed
 * into that node_modules while a kernel runs is seen after a kernel restart).
 */
function wrapWatchers(sys, o, root) {
  const roots = [root];
  try { roots.push(require('node:fs').realpathSync(root)); } catch { /* not there */ }
  // build/ of the install, and the per-user cache folder (where a read-only install writes)
  const env = process.env;
  const home = (() => { try { return require('node:os').homedir(); } catch { return null; } })();
  const userCache = env.RETARGET_LAB_CACHE || path.join(env.XDG_CACHE_HOME || (home ? path.join(home, '.cache') : '/nonexistent'), 'retarget-lab');
  const runtimeDirs = [...new Set([...roots.map((d) => path.join(d, 'build')), userCache])].map((d) => `${slash(d)}/`);
  // an event inside build/, or one TypeScript reports for a folder that holds it (its recursive
  // watch of node_modules reports a new sub-folder as an event of the watched folder itself)
  const fromRuntime = (f) => {
    if (typeof f !== 'string') return false;
    const s = slash(f);
    const dir = s.endsWith('/') ? s : `${s}/`;
    return runtimeDirs.some((d) => s.startsWith(d) || d.startsWith(dir));
  };
  for (const name of ['watchFile', 'watchDirectory']) {
    const original = sys[name];
    if (typeof original !== 'function') continue;
    sys[name] = (p, callback, ...rest) => {
      if (typeof p === 'string' && o.map(p) !== p) return { close() {} };
      if (typeof callback !== 'function') return original.call(sys, p, callback, ...rest);
      return original.call(sys, p, (fileName, ...more) => (fromRuntime(fileName) ? undefined : callback(fileName, ...more)), ...rest);
    };
  }
}

/**
 * Lets tslab's TypeScript see the install's packages under the notebook folder's `node_modules`
 * (see `overlay`), by wrapping the file-system calls of its `ts.sys`, which tslab's compiler host
 * reads through. Call before tslab creates its first converter; returns the overlay.
 */
function patchTslabCompiler(root, cwd) {
  const tslabDir = path.dirname(require.resolve('tslab/package.json', { paths: [root] }));
  const ts = require(require.resolve('@tslab/typescript-for-tslab', { paths: [tslabDir] }));
  const sys = ts.sys;
  if (sys.retargetLabOverlay) return sys.retargetLabOverlay;
  const o = overlay(root, cwd);
  const readFile = sys.readFile;
  sys.readFile = (p, ...rest) => {
    const text = readFile.call(sys, o.map(p), ...rest);
    return typeof p === 'string' && /\/node_modules\/.+\/package\.json$/.test(slash(p)) ? withExportedTypes(text) : text;
  };
  for (const name of ['fileExists', 'directoryExists', 'getModifiedTime', 'getFileSize']) {
    const original = sys[name];
    if (typeof original !== 'function') continue;
    sys[name] = (p, ...rest) => original.call(sys, typeof p === 'string' ? o.map(p) : p, ...rest);
  }
  wrapWatchers(sys, o, root);
  const readDirectory = sys.readDirectory;
  sys.readDirectory = (p, ...rest) => {
    const mapped = o.map(p);
    if (mapped === p) return readDirectory.call(sys, p, ...rest);
    // list the install's copy, reported under the overlay path
    return readDirectory.call(sys, mapped, ...rest).map((f) => slash(p).replace(/\/$/, '') + slash(f).slice(slash(mapped).replace(/\/$/, '').length));
  };
  const getDirectories = sys.getDirectories;
  sys.getDirectories = (p) => {
    const mapped = o.map(p);
    const own = (() => { try { return getDirectories.call(sys, mapped); } catch { return []; } })();
    return [...new Set([...own, ...o.extraDirectories(p)])];
  };
  // realpath keeps overlay paths as they are, so files are named (and emitted) from the notebook's folder
  const realpath = sys.realpath;
  if (realpath) sys.realpath = (p) => (o.map(p) === p ? realpath.call(sys, p) : p);
  sys.retargetLabOverlay = o;
  return o;
}

/** Sets up both halves for a kernel whose library lives at `root` and whose notebook folder is `cwd`. */
function resolveFromInstall(root, cwd = process.cwd()) {
  extendNodePath(root);
  patchTslabCompiler(root, cwd);
}

module.exports = { nodeModulesChain, extendNodePath, overlay, withExportedTypes, wrapWatchers, patchTslabCompiler, resolveFromInstall };
