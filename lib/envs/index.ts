// Sub-barrel of lib/envs: re-exports only.
export {};
