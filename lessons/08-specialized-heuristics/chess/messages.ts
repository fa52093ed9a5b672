/**
 * Error texts of lessons/08-specialized-heuristics/chess (board, perft, engine, endgame tables). Each says what went wrong and
 * what to do.
 */
export const chessMessages = {
  fenBad: (fen: unknown, why: string) =>
    `cannot read FEN ${JSON.stringify(fen)}: ${why}; pass six space-separated fields, e.g. "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1".`,
  moveIllegal: (move: unknown, fen: string) =>
    `move ${JSON.stringify(move)} is not legal in ${fen}; pass a UCI string such as "e2e4" or "e7e8q" from board.legalMoves().`,
  unmakeEmpty: () => `nothing to unmake; call unmake() only after make().`,
  depthBad: (depth: unknown, max: number) =>
    `depth must be an integer between 0 and ${max}, got ${String(depth)}.`,
  searchTerminal: (fen: string) =>
    `the position ${fen} is already over (no legal moves); pass a position where the side to move has a move.`,
  searchBadOption: (name: string, value: unknown, expected: string) =>
    `option ${name} must be ${expected}, got ${JSON.stringify(value)}.`,
  tableKind: (kind: unknown) => `unknown endgame "${String(kind)}"; use 'KQK' or 'KRK'.`,
  objectiveBad: (value: unknown) =>
    `objective must be a ChessObjective such as winObjective() or keepPawnsObjective(), got ${JSON.stringify(value)}.`,
  positionsBad: (count: unknown) => `count must be a positive integer, got ${String(count)}.`,
  learnTooFew: (n: number, k: number) =>
    `only ${n} training positions for ${k} features; sample more positions (pass a larger count).`,
} as const satisfies Record<string, (...args: never[]) => string>;

export type ChessMessageKey = keyof typeof chessMessages;
