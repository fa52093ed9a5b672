/**
 * The lab's one on-disk cache: trained weights and other slow results, stored as JSON and keyed by
 * a hash of the configuration that produced them, so re-running a notebook reuses them instead of
 * retraining. Writes are atomic (a temporary file renamed into place), so a kernel killed mid-write
 * never leaves a half-written entry. Outside Node, when `RETARGET_LAB_NO_CACHE` is set, or when the
 * directory is not writable, the cache silently does nothing: it is an optimisation, never needed.
 *
 * Where entries live is decided in one place, {@link cacheRoot}.
 */
import * as fs from 'fs';
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

/**
 * The folder every cache entry lives under, or null when caching is off: `RETARGET_LAB_CACHE` if
 * set, else `build/` at the project root (found from this file, not from the working directory, so
 * a notebook in any folder shares one cache).
 */
export function cacheRoot(): string | null {
  if (typeof process === 'undefined' || !process.env) return null;
  if (process.env.RETARGET_LAB_NO_CACHE) return null;
  if (process.env.RETARGET_LAB_CACHE) return path.resolve(process.env.RETARGET_LAB_CACHE);
  return path.resolve(__dirname, '..', '..', 'build');
}

/** The file of entry `key` of `kind` (e.g. `mesa/planner`), or null when caching is off. */
export function cachePath(kind: string, key: string): string | null {
  const root = cacheRoot();
  return root === null ? null : path.join(root, `${kind}-${key}.json`);
}

/** Reads a cached JSON value, or null when absent, unreadable or caching is off. */
export function readCache<T>(kind: string, key: string): T | null {
  const file = cachePath(kind, key);
  if (file === null) return null;
  try {
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) as T : null;
  } catch {
    return null;
  }
}

/** Writes a JSON value to the cache atomically (best effort); returns its file, or null if not written. */
export function writeCache(kind: string, key: string, value: unknown): string | null {
  const file = cachePath(kind, key);
  if (file === null) return null;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(value));
    fs.renameSync(tmp, file);
    return file;
  } catch {
    return null;
  }
}
