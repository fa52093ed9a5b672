import * as fs from 'fs';
import * as path from 'path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as aq from 'arquero';
import { captureDisplays, findSource, setDisplaySink, show } from '../../kernel/display';
import { VEGA_LITE_MIME, barChart, mazeChart } from '../../lib/viz/index';

afterEach(() => { setDisplaySink(null); vi.restoreAllMocks(); });

const rows = [{ algo: 'BFS', expanded: 912 }, { algo: 'A*', expanded: 131 }];

describe('show.chart', () => {
  it('emits ONE bundle with exactly vega-lite v5, PNG and text', () => {
    const spec = barChart(rows, { x: 'algo', y: 'expanded', title: 'Nodes expanded' });
    const bundles = captureDisplays(() => show.chart(spec));
    expect(bundles).toHaveLength(1);
    const [b] = bundles;
    expect(b.update).toBe(false);
    expect(Object.keys(b.data).sort()).toEqual(['application/vnd.vegalite.v5+json', 'image/png', 'text/plain']);
    expect(b.data[VEGA_LITE_MIME]).toEqual(spec);
    const png = Buffer.from(b.data['image/png'] as string, 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const meta = b.metadata['image/png'] as { width: number; height: number };
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([meta.width, meta.height]);
    expect(b.data['text/plain']).toBe('Nodes expanded — bar chart of expanded by algo (2 rows)');
  });

  it('adds the v5 $schema to hand-written specs and rejects non-specs', () => {
    const [b] = captureDisplays(() => show.chart({ mark: 'point', data: { values: [{ a: 1 }] }, encoding: { x: { field: 'a', type: 'quantitative' } } }));
    expect((b.data[VEGA_LITE_MIME] as { $schema: string }).$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    expect(() => show.chart({ foo: 1 })).toThrow(/^retarget-lab\/kernel\/display: show.chart needs a vega-lite spec/);
  });

  it('outside a kernel without a sink it prints the summary instead of crashing', () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    show.chart(mazeChart({ width: 2, height: 1, passable: Uint8Array.from([1, 1]) }, { title: 'Two cells' }));
    expect(out).toHaveBeenCalledWith('[chart] Two cells — 2×1 maze: 0 walls\n');
  });
});

describe('show.table', () => {
  it('escapes cell text and headers in HTML, with a text/plain fallback', () => {
    const [b] = captureDisplays(() => show.table([{ '<col>': '<script>alert("x")</script> & co', n: 1.23456789 }]));
    const html = b.data['text/html'] as string;
    expect(html).toContain('<th>&lt;col&gt;</th>');
    expect(html).toContain('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</td>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<td>1.23457</td>');
    expect(b.data['text/plain']).toContain('<script>alert("x")</script> & co');
    expect(Object.keys(b.data).sort()).toEqual(['text/html', 'text/plain']);
  });

  it('limits rows and says how many were omitted; takes arquero tables', () => {
    const t = aq.table({ seed: Array.from({ length: 25 }, (_, i) => i), ok: Array.from({ length: 25 }, (_, i) => i % 2 === 0) });
    const [b] = captureDisplays(() => show.table(t, { limit: 10 }));
    const html = b.data['text/html'] as string;
    expect(html.match(/<tr>/g)).toHaveLength(11); // header + 10 rows
    expect(html).toContain('… 15 more rows omitted (showing 10 of 25)');
    expect((b.data['text/plain'] as string).split('\n')[0]).toBe('seed  ok');
    expect(() => show.table(42)).toThrow(/^retarget-lab\/kernel\/display: show.table needs an arquero table/);
    expect(() => show.table(rows, { limit: 0 })).toThrow(/limit must be a positive integer/);
  });
});

describe('show.source', () => {
  it('shows the real source of createRng from lib/core/rng.ts with its line', async () => {
    const { createRng } = await import('../../lib/core/rng');
    const file = fs.readFileSync(path.join(__dirname, '../../lib/core/rng.ts'), 'utf8');
    const line = file.split('\n').findIndex((l) => l.startsWith('export function createRng')) + 1;
    const [b] = captureDisplays(() => show.source(createRng));
    const md = b.data['text/markdown'] as string;
    expect(md.startsWith(`**\`createRng\`** — \`lib/core/rng.ts:${line}\`\n\n\`\`\`ts\n/** Creates a seeded generator.`)).toBe(true);
    expect(md).toContain('export function createRng(seed: number | string): Rng {');
    expect(md.trimEnd().endsWith('return rng;\n}\n```')).toBe(true);
    expect(b.data['text/plain']).toContain(`// lib/core/rng.ts:${line}`);
    expect(captureDisplays(() => show.source('createRng'))[0].data).toEqual(b.data);
  });

  it('finds classes, consts and interfaces; exported first', () => {
    expect(findSource('RetargetLabError')[0]).toMatchObject({ file: 'lib/core/errors.ts', exported: true });
    expect(findSource('messages')[0]).toMatchObject({ file: 'lib/core/messages.ts', exported: true });
    expect(findSource('Rng')[0].text).toContain('export interface Rng');
  });

  it('finds a lesson\'s own code in lessons/ as well as the library in lib/', () => {
    expect(findSource('architectureStudy')[0]).toMatchObject({ file: 'lessons/07-two-architectures/agents/study.ts', exported: true });
    expect(findSource('bfsDistances')[0]).toMatchObject({ file: 'lib/envs/grid.ts', exported: true });
  });

  it('errors clearly on unknown names and anonymous values', () => {
    expect(() => show.source('noSuchThing')).toThrow(/^retarget-lab\/kernel\/display: show.source: no declaration named "noSuchThing" in lib\//);
    expect(() => show.source(() => 1)).toThrow(/^retarget-lab\/kernel\/display: show.source needs a named/);
    expect(() => show.source(42)).toThrow(/got number/);
  });
});

describe('show.progress, html, markdown', () => {
  it('displays once, then updates the same display id in place', () => {
    const bundles = captureDisplays(() => {
      const p = show.progress('seeds', 4);
      for (let i = 0; i < 4; i++) p.tick();
      p.done();
      p.done();
    });
    expect(bundles[0].update).toBe(false);
    expect(bundles.slice(1).every((b) => b.update)).toBe(true);
    const ids = new Set(bundles.map((b) => b.transient?.display_id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[0-9a-f]{16}$/);
    const last = bundles[bundles.length - 1];
    expect(last.data['text/plain']).toMatch(/^seeds: 4\/4 done in \d+\.\d s$/);
    expect(last.data['text/html']).toContain('<progress value="4" max="4">');
  });

  it('is a silent no-op outside a kernel (no sink, no TTY) and checks total', () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const p = show.progress('x', 3);
    p.tick(2); p.done();
    if (!process.stderr.isTTY) expect(err).not.toHaveBeenCalled();
    expect(() => show.progress('x', 0)).toThrow(/^retarget-lab\/kernel\/display: show.progress: total must be a positive number/);
  });

  it('html and markdown carry a text/plain fallback', () => {
    const [h, m] = captureDisplays(() => { show.html('<b>bold</b> move'); show.markdown('# Title'); });
    expect(h.data).toEqual({ 'text/html': '<b>bold</b> move', 'text/plain': 'bold move' });
    expect(m.data).toEqual({ 'text/markdown': '# Title', 'text/plain': '# Title' });
  });
});
