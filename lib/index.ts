/**
 * The notebook-agnostic library: one sub-barrel per folder, re-exports only. Nothing under lib/
 * imports lessons/, kernel/ or course/ (tests/layout.test.ts checks it). Notebooks import the
 * package barrel (`retarget-lab`, the repo's index.ts), which adds the lessons and the display.
 */
export * from './core/index';
export * from './search/index';
export * from './heuristics/index';
export * from './envs/index';
export * from './viz/index';
export * from './claims/index';
export * from './exercises/index';
export * from './mesa/index';
export * from './interp/index';
export * from './retarget/index';
