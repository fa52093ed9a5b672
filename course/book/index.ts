/**
 * The static book: the executed curriculum as an HTML site with a table of contents, one page per
 * notebook and a claims page. Charts are drawn live by vega-embed, whose browser builds (with
 * vega and vega-lite) are copied from node_modules into `assets/` — the site needs no network.
 *
 * Which outputs a page shows (the freshness rule): for `notebooks/NN.ipynb` the executed copy
 * `<executedDir>/NN.ipynb` (default build/notebooks, where `retarget-lab run` writes) is used when
 * it exists and its modification time is not older than the source's. Otherwise the notebook is
 * executed (headless executor, fresh kernel, running on past errors) and the copy is written
 * there. With `execute: false` nothing runs: a stale executed copy is still used (flagged as stale
 * in the contents) and a notebook never executed is shown without outputs.
 *
 * @example
 * const book = await buildBook({ notebooksDir: 'notebooks', outDir: 'build/book' });
 * book.pages.map((p) => p.file); // ['index.html', '00-welcome.html', …, 'claims.html']
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fail } from '../../lib/core/errors';
import { runtimeRoot } from '../../lib/core/cache';
import { describeFailure, executeNotebook } from '../../kernel/executor';
import { checkoutKernelSpec, type FoundKernelSpec } from '../../kernel/kernelspec';
import { renderChart } from '../../kernel/render/index';
import { readNotebook, sourceText, writeNotebook, type Notebook } from '../../kernel/notebook';
import { claimsBody, claimsFromNotebooks, collectClaims } from './claims';
import { coverageBody } from '../coverage';
import { escapeHtml, headings } from './markdown';
import { page, renderCells, renderOutput } from './render';

const MODULE = 'course/book';

export interface BookOptions {
  /** Folder of source notebooks (default: notebooks/ of this checkout). */
  notebooksDir?: string;
  /** Where the site goes (default: build/book). */
  outDir?: string;
  /** Where executed copies are read from and written to (default: build/notebooks). */
  executedDir?: string;
  /** Execute notebooks whose executed copy is missing or stale (default true). */
  execute?: boolean;
  /** Kernelspec for execution (default: this checkout's, as `retarget-lab run` uses). */
  kernel?: FoundKernelSpec;
  /**
   * Run ledger claims that no notebook shows, with their default parameters (default: same as
   * `execute`); when false they are listed as not run.
   */
  runLedgerClaims?: boolean;
  /** Per-cell timeout in seconds when executing (default 300). */
  timeoutSeconds?: number;
  onProgress?: (line: string) => void;
}

export interface BookPage {
  file: string;
  title: string;
  notebook?: string;
  /** executed now / executed copy reused / stale copy used / not executed. */
  outputs?: 'executed' | 'cached' | 'stale' | 'none';
  failedCells?: number;
  charts: number;
}

export interface BookResult {
  outDir: string;
  pages: BookPage[];
  claims: number;
  seconds: number;
}

const projectRoot = path.resolve(__dirname, '..', '..');

const ASSETS: [string, string][] = [
  ['vega/build/vega.min.js', 'vega.min.js'],
  ['vega-lite/build/vega-lite.min.js', 'vega-lite.min.js'],
  ['vega-embed/build/vega-embed.min.js', 'vega-embed.min.js'],
];

function copyAssets(outDir: string): void {
  const dir = path.join(outDir, 'assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const [from, to] of ASSETS) {
    // Read from the package folders (their "exports" maps hide the browser builds from require).
    const src = path.join(projectRoot, 'node_modules', from);
    if (!fs.existsSync(src)) fail(MODULE, `cannot find node_modules/${from}; run \`npm install\`.`);
    fs.copyFileSync(src, path.join(dir, to));
  }
  for (const f of ['book.js', 'book.css']) fs.copyFileSync(path.join(__dirname, 'assets', f), path.join(dir, f));
}

function titleOf(nb: Notebook, fallback: string): string {
  for (const c of nb.cells) {
    if (c.cell_type !== 'markdown') continue;
    const h = headings(sourceText(c.source)).find((x) => x.level === 1);
    if (h) return h.text;
  }
  return fallback;
}

