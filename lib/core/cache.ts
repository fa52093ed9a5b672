/**
 * The lab's one on-disk cache: trained weights and other slow results, stored as JSON and keyed by
 * a hash of the configuration that produced them, so re-running a notebook reuses them instead of
 * retraining. Writes are atomic (a temporary file renamed into place), so a kernel killed mid-write
 * never leaves a half-written entry, and two kernels (or two users) writing the same entry at once
 * leave one whole copy. Outside Node, when `RETARGET_LAB_NO_CACHE` is set, or when nothing is
 * writable, the cache silently does nothing: it is an optimisation, never needed.
 *
 * Where entries live is decided in one place, {@link runtimeRoot}: `RETARGET_LAB_CACHE`, else the
 * install's `build/` if writable, else the per-user cache folder (`$XDG_CACHE_HOME/retarget-lab`
 * or `~/.cache/retarget-lab`). Every file the lab writes at run time goes under it.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** JSON with object keys sorted at every depth, so equal configs give equal text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || ArrayBuffer.isView(v)) return v;
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
  }) ?? 'undefined';
}

/**
 * A short stable hash of any JSON-able value: FNV-1a over its canonical JSON (keys sorted at every
 * depth, so `{a, b}` and `{b, a}` hash alike).
 *
 * @example
 * configHash({ steps: 120, seed: 1 }) === configHash({ seed: 1, steps: 120 }); // true
 */
export function configHash(value: unknown): string {
  const s = canonicalJson(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return (h >>> 0).toString(16).padStart(8, '0');
}

let packageRoot: string | undefined;

/**
 * The install's own cache folder: `build/` in the package root, the nearest folder above this file
 * whose package.json is retarget-lab's (so a compiled copy under another folder depth finds it too).
 */
export function installCacheDir(): string {
  if (packageRoot === undefined) {
    packageRoot = path.resolve(__dirname, '..', '..');
    for (let d = __dirname; path.dirname(d) !== d; d = path.dirname(d)) {
      try {
        if (JSON.parse(fs.readFileSync(path.join(d, 'package.json'), 'utf8')).name === 'retarget-lab') { packageRoot = d; break; }
      } catch { /* no package.json here: look further up */ }
    }
  }
  return path.join(packageRoot, 'build');
}

/** The per-user cache folder: `$XDG_CACHE_HOME/retarget-lab`, else `~/.cache/retarget-lab`. */
export function userCacheDir(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
  return path.join(base, 'retarget-lab');
}

/** Whether `dir` can be written, or (when it does not exist yet) created by this user. */
function canWrite(dir: string): boolean {
  for (let d = dir; ; d = path.dirname(d)) {
    try {
      fs.accessSync(d, fs.constants.W_OK);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return false;
    }
    if (path.dirname(d) === d) return false;
  }
}

/**
 * Where files written at run time go, whether or not result caching is on: `RETARGET_LAB_CACHE` if
 * set; else the install's `build/` when this user may write it (a checkout, a per-user install);
 * else the per-user cache folder ({@link userCacheDir}), so a read-only, system-wide install works.
 */
export function runtimeRoot(): string {
  if (process.env.RETARGET_LAB_CACHE) return path.resolve(process.env.RETARGET_LAB_CACHE);
  const install = installCacheDir();
  return canWrite(install) ? install : userCacheDir();
}

/**
 * The folder every cache entry is written under, or null when caching is off (outside Node, or
 * `RETARGET_LAB_NO_CACHE` set): see {@link runtimeRoot}. The root is found from this file, not from
 * the working directory, so a notebook in any folder shares one cache.
 */
export function cacheRoot(): string | null {
  if (typeof process === 'undefined' || !process.env) return null;
  if (process.env.RETARGET_LAB_NO_CACHE) return null;
  return runtimeRoot();
}

/**
 * The folders entries are read from, first hit wins: the {@link cacheRoot}, then, when that is the
 * per-user folder, the install's read-only `build/` (caches an administrator warmed before making
 * the install read-only are used, never written). `RETARGET_LAB_CACHE` is the only folder when set.
 */
export function cacheReadRoots(): string[] {
  const root = cacheRoot();
  if (root === null) return [];
  const install = installCacheDir();
  return process.env.RETARGET_LAB_CACHE || root === install ? [root] : [root, install];
}

/** The file of entry `key` of `kind` (e.g. `mesa/planner`) under the write root, or null when caching is off. */
export function cachePath(kind: string, key: string, ext = 'json'): string | null {
  const root = cacheRoot();
  return root === null ? null : entryFile(root, kind, key, ext);
}

function entryFile(root: string, kind: string, key: string, ext: string): string {
  return path.join(root, `${kind}-${key}.${ext}`);
}

/**
 * Writes `data` to `file` atomically: into a temporary file of a name no other process or thread
 * uses, then renamed over `file`. Readers (other kernels, other users of a shared cache) see the
 * old file or the whole new one, never a part. Creates the folder. Throws on failure (the
 * temporary file is removed).
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    try { fs.rmSync(tmp, { force: true }); } catch { /* nothing to clean */ }
    throw e;
  }
}

/** Reads a cached file's bytes (any format), or null when absent, unreadable or caching is off. */
export function readCacheFile(kind: string, key: string, ext: string): Uint8Array | null {
  for (const root of cacheReadRoots()) {
    try {
      return new Uint8Array(fs.readFileSync(entryFile(root, kind, key, ext)));
    } catch { /* absent or unreadable here: try the next root */ }
  }
  return null;
}

/** Writes a cache file atomically (best effort); returns its path, or null if not written. */
export function writeCacheFile(kind: string, key: string, ext: string, data: string | Uint8Array): string | null {
  const file = cachePath(kind, key, ext);
  if (file === null) return null;
  try {
    writeFileAtomic(file, data);
    return file;
  } catch {
    return null;
  }
}

/** Reads a cached JSON value, or null when absent, unreadable, corrupt or caching is off. */
export function readCache<T>(kind: string, key: string): T | null {
  for (const root of cacheReadRoots()) {
    try {
      return JSON.parse(fs.readFileSync(entryFile(root, kind, key, 'json'), 'utf8')) as T;
    } catch { /* absent or corrupt here: try the next root */ }
  }
  return null;
}

/** Writes a JSON value to the cache atomically (best effort); returns its file, or null if not written. */
export function writeCache(kind: string, key: string, value: unknown): string | null {
  return writeCacheFile(kind, key, 'json', JSON.stringify(value));
}
