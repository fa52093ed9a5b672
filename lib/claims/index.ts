// Sub-barrel of lib/claims: the ledger engine only. Claims live with their lessons
// (lessons/NN-*/claims.ts) and register themselves when lessons/index.ts is imported.
export * from './types';
export { defineClaim, listClaims, getClaim, resolveParams, runClaim } from './ledger';
export {
  defineCoverage, listCoverage, coverageCounts, checkCoverage, shapeProblems, markdownHeadings, coverageRow,
  type CoverageEntry, type CoverageContext, type CoverageProblem, type SectionRef, type Speaker, type Treatment,
} from './coverage';
