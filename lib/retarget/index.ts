// Sub-barrel of lib/retarget: rewrite a search's target, measure retargetability. Re-exports only.
export { retarget, retargetPatches } from './retarget';
export type { RetargetMethod } from './retarget';
export { retargetability } from './retargetability';
export type { RetargetabilityResult } from './retargetability';
export { retrainForTarget } from './retrain';
export type { RetrainResult } from './retrain';
export { retargetMessages } from './messages';
