// Sub-barrel of lib/claims: the ledger engine only. Claims live with their lessons
// (lessons/NN-*/claims.ts) and register themselves when lessons/index.ts is imported.
export * from './types';
export { defineClaim, listClaims, getClaim, resolveParams, runClaim } from './ledger';
export {
  defineCoverage, listCoverage, coverageCounts, checkCoverage, shapeProblems, markdownHeadings, coverageRow,
  coverageTreatment, coverageKinds, claimsWithKinds, ledgerKindOf,
  type CoverageEntry, type ShownTreatment, type KindOf, type CoverageContext, type CoverageProblem, type SectionRef, type Speaker, type Treatment,
} from './coverage';
