import { describe, expect, it } from 'vitest';
import {
  checkCoverage, coverageCounts, coverageRow, coverageTreatment, defineCoverage, listClaims, listCoverage, markdownHeadings, shapeProblems,
  type CoverageEntry, type KindOf,
} from '../../lib/claims/index';
import '../../lessons/index';
import { checkCoverageInCheckout, coverageBody, coverageCsv, coverageSummary, notebookHeadings } from '../../course/coverage';

const good: CoverageEntry = {
  id: 'c-probe', speaker: 'a commenter', thread: 'a thread', paraphrase: 'A point.', treatment: 'tested',
  claims: ['01-retargetable-search'], section: { notebook: '01-search-as-retargetable-process', heading: '5 · The claim' },
};

describe('the coverage ledger of this checkout', () => {
  it('names only ledger claims and real notebook sections, and covers every claim', () => {
    expect(checkCoverageInCheckout()).toEqual([]);
  });

  it('has the post and comments in it, with every treatment counted', () => {
    const entries = listCoverage();
    expect(entries.length).toBeGreaterThanOrEqual(40);
    expect(entries.some((e) => e.speaker === 'the post')).toBe(true);
    const n = coverageCounts(entries);
    expect(n.tested + n.demonstrated + n.discussed + n['out of scope'] + n.open).toBe(entries.length);
    for (const e of entries) expect(shapeProblems(e)).toEqual([]);
  });

  it('counts a point as tested only through an empirical claim; one tested only by demonstrations or theorems is "demonstrated"', () => {
    const byId = (id: string) => listCoverage().find((e) => e.id === id)!;
    // Only 07-outermost-call, a demonstration: shown and counted as demonstrated.
    for (const id of ['c-arch-1-work-elsewhere', 'c-arch-outermost-call']) {
      expect(byId(id).treatment).toBe('tested');
      expect(coverageTreatment(byId(id))).toBe('demonstrated');
      expect(coverageRow(byId(id))).toMatchObject({ treatment: 'demonstrated', kind: 'demonstration' });
      expect(coverageRow(byId(id)).where).toMatch(/^07-outermost-call \(demonstration\)/);
    }
    // An empirical claim beside a theorem or a demonstration keeps the point tested, with the kinds shown.
    expect(coverageRow(byId('c-search-relaxation'))).toMatchObject({ treatment: 'tested', kind: 'empirical, theorem' });
    expect(coverageRow(byId('c-search-relaxation')).where).toContain('02-relaxation-admissible (theorem)');
    for (const id of ['post-recipe', 'post-assumption-retargetable-search']) {
      expect(coverageRow(byId(id))).toMatchObject({ treatment: 'tested', kind: 'empirical, demonstration' });
      expect(coverageRow(byId(id)).where).toContain('01-retargetable-search (demonstration)');
    }
    // Every point shown as tested names an empirical claim; the counts agree with the rows.
    const kindOf = (id: string) => listClaims().find((c) => c.id === id)?.kind;
    for (const e of listCoverage()) {
      if (coverageTreatment(e) === 'tested') expect((e.claims ?? []).some((c) => kindOf(c) === 'empirical')).toBe(true);
    }
    const n = coverageCounts();
    expect(n.demonstrated).toBe(listCoverage().filter((e) => coverageTreatment(e) === 'demonstrated').length);
    expect(n.demonstrated).toBeGreaterThanOrEqual(2);
  });

  it('derives the shown treatment from the kinds it is given (a planted ledger)', () => {
    const kinds: Record<string, 'theorem' | 'demonstration' | 'empirical'> = { t: 'theorem', d: 'demonstration', e: 'empirical' };
    const kindOf: KindOf = (id) => kinds[id];
    const at = (claims: string[], treatment: CoverageEntry['treatment'] = 'tested') => coverageTreatment({ ...good, claims, treatment }, kindOf);
    expect(at(['t'])).toBe('demonstrated');
    expect(at(['t', 'd'])).toBe('demonstrated');
    expect(at(['t', 'e'])).toBe('tested');
    expect(at(['unknown'])).toBe('tested'); // an unknown claim is checkCoverage's problem, not a demotion
    expect(at(['t'], 'discussed')).toBe('discussed');
    expect(coverageCounts([{ ...good, claims: ['t'] }, { ...good, claims: ['e'] }], kindOf)).toEqual({ tested: 1, demonstrated: 1, discussed: 0, 'out of scope': 0, open: 0 });
  });

  it('tests the post\'s "eliminates inner alignment" on the inner-misalignment claim, not on the outer-misaligned planner', () => {
    const e = listCoverage().find((c) => c.id === 'post-eliminates-inner')!;
    expect(e.claims).toContain('06-retarget-removes-inner-misalignment');
    expect(e.claims).not.toContain('06-retarget-removes-misgeneralization');
    const planner = listClaims().find((c) => c.id === '06-retarget-removes-misgeneralization')!;
    expect(planner.source.paraphrase).not.toMatch(/inner misalignment/);
    expect(planner.claim).toMatch(/outer misalignment/);
  });

  it('prints as CSV and as a book page that links each section', () => {
    const csv = coverageCsv();
    expect(csv.split('\n')[0]).toBe('id,speaker,thread,paraphrase,quote,treatment,kind,where,related,note');
    expect(csv).toMatch(/\nc-arch-outermost-call,[^\n]*,demonstrated,demonstration,07-outermost-call \(demonstration\),/);
    const html = coverageBody(listCoverage().filter((e) => e.id === 'c-mbrl-infant'));
    expect(html).toContain('href="11-value-painting.html#3-the-infant-phase"');
    expect(html).toContain('href="claims.html#claim-11-value-painting-retargets"');
    const demo = coverageBody(listCoverage().filter((e) => e.id === 'c-arch-outermost-call'));
    expect(demo).toContain('<td class="treatment-demonstrated">demonstrated</td>');
    expect(demo).toContain('07-outermost-call (demonstration)');
  });
});

