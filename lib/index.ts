/**
 * retarget-lab: the public barrel. Notebooks import only from here (`from "retarget-lab"`).
 * Each folder has its own sub-barrel; this file only re-exports them.
 */
export * from './core/index';
export * from './search/index';
export * from './heuristics/index';
export * from './envs/index';
export * from './viz/index';
export * from './claims/index';
export * from './exercises/index';
// The display facade lives in kernel/ (it needs Node and tslab) but notebooks import it from here.
export { show, setDisplaySink, captureDisplays } from '../kernel/display';
export type { DisplayBundle, DisplaySink } from '../kernel/display';
export { showClaim, claimMarkdown } from '../kernel/claim-view';
export * from './chess/index';
export * from './experiments/index';
export * from './tasks/index';
export * from './agents/index';
export * from './editing/index';
export * from './scenarios/index';
export * from './worldmodel/index';
export * from './mesa/index';
export * from './interp/index';
export * from './retarget/index';
