import { describe, expect, it } from 'vitest';
import { claimMarkdown, shownClaims } from '../../kernel/claim-view';
import { runClaim } from '../../index';

const asOutput = (md: string | string[]) => ({ outputs: [{ output_type: 'display_data', data: { 'text/markdown': md }, metadata: {} }] });

describe('kernel/claim-view: the claims a notebook shows, read back', () => {
  it('reads claim, parameters and verdict from what showClaim writes, in order, as a string or as lines', async () => {
    const a = await runClaim('01-retargetable-search');
    const b = await runClaim('01-retargetable-search', { size: 61, budget: 60 });
    const mdB = claimMarkdown(b);
    const shown = shownClaims([asOutput(claimMarkdown(a)), { outputs: [{ output_type: 'stream', text: 'x' }] }, asOutput(mdB.split(/(?<=\n)/))]);
    expect(shown.map((s) => s.verdict)).toEqual([a.verdict, b.verdict]);
    expect(a.verdict).not.toBe(b.verdict);
    expect(shown[1].claim).toBe('01-retargetable-search');
    expect(shown[1].params).toContain('`size=61`');
    expect(shown[1].params).toContain('`budget=60`');
  });
  it('skips markdown that is not a claim, and names the module when a claim output is malformed', () => {
    expect(shownClaims([asOutput('### Results\nnothing here')])).toEqual([]);
    expect(() => shownClaims([asOutput('### Claim `x`: 🤷 maybe\n*Parameters:* (none) · computed in 0.1 s')])).toThrow(/kernel\/claim-view.*showClaim/);
  });
});
