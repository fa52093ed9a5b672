/** One test case of an exercise: an input, and (optionally) the expected output. */
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
 * A graded exercise. `cases(rng)` builds the test cases: the visible ones use the exercise's own
 * fixed seed; hidden tests in a notebook call `check.exercise(id, answer, { seed, count })` with
 * another seed, so the cases a student never saw are generated the same way.
 */
export interface Exercise<F = any, I = any> {
  id: string;
  title: string;
  points: number;
  /** Visible cases (fixed). */
  visible: () => ExerciseCase<I>[];
  /** Extra cases from a seed (for hidden tests). */
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
