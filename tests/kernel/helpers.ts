import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findKernelSpec, installKernelSpec, type FoundKernelSpec } from '../../kernel/kernelspec';
import type { Notebook } from '../../kernel/notebook';

/** Installs our kernelspec into a fresh temporary prefix and returns it. */
export function tempKernelSpec(): FoundKernelSpec {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-kernel-'));
  installKernelSpec({ prefix });
  return findKernelSpec('retarget-lab', [path.join(prefix, 'share', 'jupyter', 'kernels')]);
}

/** A notebook of code cells: strings, or [source, tags]. */
export function codeNotebook(cells: (string | [string, string[]])[]): Notebook {
  return {
    nbformat: 4, nbformat_minor: 5,
    metadata: { kernelspec: { name: 'retarget-lab', display_name: 'TypeScript (Retarget Lab)', language: 'typescript' } },
    cells: cells.map((c, i) => {
      const [source, tags] = typeof c === 'string' ? [c, []] : c;
      return { id: `c${i}`, cell_type: 'code', source, metadata: tags.length ? { tags } : {}, outputs: [], execution_count: null };
    }),
  };
}

/** Writes `nb` into a fresh temporary folder; returns the file path. */
export function writeTempNotebook(nb: Notebook | string, name = 'fixture.ipynb'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-nb-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof nb === 'string' ? nb : JSON.stringify(nb));
  return file;
}

/** True if a process with this pid exists. */
export function processExists(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}
