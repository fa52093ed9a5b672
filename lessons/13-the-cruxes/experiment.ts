/**
 * Notebook 13, the cruxes: each disagreement of the debate, the ledger claims that bear on it
 * (re-run live with parameters small enough for the whole notebook to stay under a minute), and
 * the points of the coverage ledger that the notebook discusses under it.
 */
import { getClaim, runClaim } from '../../lib/claims/ledger';
import type { ClaimKind, ClaimOutcome, ParamValues, Verdict } from '../../lib/claims/types';
import { claimsWithKinds, coverageTreatment, listCoverage, type CoverageEntry } from '../../lib/claims/coverage';
import { fail } from '../../lib/core/errors';
import { cruxesMessages } from './messages';

const MODULE = 'lessons/13/experiment';

/** A claim that bears on a crux, with the (fast) parameters the notebook runs it with. */
export interface CruxClaim {
  id: string;
  params?: Record<string, unknown>;
  /**
   * Which way a "supported" verdict of the open question leans: toward the post's plan, or toward
   * its critics. A theorem or demonstration leans toward neither whatever this says (see {@link leansToward}).
   */
  supportedFavours: 'the post' | 'the critics' | 'neither';
  /**
   * When the run's agent is retargetable (or not) by construction at these parameters, why; its
   * verdict then leans toward neither side, since it is no evidence about trained systems.
   */
  byConstruction?: (params: ParamValues, numbers: Record<string, unknown>) => string | undefined;
  /**
   * For a conditional claim ("if X can be done, then Y"): why this run did not test it (its premise
   * failed, e.g. nothing located to edit), or undefined. Such a run leans toward neither here; the
   * premise is tested by the claims that ask it.
   */
  premiseUnmet?: (params: ParamValues, numbers: Record<string, unknown>) => string | undefined;
}

const PLANTED_PROXY = 'the planted-proxy searcher has the corner wired into its goal slot by hand (misaligned and retargetable by construction)';
const PLANNER_TARGET = 'the planner\'s target map is a target by construction';
const PLANTED = 'the planted wavefront searcher is hand-set, retargetable by construction';

/** One crux: its notebook heading, the question, and the claims that bear on it. */
export interface Crux {
  id: string;
  /** The exact heading of its section in notebooks/13-the-cruxes.ipynb. */
  heading: string;
  /** Headings of its subsections that coverage entries may point to. */
  subsections?: string[];
  question: string;
  claims: CruxClaim[];
}

