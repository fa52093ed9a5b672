// Render worker: lets CommonJS code render charts synchronously (see kernel/render/index.ts).
// The caller posts {spec, options, signal} on the port and blocks in Atomics.wait on `signal`;
// we post the result back on the same port, then wake the caller.
import { workerData } from 'node:worker_threads';
import { load, renderSpec } from './vega-render.mjs';

const port = workerData.port;

// Start loading vega right away, so a kernel that warmed us up renders its first chart fast.
load().catch(() => { /* reported by the first render */ });

port.on('message', async ({ spec, options, signal }) => {
  let reply;
  try {
    reply = { ok: true, result: await renderSpec(spec, options) };
  } catch (e) {
    reply = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
  const flag = new Int32Array(signal);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
