import { fail, RetargetLabError } from '../core/errors';
import { createRegistry } from '../core/registry';
import { exercisesMessages } from './messages';
import type { CheckReport, Exercise } from './types';

const MODULE = 'exercises/check';
const registry = createRegistry<Exercise>(MODULE, 'exercise');

/** Registers an exercise (ids unique) and returns it. */
export function defineExercise<F, I>(exercise: Exercise<F, I>): Exercise<F, I> {
  // Frozen, so a notebook cell cannot swap an exercise's judge or cases after the fact.
  Object.freeze(exercise);
  registry.define(exercise as Exercise);
  return exercise;
}

/** All registered exercises, by id. */
export function listExercises(): Exercise[] {
  return registry.list();
}

function getExercise(id: string): Exercise {
  return registry.get(id);
}

/**
 * Runs an exercise's tests against an answer without printing or throwing; returns the report.
 * With `seed`, runs `count` generated cases instead of the visible ones (hidden tests).
 */
export function evaluateExercise(id: string, answer: unknown, opts: { seed?: number; count?: number } = {}): CheckReport {
  const ex = getExercise(id);
  if (opts.seed !== undefined && !ex.generate) fail(MODULE, exercisesMessages.noGenerated(id));
  const cases = opts.seed !== undefined ? ex.generate!(opts.seed, opts.count ?? 20) : ex.visible();
  const failures: CheckReport['failures'] = [];
  for (const c of cases) {
    try {
      const v = ex.judge(answer, c.input);
      if (!v.ok) failures.push({ label: c.label, expected: v.expected, got: v.got });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      failures.push({ label: c.label, expected: 'a value', got: `your answer threw: ${message}` });
    }
  }
  return { id, passed: cases.length - failures.length, total: cases.length, ok: failures.length === 0, failures };
}

/**
 * The graded test cell's checker: runs the tests, prints a clear pass/fail line with the first
 * failing input, and throws on failure (so the cell fails and the grader gives it 0 points).
 * Returns nothing (so tslab prints nothing more); use `check.evaluate` for the report.
 *
 * @example
 * check.exercise('02-relax-manhattan', manhattanFromRelaxation);
 * // ✓ 02-relax-manhattan: 6/6 tests pass
 */
function exercise(id: string, answer: unknown, opts: { seed?: number; count?: number } = {}): void {
  const ex = getExercise(id);
  const report = evaluateExercise(id, answer, opts);
  const kind = opts.seed !== undefined ? 'hidden' : 'visible';
  if (report.ok) {
    console.log(`✓ ${id}: ${report.passed}/${report.total} ${kind} tests pass`);
    return;
  }
  const first = report.failures[0];
  const lines = [
    `✗ ${id}: ${report.failures.length} of ${report.total} ${kind} tests fail.`,
    `  first failing input: ${first.label}`,
    `  expected: ${first.expected}`,
    `  got:      ${first.got}`,
    ...(ex.hint ? [`  hint: ${ex.hint}`] : []),
  ];
  console.log(lines.join('\n'));
  throw new RetargetLabError(`exercises/${id}`, `${report.failures.length} of ${report.total} ${kind} tests fail; first failing input: ${first.label} (expected ${first.expected}, got ${first.got}).`);
}

/** The checker facade notebooks use in graded test cells. */
export const check = Object.freeze({ exercise, evaluate: evaluateExercise, list: listExercises });
