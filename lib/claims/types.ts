import type { VlSpec, ChartRow } from '../viz/index';

/** What an experiment concludes about a claim. */
export type Verdict = 'supported' | 'not supported' | 'depends';

/** Where a claim comes from: the post, or a comment thread (paraphrased; quote at most a sentence). */
export interface ClaimSource {
  who: 'post' | 'comment';
  /** Which thread or section, e.g. "A* heuristics are goal-specific" thread. */
  thread: string;
  /** A short paraphrase in our own words. */
  paraphrase: string;
  /** Optional one-sentence quote. */
  quote?: string;
}

/**
 * One parameter of a claim's experiment, with its default and the range a reader may try.
 * The type of `default` is the parameter's type (number, string or boolean); `choices`, if given,
 * lists the only values allowed.
 */
export interface ParamSpec {
  default: number | string | boolean;
  description: string;
  min?: number;
  max?: number;
  integer?: boolean;
  choices?: readonly (string | number)[];
}

/** A claim's parameters, by name. */
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/** The value a parameter takes: one of its choices if it lists them, else the type of its default. */
export type ParamValue<S extends ParamSpec> =
  S extends { choices: readonly (infer C)[] } ? C : Widen<S['default']>;

/** `41` → number, `'astar'` → string, `true` → boolean (spread over unions). */
type Widen<T> = T extends number ? number : T extends string ? string : T extends boolean ? boolean : never;

/** The resolved parameters that a claim's `run` receives, typed by its spec. */
export type ParamValuesOf<P extends ParamSpecs> = { [K in keyof P]: ParamValue<P[K]> };

/** Resolved parameters of any claim. */
export type ParamValues = Record<string, number | string | boolean>;

/** What an experiment returns; the ledger adds id, params and timing. */
export interface Finding {
  verdict: Verdict;
  /** One or two sentences: what was measured and why it gives this verdict. */
  summary: string;
  /** The numbers behind the verdict (named, so tables and tests can read them). */
  numbers: Record<string, number | string | boolean>;
  /** The figure behind the verdict. */
  chart?: VlSpec;
  /** Optional rows (e.g. per-condition measurements). */
  rows?: ChartRow[];
}

export interface ClaimOutcome extends Finding {
  id: string;
  title: string;
  claim: string;
  criterion: string;
  source: ClaimSource;
  params: ParamValues;
  seconds: number;
}

/**
 * A claim of the essay or its comments, with the experiment that tests it. `P` is the claim's
 * parameter spec; `run` receives values of the matching types.
 */
export interface Claim<P extends ParamSpecs = ParamSpecs> {
  /** Stable id, prefixed by the notebook number, e.g. "01-retargetable-search". */
  id: string;
  title: string;
  /** The notebook that discusses it, e.g. "01-search-as-retargetable-process". */
  notebook: string;
  source: ClaimSource;
  /** The claim in one sentence, as the experiment tests it. */
  claim: string;
  /** The decision rule, in words (the code in `run` implements exactly this). */
  criterion: string;
  params: P;
  /** Runs the experiment with fully resolved parameters (defaults filled in, values checked). */
  run(params: ParamValuesOf<P>): Finding | Promise<Finding>;
}
