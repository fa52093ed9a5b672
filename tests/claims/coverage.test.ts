import { describe, expect, it } from 'vitest';
import {
  checkCoverage, coverageCounts, defineCoverage, listClaims, listCoverage, markdownHeadings, shapeProblems,
  type CoverageEntry,
} from '../../lib/claims/index';
import '../../lessons/index';
import { checkCoverageInCheckout, coverageBody, coverageCsv, notebookHeadings } from '../../course/coverage';

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
    expect(n.tested + n.discussed + n['out of scope'] + n.open).toBe(entries.length);
    for (const e of entries) expect(shapeProblems(e)).toEqual([]);
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
    expect(csv.split('\n')[0]).toBe('id,speaker,thread,paraphrase,quote,treatment,where,related,note');
    const html = coverageBody(listCoverage().filter((e) => e.id === 'c-mbrl-infant'));
    expect(html).toContain('href="11-value-painting.html#3-the-infant-phase"');
    expect(html).toContain('href="claims.html#claim-11-value-painting-retargets"');
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
    expect(text).toContain(`${listCoverage().length} points: ${n.tested} tested, ${n.discussed} discussed, ${n['out of scope']} out of scope, ${n.open} open.`);
    const json = JSON.parse(await run(['--coverage', '--json']));
    expect(json.counts).toEqual(n);
    expect(json.entries.map((e: CoverageEntry) => e.id)).toEqual(listCoverage().map((e) => e.id));
    const csv = (await run(['--coverage', '--csv'])).trim().split('\n');
    expect(csv[0]).toBe('id,speaker,thread,paraphrase,quote,treatment,where,related,note');
    expect(csv.length).toBeGreaterThan(listCoverage().length);
  });

  it('rejects --csv without --coverage, and claim ids with it', async () => {
    const { command } = await import('../../cli/claims');
    await expect(command.run(['--csv'])).rejects.toThrow(/cli\/claims: --csv goes with --coverage/);
    await expect(command.run(['--coverage', '01-retargetable-search'])).rejects.toThrow(/--coverage takes no claim ids/);
  });
});
