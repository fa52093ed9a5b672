/**
 * The coverage ledger against this checkout: the notebooks' section headings, the check that
 * every entry points at a real claim and a real section (and every claim is covered), the table
 * as text and CSV, and the book's coverage page with a link from each entry to its section.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  checkCoverage, claimsWithKinds, coverageCounts, coverageRow, coverageTreatment, listClaims, listCoverage, markdownHeadings,
  type CoverageEntry, type CoverageProblem,
} from '../lib/claims/index';
import '../lessons/index';
import { readNotebook, sourceText } from '../kernel/notebook';
import { escapeHtml, slug } from './book/markdown';

const projectRoot = path.resolve(__dirname, '..');

/** Each notebook's name (file name without `.ipynb`) → the headings of its markdown cells. */
export function notebookHeadings(notebooksDir = path.join(projectRoot, 'notebooks')): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of fs.readdirSync(notebooksDir).filter((x) => x.endsWith('.ipynb')).sort()) {
    const nb = readNotebook(path.join(notebooksDir, f));
    out.set(f.replace(/\.ipynb$/, ''), nb.cells.filter((c) => c.cell_type === 'markdown').flatMap((c) => markdownHeadings(sourceText(c.source))));
  }
  return out;
}

/** Checks `entries` (default: the ledger) against the claims ledger and the notebooks of this checkout. */
export function checkCoverageInCheckout(entries: readonly CoverageEntry[] = listCoverage(), notebooksDir?: string): CoverageProblem[] {
  const hs = notebookHeadings(notebooksDir);
  return checkCoverage(entries, { claimIds: listClaims().map((c) => c.id), headings: (nb) => hs.get(nb) });
}

const COLUMNS = ['id', 'speaker', 'thread', 'paraphrase', 'quote', 'treatment', 'kind', 'where', 'related', 'note'] as const;

/** The ledger as CSV (RFC 4180 quoting), one row per entry. */
export function coverageCsv(entries: readonly CoverageEntry[] = listCoverage()): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [COLUMNS.join(','), ...entries.map((e) => { const r = coverageRow(e); return COLUMNS.map((c) => cell(r[c])).join(','); })].join('\n') + '\n';
}

/** The ledger as a plain-text table (paraphrases wrapped under each row) with the counts. */
export function coverageText(entries: readonly CoverageEntry[] = listCoverage()): string {
  const w = Math.max(...entries.map((e) => e.id.length));
  const lines = [`${'point'.padEnd(w)}  ${'speaker'.padEnd(11)}  ${'treatment'.padEnd(12)}  where`];
  for (const e of entries) {
    const r = coverageRow(e);
    lines.push(`${e.id.padEnd(w)}  ${e.speaker.padEnd(11)}  ${r.treatment.padEnd(12)}  ${r.where}`);
    lines.push(`${' '.repeat(w + 2)}[${e.thread}] ${e.paraphrase}`);
  }
  lines.push('', coverageSummary(entries));
  return lines.join('\n') + '\n';
}

/**
 * The counts in one sentence. "Tested" counts only points an empirical claim tests; a point tested
 * only by theorems or demonstrations is "demonstrated".
 */
export function coverageSummary(entries: readonly CoverageEntry[] = listCoverage()): string {
  const n = coverageCounts(entries);
  return `${entries.length} points: ${n.tested} tested by an empirical claim, ${n.demonstrated} demonstrated (only by a theorem or demonstration), ${n.discussed} discussed, ${n['out of scope']} out of scope, ${n.open} open.`;
}

/** The book's coverage page; `pageOf(notebook)` is the notebook's page in the book. */
export function coverageBody(entries: readonly CoverageEntry[] = listCoverage(), pageOf = (nb: string) => `${nb}.html`): string {
  const link = (nb: string, heading: string) => `<a href="${escapeHtml(pageOf(nb))}#${escapeHtml(slug(heading))}">${escapeHtml(nb)} § ${escapeHtml(heading)}</a>`;
  const claimLinks = (ids: string[] = []) => ids.map((c) => `<a href="claims.html#claim-${escapeHtml(c)}"><code>${escapeHtml(c)}</code></a>`).join(', ');
  const rows = entries.map((e) => {
    const shown = coverageTreatment(e);
    const where = [
      e.claims?.length ? `${e.treatment === 'tested' ? '' : 'related: '}${claimLinks(e.claims)}` : '',
      e.claims?.length && (e.claims ?? []).some((c) => claimsWithKinds([c]) !== c) ? `<span class="meta">${escapeHtml(claimsWithKinds(e.claims))}</span>` : '',
      e.section ? link(e.section.notebook, e.section.heading) : '',
      e.reason ? escapeHtml(e.reason) : '',
      e.note ? `<em>${escapeHtml(e.note)}</em>` : '',
    ].filter(Boolean).join('<br>');
    return `<tr id="point-${escapeHtml(e.id)}"><td><code>${escapeHtml(e.id)}</code></td><td>${escapeHtml(e.speaker)}<br><span class="meta">${escapeHtml(e.thread)}</span></td>`
      + `<td style="text-align:left">${escapeHtml(e.paraphrase)}${e.quote ? `<br><q>${escapeHtml(e.quote)}</q>` : ''}</td>`
      + `<td class="treatment-${shown.replace(/\s+/g, '-')}">${escapeHtml(shown)}</td><td style="text-align:left">${where}</td></tr>`;
  }).join('\n');
  return `<h1>Coverage</h1>
<p>Every distinct point of the post and of each comment and reply, and where the lab treats it: a tested claim,
a notebook section that discusses it, or out of scope with a reason (open: planned on another branch).
Only empirical claims count as tested: a point whose claims are all theorems or demonstrations (true by
mathematics or by how the toy is built) is shown as demonstrated.
Speakers are as the seed text gives them; it names no one.</p>
<p>${escapeHtml(coverageSummary(entries))}</p>
<table class="claims coverage"><thead><tr><th>point</th><th>speaker</th><th>what was said</th><th>treatment</th><th>where</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}