/** The cruxes, in the notebook's order. */
export const CRUXES: readonly Crux[] = [
  {
    id: 'search-exists', heading: '1 · Is there a retargetable search to find?', subsections: ['The exchange: why no mesa-optimizers?'],
    question: 'Will the systems we care about contain a retargetable internal search at all?',
    claims: [
      { id: '01-retargetable-search', supportedFavours: 'neither' },
      { id: '04-goal-misgeneralization', params: { episodes: 60 }, supportedFavours: 'neither' },
      { id: '06-policy-retargetable', supportedFavours: 'the post', byConstruction: (p) => (p.agent === 'planner' ? PLANNER_TARGET : undefined) },
      { id: '04-training-produces-search', params: { size: 9, count: 6 }, supportedFavours: 'the post',
        byConstruction: (p) => (p.agent === 'policy' ? 'the policy network has no iterations, so no search by construction' : undefined) },
      { id: '12-detects-trained-search', supportedFavours: 'the post' },
      { id: '04-learned-inner-misgeneralization', params: { count: 40 }, supportedFavours: 'neither' },
      { id: '06-goal-diversity', params: { size: 7, mazes: 2 }, supportedFavours: 'neither', byConstruction: (p) => (p.many === 'planted' || p.narrow === 'planted' ? PLANTED : undefined) },
    ],
  },
  {
    id: 'search-vs-heuristics', heading: '2 · Search or heuristics: where is the action?',
    question: 'Under a compute budget, does the work sit in a search or in the heuristics and plan proposals that feed it?',
    claims: [
      { id: '03-search-inefficient', supportedFavours: 'the critics' },
      { id: '03-plan-generation', params: { trials: 20 }, supportedFavours: 'the critics' },
      { id: '03-exp-to-pseudolinear', supportedFavours: 'neither' },
    ],
  },
  {
    id: 'goal-specific', heading: '3 · Are good heuristics goal-specific?',
    question: 'Do the heuristics that make a search fast depend on the goal, so that retargeting throws them away?',
    claims: [
      { id: '02-relaxation-goal-agnostic', supportedFavours: 'the post' },
      { id: '02-relaxation-admissible', supportedFavours: 'neither' },
      { id: '02-pdb-goal-specific', supportedFavours: 'the critics' },
      { id: '07-builtin-goal-agent', supportedFavours: 'the critics' },
      { id: '08-retargeted-engine-loses-heuristics', supportedFavours: 'the critics' },
    ],
  },
  {
    id: 'architecture', heading: '4 · Which architecture, and which call?',
    question: 'Is a capable system one search with its goal built in, or a searcher that calls itself on subgoals, and which call would we retarget?',
    claims: [{ id: '07-outermost-call', supportedFavours: 'neither' }],
  },
  {
    id: 'competition', heading: '5 · Can a general searcher compete?',
    question: 'Does a retargeted, general searcher lose to specialised systems by a margin that matters?',
    claims: [
      { id: '09-competitiveness-tax', supportedFavours: 'the critics' },
      { id: '08-parallel-learning', supportedFavours: 'neither' },
      { id: '09-cache-plus-search', supportedFavours: 'neither' },
    ],
  },
  {
    id: 'natural-abstractions', heading: '6 · Natural abstractions: is there a target to write?', subsections: ['Do independently trained agents share the concept?'],
    question: 'Does the AI have a concept close enough to our target, in a place we can find and write?',
    claims: [
      { id: '13-shared-concept', supportedFavours: 'the post', byConstruction: (_p, n) => (Number(n.byConstruction ?? 0) > 0 ? 'a planner\'s built-in value iteration is read: maze distance by construction' : undefined) },
      { id: '05-target-located', params: { mazes: 60 }, supportedFavours: 'the post', byConstruction: (p) => (p.kind === 'planner' ? PLANNER_TARGET : undefined) },
      { id: '05-learned-target-located', params: { size: 7 }, supportedFavours: 'the post' },
      { id: '10-search-editable-like-facts', params: { rooms: 30 }, supportedFavours: 'the post' },
      { id: '10-rome-edits-facts', params: { edits: 2 }, supportedFavours: 'the post' },
      { id: '10-localization-informs-editing', params: { edits: 2 }, supportedFavours: 'the post' },
      { id: '11-concept-extrapolation', params: { episodes: 30 }, supportedFavours: 'the critics' },
    ],
  },
  {
    id: 'weak-interpretability', heading: '7 · Weaker interpretability: retarget, or detect and retrain?',
    question: 'What is left of the plan if interpretability is noisy or can only detect and read off?',
    claims: [
      { id: '12-degrades-gracefully', supportedFavours: 'the critics' },
      { id: '12-retrain-vs-retarget', supportedFavours: 'the post' },
    ],
  },
  {
    id: 'inner-outer', heading: '8 · What retargeting solves, and what it leaves',
    question: 'Does retargeting remove inner alignment and leave only outer alignment, as the post says?',
    claims: [
      { id: '06-retarget-removes-misgeneralization', params: { episodes: 60 }, supportedFavours: 'the post', byConstruction: () => PLANNER_TARGET },
      { id: '06-learned-retargetable', params: { size: 7, mazes: 3 }, supportedFavours: 'the post', byConstruction: (p) => (p.variant === 'planted' ? PLANTED : undefined) },
      { id: '06-retarget-removes-inner-misalignment', params: { size: 7, levels: 20 }, supportedFavours: 'the post', byConstruction: (p) => (p.agent === 'planted-proxy' ? PLANTED_PROXY : undefined),
        premiseUnmet: (_p, n) => (n.located === false ? 'nothing narrow was located to edit (that question is 05-learned-target-located\'s and 06-learned-retargetable\'s)' : undefined) },
      { id: '11-value-painting-retargets', params: { episodes: 30 }, supportedFavours: 'the post' },
    ],
  },
];

