/**
 * The `retarget-lab` kernelspec: a `kernel.json` that starts this install's own pinned tslab
 * through `kernel/launch.cjs` (which registers tsx so `import … from "retarget-lab"` loads lib/,
 * and lets a notebook in any folder find the library). The installed spec folder also holds a
 * small `launch.cjs` of its own that starts the library's launcher, or, when the library was moved
 * or removed, says to reinstall the kernel. Written by hand: no Python or `jupyter kernelspec` needed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runtimeRoot, writeFileAtomic } from '../lib/core/cache';
import { RetargetLabError } from '../lib/core/errors';

export const KERNEL_NAME = 'retarget-lab';
export const DISPLAY_NAME = 'TypeScript (Retarget Lab)';

/** The project root (the folder with package.json): a checkout, or the installed package. */
export const projectRoot = path.resolve(__dirname, '..');

/** The library's kernel launcher. */
export const libraryLauncher = path.join(projectRoot, 'kernel', 'launch.cjs');

const { kernelMessages } = require('./messages.cjs') as { kernelMessages: { libraryMissing(launcher: string): string } };

export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  interrupt_mode?: 'signal' | 'message';
  env?: Record<string, string>;
  metadata?: Record<string, unknown>;
}

/** The kernel.json contents for this checkout and this Node binary. */
export function kernelSpec(): KernelSpec {
  return {
    argv: [process.execPath, libraryLauncher, 'kernel', '--config-path', '{connection_file}'],
    display_name: DISPLAY_NAME,
    language: 'typescript',
    interrupt_mode: 'signal',
    metadata: { 'retarget-lab': { project: projectRoot, launcher: libraryLauncher } },
  };
}

/** Jupyter's per-user data dir (as jupyter_core computes it). */
export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.JUPYTER_DATA_DIR) return env.JUPYTER_DATA_DIR;
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Jupyter');
  if (process.platform === 'win32') return path.join(env.APPDATA ?? os.homedir(), 'jupyter');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'jupyter');
}

/** The `kernels/` folders Jupyter searches, in its order (JUPYTER_PATH, user, system). */
export function kernelSearchPath(env: NodeJS.ProcessEnv = process.env): string[] {
  const dataDirs = [
    ...(env.JUPYTER_PATH ? env.JUPYTER_PATH.split(path.delimiter).filter(Boolean) : []),
    userDataDir(env),
    '/usr/local/share/jupyter',
    '/usr/share/jupyter',
  ];
  return [...new Set(dataDirs.map((d) => path.join(d, 'kernels')))];
}

/** Where `install` writes: `--prefix P` → P/share/jupyter/kernels, `--user` → the user data dir. */
export function kernelsDir(target: { prefix?: string; user?: boolean }): string {
  if (target.prefix) return path.join(path.resolve(target.prefix), 'share', 'jupyter', 'kernels');
  return path.join(userDataDir(), 'kernels');
}

/** The spec folder's own launcher: starts `launcher`, or says how to fix a library that is gone. */
export function bootstrapSource(launcher: string): string {
  return [
    '// Written by `retarget-lab kernel install`: starts the library\'s kernel launcher.',
    `const launcher = ${JSON.stringify(launcher)};`,
    "if (!require('node:fs').existsSync(launcher)) {",
    `  process.stderr.write(${JSON.stringify(kernelMessages.libraryMissing(launcher))});`,
    '  process.exit(1);',
    '}',
    'require(launcher);',
    '',
  ].join('\n');
}

/**
 * Writes the kernelspec and its launcher (idempotent: rewrites the same files). Returns the spec folder.
 * `bootstrap: false` points kernel.json straight at the library's launcher (for the spec `run`
 * writes for itself, which the grading sandbox must find inside the mounted library).
 * Throws a clear error if the target folder cannot be written.
 */
export function installKernelSpec(target: { prefix?: string; user?: boolean } = { user: true }, { bootstrap = true }: { bootstrap?: boolean } = {}): string {
  const dir = path.join(kernelsDir(target), KERNEL_NAME);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const spec = kernelSpec();
    if (bootstrap) {
      spec.argv[1] = path.join(dir, 'launch.cjs');
      writeFileAtomic(spec.argv[1], bootstrapSource(libraryLauncher));
    }
    writeFileAtomic(path.join(dir, 'kernel.json'), `${JSON.stringify(spec, null, 2)}\n`);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new RetargetLabError('kernel/kernelspec',
      `cannot write the kernelspec to ${dir} (${code ?? (err as Error).message}); ` +
      'choose a writable folder with --prefix, or use --user.');
  }
  return dir;
}

