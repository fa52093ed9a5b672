import { fail } from '../core/errors';
import { createRegistry } from '../core/registry';
import { listClaims } from './ledger';
import { claimsMessages } from './messages';
import type { ClaimKind } from './types';

const MODULE = 'claims/coverage';

/** Who made a point, as the seed identifies them (it gives no names, so neither do we). */
export type Speaker = 'the post' | 'a commenter';

/** How the lab treats a point of the debate (as the ledger states it). */
export type Treatment = 'tested' | 'discussed' | 'out of scope' | 'open';

/**
 * How a point is shown and counted: its treatment, except that a point "tested" only by theorems
 * or demonstrations (no empirical claim among its claims) is `demonstrated`, not `tested`: only
 * empirical claims count as the debate's tested claims.
 */
export type ShownTreatment = Treatment | 'demonstrated';

/** The kind of a claim by id (undefined if the claims ledger has no such claim). */
export type KindOf = (claimId: string) => ClaimKind | undefined;

/** Kinds from the claims ledger (the claims registered when `lessons/index.ts` is imported). */
export const ledgerKindOf: KindOf = (id) => listClaims().find((c) => c.id === id)?.kind;

/** A notebook section: the notebook's file name without `.ipynb` and a heading's exact text. */
export interface SectionRef {
  notebook: string;
  /** The heading as written, without the leading `#`s, e.g. "3 · The infant phase". */
  heading: string;
}

/**
 * One distinct point of the post or of a comment, and where the lab deals with it.
 * - `tested`: `claims` lists the ledger claims whose experiments decide it (`section` optional);
 * - `discussed`: `section` is where a notebook discusses it (with questions, not a verdict);
 * - `out of scope`: `reason` says why the lab does not take it up;
 * - `open`: planned elsewhere and not landed yet; `reason` says where.
 * Any entry may list `claims` that bear on it without deciding it (e.g. the lab's extensions).
 */
export interface CoverageEntry {
  /** Stable id: `post-…` for the post, `c-…` for comments. */
  id: string;
  speaker: Speaker;
  /** The thread, named by its topic (the seed's order of comments is kept in the ledger's order). */
  thread: string;
  /** The entry this one replies to, if it is a reply. */
  replyTo?: string;
  /** One line, in our own words. */
  paraphrase: string;
  /** At most one short quote from the seed (one sentence, at most 30 words). */
  quote?: string;
  treatment: Treatment;
  claims?: string[];
  section?: SectionRef;
  reason?: string;
  /** A caveat on the treatment (e.g. which part of a point a claim tests). */
  note?: string;
}

const registry = createRegistry<CoverageEntry>(MODULE, 'coverage entry');
const order: string[] = [];

/** Registers one entry (ids unique; the shape is checked now, references by {@link checkCoverage}). */
export function defineCoverage(entry: CoverageEntry): CoverageEntry {
  const shape = shapeProblems(entry);
  if (shape.length) fail(MODULE, claimsMessages.coverageBadEntry(entry.id, shape));
  registry.define(entry);
  order.push(entry.id);
  return entry;
}

/** Every entry, in the order of the seed (post first, then the comment threads). */
export function listCoverage(): CoverageEntry[] {
  return order.map((id) => registry.get(id));
}

/**
 * The treatment a point is shown and counted with: `demonstrated` for a `tested` point whose claims
 * are all theorems or demonstrations, else its own. A claim the ledger does not know (a problem
 * {@link checkCoverage} reports) leaves a tested point tested.
 */
export function coverageTreatment(e: CoverageEntry, kindOf: KindOf = ledgerKindOf): ShownTreatment {
  if (e.treatment !== 'tested') return e.treatment;
  const kinds = (e.claims ?? []).map(kindOf);
  return kinds.length > 0 && kinds.every((k) => k !== undefined && k !== 'empirical') ? 'demonstrated' : 'tested';
}

/** The distinct kinds of the claims a point lists, in ledger-kind order (e.g. "empirical, theorem"). */
export function coverageKinds(e: CoverageEntry, kindOf: KindOf = ledgerKindOf): string {
  const kinds = new Set((e.claims ?? []).map((c) => kindOf(c) ?? 'unknown'));
  return (['empirical', 'demonstration', 'theorem', 'unknown'] as const).filter((k) => kinds.has(k)).join(', ');
}

/** Counts per shown treatment ({@link coverageTreatment}): `tested` counts only points an empirical claim tests. */
export function coverageCounts(entries: readonly CoverageEntry[] = listCoverage(), kindOf: KindOf = ledgerKindOf): Record<ShownTreatment, number> {
  const out: Record<ShownTreatment, number> = { tested: 0, demonstrated: 0, discussed: 0, 'out of scope': 0, open: 0 };
  for (const e of entries) out[coverageTreatment(e, kindOf)]++;
  return out;
}

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

