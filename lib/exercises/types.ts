/** One test case of an exercise: a label and the input; the exercise's `judge` knows what to expect. */
export interface ExerciseCase<I = unknown> {
  /** Shown when the case fails, e.g. "maze 7x7 seed 3, goal (5,1)". */
  label: string;
  input: I;
}

/** The verdict on one case: `ok`, plus what was expected and what the answer gave. */
export interface CaseVerdict {
  ok: boolean;
  expected: string;
  got: string;
}

/**
 * A graded exercise. `visible()` returns the fixed cases a student sees and the notebook's test
 * cell runs (`check.exercise(id, answer)`); `generate(seed, count)` makes further cases of the same
 * kind from a seed, which hidden tests run with `check.exercise(id, answer, { seed, count })`
 * (count defaults to 20), so the cases a student never saw are made the same way. `judge` decides
 * each case.
 */
export interface Exercise<F = any, I = any> {
  id: string;
  title: string;
  points: number;
  /** The visible cases (fixed: the same on every call). */
  visible: () => ExerciseCase<I>[];
  /** `count` further cases from `seed`, for hidden tests; without it the exercise has none. */
  generate?: (seed: number, count: number) => ExerciseCase<I>[];
  /** Judges the answer on one case. May throw if the answer throws (reported as such). */
  judge: (answer: F, input: I) => CaseVerdict;
  /** A hint shown on failure. */
  hint?: string;
}

export interface CheckReport {
  id: string;
  passed: number;
  total: number;
  ok: boolean;
  failures: { label: string; expected: string; got: string }[];
}