describe('each check catches a planted bad entry', () => {
  const hs = notebookHeadings();
  const ctx = { claimIds: listClaims().map((c) => c.id), headings: (nb: string) => hs.get(nb) };
  const all = listCoverage();

  it('the planted good entry passes', () => {
    expect(checkCoverage([...all, good], ctx)).toEqual([]);
  });

  it('an unknown claim id', () => {
    const bad = { ...good, claims: ['01-no-such-claim'] };
    expect(checkCoverage([...all, bad], ctx)).toEqual([
      { entry: 'c-probe', claim: '01-no-such-claim', problem: 'names claim "01-no-such-claim", which is not in the claims ledger' },
    ]);
  });

  it('a section heading the notebook does not have', () => {
    const bad = { ...good, section: { notebook: '01-search-as-retargetable-process', heading: '5 · The claims' } };
    expect(checkCoverage([...all, bad], ctx).map((p) => p.problem)).toEqual([
      'names section "5 · The claims", which is not a heading of 01-search-as-retargetable-process',
    ]);
  });

  it('a notebook that does not exist', () => {
    const bad = { ...good, section: { notebook: '99-nothing', heading: 'Recap' } };
    expect(checkCoverage([...all, bad], ctx).map((p) => p.problem)).toEqual(['names notebook "99-nothing", which does not exist']);
  });

  it('a ledger claim with no coverage entry', () => {
    const without = all.filter((e) => !(e.claims ?? []).includes('07-outermost-call'));
    expect(without.length).toBeLessThan(all.length);
    expect(checkCoverage(without, ctx)).toContainEqual({ claim: '07-outermost-call', problem: 'claim "07-outermost-call" has no coverage entry' });
  });

  it('a reply to an unknown entry, a duplicate id', () => {
    const problems = checkCoverage([...all, { ...good, replyTo: 'c-nobody' }, good], ctx).map((p) => p.problem);
    expect(problems).toEqual(['duplicate id', 'replies to "c-nobody", which is not an entry']);
  });

  it('shape: a tested point without claims, a discussed one without a section, a long quote, a wrong speaker prefix', () => {
    expect(shapeProblems({ ...good, claims: [] })).toEqual(['a tested point lists the claim ids that test it']);
    expect(shapeProblems({ ...good, treatment: 'discussed', section: undefined })).toEqual(['a discussed point names its notebook section']);
    expect(shapeProblems({ ...good, treatment: 'out of scope' })).toEqual(['an out-of-scope point gives a reason']);
    expect(shapeProblems({ ...good, quote: 'One sentence here. And a second one.' })).toHaveLength(1);
    expect(shapeProblems({ ...good, speaker: 'the post' })).toEqual(['a point of the post needs a "post-" id']);
    expect(() => defineCoverage({ ...good, id: 'c-probe-bad', claims: [] })).toThrow(/claims\/coverage: coverage entry "c-probe-bad"/);
  });

  it('reads headings from markdown, ignoring code fences', () => {
    expect(markdownHeadings('# 01 · Title\ntext\n```\n# not a heading\n```\n## 2 · `code` and *emphasis*\n')).toEqual(['01 · Title', '2 · code and emphasis']);
  });
});

describe('retarget-lab claims --coverage', () => {
  async function run(argv: string[]): Promise<string> {
    const { command } = await import('../../cli/claims');
    const chunks: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((c: string | Uint8Array) => { chunks.push(String(c)); return true; }) as typeof process.stdout.write;
    try { expect(await command.run(argv)).toBe(0); } finally { process.stdout.write = write; }
    return chunks.join('');
  }

  it('prints the table with the counts, as JSON and as CSV', async () => {
    const n = coverageCounts();
    const text = await run(['--coverage']);
    expect(text).toMatch(/^point\s+speaker\s+treatment\s+where/);
    expect(text).toContain(coverageSummary());
    expect(coverageSummary()).toBe(`${listCoverage().length} points: ${n.tested} tested by an empirical claim, ${n.demonstrated} demonstrated (only by a theorem or demonstration), ${n.discussed} discussed, ${n['out of scope']} out of scope, ${n.open} open.`);
    expect(text).toMatch(/\nc-arch-outermost-call\s+a commenter\s+demonstrated\s+07-outermost-call \(demonstration\)/);
    const json = JSON.parse(await run(['--coverage', '--json']));
    expect(json.counts).toEqual(n);
    expect(json.entries.map((e: CoverageEntry) => e.id)).toEqual(listCoverage().map((e) => e.id));
    expect(json.entries.find((e: { id: string }) => e.id === 'c-arch-outermost-call')).toMatchObject({ treatment: 'tested', shown: 'demonstrated', kinds: 'demonstration' });
    const csv = (await run(['--coverage', '--csv'])).trim().split('\n');
    expect(csv[0]).toBe('id,speaker,thread,paraphrase,quote,treatment,kind,where,related,note');
    expect(csv.length).toBeGreaterThan(listCoverage().length);
  });

  it('rejects --csv without --coverage, and claim ids with it', async () => {
    const { command } = await import('../../cli/claims');
    await expect(command.run(['--csv'])).rejects.toThrow(/cli\/claims: --csv goes with --coverage/);
    await expect(command.run(['--coverage', '01-retargetable-search'])).rejects.toThrow(/--coverage takes no claim ids/);
  });
});
