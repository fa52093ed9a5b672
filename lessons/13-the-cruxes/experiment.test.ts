import { describe, expect, it } from 'vitest';
import { getClaim, listClaims, resolveParams, type ClaimOutcome } from '../../lib/claims/index';
import { CRUXES, cruxPoints, cruxRows, getCrux } from '../../index';
import { notebookHeadings } from '../../course/coverage';

describe('lesson 13: the cruxes', () => {
  it('every crux has its section (and subsections) in notebook 13', () => {
    const hs = notebookHeadings().get('13-the-cruxes');
    expect(hs).toBeDefined();
    for (const c of CRUXES) for (const h of [c.heading, ...(c.subsections ?? [])]) expect(hs).toContain(h);
  });

  it('every crux claim is in the ledger, and every ledger claim bears on some crux', () => {
    const ids = listClaims().map((c) => c.id);
    const used = CRUXES.flatMap((c) => c.claims.map((k) => k.id));
    for (const id of used) expect(ids).toContain(id);
    expect(ids.filter((id) => !used.includes(id))).toEqual([]);
  });

  it('the fast parameters notebook 13 runs each claim with are parameters the claim has', () => {
    for (const c of CRUXES) for (const k of c.claims) expect(() => resolveParams(getClaim(k.id), k.params ?? {})).not.toThrow();
  });

  it('every crux lists the coverage points discussed under it', () => {
    for (const c of CRUXES) expect(cruxPoints(c.id).length).toBeGreaterThan(0);
    expect(cruxPoints('search-exists').map((e) => e.id)).toContain('c-mesa-why-not');
  });

  it('reads which side a verdict leans toward', () => {
    const o = (id: string, verdict: ClaimOutcome['verdict']) => ({ id, verdict, seconds: 0.1, summary: '' }) as ClaimOutcome;
    const rows = cruxRows('goal-specific', [o('02-relaxation-goal-agnostic', 'supported'), o('07-builtin-goal-agent', 'not supported'), o('02-relaxation-admissible', 'supported'), o('08-retargeted-engine-loses-heuristics', 'depends')]);
    expect(rows.map((r) => r['leans toward'])).toEqual(['the post', 'the post', '—', '—']);
  });

  it('names the known cruxes when asked for an unknown one', () => {
    expect(() => getCrux('nope')).toThrow(/no crux "nope"; use one of: search-exists/);
  });
});
