// Sub-barrel of lessons/07-two-architectures/agents: re-exports only.
export * from './room-graph';
export * from './planner';
export * from './builtin-goal';
export * from './study';
export { agentsMessages } from './messages';
