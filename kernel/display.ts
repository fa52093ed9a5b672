/**
 * The notebook display facade: `show.chart`, `show.table`, `show.source`, `show.progress`,
 * `show.html`, `show.markdown`. One thin public surface over tslab's display internals.
 *
 * Usage in a notebook cell (no `await` needed — every call is synchronous):
 * ```ts
 * import { show, lineChart } from "retarget-lab";
 * show.chart(lineChart(rows, { x: "n", y: "expanded", color: "algorithm", logY: true }));
 * show.table(rows, { limit: 10 });
 * show.source("createRng");
 * ```
 *
 * Why synchronous: tslab publishes display_data through `lastWriteDisplayData`, a function it
 * re-binds at the start of every execute request. A promise that displays after its cell has
 * replied writes into the NEXT cell (or, in nbconvert, is lost after the kernel goes idle).
 * So `show.chart` renders the PNG in a worker thread and blocks on `Atomics.wait` until it is
 * done; the output is always written before the calling cell's execute_reply.
 *
 * Outside a kernel (vitest, CLI) nothing crashes: output goes to a sink set with
 * {@link setDisplaySink} / {@link captureDisplays}, or degrades to plain text on stdout
 * (progress: a live line on a TTY stderr, otherwise nothing).
 */
import * as fs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { fail } from '../lib/core/errors';
import { escapeHtml } from '../lib/core/html';
import { VEGA_LITE_MIME, VEGA_LITE_SCHEMA, chartSummary, isVegaLiteSpec } from '../lib/viz/index';
import type { VlSpec } from '../lib/viz/index';
import { renderChartSync, warmRenderer } from './render/index';
import type { RenderOptions } from './render/index';

const MODULE = 'kernel/display';
const MESSAGES = {
  notSpec: (got: unknown) =>
    `show.chart needs a vega-lite spec (an object with mark, layer, concat, facet or repeat), got ${kind(got)}; ` +
    `build one with lineChart, barChart, scatter, heatmap or mazeChart.`,
  notTable: (got: unknown) =>
    `show.table needs an arquero table or an array of row objects, got ${kind(got)}.`,
  badLimit: (limit: unknown) => `show.table: limit must be a positive integer, got ${String(limit)}.`,
  sourceBadArg: (got: unknown) =>
    `show.source needs a named library function/class or its name as a string, got ${kind(got)}; e.g. show.source('createRng').`,
  sourceNotFound: (name: string) =>
    `show.source: no declaration named "${name}" in lib/ or lessons/; check the spelling, or pass the exported name (e.g. 'createRng').`,
  progressTotal: (total: unknown) => `show.progress: total must be a positive number, got ${String(total)}.`,
} as const;

/** One Jupyter display message: MIME bundle, metadata and (for updatable displays) a display id. */
export interface DisplayBundle {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient?: { display_id?: string };
}

/** Receives each display; `update` is true for `update_display_data` (an in-place update). */
export type DisplaySink = (bundle: DisplayBundle, update: boolean) => void;

let sink: DisplaySink | null = null;

/**
 * Sends all displays to `next` instead of the kernel (for tests and tools); `null` restores the
 * default. Returns the previous sink.
 *
 * @example
 * const seen: DisplayBundle[] = [];
 * setDisplaySink((b) => seen.push(b));
 */
export function setDisplaySink(next: DisplaySink | null): DisplaySink | null {
  const previous = sink;
  sink = next;
  return previous;
}

/**
 * Runs `fn` with a capturing sink and returns what it displayed (updates included, flagged).
 *
 * @example
 * const [bundle] = captureDisplays(() => show.chart(barChart(rows, { x: 'algo', y: 'expanded' })));
 * Object.keys(bundle.data); // ['application/vnd.vegalite.v5+json', 'image/png', 'text/plain']
 */
export function captureDisplays(fn: () => void): (DisplayBundle & { update: boolean })[] {
  const seen: (DisplayBundle & { update: boolean })[] = [];
  const previous = setDisplaySink((bundle, update) => seen.push({ ...bundle, update }));
  try {
    fn();
  } finally {
    setDisplaySink(previous);
  }
  return seen;
}

/**
 * The writer for the current cell: the sink if set, else tslab's `lastWriteDisplayData` — the
 * function tslab re-binds at the start of every execute request to publish display_data /
 * update_display_data with that request as parent. We only look at tslab if the kernel already
 * loaded it, so importing this file never pulls in tslab's compiler.
 */
function writer(): DisplaySink | null {
  return sink ?? tslabWriter();
}

function tslabWriter(): DisplaySink | null {
  try {
    const cached = require.cache[require.resolve('tslab/dist/jupyter')];
    const write = cached?.exports?.lastWriteDisplayData as DisplaySink | null | undefined;
    return typeof write === 'function' ? write : null;
  } catch {
    return null;
  }
}

// Inside the kernel, start loading vega in the background now, while the notebook's first cells run.
if (tslabWriter() !== null) warmRenderer();

