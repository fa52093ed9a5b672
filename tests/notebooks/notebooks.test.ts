/**
 * End to end: every notebook in notebooks/ is executed through the real kernel (our Jupyter client
 * over ZeroMQ) and its outputs are checked. Notebooks are committed without outputs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeNotebook, describeFailure, type NotebookRun } from '../../kernel/executor';
import { checkoutKernelSpec } from '../../kernel/kernelspec';
import { readNotebook, sourceText } from '../../kernel/notebook';
import type { NbOutput } from '../../kernel/client';
import { shownClaims } from '../../kernel/claim-view';
import shownVerdicts from './shown-verdicts.json';

const dir = path.resolve(__dirname, '..', '..', 'notebooks');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ipynb')).sort();
const spec = checkoutKernelSpec();

/** Width and height from a PNG's IHDR chunk. */
function pngSize(base64: string): { width: number; height: number } {
  const buf = Buffer.from(base64, 'base64');
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(buf.subarray(12, 16).toString()).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function charts(run: NotebookRun): Extract<NbOutput, { output_type: 'display_data' }>[] {
  return run.notebookOut.cells.flatMap((c) => (c.outputs ?? []))
    .filter((o): o is Extract<NbOutput, { output_type: 'display_data' }> => o.output_type === 'display_data' && 'application/vnd.vegalite.v5+json' in o.data);
}

describe('notebooks as committed', () => {
  it('exist, have no outputs and use the retarget-lab kernelspec', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files[0]).toBe('00-welcome.ipynb');
    for (const f of files) {
      const nb = readNotebook(path.join(dir, f));
      expect(nb.metadata.kernelspec?.name, f).toBe('retarget-lab');
      for (const [i, c] of nb.cells.entries()) {
        if (c.cell_type !== 'code') continue;
        expect(c.outputs ?? [], `${f} cell ${i} has outputs`).toEqual([]);
        expect(c.execution_count ?? null, `${f} cell ${i} has an execution count`).toBeNull();
      }
    }
  });
  it('have solution and test cells in pairs with nbgrader metadata', () => {
    for (const f of files) {
      const nb = readNotebook(path.join(dir, f));
      const ids = nb.cells.map((c) => c.metadata.nbgrader).filter(Boolean);
      const solutions = ids.filter((m) => m.solution).map((m) => m.grade_id.replace(/-solution$/, ''));
      const tests = ids.filter((m) => m.grade).map((m) => m.grade_id.replace(/-test$/, ''));
      expect(new Set(tests), f).toEqual(new Set(solutions));
      for (const m of ids) expect(m.schema_version, f).toBe(3);
      for (const c of nb.cells.filter((c) => c.metadata.nbgrader?.solution)) {
        expect(sourceText(c.source), `${f} ${c.metadata.nbgrader.grade_id}`).toMatch(/\/\/ BEGIN SOLUTION[\s\S]*\/\/ END SOLUTION/);
      }
    }
  });
});

describe.concurrent('notebooks run headless in the real kernel', () => {
  for (const f of files) {
    it(f, async () => {
      const run = await executeNotebook(path.join(dir, f), { kernel: spec, timeoutSeconds: 300 });
      if (run.failure) throw new Error(describeFailure(run.failure));
      expect(run.status).toBe('ok');
      // Every chart is one bundle: live vega-lite (v5 schema), a PNG fallback of the stated size, and text.
      for (const out of charts(run)) {
        const spec = out.data['application/vnd.vegalite.v5+json'] as { $schema: string };
        expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
        expect(typeof out.data['text/plain']).toBe('string');
        const size = pngSize(out.data['image/png'] as string);
        const meta = out.metadata['image/png'] as { width: number; height: number };
        expect(size).toEqual({ width: meta.width, height: meta.height });
        expect(size.width).toBeGreaterThan(100);
      }
      // The verdicts the notebook shows, at the settings it runs them with, are pinned: the prose is
      // written from them, so a verdict that moves must move on purpose (scripts/shown-verdicts.ts).
      expect(shownClaims(run.notebookOut.cells), `${f}: the claims it shows, their settings and verdicts`)
        .toEqual((shownVerdicts as Record<string, unknown>)[f] ?? []);
      if (f === '00-welcome.ipynb') {
        expect(charts(run).length).toBeGreaterThanOrEqual(2);
        const text = JSON.stringify(run.notebookOut.cells.map((c) => c.outputs ?? []));
        expect(text).toContain('BFS found a path of');
        expect(text).toContain('✓ 00-manhattan: 4/4 visible tests pass');
        expect(text).toContain('<table');          // the arquero table as HTML
        expect(text).toContain('export function breadthFirst'); // show.source read the real file
      }
    }, 600_000);
  }
});