/** What is wrong with an entry on its own (no references followed). */
export function shapeProblems(e: CoverageEntry): string[] {
  const p: string[] = [];
  if (!/^(post|c)-[a-z0-9-]+$/.test(e.id)) p.push('the id must look like "post-…" or "c-…" (lower case, digits, dashes)');
  if (e.speaker !== 'the post' && e.speaker !== 'a commenter') p.push('speaker must be "the post" or "a commenter"');
  if (e.speaker === 'the post' && !e.id.startsWith('post-')) p.push('a point of the post needs a "post-" id');
  if (e.speaker === 'a commenter' && !e.id.startsWith('c-')) p.push('a comment needs a "c-" id');
  if (!e.thread?.trim()) p.push('name the thread');
  if (!e.paraphrase?.trim() || e.paraphrase.includes('\n')) p.push('the paraphrase must be one line');
  if (e.quote !== undefined && (words(e.quote) > 30 || /[.!?]\s+[A-Z]/.test(e.quote.trim()))) p.push('the quote must be one short sentence (at most 30 words)');
  switch (e.treatment) {
    case 'tested': if (!e.claims?.length) p.push('a tested point lists the claim ids that test it'); break;
    case 'discussed': if (!e.section) p.push('a discussed point names its notebook section'); break;
    case 'out of scope': case 'open': if (!e.reason?.trim()) p.push(`an ${e.treatment === 'open' ? 'open' : 'out-of-scope'} point gives a reason`); break;
    default: p.push(`treatment must be tested, discussed, out of scope or open, got ${JSON.stringify(e.treatment)}`);
  }
  return p;
}

/** What the checker needs to know about the checkout. */
export interface CoverageContext {
  /** Every claim id of the claims ledger. */
  claimIds: readonly string[];
  /** The headings of a notebook (exact text, without `#`s), or undefined if there is no such notebook. */
  headings(notebook: string): readonly string[] | undefined;
}

/** One problem found by {@link checkCoverage}. */
export interface CoverageProblem {
  entry?: string;
  claim?: string;
  problem: string;
}

/**
 * Checks a coverage ledger against the claims ledger and the notebooks: every claim id an entry
 * names exists, every section heading exists in its notebook, replies point to known entries,
 * and every claim of the ledger is named by at least one entry. Returns the problems (none = ok).
 */
export function checkCoverage(entries: readonly CoverageEntry[], ctx: CoverageContext): CoverageProblem[] {
  const out: CoverageProblem[] = [];
  const ids = new Set<string>();
  const claimIds = new Set(ctx.claimIds);
  for (const e of entries) {
    if (ids.has(e.id)) out.push({ entry: e.id, problem: 'duplicate id' });
    ids.add(e.id);
    for (const s of shapeProblems(e)) out.push({ entry: e.id, problem: s });
    for (const c of e.claims ?? []) {
      if (!claimIds.has(c)) out.push({ entry: e.id, claim: c, problem: `names claim "${c}", which is not in the claims ledger` });
    }
    if (e.section) {
      const hs = ctx.headings(e.section.notebook);
      if (!hs) out.push({ entry: e.id, problem: `names notebook "${e.section.notebook}", which does not exist` });
      else if (!hs.includes(e.section.heading)) out.push({ entry: e.id, problem: `names section "${e.section.heading}", which is not a heading of ${e.section.notebook}` });
    }
  }
  for (const e of entries) {
    if (e.replyTo && !ids.has(e.replyTo)) out.push({ entry: e.id, problem: `replies to "${e.replyTo}", which is not an entry` });
  }
  const named = new Set(entries.flatMap((e) => e.claims ?? []));
  for (const c of ctx.claimIds) {
    if (!named.has(c)) out.push({ claim: c, problem: `claim "${c}" has no coverage entry` });
  }
  return out;
}

/** Headings (exact text, `#`s stripped, emphasis and code marks kept out) of markdown sources. */
export function markdownHeadings(markdown: string): string[] {
  const out: string[] = [];
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const m = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (m) out.push(m[1].replace(/[`*_]/g, ''));
  }
  return out;
}

/** Claim ids, each theorem or demonstration marked with its kind: "01-x (demonstration), 02-y". */
export function claimsWithKinds(ids: readonly string[], kindOf: KindOf = ledgerKindOf): string {
  return ids.map((c) => { const k = kindOf(c); return k && k !== 'empirical' ? `${c} (${k})` : c; }).join(', ');
}

/**
 * One row of the printed table. `treatment` is the shown treatment ({@link coverageTreatment});
 * `kind` the distinct kinds of the claims it lists; in `where` and `related` each theorem or
 * demonstration is marked with its kind.
 */
export function coverageRow(e: CoverageEntry, kindOf: KindOf = ledgerKindOf): Record<string, string> {
  const where = e.treatment === 'tested' ? claimsWithKinds(e.claims ?? [], kindOf) + (e.section ? ` (${e.section.notebook} § ${e.section.heading})` : '')
    : e.treatment === 'discussed' ? `${e.section!.notebook} § ${e.section!.heading}`
    : e.reason ?? '';
  return {
    id: e.id, speaker: e.speaker, thread: e.thread, paraphrase: e.paraphrase, quote: e.quote ?? '',
    treatment: coverageTreatment(e, kindOf), kind: coverageKinds(e, kindOf), where,
    related: e.treatment === 'tested' ? '' : claimsWithKinds(e.claims ?? [], kindOf), note: e.note ?? '',
  };
}
