// Sub-barrel of lib/heuristics: re-exports only.
export {};
export * from './pdb';
