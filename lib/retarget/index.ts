// Sub-barrel of lib/retarget: locate a search's target, rewrite it, measure retargetability. Re-exports only.
export { retarget, retargetPatches } from './retarget';
export type { RetargetMethod } from './retarget';
export { retargetability, reachableTargets } from './retargetability';
export type { RetargetabilityResult, RetargetTrial } from './retargetability';
export { retargetabilityByDistance } from './by-distance';
export type { RetargetabilityByDistance, DistanceBand } from './by-distance';
export { locateTarget, LOCATE_DEFAULTS } from './locate';
export type { LocateOptions, LocateResult, LocateRow, LayerProbeRow, LocatedTarget } from './locate';
export { retargetEdit, editLayers } from './edit';
export type { RetargetEditOptions } from './edit';
export { fixMisgeneralization } from './fix-misgeneralization';
export type { MisgeneralizationFix } from './fix-misgeneralization';
export { retrainForTarget } from './retrain';
export type { RetrainResult } from './retrain';
export { retargetMessages } from './messages';
export { locateLearned, retargetLearned, LEARNED_LOCATE, LEARNED_EDIT } from './learned';
export type { LearnedLocate } from './learned';
