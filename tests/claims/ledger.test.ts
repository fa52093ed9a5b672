import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineClaim, getClaim, resolveParams, runClaim } from '../../index';

const toy = defineClaim({
  id: '99-test-toy', title: 'toy', notebook: '99', claim: 'x exceeds the threshold',
  criterion: 'supported if x > threshold', source: { who: 'post', thread: 'test', paraphrase: 'test' },
  params: {
    x: { default: 3, description: 'value', min: 0, max: 10 },
    threshold: { default: 2, description: 'threshold', integer: true },
    mode: { default: 'a', description: 'mode', choices: ['a', 'b'] },
    flag: { default: false, description: 'flag' },
  },
  run: (p) => {
    // The spec types the values: numbers, one of the choices, a boolean (checked by tsc).
    expectTypeOf(p).toEqualTypeOf<Readonly<{ x: number; threshold: number; mode: 'a' | 'b'; flag: boolean }>>();
    return { verdict: p.x > p.threshold ? 'supported' : 'not supported', summary: '', numbers: { x: p.x } };
  },
});

describe('claims/ledger', () => {
  it('runs with defaults and computes the verdict from the parameters (it can flip)', async () => {
    expect((await runClaim('99-test-toy')).verdict).toBe('supported');
    expect((await runClaim('99-test-toy', { x: 1 })).verdict).toBe('not supported');
    const o = await runClaim(toy, { x: '5', flag: 'true' });
    expect(o.params).toEqual({ x: 5, threshold: 2, mode: 'a', flag: true });
    expect(o.id).toBe('99-test-toy');
    expect(o.seconds).toBeGreaterThanOrEqual(0);
  });
  it('rejects unknown claims, unknown parameters and bad values with clear errors', async () => {
    expect(() => getClaim('nope')).toThrow(/retarget-lab\/claims\/ledger: no claim "nope"; known claims: .*99-test-toy/);
    expect(() => resolveParams(toy, { y: 1 })).toThrow(/has no parameter "y"; its parameters are: x, threshold, mode, flag/);
    expect(() => resolveParams(toy, { x: 11 })).toThrow(/parameter "x" must be at most 10/);
    expect(() => resolveParams(toy, { x: 'abc' })).toThrow(/must be a finite number/);
    expect(() => resolveParams(toy, { threshold: 1.5 })).toThrow(/must be an integer/);
    expect(() => resolveParams(toy, { mode: 'c' })).toThrow(/must be one of a, b/);
    expect(() => resolveParams(toy, { flag: 'yes' })).toThrow(/must be true or false/);
    expect(() => defineClaim(toy)).toThrow(/defined twice/);
  });
});
