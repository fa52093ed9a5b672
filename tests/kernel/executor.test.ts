import { describe, expect, it } from 'vitest';
import { KernelClient } from '../../kernel/client';
import { describeFailure, executeNotebook } from '../../kernel/executor';
import { codeNotebook, processExists, tempKernelSpec, writeTempNotebook } from './helpers';

const spec = tempKernelSpec();

describe('kernel/executor (real tslab kernel over ZeroMQ)', () => {
  it('runs cells in order and records stream, display_data, timing; honours nbmake tags', async () => {
    const file = writeTempNotebook(codeNotebook([
      'const a: number = 20;\nconsole.log("a is", a);',
      'import * as tslab from "tslab";\ntslab.display.html("<b>bold</b>");',
      ['throw new Error("expected failure");', ['raises-exception']],
      ['throw new Error("never runs");', ['skip-execution']],
      'console.log(a * 2 + 2);',
    ]));
    const run = await executeNotebook(file, { kernel: spec, timeoutSeconds: 60 });
    expect(run.status).toBe('ok');
    expect(run.failure).toBeUndefined();
    const [c0, c1, c2, c3, c4] = run.notebookOut.cells;
    expect(c0.outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: 'a is 20\n' }]);
    expect(c1.outputs).toEqual([{ output_type: 'display_data', data: { 'text/html': '<b>bold</b>' }, metadata: {} }]);
    expect(JSON.stringify(c2.outputs)).toContain('expected failure');
    expect(c3.outputs).toEqual([]);
    expect(c3.metadata.execution).toBeUndefined();
    expect(c4.outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: '42\n' }]);
    expect(c4.execution_count).toBeGreaterThan(c0.execution_count as number);
    expect(c0.metadata['retarget-lab'].seconds).toBeGreaterThanOrEqual(0);
    expect(Date.parse(c0.metadata.execution['shell.execute_reply'])).toBeGreaterThanOrEqual(Date.parse(c0.metadata.execution['iopub.execute_input']));
    expect(run.kernelReadySeconds).toBeGreaterThan(0);
  });

  it('fails the run at a failing cell, naming notebook, cell index, first line and the kernel error', async () => {
    const file = writeTempNotebook(codeNotebook([
      'console.log("fine");',
      '// compute the answer\nconst answer: number = "forty-two";',
      'console.log("not reached");',
    ]));
    const run = await executeNotebook(file, { kernel: spec });
    expect(run.status).toBe('failed');
    expect(run.failure).toMatchObject({ notebook: file, cellIndex: 1, firstLine: '// compute the answer', status: 'error' });
    expect(run.failure!.errorText).toContain("Type 'string' is not assignable to type 'number'");
    expect(describeFailure(run.failure!)).toMatch(/fixture\.ipynb: cell 1 \(`\/\/ compute the answer`\) failed:\n.*not assignable/);
    expect(run.notebookOut.cells[2].outputs).toEqual([]);
  });

  it('times out a hanging cell: interrupts it and leaves no kernel process behind', async () => {
    const kernel = await KernelClient.start(spec);
    const pid = kernel.process.pid!;
    const result = await kernel.execute('while (true) {}', { timeoutMs: 1500 });
    expect(result.status).toBe('timeout');
    await kernel.shutdown();
    expect(processExists(pid)).toBe(false);

    const file = writeTempNotebook(codeNotebook(['console.log(1)', 'while (true) {}', 'console.log(3)']));
    const run = await executeNotebook(file, { kernel: spec, timeoutSeconds: 1.5 });
    expect(run.status).toBe('failed');
    expect(run.failure).toMatchObject({ cellIndex: 1, status: 'timeout', firstLine: 'while (true) {}' });
    expect(describeFailure(run.failure!)).toContain('timed out');
  });

  it('kills a kernel that ignores the interrupt', async () => {
    const kernel = await KernelClient.start(spec);
    const pid = kernel.process.pid!;
    // A synchronous busy loop that also ignores SIGINT: only killing ends it.
    const result = await kernel.execute('process.removeAllListeners("SIGINT"); process.on("SIGINT", () => {});\nconst t = Date.now(); while (Date.now() - t < 60000) {}', { timeoutMs: 1000, graceMs: 500 });
    expect(result.status).toBe('timeout');
    expect(kernel.alive).toBe(false);
    await kernel.shutdown();
    expect(processExists(pid)).toBe(false);
  });

  it('detects kernel death', async () => {
    const file = writeTempNotebook(codeNotebook(['console.log("before")', 'process.exit(3)', 'console.log("after")']));
    const run = await executeNotebook(file, { kernel: spec });
    expect(run.status).toBe('failed');
    expect(run.failure).toMatchObject({ cellIndex: 1, status: 'died' });
    expect(describeFailure(run.failure!)).toContain('killed the kernel');
  });

  it('gives clear errors for a malformed notebook and a missing kernelspec', async () => {
    const bad = writeTempNotebook('{"cells": [', 'broken.ipynb');
    await expect(executeNotebook(bad, { kernel: spec })).rejects.toThrow(/retarget-lab\/kernel\/notebook: .*broken\.ipynb is not a valid notebook: its JSON does not parse/);
    const v3 = writeTempNotebook('{"nbformat": 3, "worksheets": []}', 'old.ipynb');
    await expect(executeNotebook(v3, { kernel: spec })).rejects.toThrow(/nbformat is 3, expected 4/);
    const ok = writeTempNotebook(codeNotebook(['1']));
    await expect(executeNotebook(ok, { kernel: 'no-such-kernel', searchPath: ['/nonexistent/kernels'] }))
      .rejects.toThrow(/retarget-lab\/kernel\/kernelspec: no kernelspec named "no-such-kernel".*kernel install/);
  });
});

