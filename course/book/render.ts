/**
 * One notebook as an HTML page: markdown cells rendered, code escaped in <pre><code>, outputs
 * (streams, errors, HTML tables, markdown, images) and vega-lite charts drawn live by vega-embed
 * with the kernel's PNG shown until the chart draws (and kept if scripts are off).
 */
import { sourceText, type NbCell, type NbOutputLike, type Notebook } from './types';
import { escapeHtml, renderMarkdown } from './markdown';
import { sanitizeOutputHtml } from './sanitize';

const VEGA_LITE = /^application\/vnd\.vegalite\.v\d\+json$/;

function strip(text: string): string {
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

function joinText(v: unknown): string {
  return Array.isArray(v) ? v.join('') : typeof v === 'string' ? v : JSON.stringify(v);
}

let chartCounter = 0;

function chart(spec: unknown, png: string | undefined, alt: string): string {
  chartCounter += 1;
  const json = JSON.stringify(spec).replace(/</g, '\\u003c');
  const fallback = png ? `<img class="chart-fallback" alt="${escapeHtml(alt)}" src="data:image/png;base64,${png.replace(/\s/g, '')}">` : '';
  return `<div class="vega-chart" id="chart-${chartCounter}"><script type="application/json">${json}</script>`
    + `<div class="vega-target"></div>${fallback}</div>`;
}

/** Renders one output bundle or stream. */
export function renderOutput(out: NbOutputLike): string {
  switch (out.output_type) {
    case 'stream':
      return `<pre class="output stream ${out.name === 'stderr' ? 'stderr' : 'stdout'}">${escapeHtml(strip(joinText(out.text)))}</pre>`;
    case 'error':
      return `<pre class="output error">${escapeHtml(strip([`${out.ename}: ${out.evalue}`, ...(out.traceback ?? [])].join('\n')))}</pre>`;
    case 'display_data':
    case 'execute_result': {
      const data = out.data ?? {};
      const plain = data['text/plain'] !== undefined ? joinText(data['text/plain']) : '';
      const vl = Object.keys(data).find((k) => VEGA_LITE.test(k));
      if (vl) return chart(data[vl], data['image/png'] as string | undefined, plain || 'chart');
      if (data['text/html'] !== undefined) return `<div class="output html">${sanitizeOutputHtml(joinText(data['text/html']))}</div>`;
      if (data['text/markdown'] !== undefined) return `<div class="output markdown">${sanitizeOutputHtml(renderMarkdown(joinText(data['text/markdown'])))}</div>`;
      if (data['image/png'] !== undefined) return `<img class="output" alt="${escapeHtml(plain)}" src="data:image/png;base64,${joinText(data['image/png']).replace(/\s/g, '')}">`;
      if (data['image/svg+xml'] !== undefined) return `<img class="output" alt="${escapeHtml(plain)}" src="data:image/svg+xml;base64,${Buffer.from(joinText(data['image/svg+xml'])).toString('base64')}">`;
      return plain ? `<pre class="output plain">${escapeHtml(strip(plain))}</pre>` : '';
    }
    default:
      return '';
  }
}

function exerciseBadge(cell: NbCell): string {
  const g = cell.metadata?.nbgrader;
  if (!g || typeof g.grade_id !== 'string') return '';
  const id = g.grade_id.replace(/-(test|solution)$/, '');
  if (g.grade) return `<div class="badge">exercise <code>${escapeHtml(id)}</code>: graded test (${Number(g.points) || 0} point${Number(g.points) === 1 ? '' : 's'})</div>`;
  if (g.solution) return `<div class="badge">exercise <code>${escapeHtml(id)}</code>: reference solution</div>`;
  return '';
}

/** The cells of a notebook as HTML. */
export function renderCells(nb: Notebook): string {
  return nb.cells.map((cell, i) => {
    const text = sourceText(cell.source);
    if (cell.cell_type === 'markdown') return `<section class="cell markdown" id="cell-${i}">${renderMarkdown(text)}</section>`;
    if (cell.cell_type === 'raw') return `<section class="cell raw" id="cell-${i}"><pre>${escapeHtml(text)}</pre></section>`;
    const run = cell.metadata?.['retarget-lab'];
    const failed = run && run.status !== 'ok';
    const status = failed ? `<div class="cell-status">this cell ${run.status === 'timeout' ? 'timed out' : run.status === 'died' ? 'killed the kernel' : 'raised an error'}${(cell.metadata?.tags ?? []).includes('raises-exception') ? ' (expected)' : ''}</div>` : '';
    const prompt = cell.execution_count ? `[${cell.execution_count}]` : '[ ]';
    return `<section class="cell code${failed ? ' failed' : ''}" id="cell-${i}">${exerciseBadge(cell)}`
      + `<div class="input"><span class="prompt">${prompt}</span><pre><code class="language-typescript">${escapeHtml(text)}</code></pre></div>`
      + `${status}<div class="outputs">${(cell.outputs ?? []).map(renderOutput).join('\n')}</div></section>`;
  }).join('\n');
}

/** A full HTML page. `root` is the relative path to the site root ('' for top-level pages). */
export function page(title: string, body: string, opts: { charts: boolean; nav?: string }): string {
  const scripts = opts.charts
    ? ['assets/vega.min.js', 'assets/vega-lite.min.js', 'assets/vega-embed.min.js', 'assets/book.js'].map((s) => `<script src="${s}"></script>`).join('\n')
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Retarget Lab</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="assets/book.css">
${scripts}
</head>
<body>
<nav class="top">${opts.nav ?? '<a href="index.html">Contents</a> · <a href="claims.html">Claims</a>'}</nav>
<main>
${body}
</main>
</body>
</html>
`;
}
