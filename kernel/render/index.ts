/**
 * Server-side chart rendering for the kernel, the CLI and tests (Node only).
 *
 * vega and vega-lite are ESM with top-level await, so they live behind `vega-render.mjs`:
 * - {@link renderChart} loads it in-process through `load.cjs` (a real dynamic `import()`) — async.
 * - {@link renderChartSync} hands the spec to a long-lived worker thread and blocks on
 *   `Atomics.wait` until the PNG is ready — synchronous, so a notebook cell needs no `await`
 *   and the output is attached to the cell before its execute_reply.
 * Both cache the loaded modules (the first chart pays ~0.3–1 s for loading vega).
 */
import * as path from 'path';
import { MessageChannel, Worker, receiveMessageOnPort } from 'worker_threads';
import type { MessagePort } from 'worker_threads';
import { fail } from '../../lib/core/errors';

const MODULE = 'kernel/render';
const TIMEOUT_MS = 120_000;
const MSG_TIMEOUT = (ms: number) =>
  `rendering a chart took longer than ${ms / 1000} s; make the chart smaller (fewer data rows) and retry.`;
const MSG_FAILED = (message: string) => `rendering the chart failed: ${message}`;

/** Options for rendering. */
export interface RenderOptions {
  /** PNG zoom factor (default 1: one PNG pixel per vega pixel). */
  scale?: number;
  /** Background colour (default white). */
  background?: string;
  /** Font file for the PNG (default: DejaVuSans.ttf of the npm package dejavu-fonts-ttf, shipped with the lab). */
  fontFile?: string;
}

/** A rendered chart: SVG text, PNG bytes, PNG size, and timings in milliseconds. */
export interface RenderResult {
  svg: string;
  png: Uint8Array;
  width: number;
  height: number;
  /** Time to render this chart (compile + view + SVG + PNG). */
  ms: number;
  /** Time spent loading vega for this call (non-zero only for the first chart). */
  loadMs: number;
}

interface Renderer {
  renderSpec(spec: object, options?: RenderOptions): Promise<RenderResult>;
  FONT_FILE: string | null;
}

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { loadRenderer } = require('./load.cjs') as { loadRenderer(): Promise<Renderer> };

/**
 * Renders a vega-lite spec to SVG and PNG in this process.
 *
 * @example
 * const { png, width, height, ms } = await renderChart(lineChart(rows, { x: 'n', y: 'expanded' }));
 */
export async function renderChart(spec: object, options: RenderOptions = {}): Promise<RenderResult> {
  try {
    const renderer = await loadRenderer();
    return await renderer.renderSpec(spec, options);
  } catch (e) {
    return fail(MODULE, MSG_FAILED(e instanceof Error ? e.message : String(e)));
  }
}

let worker: { port: MessagePort; worker: Worker } | null = null;

function renderWorker(): { port: MessagePort; worker: Worker } {
  if (worker) return worker;
  const { port1, port2 } = new MessageChannel();
  const w = new Worker(path.join(__dirname, 'worker.mjs'), {
    workerData: { port: port2 },
    transferList: [port2],
    // The worker runs plain ESM; it needs none of the parent's loader flags.
    execArgv: [],
  });
  w.unref(); // never keep a CLI or test process alive
  w.on('error', () => { worker = null; });
  w.on('exit', () => { worker = null; });
  port1.unref();
  worker = { port: port1, worker: w };
  return worker;
}

/**
 * Starts the render worker (which starts loading vega) without waiting, so that the first
 * {@link renderChartSync} is fast. The kernel calls this when the display facade loads.
 *
 * @example
 * warmRenderer();
 */
export function warmRenderer(): void {
  renderWorker();
}

/**
 * Renders a vega-lite spec to SVG and PNG synchronously (blocks until done). Uses a worker thread
 * that stays loaded, so only the first call pays for loading vega.
 *
 * @example
 * const { png } = renderChartSync(barChart(rows, { x: 'algorithm', y: 'expanded' }));
 */
export function renderChartSync(spec: object, options: RenderOptions = {}): RenderResult {
  const { port } = renderWorker();
  const signal = new SharedArrayBuffer(4);
  const flag = new Int32Array(signal);
  port.postMessage({ spec, options, signal });
  const state = Atomics.wait(flag, 0, 0, TIMEOUT_MS);
  const received = receiveMessageOnPort(port);
  if (!received) {
    if (state === 'timed-out') {
      worker?.worker.terminate();
      worker = null;
      return fail(MODULE, MSG_TIMEOUT(TIMEOUT_MS));
    }
    return fail(MODULE, MSG_FAILED('the render worker stopped without an answer.'));
  }
  const reply = received.message as { ok: true; result: RenderResult } | { ok: false; message: string };
  if (!reply.ok) return fail(MODULE, MSG_FAILED(reply.message));
  return reply.result;
}
