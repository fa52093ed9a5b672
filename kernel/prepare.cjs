// Prepares a checkout for the tslab kernel; run by `npm install` (postinstall) and at every
// kernel start (cheap when nothing changed). An installed package (inside some node_modules) needs
// neither step: it ships build/types (built by `prepack`), and the kernel finds it through
// kernel/resolve.cjs; there, and on a read-only install, this does nothing.
// 1. `node_modules/retarget-lab` -> the project, so tslab's TypeScript (which resolves modules the
//    Node-10 way, through node_modules) finds `import … from "retarget-lab"`.
// 2. Declaration files for the library in build/types (package.json "types"), so the kernel
//    type-checks a cell against .d.ts files instead of re-checking the whole library's sources:
//    the first `import … from "retarget-lab"` in a notebook drops from ~18 s to ~4 s on a loaded
//    2-core machine. Rebuilt (incrementally) when a library source is newer than the stamp.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');

/** Whether this is a development checkout rather than a package installed into node_modules. */
function isCheckout(dir = root) {
  return !dir.split(path.sep).includes('node_modules');
}

function linkSelf() {
  if (!isCheckout()) return null;
  const nodeModules = path.join(root, 'node_modules');
  const link = path.join(nodeModules, 'retarget-lab');
  try {
    if (fs.realpathSync(link) === fs.realpathSync(root)) return link;
  } catch { /* missing or broken: (re)create below */ }
  fs.mkdirSync(nodeModules, { recursive: true });
  try { fs.rmSync(link, { recursive: true, force: true }); } catch { /* nothing there */ }
  fs.symlinkSync('..', link, 'dir');
  return link;
}

function newestSource(dir, newest = 0) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = newestSource(file, newest);
    else if (/\.(ts|cts|mts)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

/** Rebuilds build/types if any .ts of the package (index.ts, lib/, lessons/, kernel/) is newer than the stamp. Returns true if built. */
function ensureTypes({ quiet = true } = {}) {
  if (!isCheckout()) return false;
  const stamp = path.join(root, 'build', 'types', '.stamp');
  let built = 0;
  try { built = fs.statSync(stamp).mtimeMs; } catch { /* never built */ }
  const newest = Math.max(fs.statSync(path.join(root, 'index.ts')).mtimeMs, ...['lib', 'lessons', 'kernel'].map((d) => newestSource(path.join(root, d))));
  if (built >= newest) return false;
  let tsc;
  try { tsc = require.resolve('typescript/bin/tsc', { paths: [root] }); } catch { return false; }
  const started = Date.now();
  const out = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.types.json')], { cwd: root, encoding: 'utf8' });
  if (!fs.existsSync(path.join(root, 'build', 'types', 'index.d.ts'))) {
    // Without declarations tslab falls back to the .ts sources ("main"): slower, still correct.
    if (!quiet) process.stderr.write(`retarget-lab/kernel/prepare: could not build declarations:\n${out.stdout}${out.stderr}\n`);
    return false;
  }
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
  if (!quiet) process.stderr.write(`retarget-lab: library declarations built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return true;
}

module.exports = { isCheckout, linkSelf, ensureTypes };
if (require.main === module) {
  linkSelf();
  ensureTypes({ quiet: false });
}
