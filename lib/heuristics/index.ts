// Sub-barrel of lib/heuristics: re-exports only.
export {};
export * from './pdb';
export * from './pdb-metric';
export * from './grid';
export * from './puzzle';
export * from './goal-table';
export * from './landmarks';
export * from './relax';
export type { RelaxedPuzzleState } from './relax-puzzle';
export * from './check';
export { heuristicsMessages } from './messages';
