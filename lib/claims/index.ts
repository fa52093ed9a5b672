// Sub-barrel of lib/claims: the ledger API, then every claim file (each registers itself).
export * from './types';
export { defineClaim, listClaims, getClaim, resolveParams, runClaim } from './ledger';
import './catalog';
