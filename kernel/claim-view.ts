/**
 * Shows a claim's outcome in a notebook: the verdict with the claim, source and criterion, the
 * numbers behind it, and the figure (one vega-lite + PNG bundle).
 */
import type { ClaimOutcome } from '../lib/claims/types';
import { show } from './display';
import { RetargetLabError } from '../lib/core/errors';

const badge: Record<ClaimOutcome['verdict'], string> = {
  supported: '✅ supported',
  'not supported': '❌ not supported',
  depends: '⚖️ depends',
};

const kindLabel: Record<ClaimOutcome['kind'], string> = {
  theorem: 'theorem (checked, not an open question)',
  demonstration: 'demonstration (true by construction of the toy)',
  empirical: 'open empirical claim',
};

function formatValue(v: number | string | boolean): string {
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return Math.abs(v) >= 100 ? v.toFixed(1) : Math.abs(v) >= 1 ? v.toFixed(3) : v.toPrecision(3);
}

/** The outcome as markdown (also used by the book's claims page and the CLI). */
export function claimMarkdown(o: ClaimOutcome): string {
  const who = o.source.who === 'post' ? 'the post' : `a commenter (${o.source.thread})`;
  const params = Object.entries(o.params).map(([k, v]) => `\`${k}=${v}\``).join(', ');
  const numbers = Object.entries(o.numbers).map(([k, v]) => `| ${k} | ${formatValue(v)} |`).join('\n');
  return [
    `### Claim \`${o.id}\`: ${badge[o.verdict]}`,
    `*Kind:* ${kindLabel[o.kind]}`,
    '',
    `**${o.claim}** — from ${who}: ${o.source.paraphrase}${o.source.quote ? ` ("${o.source.quote}")` : ''}`,
    '',
    `*Criterion:* ${o.criterion}`,
    '',
    `*Result:* ${o.summary}`,
    '',
    `*Parameters:* ${params || '(none)'} · computed in ${o.seconds.toFixed(2)} s`,
    '',
    ...(numbers ? ['| measure | value |', '|---|---|', numbers] : []),
  ].join('\n');
}

/**
 * Displays a claim outcome: verdict and numbers as markdown, then its chart.
 *
 * @example
 * showClaim(await runClaim('01-retargetable-search', { size: 41 }));
 */
export function showClaim(outcome: ClaimOutcome): void {
  show.markdown(claimMarkdown(outcome));
  if (outcome.chart) show.chart(outcome.chart);
}

/** One claim outcome as a notebook shows it: the claim, the parameters it ran with, its verdict. */
export interface ShownClaim { claim: string; params: string; verdict: ClaimOutcome['verdict'] }

const verdictOfBadge = new Map(Object.entries(badge).map(([v, b]) => [b, v as ClaimOutcome['verdict']]));

/**
 * The claim outcomes an executed notebook shows through `showClaim`, in order, read back from the
 * markdown `claimMarkdown` wrote (a markdown output that is not a claim is skipped).
 */
export function shownClaims(cells: { outputs?: unknown[] }[]): ShownClaim[] {
  const found: ShownClaim[] = [];
  for (const out of cells.flatMap((c) => c.outputs ?? []) as { data?: Record<string, unknown> }[]) {
    const md = out.data?.['text/markdown'];
    const text = Array.isArray(md) ? md.join('') : typeof md === 'string' ? md : '';
    const head = /^### Claim `([^`]+)`: (.+)$/m.exec(text);
    if (!head) continue;
    const verdict = verdictOfBadge.get(head[2]);
    const params = /^\*Parameters:\* (.*) · computed in /m.exec(text);
    if (!verdict || !params) throw new RetargetLabError('kernel/claim-view', `a claim output for ${head[1]} does not have the shape claimMarkdown writes (badge "${head[2]}"); show it with showClaim`);
    found.push({ claim: head[1], params: params[1], verdict });
  }
  return found;
}
