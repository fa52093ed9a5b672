import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBook } from '../../course/book';
import { claimsBody, claimsFromNotebooks } from '../../course/book/claims';
import { headings, renderMarkdown } from '../../course/book/markdown';
import { renderCells, renderOutput } from '../../course/book/render';
import type { FoundKernelSpec } from '../../kernel/kernelspec';
import { readNotebook, writeNotebook, type Notebook } from '../../kernel/notebook';
import { tempKernelSpec } from '../kernel/helpers';
import { tempDir } from './helpers';

const tiny = (text: string, code = 'console.log(6 * 7);'): Notebook => ({
  nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'retarget-lab' } },
  cells: [
    { id: 'm', cell_type: 'markdown', metadata: {}, source: `# ${text}\n\n## Part one\n` },
    { id: 'c', cell_type: 'code', metadata: {}, source: code, outputs: [], execution_count: null },
  ],
});

/** A kernelspec that cannot start: proves a build did not execute anything. */
const noKernel: FoundKernelSpec = { name: 'none', dir: '/nonexistent', spec: { argv: ['/nonexistent/kernel'], display_name: 'none', language: 'none' } as any };

describe('course/book: rendering', () => {
  it('keeps TeX as written, gives headings ids, rewrites notebook links to pages', () => {
    const html = renderMarkdown('# A *title*\nCost $x_1 + x_2$ and $$a_b * c_d$$, price \\$5, code `$x_1$`; see [next](02-x.ipynb#part).');
    expect(html).toContain('<h1 id="a-title">');
    expect(html).toContain('<span class="math inline">$x_1 + x_2$</span>');
    expect(html).toContain('<span class="math display">$$a_b * c_d$$</span>');
    expect(html).toContain('<code>$x_1$</code>');
    expect(html).toContain('href="02-x.html#part"');
    expect(headings('# T\n## Sub `x`\n')).toEqual([{ level: 1, text: 'T', id: 't' }, { level: 2, text: 'Sub x', id: 'sub-x' }]);
  });

  it('escapes code and streams; charts carry the spec and the PNG; HTML outputs stay HTML', () => {
    const nb = tiny('T', 'const s = "<b>&</b>";');
    nb.cells[1].outputs = [
      { output_type: 'stream', name: 'stdout', text: '\u001b[31m<red>\u001b[0m\n' },
      { output_type: 'display_data', data: { 'application/vnd.vegalite.v5+json': { mark: 'bar', description: '</script>' }, 'image/png': 'iVBORw0KGgo=', 'text/plain': 'bar chart' }, metadata: {} },
      { output_type: 'display_data', data: { 'text/html': '<table class="t"><tr><td>1</td></tr></table>', 'text/plain': '1' }, metadata: {} },
    ];
    const html = renderCells(nb);
    expect(html).toContain('<code class="language-typescript">const s = &quot;&lt;b&gt;&amp;&lt;/b&gt;&quot;;</code>');
    expect(html).toContain('<pre class="output stream stdout">&lt;red&gt;\n</pre>');
    expect(html).toMatch(/<div class="vega-chart" id="chart-\d+"><script type="application\/json">\{"mark":"bar","description":"\\u003c\/script>"\}<\/script>/);
    expect(html).toContain('<img class="chart-fallback" alt="bar chart" src="data:image/png;base64,iVBORw0KGgo=">');
    expect(html).toContain('<div class="output html"><table class="t">');
    expect(renderOutput({ output_type: 'error', ename: 'E', evalue: 'bad <x>', traceback: [] })).toBe('<pre class="output error">E: bad &lt;x&gt;</pre>');
  });

  it('sanitises HTML and markdown outputs (a book built from student copies runs no student script)', () => {
    const hostile = '<table class="t" style="text-align: right; position: fixed"><tr><td onclick="steal()">1</td></tr></table>'
      + '<script>steal()</script><img src="x" onerror="steal()"><a href="javascript:steal()">x</a><iframe src="https://evil"></iframe>'
      + '<details><summary>Hint</summary><b>bold</b></details><img src="data:image/png;base64,iVBORw0KGgo=" alt="ok">';
    const html = renderOutput({ output_type: 'display_data', data: { 'text/html': hostile }, metadata: {} });
    expect(html).not.toMatch(/<script|onclick|onerror|javascript:|<iframe|position/);
    expect(html).toContain('<table class="t" style="text-align:right"><tr><td>1</td></tr></table>');
    expect(html).toContain('<details><summary>Hint</summary><b>bold</b></details>');
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="ok" />');
    const md = renderOutput({ output_type: 'display_data', data: { 'text/markdown': '**ok** <img src=x onerror=steal()>' }, metadata: {} });
    expect(md).toContain('<strong>ok</strong>');
    expect(md).not.toContain('onerror');
  });

  it('reads claim verdicts from claim cells; says so when there are no claims', () => {
    const nb = tiny('T');
    nb.cells[1].outputs = [{ output_type: 'display_data', data: { 'text/markdown': '### Claim `07-x`: ❌ not supported\n**It holds.** — from the post: p\n\n*Result:* it did not hold.', 'text/plain': '' }, metadata: {} }];
    const [entry] = claimsFromNotebooks([{ name: '07-x.ipynb', page: '07-x.html', nb }]);
    expect(entry).toMatchObject({ id: '07-x', verdict: 'not supported', summary: 'it did not hold.', href: '07-x.html#cell-1', origin: 'notebook' });
    expect(claimsBody([])).toContain('No claims yet');
  });
});

