/**
 * A small on-disk cache for trained weights, under `build/editing/`, keyed by a hash of the
 * training configuration: re-running a notebook reuses the weights instead of retraining. Outside
 * Node (no file system) or when the directory is not writable, it silently does nothing.
 */
import * as fs from 'fs';
import * as path from 'path';

/** A short stable hash of any JSON-able value (FNV-1a over its JSON). */
export function configHash(value: unknown): string {
  const s = JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function cacheDir(): string | null {
  try {
    if (typeof process === 'undefined' || !process.cwd) return null;
    if (process.env.RETARGET_LAB_NO_CACHE) return null;
    // Notebooks run in notebooks/; the project root is the nearest folder with package.json.
    let dir = process.cwd();
    for (let i = 0; i < 4 && !fs.existsSync(path.join(dir, 'package.json')); i++) dir = path.dirname(dir);
    return path.join(dir, 'build', 'editing');
  } catch {
    return null;
  }
}

/** Reads a cached JSON value, or null. */
export function readCache<T>(kind: string, key: string): T | null {
  const dir = cacheDir();
  if (!dir) return null;
  try {
    const file = path.join(dir, `${kind}-${key}.json`);
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) as T : null;
  } catch {
    return null;
  }
}

/** Writes a JSON value to the cache (best effort). */
export function writeCache(kind: string, key: string, value: unknown): void {
  const dir = cacheDir();
  if (!dir) return;
  try {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${kind}-${key}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(value));
    fs.renameSync(tmp, file);
  } catch {
    // A cache is an optimisation; failing to write it is not an error.
  }
}
