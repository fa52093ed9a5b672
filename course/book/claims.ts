/**
 * The book's claims page. Verdicts come from the executed notebooks first: every claim cell's
 * output (the markdown `showClaim` writes, "### Claim `id`: ✅ supported", followed by its chart)
 * is collected with a link to the cell, so the page shows the parameters the lesson used.
 * Claims of the ledger that no notebook shows are run with their default parameters via
 * `runClaim` (unless `run` is false — then they are listed as not run).
 */
import { listClaims, runClaim } from '../../lib/claims/index';
import '../../lessons/index';
import type { ClaimOutcome } from '../../lib/claims/types';
import { claimMarkdown } from '../../kernel/claim-view';
import type { Notebook } from '../../kernel/notebook';
import type { NbOutputLike } from './types';
import { escapeHtml, renderMarkdown } from './markdown';
import { renderOutput } from './render';

export interface ClaimEntry {
  id: string;
  title?: string;
  verdict: string;
  summary?: string;
  /** Page and cell anchor the verdict was read from, if any. */
  href?: string;
  notebook?: string;
  /** Rendered HTML of the claim (markdown + chart). */
  html: string;
  origin: 'notebook' | 'ledger' | 'not run';
}

const HEAD = /^### Claim `([^`]+)`: (?:\S+\s+)?(supported|not supported|depends)\s*$/m;

function text(v: unknown): string {
  return Array.isArray(v) ? v.join('') : typeof v === 'string' ? v : '';
}

/** Claim outputs found in executed notebooks (`pageOf` maps a notebook name to its page). */
export function claimsFromNotebooks(notebooks: { name: string; page: string; nb: Notebook }[]): ClaimEntry[] {
  const out: ClaimEntry[] = [];
  for (const { name, page, nb } of notebooks) {
    nb.cells.forEach((cell, i) => {
      const outputs = (cell.outputs ?? []) as NbOutputLike[];
      outputs.forEach((o, k) => {
        const md = o.output_type === 'display_data' || o.output_type === 'execute_result' ? text((o as any).data?.['text/markdown']) : '';
        const m = HEAD.exec(md);
        if (!m) return;
        const next = outputs[k + 1] as any;
        const chart = next && next.data && Object.keys(next.data).some((key) => /vegalite/.test(key)) ? renderOutput(next) : '';
        const summary = /^\*Result:\* (.*)$/m.exec(md)?.[1];
        const title = /^\*\*(.*?)\*\*/m.exec(md)?.[1];
        out.push({ id: m[1], verdict: m[2], summary, title, href: `${page}#cell-${i}`, notebook: name, html: renderMarkdown(md) + chart, origin: 'notebook' });
      });
    });
  }
  return out;
}

/**
 * Every claim: the ones found in notebooks, then the rest of the ledger (run at defaults when
 * `run` is true). `renderChart` turns an outcome's chart into HTML.
 */
export async function collectClaims(
  found: ClaimEntry[], opts: { run: boolean; chartHtml: (spec: object) => Promise<string>; onProgress?: (line: string) => void },
): Promise<ClaimEntry[]> {
  const entries = [...found];
  const seen = new Set(found.map((f) => f.id));
  for (const claim of listClaims()) {
    const shown = entries.find((e) => e.id === claim.id);
    if (shown) { shown.title = claim.title; continue; }
    if (seen.has(claim.id)) continue;
    if (!opts.run) {
      entries.push({ id: claim.id, title: claim.title, verdict: 'not run', notebook: claim.notebook, html: `<p>${escapeHtml(claim.claim)}</p><p><em>Not shown in any executed notebook; build the book without --no-execute to run it.</em></p>`, origin: 'not run' });
      continue;
    }
    opts.onProgress?.(`claims: running ${claim.id} (not shown in any notebook) with its default parameters`);
    const outcome: ClaimOutcome = await runClaim(claim);
    entries.push({
      id: claim.id, title: claim.title, verdict: outcome.verdict, summary: outcome.summary, notebook: claim.notebook,
      html: renderMarkdown(claimMarkdown(outcome)) + (outcome.chart ? await opts.chartHtml(outcome.chart) : ''), origin: 'ledger',
    });
  }
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}

/** The claims page body. */
export function claimsBody(entries: ClaimEntry[]): string {
  if (entries.length === 0) {
    return '<h1>Claims</h1>\n<p class="no-claims">No claims yet: the claims ledger is empty and no notebook shows a claim.</p>';
  }
  const cls = (v: string) => `verdict-${v.replace(/\s+/g, '-')}`;
  const rows = entries.map((e) => `<tr><td><a href="#claim-${escapeHtml(e.id)}"><code>${escapeHtml(e.id)}</code></a></td>`
    + `<td style="text-align:left">${escapeHtml(e.title ?? '')}</td><td class="${cls(e.verdict)}">${escapeHtml(e.verdict)}</td>`
    + `<td style="text-align:left">${e.href ? `<a href="${e.href}">${escapeHtml(e.notebook ?? '')}</a>` : escapeHtml(e.origin === 'ledger' ? 'ledger defaults' : '')}</td></tr>`).join('\n');
  const sections = entries.map((e) => `<section class="claim" id="claim-${escapeHtml(e.id)}">${e.html}`
    + `<p class="meta">${e.origin === 'notebook' ? `Verdict as computed in <a href="${e.href}">${escapeHtml(e.notebook ?? '')}</a>.` : e.origin === 'ledger' ? 'Run with the ledger\'s default parameters while building the book.' : ''}</p></section>`).join('\n');
  return `<h1>Claims</h1>
<p>Every claim of the post and its comments that the lab tests, with the verdict its experiment computed.</p>
<table class="claims"><thead><tr><th>claim</th><th>title</th><th>verdict</th><th>where</th></tr></thead><tbody>
${rows}
</tbody></table>
${sections}`;
}