describe('kernel/executor: busy cells, huge output, long timeouts', () => {
  it('a cell printing 5,000 lines finishes (never "timed out"), with every line kept', async () => {
    const file = writeTempNotebook(codeNotebook([
      'for (let i = 0; i < 5000; i++) console.log("line", i);',
      'console.log("next");',
    ]));
    const run = await executeNotebook(file, { kernel: spec, timeoutSeconds: 30 });
    expect(run.status).toBe('ok');
    const [c0, c1] = run.notebookOut.cells;
    expect(c0.metadata['retarget-lab'].status).toBe('ok');
    const text = (c0.outputs as { text: string }[]).map((o) => o.text).join('');
    expect(text.split('\n').filter(Boolean)).toHaveLength(5000);
    expect(text.trimEnd().endsWith('line 4999')).toBe(true);
    expect(c0.metadata['retarget-lab'].seconds).toBeLessThan(10);
    expect(c1.outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: 'next\n' }]);
  }, 120_000);

  it('caps the output kept per cell and marks the cell truncated', async () => {
    const file = writeTempNotebook(codeNotebook(['const chunk = "x".repeat(1000);\nfor (let i = 0; i < 3000; i++) console.log(chunk);', 'console.log("after");']));
    const run = await executeNotebook(file, { kernel: spec, timeoutSeconds: 60, outputCap: 100_000 });
    const [c0, c1] = run.notebookOut.cells;
    expect(c0.metadata['retarget-lab']).toMatchObject({ status: 'ok', truncated: true });
    expect(JSON.stringify(c0.outputs).length).toBeLessThan(150_000);
    expect(JSON.stringify(c0.outputs)).toMatch(/output truncated, \d+ characters dropped beyond the cap of 100000/);
    expect(c1.outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: 'after\n' }]);
  }, 120_000);

  it('a timeout beyond what a Node timer holds does not fire at once', async () => {
    const kernel = await KernelClient.start(spec);
    try {
      const r = await kernel.execute('await new Promise((r) => setTimeout(r, 300)); console.log("slept");', { timeoutMs: 3_000_000_000 });
      expect(r.status).toBe('ok');
      expect(JSON.stringify(r.outputs)).toContain('slept');
    } finally {
      await kernel.shutdown();
    }
  }, 120_000);
});
