// Sub-barrel of lib/envs: re-exports only.
export * from './grid';
export * from './movingai';
export * from './sliding-puzzle';
export { envsMessages } from './messages';
export * from './ascii';
export * from './maze';
export * from './rooms';
export * from './obstacles';
export type { SeedOrRng } from './seed';
export * from './graph';
export * from './cheese-maze';
