/**
 * A headless Jupyter client: starts a kernel from its kernelspec and talks to it over ZeroMQ with
 * the real messaging protocol (shell/control/iopub channels, HMAC-SHA256 signed, loopback only).
 *
 * @example
 * const kernel = await KernelClient.start(findKernelSpec('retarget-lab'), { cwd: 'notebooks' });
 * const reply = await kernel.execute('1 + 1', { timeoutMs: 10_000 });
 * await kernel.shutdown();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zmq from 'zeromq';
import { RetargetLabError } from '../lib/core/errors';
import type { FoundKernelSpec } from './kernelspec';
import type { Sandbox } from './sandbox';
import { deserialize, makeHeader, serialize, type JupyterMessage } from './wire';

/** An nbformat 4 output. */
export type NbOutput =
  | { output_type: 'stream'; name: 'stdout' | 'stderr'; text: string }
  | { output_type: 'display_data'; data: Record<string, unknown>; metadata: Record<string, unknown> }
  | { output_type: 'execute_result'; data: Record<string, unknown>; metadata: Record<string, unknown>; execution_count: number | null }
  | { output_type: 'error'; ename: string; evalue: string; traceback: string[] };

export interface ExecuteResult {
  /** ok; error (the kernel reported one); timeout (interrupted, then killed if needed); died. */
  status: 'ok' | 'error' | 'timeout' | 'died';
  outputs: NbOutput[];
  executionCount: number | null;
  /** The kernel's error text: ename/evalue/traceback, or (tslab) the stderr it printed. */
  errorText: string;
  seconds: number;
  startedAt: string;
  endedAt: string;
  /** Characters of output dropped beyond the per-cell cap (0: nothing dropped). */
  truncatedChars?: number;
}

const live = new Set<ChildProcess>();
/** Files and folders to remove when this process is stopped (connection files, sandboxes). */
const leftovers = new Set<string>();
let exitHookInstalled = false;

/** Kills every kernel this process started and removes their connection files (synchronous). */
export function killAllKernels(): void {
  for (const child of live) { try { child.kill('SIGKILL'); } catch { /* gone */ } }
  for (const f of leftovers) { try { fs.rmSync(f, { recursive: true, force: true }); } catch { /* gone */ } }
}

/** Registers a file or folder removed by killAllKernels (and forgets it when `remove` is called). */
export function trackLeftover(file: string): () => void {
  leftovers.add(file);
  return () => { leftovers.delete(file); };
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Never leave a kernel process behind, whatever way this process ends.
  process.on('exit', killAllKernels);
}

let signalsInstalled = false;
/**
 * For commands that start kernels (`run`, `grade`): on SIGINT or SIGTERM, kill every kernel, remove
 * the connection files and sandboxes, and exit with 128 + the signal number.
 */
