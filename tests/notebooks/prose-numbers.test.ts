/**
 * Numbers in prose come from the run: a markdown cell may not state a run-dependent figure
 * (a percentage, a "N×" factor, a decimal). Such figures are printed by the cell that computes
 * them, as a markdown display built from the values. Fixed facts are allowed when listed below
 * with the reason they are fixed: parameter values, textbook results, versions, cited published
 * results. Inline code, arXiv ids, grid sizes ("7×7") and the further-reading section are skipped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNotebook, sourceText } from '../../kernel/notebook';

const dir = path.resolve(__dirname, '..', '..', 'notebooks');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ipynb')).sort();

/** Figures that are fixed facts, not results of a run: exact text in the notebook, and why. */
const ALLOWED: Record<string, { text: string; why: string }[]> = {
  '04-mesa-optimizers': [
    { text: '95%', why: 'the bar of 04-goal-misgeneralization for "learned the task", a criterion' },
    { text: '20%', why: 'the bar of 04-goal-misgeneralization for the proxy rate, a criterion' },
    { text: '0.25', why: 'the gain an exercise asks the learner\'s test to require, a parameter' },
    { text: '0.5', why: 'the best success an exercise asks the learner\'s test to require, a parameter' },
  ],
  '06-just-retarget-the-search': [{ text: '80%', why: 'the bar of 06-policy-retargetable, a criterion' }],
  '02-heuristics-from-relaxation': [{ text: '1.5', why: 'a parameter value the reader is told to try' }],
  '03-search-vs-heuristics': [
    { text: '1.4', why: 'the textbook constant of quicksort\'s expected comparisons (≈ 1.39·n·log₂n)' },
    { text: '1.92', why: 'a worked example of the effective branching factor (52 nodes at depth 5): arithmetic' },
    { text: '0.1%', why: 'the accuracy an exercise asks for' },
  ],
  '08-specialized-heuristics': [{ text: '1.4.0', why: 'the version of the chess library' }],
  '10-editing-facts-vs-search': [
    { text: '3×', why: 'the corruption noise of causal tracing, a method parameter (Meng et al. 2022)' },
    { text: '90%', why: 'the claim\'s bar for an edit that works, quoted by an exercise' },
  ],
  '11-value-painting': [{ text: '90%', why: 'the claim\'s bar for painting that works, quoted by an exercise' }],
  '12-interpretability-scenarios': [
    { text: '90%', why: 'the success that counts as fixed, and the flag accuracy that counts as working: parameters' },
    { text: '60%', why: 'the retarget success that counts as broken, a parameter quoted by an exercise' },
  ],
};

/** Notebooks exempt from the check (none: add one only with a reason and an issue to remove it). */
const TODO = new Set<string>([]);

/** The figures a markdown text states: percentages, "N×" factors (not grid sizes), decimals. */
function proseFigures(markdown: string): string[] {
  let t = markdown.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`]*`/g, ' ');
  // Cited papers and the further-reading list are fixed facts.
  const reading = t.search(/\*\*Further reading|^#+\s*Further reading/im);
  if (reading >= 0) t = t.slice(0, reading);
  t = t.replace(/arXiv[:\s]*\d{4}\.\d{4,5}/gi, ' ').replace(/\b(19|20)\d{2}\b/g, ' ');
  const out: string[] = [];
  for (const m of t.matchAll(/(?<![\w.×])(\d+(?:\.\d+)?×(?!\s?\d)|\d+(?:\.\d+)*\s?%|\d+(?:\.\d+)+)/g)) out.push(m[1].replace(/\s/g, ''));
  return out;
}

describe('prose numbers', () => {
  it('finds the figures it should and skips the fixed ones', () => {
    expect(proseFigures('solved 56% of mazes, 3.8× fewer, a ratio of 0.92')).toEqual(['56%', '3.8×', '0.92']);
    expect(proseFigures('a 7×7 grid in `size: 0.5`, arXiv 2105.14111, in 2022')).toEqual([]);
    expect(proseFigures('text\n\n**Further reading.** Mini et al. report 61% (arXiv 2310.08043)')).toEqual([]);
  });
  for (const f of files) {
    const name = f.replace(/\.ipynb$/, '');
    const test = TODO.has(name) ? it.skip : it;
    test(`${name}: markdown states no run-dependent figure`, () => {
      const nb = readNotebook(path.join(dir, f));
      const allowed = new Set((ALLOWED[name] ?? []).map((a) => a.text));
      const found = nb.cells.filter((c) => c.cell_type === 'markdown').flatMap((c) => proseFigures(sourceText(c.source)));
      expect(found.filter((x) => !allowed.has(x)), `${f}: print these from the cell that computes them, or list them as fixed facts`).toEqual([]);
    });
  }
});