const mtime = (f: string): number | undefined => { try { return fs.statSync(f).mtimeMs; } catch { return undefined; } };

/** Builds the book; see the module comment for which outputs are used. */
export async function buildBook(opts: BookOptions = {}): Promise<BookResult> {
  const t0 = performance.now();
  const notebooksDir = path.resolve(opts.notebooksDir ?? path.join(projectRoot, 'notebooks'));
  const outDir = path.resolve(opts.outDir ?? path.join(runtimeRoot(), 'book'));
  const executedDir = path.resolve(opts.executedDir ?? path.join(runtimeRoot(), 'notebooks'));
  const execute = opts.execute ?? true;
  const log = opts.onProgress ?? (() => {});
  let names: string[];
  try {
    names = fs.readdirSync(notebooksDir).filter((f) => f.endsWith('.ipynb')).sort();
  } catch {
    return fail(MODULE, `cannot read the notebooks folder ${notebooksDir}; pass --notebooks DIR.`);
  }
  if (path.resolve(outDir) === notebooksDir) fail(MODULE, `the book would be written into the notebooks folder; choose another --out.`);
  fs.mkdirSync(outDir, { recursive: true });
  copyAssets(outDir);

  let kernel = opts.kernel;
  const loaded: { name: string; page: string; nb: Notebook; outputs: BookPage['outputs']; failedCells: number; title: string }[] = [];
  for (const [k, name] of names.entries()) {
    const source = path.join(notebooksDir, name);
    const executed = path.join(executedDir, name);
    const srcTime = mtime(source)!;
    const exTime = mtime(executed);
    let nb: Notebook;
    let outputs: BookPage['outputs'];
    if (exTime !== undefined && exTime >= srcTime) {
      nb = readNotebook(executed);
      outputs = 'cached';
      log(`[${k + 1}/${names.length}] ${name}: executed copy is up to date`);
    } else if (execute) {
      if (!kernel) kernel = checkoutKernelSpec();
      log(`[${k + 1}/${names.length}] ${name}: executing…`);
      const run = await executeNotebook(source, { kernel, stopOnError: false, timeoutSeconds: opts.timeoutSeconds ?? 300 });
      writeNotebook(executed, run.notebookOut);
      nb = run.notebookOut;
      outputs = 'executed';
      log(`[${k + 1}/${names.length}] ${name}: ${run.status} in ${run.seconds.toFixed(1)} s`);
      if (run.failure) log(describeFailure(run.failure));
    } else if (exTime !== undefined) {
      nb = readNotebook(executed);
      outputs = 'stale';
      log(`[${k + 1}/${names.length}] ${name}: using an executed copy older than the notebook (--no-execute)`);
    } else {
      nb = readNotebook(source);
      outputs = 'none';
      log(`[${k + 1}/${names.length}] ${name}: never executed; shown without outputs (--no-execute)`);
    }
    const failedCells = nb.cells.filter((c) => c.metadata?.['retarget-lab'] && c.metadata['retarget-lab'].status !== 'ok'
      && !(c.metadata.tags ?? []).includes('raises-exception')).length;
    loaded.push({ name, page: name.replace(/\.ipynb$/, '.html'), nb, outputs, failedCells, title: titleOf(nb, name.replace(/\.ipynb$/, '')) });
  }

  const pages: BookPage[] = [];
  const countCharts = (html: string) => (html.match(/class="vega-chart"/g) ?? []).length;
  for (const [k, l] of loaded.entries()) {
    const prev = loaded[k - 1];
    const next = loaded[k + 1];
    const nav = [
      '<a href="index.html">Contents</a>',
      prev ? `<a href="${prev.page}" rel="prev">← ${escapeHtml(prev.title)}</a>` : '',
      next ? `<a href="${next.page}" rel="next">${escapeHtml(next.title)} →</a>` : '',
      '<a href="claims.html">Claims</a>',
      '<a href="coverage.html">Coverage</a>',
    ].filter(Boolean).join(' · ');
    const note = l.outputs === 'none' ? '<p class="warn">This notebook has not been executed; outputs are missing.</p>'
      : l.outputs === 'stale' ? '<p class="warn">The outputs below come from an older version of this notebook.</p>' : '';
    const body = `${note}${renderCells(l.nb)}`;
    fs.writeFileSync(path.join(outDir, l.page), page(l.title, body, { charts: true, nav }));
    pages.push({ file: l.page, title: l.title, notebook: l.name, outputs: l.outputs, failedCells: l.failedCells, charts: countCharts(body) });
  }

  // Claims page.
  const found = claimsFromNotebooks(loaded);
  const entries = await collectClaims(found, {
    run: execute && (opts.runLedgerClaims ?? true),
    onProgress: log,
    chartHtml: async (spec) => {
      const { png } = await renderChart(spec);
      return renderOutput({ output_type: 'display_data', data: { 'application/vnd.vegalite.v5+json': spec, 'image/png': Buffer.from(png).toString('base64') }, metadata: {} });
    },
  });
  const claimsHtml = claimsBody(entries);
  fs.writeFileSync(path.join(outDir, 'claims.html'), page('Claims', claimsHtml, { charts: true }));

  // Coverage page: every point of the post and its comments, linked to its notebook section.
  const pageOf = (nb: string) => loaded.find((l) => l.name === `${nb}.ipynb`)?.page ?? `${nb}.html`;
  fs.writeFileSync(path.join(outDir, 'coverage.html'), page('Coverage', coverageBody(undefined, pageOf), {
    charts: false, nav: '<a href="index.html">Contents</a> · <a href="claims.html">Claims</a> · <a href="coverage.html">Coverage</a>',
  }));

  // Contents.
  const items = loaded.map((l) => {
    const subs = l.nb.cells.filter((c) => c.cell_type === 'markdown')
      .flatMap((c) => headings(sourceText(c.source)).filter((h) => h.level === 2))
      .map((h) => `<li><a href="${l.page}#${h.id}">${escapeHtml(h.text)}</a></li>`).join('');
    const secs = l.nb.metadata?.['retarget-lab']?.seconds;
    const meta = l.outputs === 'none' ? 'not executed'
      : `${l.outputs === 'stale' ? 'outputs from an older version' : 'executed'}${typeof secs === 'number' ? ` in ${secs.toFixed(1)} s` : ''}`;
    const warn = l.failedCells ? ` <span class="warn">${l.failedCells} cell${l.failedCells === 1 ? '' : 's'} failed</span>` : '';
    return `<li><a href="${l.page}">${escapeHtml(l.title)}</a> <span class="meta">${escapeHtml(l.name)} · ${meta}</span>${warn}${subs ? `<ul>${subs}</ul>` : ''}</li>`;
  }).join('\n');
  const verdicts = entries.length ? `${entries.length} claim${entries.length === 1 ? '' : 's'}` : 'none yet';
  const index = `<h1>Retarget Lab</h1>
<p>The executed notebooks of the curriculum on “Just Retarget the Search” and its comment debate. Every chart,
table and verdict below was computed by running the notebooks.</p>
<h2>Contents</h2>
${loaded.length ? `<ol class="toc">\n${items}\n</ol>` : '<p>No notebooks yet.</p>'}
<h2>Claims</h2>
<p><a href="claims.html">All claims and their verdicts</a> (${verdicts}).</p>
<h2>Coverage</h2>
<p><a href="coverage.html">Every point of the post and its comments</a>, and the claim or notebook section that treats it.</p>`;
  fs.writeFileSync(path.join(outDir, 'index.html'), page('Contents', index, { charts: false, nav: '<a href="index.html">Contents</a> · <a href="claims.html">Claims</a> · <a href="coverage.html">Coverage</a>' }));

  return {
    outDir,
    pages: [{ file: 'index.html', title: 'Contents', charts: 0 }, ...pages, { file: 'claims.html', title: 'Claims', charts: countCharts(claimsHtml) }, { file: 'coverage.html', title: 'Coverage', charts: 0 }],
    claims: entries.length,
    seconds: (performance.now() - t0) / 1000,
  };
}