/** The crux with this id or heading. */
export function getCrux(idOrHeading: string): Crux {
  const c = CRUXES.find((x) => x.id === idOrHeading || x.heading === idOrHeading);
  if (!c) fail(MODULE, cruxesMessages.unknownCrux(idOrHeading, CRUXES.map((x) => x.id)));
  return c;
}

/** Re-runs every claim bearing on a crux (its fast parameters, then `overrides` per claim id). */
export async function cruxVerdicts(idOrHeading: string, overrides: Record<string, Record<string, unknown>> = {}): Promise<ClaimOutcome[]> {
  const crux = getCrux(idOrHeading);
  const out: ClaimOutcome[] = [];
  for (const c of crux.claims) out.push(await runClaim(c.id, { ...(c.params ?? {}), ...(overrides[c.id] ?? {}) }));
  return out;
}

/**
 * Which side a verdict leans toward, and why neither if it leans toward neither. A theorem or a
 * demonstration (the claim's kind) leans toward neither, as does a run whose agent is retargetable
 * by construction at its parameters, a run whose premise was not met (a conditional claim not
 * tested), a "depends", and a claim that cuts both ways.
 */
export function leansToward(c: CruxClaim, kind: ClaimKind, verdict: Verdict, params: ParamValues = {}, numbers: Record<string, unknown> = {}): { leans: 'the post' | 'the critics' | '—'; basis: string } {
  if (kind !== 'empirical') return { leans: '—', basis: `${kind}: true by ${kind === 'theorem' ? 'mathematics' : 'construction'}` };
  const built = c.byConstruction?.(params, numbers);
  if (built) return { leans: '—', basis: `by construction: ${built}` };
  const unmet = c.premiseUnmet?.(params, numbers);
  if (unmet) return { leans: '—', basis: `premise not met: ${unmet}` };
  if (verdict === 'depends') return { leans: '—', basis: 'depends' };
  if (c.supportedFavours === 'neither') return { leans: '—', basis: 'cuts both ways' };
  const leans = verdict === 'supported' ? c.supportedFavours : c.supportedFavours === 'the post' ? 'the critics' : 'the post';
  return { leans, basis: 'empirical' };
}

/** One table row per outcome: the verdict, which side it leans toward and on what basis ({@link leansToward}), the summary. */
export function cruxRows(idOrHeading: string, outcomes: readonly ClaimOutcome[]): Record<string, string | number>[] {
  const crux = getCrux(idOrHeading);
  return outcomes.map((o) => {
    const c = crux.claims.find((k) => k.id === o.id) ?? { id: o.id, supportedFavours: 'neither' as const };
    const { leans, basis } = leansToward(c, o.kind ?? getClaim(o.id).kind, o.verdict, o.params ?? {}, o.numbers ?? {});
    return { claim: o.id, verdict: o.verdict, 'leans toward': leans, basis, seconds: Number(o.seconds.toFixed(1)), summary: o.summary };
  });
}

/** The coverage ledger's points discussed under a crux's section of notebook 13. */
export function cruxPoints(idOrHeading: string, entries: readonly CoverageEntry[] = listCoverage()): CoverageEntry[] {
  const crux = getCrux(idOrHeading);
  const headings = [crux.heading, ...(crux.subsections ?? [])];
  return entries.filter((e) => (e.section?.notebook === '13-the-cruxes' && headings.includes(e.section.heading))
    || crux.claims.some((c) => (e.claims ?? []).includes(c.id)));
}

/** The points of a crux as table rows: id, speaker and thread, what was said, how the lab treats it. */
export function cruxPointRows(idOrHeading: string): Record<string, string>[] {
  return cruxPoints(idOrHeading).map((e) => ({
    point: e.id, speaker: e.speaker === 'the post' ? e.speaker : `${e.speaker} (${e.thread})`, said: e.paraphrase,
    treatment: e.treatment === 'tested' ? `${coverageTreatment(e)}: ${claimsWithKinds(e.claims ?? [])}`
      : e.treatment === 'discussed' ? `discussed: ${e.section!.notebook} § ${e.section!.heading}` : `${e.treatment}: ${e.reason ?? ''}`,
  }));
}