function emit(bundle: DisplayBundle, plainFallback = true): void {
  const write = writer();
  if (write) write(bundle, false);
  else if (plainFallback) process.stdout.write(`${String(bundle.data['text/plain'] ?? '')}\n`);
}

/** Displays a vega-lite chart: spec + server-rendered PNG + text summary, one bundle. */
function chart(spec: VlSpec | object, options: RenderOptions = {}): void {
  if (!isVegaLiteSpec(spec)) fail(MODULE, MESSAGES.notSpec(spec));
  const full = { $schema: VEGA_LITE_SCHEMA, ...spec } as VlSpec;
  const summary = chartSummary(full);
  const write = writer();
  if (!write) {
    process.stdout.write(`[chart] ${summary}\n`);
    return;
  }
  const { png, width, height } = renderChartSync(full, options);
  write({
    data: {
      [VEGA_LITE_MIME]: full,
      'image/png': Buffer.from(png).toString('base64'),
      'text/plain': summary,
    },
    metadata: { 'image/png': { width, height } },
  }, false);
}

interface TableLike { objects(opts?: { limit?: number }): object[]; numRows(): number; columnNames(): string[] }

function isTableLike(t: unknown): t is TableLike {
  const o = t as Partial<TableLike> | null;
  return typeof o === 'object' && o !== null && typeof o.objects === 'function'
    && typeof o.numRows === 'function' && typeof o.columnNames === 'function';
}

/** Displays an arquero table or array of rows as an HTML table (first `limit` rows) + text. */
function table(t: unknown, opts: { limit?: number; title?: string } = {}): void {
  const limit = opts.limit ?? 20;
  if (!Number.isInteger(limit) || limit <= 0) fail(MODULE, MESSAGES.badLimit(limit));
  let rows: Record<string, unknown>[];
  let total: number;
  let columns: string[];
  if (isTableLike(t)) {
    rows = t.objects({ limit }) as Record<string, unknown>[];
    total = t.numRows();
    columns = t.columnNames();
  } else if (Array.isArray(t) && t.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
    rows = t.slice(0, limit) as Record<string, unknown>[];
    total = t.length;
    const seen = new Set<string>();
    for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
    columns = [...seen];
  } else {
    return fail(MODULE, MESSAGES.notTable(t));
  }
  const cells = rows.map((r) => columns.map((c) => formatCell(r[c])));
  const omitted = total - rows.length;
  const note = omitted > 0 ? `… ${omitted} more row${omitted === 1 ? '' : 's'} omitted (showing ${rows.length} of ${total})` : '';
  const html = [
    opts.title ? `<p><strong>${escapeHtml(opts.title)}</strong></p>` : '',
    '<table class="retarget-lab-table">',
    `<thead><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...cells.map((line) => `<tr>${line.map((v) => `<td>${escapeHtml(v)}</td>`).join('')}</tr>`),
    '</tbody></table>',
    note ? `<p><em>${escapeHtml(note)}</em></p>` : '',
  ].join('\n');
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((line) => line[i].length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  const text = [
    ...(opts.title ? [opts.title] : []),
    line(columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
    ...(note ? [note] : []),
  ].join('\n');
  emit({ data: { 'text/html': html, 'text/plain': text }, metadata: {} });
}

function formatCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) || !Number.isFinite(v) ? String(v) : String(Number(v.toPrecision(6)));
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export { escapeHtml };

/** Where a library symbol is declared, with its source text (JSDoc included). */
export interface SourceLocation {
  name: string;
  /** Repo-relative path, e.g. `lib/core/rng.ts`. */
  file: string;
  /** 1-based line of the declaration itself (after its JSDoc). */
  line: number;
  text: string;
  exported: boolean;
}

const REPO_ROOT = path.resolve(__dirname, '..');
/** Where `show.source` looks: the library, then the lessons. */
const SOURCE_DIRS = ['lib', 'lessons'].map((d) => path.join(REPO_ROOT, d));
type TS = typeof import('@tslab/typescript-for-tslab');
let tsModule: TS | null = null;

function libFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return libFiles(full);
      return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
    });
}

/**
 * Finds the top-level declarations named `name` in lib/ and lessons/ (functions, classes, consts/lets,
 * interfaces, types, enums) with the TypeScript parser; exported ones first.
 *
 * @example
 * findSource('createRng')[0]; // { file: 'lib/core/rng.ts', line: 52, text: '/** Creates ...', ... }
 */
export function findSource(name: string): SourceLocation[] {
  const ts: TS = tsModule ?? (tsModule = require('@tslab/typescript-for-tslab') as TS);
  const found: SourceLocation[] = [];
  for (const file of SOURCE_DIRS.flatMap((d) => libFiles(d))) {
    const code = fs.readFileSync(file, 'utf8');
    if (!code.includes(name)) continue;
    const sf = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    for (const stmt of sf.statements) {
      const names: string[] = [];
      if ((ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt) || ts.isInterfaceDeclaration(stmt)
        || ts.isTypeAliasDeclaration(stmt) || ts.isEnumDeclaration(stmt)) && stmt.name) {
        names.push(stmt.name.text);
      } else if (ts.isVariableStatement(stmt)) {
        for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
      }
      if (!names.includes(name)) continue;
      const modifiers = ts.canHaveModifiers(stmt) ? ts.getModifiers(stmt) ?? [] : [];
      found.push({
        name,
        file: path.relative(REPO_ROOT, file).split(path.sep).join('/'),
        line: sf.getLineAndCharacterOfPosition(stmt.getStart(sf, false)).line + 1,
        text: code.slice(stmt.getStart(sf, true), stmt.getEnd()),
        exported: modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword),
      });
    }
  }
  return found.sort((a, b) => Number(b.exported) - Number(a.exported));
}

/** Displays the real TypeScript source of a library symbol (by value or by name). */
function source(fnOrName: unknown): void {
  const name = typeof fnOrName === 'string' ? fnOrName
    : typeof fnOrName === 'function' && fnOrName.name ? fnOrName.name
    : fail(MODULE, MESSAGES.sourceBadArg(fnOrName));
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) fail(MODULE, MESSAGES.sourceBadArg(fnOrName));
  const [hit, ...others] = findSource(name);
  if (!hit) fail(MODULE, MESSAGES.sourceNotFound(name));
  const where = `${hit.file}:${hit.line}`;
  const also = others.length > 0 ? `\n\n(also declared in ${others.map((o) => `${o.file}:${o.line}`).join(', ')})` : '';
  const fence = hit.text.includes('```') ? '~~~' : '```';
  emit({
    data: {
      'text/markdown': `**\`${name}\`** — \`${where}\`\n\n${fence}ts\n${hit.text}\n${fence}${also}`,
      'text/plain': `// ${where}\n${hit.text}${also}`,
    },
    metadata: {},
  });
}

