/**
 * retarget-lab: the public barrel. Notebooks import only from here (`from "retarget-lab"`).
 */
export * from './core/index';
export * from './search/index';
