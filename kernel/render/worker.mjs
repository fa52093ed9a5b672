// Render worker: lets CommonJS code render charts synchronously (see kernel/render/index.ts).
// The caller posts {spec, options, signal} on the port and blocks in Atomics.wait on `signal`;
// we post the result back on the same port, then wake the caller.
import { workerData } from 'node:worker_threads';
import { renderSpec } from './vega-render.mjs';

const port = workerData.port;

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
