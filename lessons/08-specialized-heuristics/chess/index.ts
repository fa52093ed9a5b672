// Sub-barrel of lessons/08-specialized-heuristics/chess: re-exports only.
export * from './board';
export * from './perft';
export * from './evaluate';
export * from './objectives';
export * from './engine';
export * from './endgame';
export * from './positions';
export * from './learn';
export * from './worth';
export * from './study';
export * from './game';
export { chessMessages } from './messages';
export type { ChessMessageKey } from './messages';
