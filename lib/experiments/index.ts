// Sub-barrel of lib/experiments: small experiment helpers shared by claims and notebooks, one file
// per notebook. Re-exports only; add one line per file.
export * from './01-retarget';
export * from './02-relaxation';
export * from './03-search-vs-heuristics';
