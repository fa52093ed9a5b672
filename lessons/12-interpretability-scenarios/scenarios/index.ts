// Sub-barrel of lessons/12-interpretability-scenarios/scenarios (notebook 12: interpretability scenarios): re-exports only.
export { createScenarioWorld, onShortestPath } from './world';
export type { ScenarioWorld } from './world';
export * from './agents';
export * from './population';
export * from './detect';
export * from './retrain';
export * from './tool';
export * from './degrade';
export * from './costs';
export { scenariosMessages } from './messages';
