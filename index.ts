/**
 * retarget-lab: the public barrel. Notebooks import only from here (`from "retarget-lab"`).
 * It joins three rooms and only re-exports them:
 * - `lib/`: the notebook-agnostic library (search, heuristics, environments, agents, interpretability);
 * - `lessons/`: each notebook's experiments, claims and exercises (importing it registers them);
 * - `kernel/display`: the display facade (it needs Node and tslab, so it lives with the kernel).
 */
export * from './lib/index';
export * from './lessons/index';
export { show, setDisplaySink, captureDisplays } from './kernel/display';
export type { DisplayBundle, DisplaySink } from './kernel/display';
export { showClaim, claimMarkdown } from './kernel/claim-view';