describe('course/book: which outputs a page shows', () => {
  it('with --no-execute: an up-to-date copy is used, a stale one is flagged, a never-run notebook has no outputs; nothing runs', async () => {
    const dir = tempDir();
    const nbDir = path.join(dir, 'notebooks');
    const exDir = path.join(dir, 'executed');
    writeNotebook(path.join(nbDir, '01-fresh.ipynb'), tiny('Fresh'));
    writeNotebook(path.join(nbDir, '02-stale.ipynb'), tiny('Stale'));
    writeNotebook(path.join(nbDir, '03-never.ipynb'), tiny('Never'));
    const executedCopy = (title: string) => {
      const nb = tiny(title);
      nb.cells[1].outputs = [{ output_type: 'stream', name: 'stdout', text: `executed ${title}\n` }];
      nb.cells[1].metadata['retarget-lab'] = { status: 'ok', seconds: 0.1 };
      return nb;
    };
    writeNotebook(path.join(exDir, '01-fresh.ipynb'), executedCopy('Fresh'));
    writeNotebook(path.join(exDir, '02-stale.ipynb'), executedCopy('Stale'));
    const old = new Date(Date.now() - 3600_000);
    fs.utimesSync(path.join(exDir, '02-stale.ipynb'), old, old);
    const book = await buildBook({ notebooksDir: nbDir, outDir: path.join(dir, 'site'), executedDir: exDir, execute: false, kernel: noKernel });
    expect(book.pages.map((p) => [p.file, p.outputs])).toEqual([
      ['index.html', undefined], ['01-fresh.html', 'cached'], ['02-stale.html', 'stale'], ['03-never.html', 'none'], ['claims.html', undefined],
      ['coverage.html', undefined],
    ]);
    const read = (f: string) => fs.readFileSync(path.join(dir, 'site', f), 'utf8');
    expect(read('01-fresh.html')).toContain('executed Fresh');
    expect(read('02-stale.html')).toContain('come from an older version');
    expect(read('03-never.html')).toContain('has not been executed');
    expect(read('index.html')).toMatch(/<a href="01-fresh.html">Fresh<\/a>.*<a href="01-fresh.html#part-one">Part one<\/a>/s);
    for (const asset of ['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js', 'book.js', 'book.css']) {
      expect(fs.statSync(path.join(dir, 'site', 'assets', asset)).size).toBeGreaterThan(100);
    }
    // ledger claims are listed but not run
    expect(read('claims.html')).toMatch(/<h1>Claims<\/h1>/);
    // the coverage page lists the ledger's points, linked to notebook sections
    expect(read('coverage.html')).toMatch(/<h1>Coverage<\/h1>[\s\S]*id="point-post-recipe"/);
    expect(fs.existsSync(path.join(exDir, '03-never.ipynb'))).toBe(false);
  });

  it('executes a notebook whose copy is missing or older than the source, and reuses it afterwards', async () => {
    const dir = tempDir();
    const nbDir = path.join(dir, 'notebooks');
    const exDir = path.join(dir, 'executed');
    writeNotebook(path.join(nbDir, '01-run.ipynb'), tiny('Run me'));
    const first = await buildBook({ notebooksDir: nbDir, outDir: path.join(dir, 'site'), executedDir: exDir, kernel: tempKernelSpec(), runLedgerClaims: false });
    expect(first.pages[1]).toMatchObject({ outputs: 'executed', failedCells: 0 });
    expect(JSON.stringify(readNotebook(path.join(exDir, '01-run.ipynb')).cells[1].outputs)).toContain('42');
    expect(fs.readFileSync(path.join(dir, 'site', '01-run.html'), 'utf8')).toContain('<pre class="output stream stdout">42\n</pre>');
    const second = await buildBook({ notebooksDir: nbDir, outDir: path.join(dir, 'site'), executedDir: exDir, kernel: noKernel, runLedgerClaims: false });
    expect(second.pages[1].outputs).toBe('cached');
  }, 300_000);
});
