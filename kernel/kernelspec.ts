/**
 * The `retarget-lab` kernelspec: a `kernel.json` that starts this project's own pinned tslab
 * through `kernel/launch.cjs` (which registers tsx so `import … from "retarget-lab"` loads lib/).
 * Written by hand: no Python or `jupyter kernelspec` needed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runtimeRoot, writeFileAtomic } from '../lib/core/cache';
import { RetargetLabError } from '../lib/core/errors';

export const KERNEL_NAME = 'retarget-lab';
export const DISPLAY_NAME = 'TypeScript (Retarget Lab)';

/** The project root (the folder with package.json). */
export const projectRoot = path.resolve(__dirname, '..');

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
    argv: [process.execPath, path.join(projectRoot, 'kernel', 'launch.cjs'), 'kernel', '--config-path', '{connection_file}'],
    display_name: DISPLAY_NAME,
    language: 'typescript',
    interrupt_mode: 'signal',
    metadata: { 'retarget-lab': { project: projectRoot } },
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

/**
 * Writes the kernelspec (idempotent: rewrites the same files). Returns the spec folder.
 * Throws a clear error if the target folder cannot be written.
 */
export function installKernelSpec(target: { prefix?: string; user?: boolean } = { user: true }): string {
  const dir = path.join(kernelsDir(target), KERNEL_NAME);
  try {
    writeFileAtomic(path.join(dir, 'kernel.json'), `${JSON.stringify(kernelSpec(), null, 2)}\n`);
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
  const [node, launcher] = found.spec.argv;
  if (!node || !fs.existsSync(node)) return `its Node.js (${node}) is gone`;
  if (!launcher || !fs.existsSync(launcher)) return `its launcher (${launcher}) is gone: the checkout moved`;
  return null;
}

/**
 * The kernelspec this checkout runs notebooks with: an installed one by `name`, or (default) this
 * checkout's own, written (idempotently, atomically) to `jupyter/` under the lab's runtime folder
 * (lib/core/cache: the install's build/, or the per-user cache when the install is read-only) so no
 * install step is needed.
 */
export function checkoutKernelSpec(name?: string): FoundKernelSpec {
  if (name) return findKernelSpec(name, kernelSearchPath());
  const prefix = path.join(runtimeRoot(), 'jupyter');
  installKernelSpec({ prefix });
  return findKernelSpec(KERNEL_NAME, [path.join(prefix, 'share', 'jupyter', 'kernels')]);
}
