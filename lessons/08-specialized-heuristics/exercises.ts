/**
 * Notebook 08's exercises: count moves (perft, the one chess-programming exercise), and test the
 * claim: the endgame table's speed-up for each objective on the same positions.
 */
import { createRng } from '../../lib/core/rng';
import { Board } from './chess/board';
import { perft, PERFT_REFERENCE } from './chess/perft';
import { sampleMiddlegames } from './chess/positions';
import { endgameTable } from './chess/endgame';
import { searchChess } from './chess/engine';
import { keepPawnsObjective, winObjective } from './chess/objectives';
import { defineExercise } from '../../lib/exercises/check';
import type { ExerciseCase } from '../../lib/exercises/types';

// ---- 08-perft -------------------------------------------------------------------------------
type PerftInput = { fen: string; depth: number };

defineExercise<(board: Board, depth: number) => number, PerftInput>({
  id: '08-perft',
  title: 'Perft: count the move sequences of a given length',
  points: 2,
  hint: 'Only leaves count: at depth 0 return 1; otherwise sum perft(child, depth - 1) over legal moves, with make/unmake around each call.',
  visible: () => [
    { label: 'start position, depth 1', input: { fen: PERFT_REFERENCE.start.fen, depth: 1 } },
    { label: 'start position, depth 2', input: { fen: PERFT_REFERENCE.start.fen, depth: 2 } },
    { label: 'start position, depth 3', input: { fen: PERFT_REFERENCE.start.fen, depth: 3 } },
    { label: 'Kiwipete, depth 2', input: { fen: PERFT_REFERENCE.kiwipete.fen, depth: 2 } },
    { label: 'position 3 (en passant, pins), depth 3', input: { fen: PERFT_REFERENCE.position3.fen, depth: 3 } },
  ],
  generate: (seed, count) => sampleMiddlegames(seed, count).map((fen, i): ExerciseCase<PerftInput> => (
    { label: `${fen}, depth ${1 + (i % 2)}`, input: { fen, depth: 1 + (i % 2) } })),
  judge: (answer, { fen, depth }) => {
    const expected = perft(fen, depth).nodes;
    const got = answer(Board.fromFen(fen), depth);
    return { ok: got === expected, expected: String(expected), got: String(got) };
  },
});

// ---- 08-table-same-positions ---------------------------------------------------------------
// Test the claim: is the table's worth about the objective, or about the positions it covers?
type TableInput = { fens: string[]; depth: number; objective: 'win' | 'keep-pawns'; kind: string };

/** nodes without the KQK table / nodes with it, summed over `fens`, at equal depth (the reference). */
export function tableSpeedupOn(fens: readonly string[], depth: number, objective: 'win' | 'keep-pawns'): number {
  const table = endgameTable('KQK');
  const obj = objective === 'win' ? winObjective() : keepPawnsObjective();
  let without = 0, withTable = 0;
  for (const fen of fens) {
    without += searchChess(fen, { depth, objective: obj, ordering: 'all' }).stats.nodes;
    withTable += searchChess(fen, { depth, objective: obj, ordering: 'all', table }).stats.nodes;
  }
  return without / withTable;
}

function tableCases(seed: number, count: number): ExerciseCase<TableInput>[] {
  const rng = createRng(seed);
  const table = endgameTable('KQK');
  const out: ExerciseCase<TableInput>[] = [];
  for (let i = 0; i < count; i++) {
    const objective = i % 2 === 0 ? 'win' : 'keep-pawns';
    const ending = i % 4 < 2;
    const fens = ending ? table.sample(rng.fork(`t${i}`), 3, 2).map((x) => x.fen) : sampleMiddlegames(rng.fork(`m${i}`), 2);
    const kind = ending ? 'KQK positions' : 'middlegames';
    out.push({ label: `${objective} objective on ${fens.length} ${kind}, depth 2`, input: { fens, depth: 2, objective, kind } });
  }
  return out;
}

defineExercise<(fens: string[], depth: number, objective: 'win' | 'keep-pawns') => number, TableInput>({
  id: '08-table-same-positions',
  title: 'Test the claim: the endgame table\'s speed-up for each objective on the same positions',
  points: 2,
  hint: 'For each objective, search every position twice at the same depth, once with `table: endgameTable("KQK")` and once without, with ordering "all"; return the total nodes without divided by the total with. Before you run it, predict: on KQK positions, does the table help the pawn keeper? (A pawnless ending settles the pawn count.)',
  visible: () => tableCases(808, 4),
  generate: tableCases,
  judge: (answer, { fens, depth, objective }) => {
    const expected = tableSpeedupOn(fens, depth, objective);
    const got = answer([...fens], depth, objective);
    return { ok: typeof got === 'number' && Math.abs(got - expected) <= 1e-6 * expected, expected: expected.toFixed(3), got: String(got) };
  },
});
