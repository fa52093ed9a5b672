import { describe, expect, it, vi } from 'vitest';
import { check, defineExercise, RetargetLabError } from '../../index';

defineExercise<(a: number, b: number) => number, [number, number]>({
  id: '99-test-add', title: 'add', points: 1, hint: 'use +',
  visible: () => [{ label: '1+2', input: [1, 2] }, { label: '-3+3', input: [-3, 3] }],
  generate: (seed, count) => Array.from({ length: count }, (_, i) => ({ label: `case ${i}`, input: [seed + i, i] as [number, number] })),
  judge: (f, [a, b]) => { const got = f(a, b); return { ok: got === a + b, expected: String(a + b), got: String(got) }; },
});

describe('exercises/check', () => {
  it('passes a right answer and prints a pass line', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    check.exercise('99-test-add', (a: number, b: number) => a + b);
    expect(log).toHaveBeenCalledWith('✓ 99-test-add: 2/2 visible tests pass');
    check.exercise('99-test-add', (a: number, b: number) => a + b, { seed: 7, count: 5 });
    expect(log).toHaveBeenLastCalledWith('✓ 99-test-add: 5/5 hidden tests pass');
    log.mockRestore();
  });
  it('fails a wrong answer, naming the failing input, expected and got', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(() => check.exercise('99-test-add', (a: number, b: number) => a * b)).toThrow(RetargetLabError);
    expect(log.mock.calls[0][0]).toContain('first failing input: 1+2');
    expect(log.mock.calls[0][0]).toContain('hint: use +');
    expect(() => check.exercise('99-test-add', () => { throw new Error('YOUR CODE HERE'); }))
      .toThrow(/retarget-lab\/exercises\/99-test-add: 2 of 2 visible tests fail; .*your answer threw: YOUR CODE HERE/);
    log.mockRestore();
    expect(check.evaluate('99-test-add', (a: number, b: number) => a + b + (a > 0 ? 1 : 0)).failures.map((f) => f.label)).toEqual(['1+2']);
    expect(() => check.exercise('nope', () => 0)).toThrow(/no exercise "nope"/);
  });
});
