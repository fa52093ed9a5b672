// A V8 code cache for the kernel's biggest module, tslab's TypeScript 5.0 (8 MB of JavaScript):
// compiling it is most of a kernel's start. Node 20 has no built-in compile cache (22 has
// module.enableCompileCache), so modules over CACHE_MIN_BYTES are compiled with V8's cached data,
// kept per user: $RETARGET_LAB_CACHE/v8, else $XDG_CACHE_HOME/retarget-lab/v8 or
// ~/.cache/retarget-lab/v8, else the temp folder. Entries are named by a hash of the module's
// source and the Node version, written atomically (temp file, then rename); any failure (a
// read-only home, a rejected entry) falls back to an ordinary compile. RETARGET_LAB_NO_CODE_CACHE=1
// turns it off (to measure without it).
// The folder rule and the atomic write mirror lib/core/cache.ts (userCacheDir, writeFileAtomic) on
// purpose: this file runs before tsx is registered, so it cannot load that TypeScript module.
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

const CACHE_MIN_BYTES = 1 << 20;

function cacheDirs(env = process.env) {
  if (env.RETARGET_LAB_CACHE) return [path.join(env.RETARGET_LAB_CACHE, 'v8')];
  const home = (() => { try { return os.homedir(); } catch { return null; } })();
  const base = env.XDG_CACHE_HOME || (home ? path.join(home, '.cache') : null);
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return [...(base ? [path.join(base, 'retarget-lab', 'v8')] : []), path.join(os.tmpdir(), `retarget-lab-v8-${uid}`)];
}

function writeAtomic(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (err) {
    try { fs.rmSync(tmp, { force: true }); } catch { /* nothing to remove */ }
    throw err;
  }
}

/** Compiles big modules with V8's cached data from now on (idempotent; RETARGET_LAB_NO_CODE_CACHE=1 turns it off). */
function enable(dirs = cacheDirs()) {
  if (process.env.RETARGET_LAB_NO_CODE_CACHE || Module.prototype._compile.retargetLabCodeCache) return;
  const compile = Module.prototype._compile;
  const cached = function _compile(content, filename) {
    if (typeof content !== 'string' || content.length < CACHE_MIN_BYTES) return compile.call(this, content, filename);
    const key = crypto.createHash('sha256').update(process.version).update('\0').update(filename).update('\0').update(content).digest('hex').slice(0, 32);
    let cachedData;
    for (const dir of dirs) {
      try { cachedData = fs.readFileSync(path.join(dir, `${key}.bin`)); break; } catch { /* not cached there */ }
    }
    let script;
    try {
      script = new vm.Script(Module.wrap(content), { filename, cachedData, importModuleDynamically: undefined });
    } catch {
      return compile.call(this, content, filename);
    }
    if (!cachedData || script.cachedDataRejected) {
      setImmediate(() => {
        let data;
        try { data = script.createCachedData(); } catch { return; }
        for (const dir of dirs) {
          try { writeAtomic(path.join(dir, `${key}.bin`), data); return; } catch { /* try the next folder */ }
        }
      });
    }
    const fn = script.runInThisContext({ displayErrors: true });
    const require = Module.createRequire(filename);
    return fn.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
  cached.retargetLabCodeCache = true;
  Module.prototype._compile = cached;
}

module.exports = { enable, cacheDirs, CACHE_MIN_BYTES };
