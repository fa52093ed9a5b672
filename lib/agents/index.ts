// Sub-barrel of lib/agents: re-exports only.
export * from './room-graph';
export * from './planner';
export * from './builtin-goal';
export * from './study';
export { agentsMessages } from './messages';