/** An in-place progress display. */
export interface Progress {
  /** Advances by `n` (default 1). */
  tick(n?: number): void;
  /** Marks the work finished (shows the elapsed time). */
  done(): void;
}

function progress(label: string, total: number): Progress {
  if (typeof total !== 'number' || !Number.isFinite(total) || total <= 0) fail(MODULE, MESSAGES.progressTotal(total));
  const write = writer();
  const start = performance.now();
  let count = 0;
  let shownPercent = -1;
  let shownAt = 0;
  let finished = false;
  const id = randomBytes(8).toString('hex');
  const render = (final: boolean): DisplayBundle => {
    const pct = Math.min(100, Math.floor((100 * count) / total));
    const secs = ((performance.now() - start) / 1000).toFixed(1);
    const status = final ? `done in ${secs} s` : `${pct}%`;
    const text = `${label}: ${count}/${total} ${status}`;
    return {
      data: {
        'text/html': `<div><progress value="${Math.min(count, total)}" max="${total}"></progress> ${escapeHtml(text)}</div>`,
        'text/plain': text,
      },
      metadata: {},
      transient: { display_id: id },
    };
  };
  const tty = !write && process.stderr.isTTY === true;
  const show = (final: boolean): void => {
    if (write) write(render(final), true);
    else if (tty) process.stderr.write(`\r${String(render(final).data['text/plain'])}${final ? '\n' : ''}`);
  };
  if (write) write(render(false), false);
  else if (tty) show(false);
  return {
    tick(n = 1) {
      if (finished) return;
      count += n;
      const pct = Math.floor((100 * count) / total);
      const now = performance.now();
      if (pct !== shownPercent && now - shownAt >= 100) {
        shownPercent = pct;
        shownAt = now;
        show(false);
      }
    },
    done() {
      if (finished) return;
      finished = true;
      show(true);
    },
  };
}

function html(s: string): void {
  emit({ data: { 'text/html': s, 'text/plain': s.replace(/<[^>]*>/g, '') }, metadata: {} });
}

function markdown(s: string): void {
  emit({ data: { 'text/markdown': s, 'text/plain': s }, metadata: {} });
}

/**
 * Rich output for notebook cells. All calls are synchronous — no `await` needed; the output is
 * attached to the calling cell.
 *
 * @example
 * import { show, lineChart } from "retarget-lab";
 * show.chart(lineChart(rows, { x: 'n', y: 'expanded', color: 'algorithm', logY: true }));
 * show.table(rows, { limit: 10 });
 * show.source('createRng');
 * const p = show.progress('seeds', 50);
 * for (let s = 0; s < 50; s++) { run(s); p.tick(); }
 * p.done();
 */
export const show = {
  /** A vega-lite chart: interactive in JupyterLab, PNG in classic Notebook / static HTML, text elsewhere. */
  chart,
  /** An arquero table or array of row objects; shows the first `limit` rows (default 20). */
  table,
  /** The real TypeScript source of a library function/class/const, with file and line. */
  source,
  /** A progress bar that updates in place; `{ tick(n?), done() }`. */
  progress,
  /** Raw HTML (text/plain fallback strips tags). */
  html,
  /** Markdown. */
  markdown,
};

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return `an object with keys {${Object.keys(v as object).slice(0, 6).join(', ')}}`;
  return typeof v;
}