export function installSignalCleanup(): void {
  if (signalsInstalled) return;
  signalsInstalled = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nretarget-lab: ${signal}: stopping the kernels\n`);
      killAllKernels();
      process.exit(code);
    });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  cwd?: string;
  readyTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /**
   * Run the kernel inside this sandbox (see kernel/sandbox): no network, so the channels are Unix
   * sockets (Jupyter's `ipc` transport) in the sandbox's socket folder; the environment is the
   * sandbox's; interrupts are not delivered (a timeout kills the kernel).
   */
  sandbox?: Sandbox;
  /** Characters of output kept per cell (default DEFAULT_OUTPUT_CAP); the rest is dropped and counted. */
  outputCap?: number;
}

/** How long to wait for the kernel's `idle` after its execute_reply (nbclient: iopub_timeout, 4 s). */
export const IOPUB_GRACE_MS = 4000;
/** Default cap on the output kept per cell, in characters. */
export const DEFAULT_OUTPUT_CAP = 2_000_000;
/** The longest timer Node can set (2^31-1 ms, about 24.8 days). */
export const MAX_TIMEOUT_MS = 2_147_483_647;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Pending {
  outputs: NbOutput[];
  reply?: JupyterMessage;
  idle: boolean;
  /** Characters of output kept so far, and dropped beyond the cap. */
  kept: number;
  dropped: number;
  executionCount: number | null;
  clearOnNext: boolean;
  done: () => void;
}

export class KernelClient {
  readonly process: ChildProcess;
  /** Seconds from spawn to the first kernel_info_reply with iopub connected. */
  readySeconds = 0;
  /** Characters of output kept per cell. */
  outputCap = DEFAULT_OUTPUT_CAP;
  private readonly key: string;
  private readonly session = randomUUID();
  // The sockets connect before the kernel has bound its ports; ZeroMQ retries every
  // reconnectInterval ms (default 100), which a kernel start would wait for: retry every 10 ms.
  private readonly shell = new zmq.Dealer({ linger: 0, reconnectInterval: 10 });
  private readonly control = new zmq.Dealer({ linger: 0, reconnectInterval: 10 });
  // No receive high-water mark: a cell printing thousands of lines must not make ZeroMQ drop
  // messages (the default of 1000 dropped output and the final `idle`).
  private readonly iopub = new zmq.Subscriber({ linger: 0, receiveHighWaterMark: 0, reconnectInterval: 10 });
  private readonly pending = new Map<string, Pending>();
  private readonly replies = new Map<string, (m: JupyterMessage) => void>();
  private readonly displays = new Map<string, NbOutput[]>();
  private iopubSeen = false;
  private exited = false;
  private closed = false;
  private stderrTail = '';
  private exitWaiters: (() => void)[] = [];

  private constructor(child: ChildProcess, key: string, private readonly connectionFile: string, readonly sandboxed = false) {
    this.process = child;
    this.key = key;
    child.on('exit', () => {
      this.exited = true;
      live.delete(child);
      for (const p of this.pending.values()) p.done();
      for (const w of this.exitWaiters) w();
    });
    child.stderr?.on('data', (d: Buffer) => { this.stderrTail = (this.stderrTail + d.toString()).slice(-4000); });
    child.stdout?.on('data', () => { /* kernel's own console; not cell output */ });
  }

  /** Starts the kernel described by `found` and waits until it answers kernel_info. */
  static async start(found: FoundKernelSpec, opts: StartOptions = {}): Promise<KernelClient> {
    // Ports are picked free, then bound by the kernel: another process can take one in between.
    // The kernel then exits with EADDRINUSE; try again with fresh ports.
    for (let attempt = 1; ; attempt++) {
      try {
        return await KernelClient.startOnce(found, opts);
      } catch (err) {
        if (attempt >= 3 || !/EADDRINUSE|Address already in use/i.test((err as Error).message)) throw err;
      }
    }
  }

  private static async startOnce(found: FoundKernelSpec, opts: StartOptions): Promise<KernelClient> {
    installExitHook();
    const t0 = performance.now();
    const key = randomBytes(32).toString('hex');
    const sandbox = opts.sandbox;
    let connection: Record<string, unknown>;
    let addr: (port: number) => string;
    let connectionFile: string;
    const ports = sandbox
      ? { shell_port: 1, iopub_port: 2, stdin_port: 3, control_port: 4, hb_port: 5 }
      : { shell_port: await freePort(), iopub_port: await freePort(), stdin_port: await freePort(), control_port: await freePort(), hb_port: await freePort() };
    if (sandbox) {
      // tslab binds `${transport}://${ip}:${port}`: with ipc, `ip` is a path prefix of the socket files.
      const prefix = path.join(sandbox.connDir, `k${randomBytes(4).toString('hex')}`);
      connection = { ...ports, ip: prefix, transport: 'ipc', key, signature_scheme: 'hmac-sha256', kernel_name: found.name };
      addr = (port) => `ipc://${prefix}:${port}`;
      connectionFile = path.join(sandbox.connDir, `kernel-${randomUUID()}.json`);
    } else {
      connection = { ...ports, ip: '127.0.0.1', transport: 'tcp', key, signature_scheme: 'hmac-sha256', kernel_name: found.name };
      addr = (port) => `tcp://127.0.0.1:${port}`;
      connectionFile = path.join(os.tmpdir(), `retarget-lab-kernel-${randomUUID()}.json`);
    }
    fs.writeFileSync(connectionFile, JSON.stringify(connection), { mode: 0o600 });
    leftovers.add(connectionFile);
    sandbox?.own(connectionFile);
    let argv = found.spec.argv.map((a) => a.replace('{connection_file}', connectionFile));
    if (sandbox) argv = sandbox.wrap(argv);
    const child = spawn(argv[0], argv.slice(1), {
      cwd: sandbox ? sandbox.root : opts.cwd,
      env: sandbox ? sandbox.env : { ...process.env, ...opts.env, ...(found.spec.env ?? {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(child);
    const client = new KernelClient(child, key, connectionFile, !!sandbox);
    client.outputCap = opts.outputCap ?? DEFAULT_OUTPUT_CAP;
    const spawnError = new Promise<never>((_, reject) => child.once('error', (e) => reject(new RetargetLabError('kernel/client', `cannot start the kernel (${argv[0]}): ${e.message}; check the kernelspec in ${found.dir}.`))));
    spawnError.catch(() => { /* observed below */ });
    client.shell.connect(addr(ports.shell_port));
    client.control.connect(addr(ports.control_port));
    client.iopub.connect(addr(ports.iopub_port));
    client.iopub.subscribe();
    client.loop(client.shell);
    client.loop(client.control);
    client.loop(client.iopub);
    try {
      await Promise.race([client.waitReady(opts.readyTimeoutMs ?? 120_000), spawnError]);
    } catch (err) {
      await client.shutdown();
      throw err;
    }
    client.readySeconds = (performance.now() - t0) / 1000;
    return client;
  }

  private async loop(socket: zmq.Dealer | zmq.Subscriber): Promise<void> {
    try {
      for await (const frames of socket) {
        let msg: JupyterMessage;
        try { msg = deserialize(this.key, frames as Buffer[]); } catch { continue; }
        if (socket === this.iopub) this.onIopub(msg); else this.onReply(msg);
      }
    } catch { /* socket closed */ }
  }

  private onReply(msg: JupyterMessage): void {
    const parent = msg.parent_header.msg_id;
    if (!parent) return;
    const waiter = this.replies.get(parent);
    if (waiter) { this.replies.delete(parent); waiter(msg); }
    const p = this.pending.get(parent);
    if (p) {
      p.reply = msg;
      if (p.idle) p.done();
      // As nbclient's iopub_timeout: after the reply, wait a bounded time for `idle` (the outputs
      // still in flight), then finish with what arrived.
      else setTimeout(() => p.done(), IOPUB_GRACE_MS).unref();
    }
  }

  private push(p: Pending, output: NbOutput): void {
    let out = output;
    if (p.clearOnNext) { p.outputs.length = 0; p.clearOnNext = false; p.kept = 0; }
    const size = out.output_type === 'stream' ? out.text.length : JSON.stringify(out).length;
    if (p.kept + size > this.outputCap) {
      // Keep what fits of a stream (its head), drop the rest and count it.
      const room = this.outputCap - p.kept;
      if (out.output_type !== 'stream' || room <= 0) { p.dropped += size; return; }
      p.dropped += size - room;
      out = { ...out, text: out.text.slice(0, room) };
    }
    p.kept += size;
    const last = p.outputs[p.outputs.length - 1];
    if (out.output_type === 'stream' && last?.output_type === 'stream' && last.name === out.name) {
      last.text += out.text;
      return;
    }
    p.outputs.push(out);
  }

  private onIopub(msg: JupyterMessage): void {
    this.iopubSeen = true;
    const p = this.pending.get(msg.parent_header.msg_id ?? '');
    const c = msg.content as Record<string, any>;
    const type = msg.header.msg_type;
    if (type === 'update_display_data') {
      const id = c.transient?.display_id;
      for (const out of (id && this.displays.get(id)) || []) {
        if (out.output_type === 'display_data' || out.output_type === 'execute_result') { out.data = c.data; out.metadata = c.metadata ?? {}; }
      }
      return;
    }
    if (!p) return;
    switch (type) {
      case 'status':
        if (c.execution_state === 'idle') { p.idle = true; if (p.reply) p.done(); }
        break;
      case 'execute_input':
        p.executionCount = c.execution_count ?? p.executionCount;
        break;
      case 'stream':
        this.push(p, { output_type: 'stream', name: c.name, text: c.text });
        break;
      case 'display_data':
      case 'execute_result': {
        const out: NbOutput = type === 'display_data'
          ? { output_type: 'display_data', data: c.data, metadata: c.metadata ?? {} }
          : { output_type: 'execute_result', data: c.data, metadata: c.metadata ?? {}, execution_count: c.execution_count ?? null };
        this.push(p, out);
        const id = c.transient?.display_id;
        if (id) this.displays.set(id, [...(this.displays.get(id) ?? []), out]);
        break;
      }
      case 'error':
        this.push(p, { output_type: 'error', ename: c.ename ?? '', evalue: c.evalue ?? '', traceback: c.traceback ?? [] });
        break;
      case 'clear_output':
        if (c.wait) p.clearOnNext = true; else { p.outputs.length = 0; p.kept = 0; }
        break;
      default:
        break;
    }
  }

  private async send(socket: zmq.Dealer, msgType: string, content: Record<string, unknown>): Promise<string> {
    const header = makeHeader(msgType, this.session);
    await socket.send(serialize(this.key, { header, parent_header: {}, metadata: {}, content }));
    return header.msg_id;
  }

  private async request(socket: zmq.Dealer, msgType: string, content: Record<string, unknown>, timeoutMs: number): Promise<JupyterMessage | null> {
    const header = makeHeader(msgType, this.session);
    const got = new Promise<JupyterMessage>((resolve) => this.replies.set(header.msg_id, resolve));
    await socket.send(serialize(this.key, { header, parent_header: {}, metadata: {}, content }));
    const timer = sleep(timeoutMs).then(() => null);
    const reply = await Promise.race([got, timer]);
    this.replies.delete(header.msg_id);
    return reply;
  }

  private async waitReady(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      if (this.exited) {
        throw new RetargetLabError('kernel/client', `the kernel exited during startup. Its stderr:\n${this.stderrTail.trim()}`);
      }
      const reply = await this.request(this.shell, 'kernel_info_request', {}, 500);
      if (reply && this.iopubSeen) return;
    }
    throw new RetargetLabError('kernel/client', `the kernel did not answer kernel_info within ${timeoutMs / 1000} s; its stderr:\n${this.stderrTail.trim()}`);
  }

  /** Whether the kernel process is still running. */
  get alive(): boolean { return !this.exited; }

  /**
   * Executes `code`. On timeout: SIGINT (the kernelspec's interrupt_mode is 'signal'), then, if
   * the kernel does not answer within `graceMs`, kill it (status 'timeout' either way).
   */
  async execute(code: string, opts: { timeoutMs?: number; graceMs?: number } = {}): Promise<ExecuteResult> {
    const startedAt = new Date().toISOString();
    const t0 = performance.now();
    if (this.exited) {
      return { status: 'died', outputs: [], executionCount: null, errorText: 'the kernel is not running', seconds: 0, startedAt, endedAt: startedAt };
    }
    let finish!: () => void;
    const finished = new Promise<void>((r) => { finish = r; });
    const p: Pending = { outputs: [], idle: false, kept: 0, dropped: 0, executionCount: null, clearOnNext: false, done: () => finish() };
    const header = makeHeader('execute_request', this.session);
    this.pending.set(header.msg_id, p);
    await this.shell.send(serialize(this.key, {
      header, parent_header: {}, metadata: {},
      content: { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: false },
    }));
    // setTimeout treats delays above 2^31-1 ms as 1 ms: clamp (callers validate their input).
    const timeoutMs = Math.min(opts.timeoutMs ?? 120_000, MAX_TIMEOUT_MS);
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    // A cell whose execute_reply arrived has finished: it is never "timed out" (only its late
    // outputs are waited for, up to IOPUB_GRACE_MS).
    const timeout = new Promise<void>((r) => { timer = setTimeout(() => { if (!p.reply) timedOut = true; r(); }, timeoutMs); });
    await Promise.race([finished, timeout]);
    if (!timedOut && p.reply && !p.idle) await finished;
    if (timedOut && !this.exited) {
      // A sandboxed kernel cannot be interrupted (bwrap does not forward SIGINT): kill it.
      if (!this.sandboxed) {
        this.interrupt();
        const grace = new Promise<void>((r) => setTimeout(r, opts.graceMs ?? 2000));
        await Promise.race([finished, grace]);
      }
      if (!p.reply) await this.kill();
    }
    clearTimeout(timer);
    this.pending.delete(header.msg_id);
    const endedAt = new Date().toISOString();
    const seconds = (performance.now() - t0) / 1000;
    const count = (p.reply?.content as any)?.execution_count ?? p.executionCount ?? null;
    const truncatedChars = p.dropped;
    if (truncatedChars) p.outputs.push({ output_type: 'stream', name: 'stderr', text: `\n[retarget-lab: output truncated, ${truncatedChars} characters dropped beyond the cap of ${this.outputCap}]\n` });
    if (timedOut) {
      return { status: 'timeout', outputs: p.outputs, executionCount: count, errorText: `timed out after ${timeoutMs / 1000} s`, seconds, startedAt, endedAt, truncatedChars };
    }
    if (!p.reply) {
      return { status: 'died', outputs: p.outputs, executionCount: count, errorText: `the kernel died. Its stderr:\n${this.stderrTail.trim()}`, seconds, startedAt, endedAt, truncatedChars };
    }
    const reply = p.reply.content as Record<string, any>;
    if (reply.status === 'ok') {
      return { status: 'ok', outputs: p.outputs, executionCount: count, errorText: '', seconds, startedAt, endedAt, truncatedChars };
    }
    // tslab reports errors as stderr text with status 'error' and no ename/evalue/traceback.
    const errorOutputs = p.outputs.filter((o) => o.output_type === 'error') as Extract<NbOutput, { output_type: 'error' }>[];
    const stderr = p.outputs.filter((o) => o.output_type === 'stream' && o.name === 'stderr').map((o) => (o as { text: string }).text).join('');
    const errorText = [reply.ename, reply.evalue, ...(reply.traceback ?? []), ...errorOutputs.map((e) => [e.ename, e.evalue, ...e.traceback].join('\n')), stderr]
      .filter((s) => typeof s === 'string' && s.trim()).join('\n').trim() || `status ${reply.status}`;
    // tslab aborts requests that arrive within 200 ms of an error: give it that time.
    await sleep(250);
    return { status: 'error', outputs: p.outputs, executionCount: count, errorText, seconds, startedAt, endedAt, truncatedChars };
  }

  /** Sends SIGINT to the kernel (interrupt_mode 'signal'). */
  interrupt(): void {
    if (!this.exited) { try { this.process.kill('SIGINT'); } catch { /* gone */ } }
  }

  private waitExit(ms: number): Promise<boolean> {
    if (this.exited) return Promise.resolve(true);
    return Promise.race([
      new Promise<boolean>((r) => this.exitWaiters.push(() => r(true))),
      sleep(ms).then(() => this.exited),
    ]);
  }

  /** Kills the kernel process (SIGKILL) and waits for it to be gone. */
  async kill(): Promise<void> {
    if (this.exited) return;
    try { this.process.kill('SIGKILL'); } catch { /* gone */ }
    await this.waitExit(5000);
  }

  /** Asks the kernel to shut down, kills it if it does not, and closes the sockets. Idempotent. */
  async shutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.exited) {
      try { await this.send(this.control, 'shutdown_request', { restart: false }); } catch { /* socket gone */ }
      if (!(await this.waitExit(1500))) await this.kill();
    }
    for (const s of [this.shell, this.control, this.iopub]) { try { s.close(); } catch { /* closed */ } }
    try { fs.unlinkSync(this.connectionFile); } catch { /* removed */ }
    leftovers.delete(this.connectionFile);
  }
}
