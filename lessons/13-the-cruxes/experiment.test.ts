import { describe, expect, it } from 'vitest';
import { getClaim, listClaims, resolveParams, type ClaimOutcome } from '../../lib/claims/index';
import { CRUXES, cruxPointRows, cruxPoints, cruxRows, getCrux, leansToward } from '../../index';
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

  it('a theorem or demonstration leans toward neither, from its kind, whatever the crux says', () => {
    const planted = { id: '07-outermost-call', supportedFavours: 'the post' as const };
    expect(leansToward(planted, 'demonstration', 'supported')).toEqual({ leans: '—', basis: 'demonstration: true by construction' });
    expect(leansToward(planted, 'theorem', 'not supported').leans).toBe('—');
    expect(leansToward(planted, 'empirical', 'supported').leans).toBe('the post');
    expect(leansToward(planted, 'empirical', 'not supported').leans).toBe('the critics');
    // Every non-empirical claim of the cruxes reads as neither, at every verdict.
    for (const c of CRUXES) for (const k of c.claims) {
      if (getClaim(k.id).kind === 'empirical') continue;
      for (const v of ['supported', 'not supported', 'depends'] as const) expect(leansToward(k, getClaim(k.id).kind, v).leans).toBe('—');
    }
    const o = { id: '07-outermost-call', verdict: 'supported', seconds: 0.1, summary: '', params: {} } as unknown as ClaimOutcome;
    expect(cruxRows('architecture', [o])[0]).toMatchObject({ 'leans toward': '—', basis: 'demonstration: true by construction' });
  });

  it('a planner run is retargetable by construction and leans toward neither; the same claim on the policy network can lean', () => {
    const o = (id: string, verdict: ClaimOutcome['verdict'], params: Record<string, string | number>) => ({ id, verdict, seconds: 0.1, summary: '', kind: 'empirical', params }) as ClaimOutcome;
    const rows = cruxRows('natural-abstractions', [o('05-target-located', 'supported', { kind: 'planner' }), o('05-target-located', 'not supported', { kind: 'policy' })]);
    expect(rows.map((r) => r['leans toward'])).toEqual(['—', 'the critics']);
    expect(rows[0].basis).toMatch(/^by construction: the planner's target map/);
    expect(cruxRows('inner-outer', [o('06-retarget-removes-misgeneralization', 'supported', { concept: 'cheese' })])[0]['leans toward']).toBe('—');
    expect(cruxRows('search-exists', [o('04-training-produces-search', 'not supported', { agent: 'policy' }), o('04-training-produces-search', 'not supported', { agent: 'aligned' })])
      .map((r) => r['leans toward'])).toEqual(['—', 'the critics']);
  });

  it('every control retargetable by construction (the planner, the planted searcher, a planner\'s value map) leans toward neither; the trained runs can lean', () => {
    const o = (id: string, verdict: ClaimOutcome['verdict'], params: Record<string, string | number>, numbers: Record<string, unknown> = {}) => ({ id, verdict, seconds: 0.1, summary: '', kind: 'empirical', params, numbers }) as unknown as ClaimOutcome;
    const leans = (crux: string, outs: ClaimOutcome[]) => cruxRows(crux, outs).map((r) => r['leans toward']);
    expect(leans('search-exists', [o('06-policy-retargetable', 'supported', { agent: 'planner' }), o('06-policy-retargetable', 'supported', { agent: 'policy' })])).toEqual(['—', 'the post']);
    expect(leans('inner-outer', [o('06-learned-retargetable', 'supported', { variant: 'planted' }), o('06-learned-retargetable', 'supported', { variant: 'aligned' })])).toEqual(['—', 'the post']);
    expect(cruxRows('search-exists', [o('06-goal-diversity', 'supported', { many: 'planted', narrow: 'fixed' })])[0].basis).toMatch(/^by construction: the planted/);
    expect(leans('inner-outer', [o('06-retarget-removes-inner-misalignment', 'supported', { agent: 'planted-proxy' }), o('06-retarget-removes-inner-misalignment', 'not supported', { agent: 'corner' }, { located: true })])).toEqual(['—', 'the critics']);
    // Nothing located: the conditional claim was not tested, so it leans toward neither.
    const unmet = cruxRows('inner-outer', [o('06-retarget-removes-inner-misalignment', 'not supported', { agent: 'corner' }, { located: false })])[0];
    expect(unmet['leans toward']).toBe('—');
    expect(unmet.basis).toMatch(/^premise not met: nothing narrow was located/);
    expect(leans('natural-abstractions', [o('13-shared-concept', 'supported', {}, { byConstruction: 1 }), o('13-shared-concept', 'supported', {}, { byConstruction: 0 })])).toEqual(['—', 'the post']);
  });

  it('shows a point tested only by a demonstration as demonstrated', () => {
    const row = cruxPointRows('architecture').find((r) => r.point === 'c-arch-outermost-call')!;
    expect(row.treatment).toBe('demonstrated: 07-outermost-call (demonstration)');
  });

  it('names the known cruxes when asked for an unknown one', () => {
    expect(() => getCrux('nope')).toThrow(/no crux "nope"; use one of: search-exists/);
  });
});
