/**
 * Runs a notebook's code cells in order in a fresh kernel and returns the executed notebook with
 * stream / display_data / execute_result outputs and per-cell timing in metadata. The nbmake
 * conventions hold: a cell tagged `skip-execution` is skipped; an error in a cell tagged
 * `raises-exception` is expected and does not fail the run.
 */
import * as path from 'node:path';
import { KernelClient, type ExecuteResult } from './client';
import type { Sandbox } from './sandbox';
import { findKernelSpec, kernelSearchPath, type FoundKernelSpec } from './kernelspec';
import { cellTags, readNotebook, sourceText, type NbCell, type Notebook } from './notebook';

export interface CellFailure {
  notebook: string;
  cellIndex: number;
  firstLine: string;
  status: ExecuteResult['status'];
  errorText: string;
}

export interface NotebookRun {
  notebook: string;
  status: 'ok' | 'failed';
  notebookOut: Notebook;
  cells: number;
  executed: number;
  seconds: number;
  kernelReadySeconds: number;
  failure?: CellFailure;
}

export interface ExecuteOptions {
  /** Kernelspec name (default `retarget-lab`) looked up on `searchPath`, or a found spec. */
  kernel?: string | FoundKernelSpec;
  searchPath?: string[];
  /** Per-cell timeout in seconds (default 120). */
  timeoutSeconds?: number;
  /** Working directory of the kernel (default: the notebook's folder, as Jupyter does). */
  cwd?: string;
  /** Called after each cell. */
  onCell?: (index: number, total: number, result: ExecuteResult | null) => void;
  /** Stop at the first failing cell (default true); false runs on and records every failure. */
  stopOnError?: boolean;
  /** Extra environment for the kernel process. */
  env?: NodeJS.ProcessEnv;
  /** Run the kernel in this sandbox (kernel/sandbox). */
  sandbox?: Sandbox;
  /** Characters of output kept per cell (the rest is dropped; the cell is marked truncated). */
  outputCap?: number;
  /**
   * After a cell fails with an error, code to run (silently) before the next cell: e.g. the
   * failed cell's imports, which tslab discards with the rest of the failed cell.
   */
  recover?: (index: number, cell: NbCell) => string | undefined;
  /** performance.now() after which no further cell starts (the rest are left unexecuted). */
  deadline?: number;
}

/** Formats a failure as "path: cell N (`first line`) failed: error text". */
export function describeFailure(f: CellFailure): string {
  const what = f.status === 'timeout' ? 'timed out' : f.status === 'died' ? 'killed the kernel' : 'failed';
  return `${f.notebook}: cell ${f.cellIndex} (\`${f.firstLine}\`) ${what}:\n${f.errorText}`;
}

function firstLine(cell: NbCell): string {
  return sourceText(cell.source).split('\n').find((l) => l.trim()) ?? '';
}

/** Executes the notebook at `file` (or an already-read notebook, with `file` naming it). */
export async function executeNotebook(file: string, opts: ExecuteOptions = {}, nbIn?: Notebook): Promise<NotebookRun> {
  const nb: Notebook = structuredClone(nbIn ?? readNotebook(file));
  const spec = typeof opts.kernel === 'object' ? opts.kernel : findKernelSpec(opts.kernel ?? 'retarget-lab', opts.searchPath ?? kernelSearchPath());
  const t0 = performance.now();
  const kernel = await KernelClient.start(spec, { cwd: opts.cwd ?? path.dirname(path.resolve(file)), env: opts.env, sandbox: opts.sandbox, outputCap: opts.outputCap });
  const codeCells = nb.cells.map((c, i) => [c, i] as const).filter(([c]) => c.cell_type === 'code');
  let executed = 0;
  let failure: CellFailure | undefined;
  try {
    for (const [cell, index] of codeCells) {
      const tags = cellTags(cell);
      if (tags.includes('skip-execution') || (failure && opts.stopOnError !== false)) {
        opts.onCell?.(index, nb.cells.length, null);
        continue;
      }
      if (opts.deadline !== undefined && performance.now() >= opts.deadline) break;
      const code = sourceText(cell.source);
      const timeoutMs = Math.min((opts.timeoutSeconds ?? 120) * 1000, opts.deadline !== undefined ? Math.max(1, opts.deadline - performance.now()) : Infinity);
      const result = code.trim() ? await kernel.execute(code, { timeoutMs }) : null;
      executed += 1;
      cell.outputs = result?.outputs ?? [];
      cell.execution_count = result?.executionCount ?? null;
      if (result) {
        cell.metadata.execution = {
          'iopub.execute_input': result.startedAt,
          'shell.execute_reply': result.endedAt,
        };
        cell.metadata['retarget-lab'] = {
          seconds: Number(result.seconds.toFixed(3)), status: result.status,
          ...(result.truncatedChars ? { truncated: true, droppedChars: result.truncatedChars } : {}),
        };
        const expected = tags.includes('raises-exception') && result.status === 'error';
        if (result.status !== 'ok' && !expected && !failure) {
          failure = { notebook: file, cellIndex: index, firstLine: firstLine(cell), status: result.status, errorText: result.errorText };
        }
        if (result.status === 'died' || (result.status === 'timeout' && !kernel.alive)) {
          opts.onCell?.(index, nb.cells.length, result);
          break;
        }
        const recovery = result.status === 'error' ? opts.recover?.(index, cell) : undefined;
        if (recovery?.trim()) await kernel.execute(recovery, { timeoutMs });
      }
      opts.onCell?.(index, nb.cells.length, result);
    }
  } finally {
    await kernel.shutdown();
  }
  const seconds = (performance.now() - t0) / 1000;
  nb.metadata['retarget-lab'] = { seconds: Number(seconds.toFixed(3)), kernelReadySeconds: Number(kernel.readySeconds.toFixed(3)) };
  return {
    notebook: file, status: failure ? 'failed' : 'ok', notebookOut: nb, cells: codeCells.length, executed, seconds,
    kernelReadySeconds: kernel.readySeconds, failure,
  };
}
