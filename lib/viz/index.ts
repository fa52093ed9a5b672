// Sub-barrel of lib/viz: re-exports only.
export {};
