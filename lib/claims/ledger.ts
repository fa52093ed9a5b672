import { fail } from '../core/errors';
import { createRegistry } from '../core/registry';
import { claimsMessages } from './messages';
import type { Claim, ClaimOutcome, ParamSpec, ParamSpecs, ParamValues } from './types';

const MODULE = 'claims/ledger';

/**
 * The claims ledger: every claim of the post and comments that the lab tests, in notebook order.
 * Each lesson's claims.ts calls {@link defineClaim}; `lessons/index.ts` imports them all.
 */
const ledger = createRegistry<Claim>(MODULE, 'claim');

/**
 * Registers a claim (ids must be unique) and returns it. The parameter spec types `run`'s
 * argument: a number parameter arrives as a number, a parameter with `choices` as one of them.
 *
 * @example
 * defineClaim({
 *   id: '01-example', …,
 *   params: { size: { default: 31, description: 'maze side', integer: true }, algorithm: { default: 'astar', description: 'search', choices: ['astar', 'bfs'] } },
 *   run: (p) => experiment(p.size, p.algorithm), // p.size: number, p.algorithm: 'astar' | 'bfs'
 * });
 */
export function defineClaim<const P extends ParamSpecs>(claim: Claim<P>): Claim<P> {
  return ledger.define(claim);
}

/** All registered claims, sorted by id (so by notebook). */
export function listClaims(): Claim[] {
  return ledger.list();
}

/** The claim with this id, or a clear error listing the known ids. */
export function getClaim(id: string): Claim {
  return ledger.get(id);
}

function coerce(claim: Claim, name: string, spec: ParamSpec, raw: unknown): number | string | boolean {
  let value: unknown = raw;
  if (typeof spec.default === 'number' && typeof raw === 'string') value = raw.trim() === '' ? NaN : Number(raw);
  if (typeof spec.default === 'boolean' && typeof raw === 'string') {
    if (raw !== 'true' && raw !== 'false') fail(MODULE, claimsMessages.notBoolean(claim.id, name, raw));
    value = raw === 'true';
  }
  if (typeof value !== typeof spec.default) {
    fail(MODULE, claimsMessages.wrongType(claim.id, name, typeof spec.default, raw));
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(MODULE, claimsMessages.notFinite(claim.id, name, raw));
    if (spec.integer && !Number.isInteger(value)) fail(MODULE, claimsMessages.notInteger(claim.id, name, value));
    if (spec.min !== undefined && value < spec.min) fail(MODULE, claimsMessages.belowMin(claim.id, name, spec.min, value));
    if (spec.max !== undefined && value > spec.max) fail(MODULE, claimsMessages.aboveMax(claim.id, name, spec.max, value));
  }
  if (spec.choices && !spec.choices.includes(value as string | number)) {
    fail(MODULE, claimsMessages.notAChoice(claim.id, name, spec.choices, raw));
  }
  return value as number | string | boolean;
}

/** Fills defaults and checks the reader's parameters (unknown names and bad values are errors). */
export function resolveParams(claim: Claim, overrides: Record<string, unknown> = {}): ParamValues {
  for (const name of Object.keys(overrides)) {
    if (!(name in claim.params)) {
      fail(MODULE, claimsMessages.unknownParam(claim.id, name, Object.keys(claim.params)));
    }
  }
  const out: ParamValues = {};
  for (const [name, spec] of Object.entries(claim.params)) {
    out[name] = name in overrides ? coerce(claim, name, spec, overrides[name]) : spec.default;
  }
  return out;
}

/**
 * Runs a claim's experiment with the reader's parameters and returns the verdict, the numbers
 * and the figure. Nothing is cached or hard-coded: the verdict is computed on every call.
 *
 * @example
 * const outcome = await runClaim('01-retargetable-search', { size: 41, seed: 3 });
 * outcome.verdict; // 'supported' | 'not supported' | 'depends'
 */
export async function runClaim(idOrClaim: string | Claim, overrides: Record<string, unknown> = {}): Promise<ClaimOutcome> {
  const claim = typeof idOrClaim === 'string' ? getClaim(idOrClaim) : idOrClaim;
  const params = resolveParams(claim, overrides);
  const t0 = performance.now();
  const finding = await claim.run(params);
  return {
    id: claim.id, title: claim.title, claim: claim.claim, criterion: claim.criterion, source: claim.source,
    params, seconds: (performance.now() - t0) / 1000, ...finding,
  };
}
