// Sub-barrel of lessons/09-generalization-vs-specialization/tasks: task suites on one environment (a town of named places), errands as a
// small task language, the general searcher and the specialist's tables, and the measurements of
// notebook 09 (generalization versus specialization). Re-exports only.
export * from './town';
export * from './errand';
export * from './specialist';
export * from './suite';
export * from './measure';
export * from './workload';
export { tasksMessages } from './messages';
