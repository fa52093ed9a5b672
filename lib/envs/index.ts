// Sub-barrel of lib/envs: re-exports only.
export * from './grid';
export * from './movingai';
export * from './sliding-puzzle';
export { envsMessages } from './messages';