/** Removes the kernelspec from the target; returns the removed folder or null if none was there. */
export function uninstallKernelSpec(target: { prefix?: string; user?: boolean } = { user: true }): string | null {
  const dir = path.join(kernelsDir(target), KERNEL_NAME);
  if (!fs.existsSync(dir)) return null;
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch (err) {
    throw new RetargetLabError('kernel/kernelspec', `cannot remove ${dir} (${(err as Error).message}); check its permissions.`);
  }
  return dir;
}

export interface FoundKernelSpec { name: string; dir: string; spec: KernelSpec }

/** Every kernelspec visible on the search path (first one wins per name, as in Jupyter). */
export function listKernelSpecs(searchPath = kernelSearchPath()): FoundKernelSpec[] {
  const found = new Map<string, FoundKernelSpec>();
  for (const kernels of searchPath) {
    let names: string[] = [];
    try { names = fs.readdirSync(kernels); } catch { continue; }
    for (const name of names.sort()) {
      if (found.has(name)) continue;
      const file = path.join(kernels, name, 'kernel.json');
      try {
        found.set(name, { name, dir: path.dirname(file), spec: JSON.parse(fs.readFileSync(file, 'utf8')) });
      } catch { /* not a kernelspec folder */ }
    }
  }
  return [...found.values()];
}

/** Finds kernelspec `name` on the search path, or throws a clear error saying how to install it. */
export function findKernelSpec(name: string, searchPath = kernelSearchPath()): FoundKernelSpec {
  const hit = listKernelSpecs(searchPath).find((k) => k.name === name);
  if (!hit) {
    throw new RetargetLabError('kernel/kernelspec',
      `no kernelspec named "${name}" in ${searchPath.join(', ')}; ` +
      'install ours with `npx retarget-lab kernel install` (or pass --prefix and set JUPYTER_PATH).');
  }
  if (!Array.isArray(hit.spec.argv) || hit.spec.argv.length === 0) {
    throw new RetargetLabError('kernel/kernelspec', `${path.join(hit.dir, 'kernel.json')} has no argv; reinstall it.`);
  }
  return hit;
}

/**
 * Why an installed kernelspec cannot start, or null if it looks fine: its launcher or interpreter is
 * missing (the checkout moved or was deleted, Node was upgraded). Only our own kernelspecs (with
 * `metadata["retarget-lab"]`) are judged.
 */
export function staleReason(found: FoundKernelSpec): string | null {
  const ours = (found.spec.metadata as Record<string, any> | undefined)?.['retarget-lab'];
  if (!ours || !Array.isArray(found.spec.argv)) return null;
  const [node, bootstrap] = found.spec.argv;
  if (!node || !fs.existsSync(node)) return `its Node.js (${node}) is gone`;
  if (!bootstrap || !fs.existsSync(bootstrap)) return `its launcher (${bootstrap}) is gone`;
  const launcher = typeof ours.launcher === 'string' ? ours.launcher : bootstrap;
  if (!fs.existsSync(launcher)) return `its library's launcher (${launcher}) is gone: the library moved or was removed`;
  return null;
}

/**
 * The kernelspec this checkout runs notebooks with: an installed one by `name`, or (default) this
 * checkout's own, written (idempotently, atomically) to `jupyter/` under the lab's runtime folder
 * (lib/core/cache: the install's build/, or the per-user cache when the install is read-only) so no
 * install step is needed. It starts the library's launcher directly (no bootstrap), so the grading
 * sandbox finds it in the library.
 */
export function checkoutKernelSpec(name?: string): FoundKernelSpec {
  if (name) return findKernelSpec(name, kernelSearchPath());
  const prefix = path.join(runtimeRoot(), 'jupyter');
  installKernelSpec({ prefix }, { bootstrap: false });
  return findKernelSpec(KERNEL_NAME, [path.join(prefix, 'share', 'jupyter', 'kernels')]);
}
