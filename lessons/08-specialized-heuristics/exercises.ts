/**
 * Notebook 08's exercises: count moves (perft), order captures (MVV-LVA), and back up a value in
 * retrograde analysis.
 */
import { createRng } from '../../lib/core/rng';
import { Board } from './chess/board';
import { perft, PERFT_REFERENCE } from './chess/perft';
import { sampleMiddlegames } from './chess/positions';
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

// ---- 08-mvv-lva -----------------------------------------------------------------------------
type Letter = 'p' | 'n' | 'b' | 'r' | 'q' | 'k';
type Capture = { victim: Letter; attacker: Letter };
// Textbook values in pawns (knight = bishop; the king only ever attacks).
const VAL: Record<Letter, number> = { p: 1, n: 3, b: 3, r: 5, q: 9, k: 10 };
const VICTIMS: Letter[] = ['p', 'n', 'b', 'r', 'q'];
const ATTACKERS: Letter[] = ['p', 'n', 'b', 'r', 'q', 'k'];

function captureCases(seed: number, count: number): ExerciseCase<Capture[]>[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const list = Array.from({ length: 4 + rng.int(0, 5) }, () => ({ victim: rng.pick(VICTIMS), attacker: rng.pick(ATTACKERS) }));
    return { label: `capture list ${i + 1}: ${list.map((c) => `${c.attacker}x${c.victim}`).join(' ')}`, input: list };
  });
}

defineExercise<(victim: Letter, attacker: Letter) => number, Capture[]>({
  id: '08-mvv-lva',
  title: 'MVV-LVA: score captures so the best are tried first',
  points: 1,
  hint: 'The victim decides first (queen > rook > bishop = knight > pawn); among equal victims the cheaper attacker goes first. E.g. 10 * value(victim) - value(attacker) with values that keep that order.',
  visible: () => [
    { label: 'PxQ before QxQ', input: [{ victim: 'q', attacker: 'q' }, { victim: 'q', attacker: 'p' }] },
    { label: 'QxR before PxN', input: [{ victim: 'n', attacker: 'p' }, { victim: 'r', attacker: 'q' }] },
    { label: 'KxP last among pawn captures', input: [{ victim: 'p', attacker: 'k' }, { victim: 'p', attacker: 'n' }, { victim: 'p', attacker: 'p' }] },
    ...captureCases(808, 4),
  ],
  generate: captureCases,
  judge: (answer, list) => {
    const key = (c: Capture): number => VAL[c.victim] * 100 - VAL[c.attacker];
    const label = (c: Capture): string => `${c.attacker.toUpperCase()}x${c.victim}`;
    const order = (score: (c: Capture) => number): string => [...list].sort((a, b) => score(b) - score(a) || key(b) - key(a)).map(label).join(' ');
    const scores = list.map((c) => answer(c.victim, c.attacker));
    for (const s of scores) if (typeof s !== 'number' || Number.isNaN(s)) return { ok: false, expected: 'numbers', got: String(s) };
    for (let i = 0; i < list.length; i++) for (let j = 0; j < list.length; j++) {
      // Must come first: a more valuable victim, or the same victim taken by a cheaper attacker
      // (knight and bishop victims may go either way).
      const a = list[i], b = list[j];
      const first = VAL[a.victim] > VAL[b.victim] || (a.victim === b.victim && VAL[a.attacker] < VAL[b.attacker]);
      if (first && !(scores[i] > scores[j])) {
        return { ok: false, expected: order(key), got: order((c) => answer(c.victim, c.attacker)) };
      }
    }
    return { ok: true, expected: order(key), got: order(key) };
  },
});

// ---- 08-retrograde-backup -------------------------------------------------------------------
type Outcome = { result: 'win' | 'loss' | 'draw'; plies: number };
type BackupInput = { children: Outcome[]; inCheck: boolean };

/** The reference rule (also used to judge). */
function backupReference({ children, inCheck }: BackupInput): Outcome {
  if (children.length === 0) return inCheck ? { result: 'loss', plies: 0 } : { result: 'draw', plies: 0 };
  const losses = children.filter((c) => c.result === 'loss');
  if (losses.length) return { result: 'win', plies: 1 + Math.min(...losses.map((c) => c.plies)) };
  if (children.every((c) => c.result === 'win')) return { result: 'loss', plies: 1 + Math.max(...children.map((c) => c.plies)) };
  return { result: 'draw', plies: 0 };
}

function backupCases(seed: number, count: number): ExerciseCase<BackupInput>[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const n = rng.int(0, 6);
    const children: Outcome[] = Array.from({ length: n }, () => {
      const r = rng.pick(['win', 'win', 'loss', 'draw'] as const);
      return { result: r, plies: r === 'draw' ? 0 : rng.int(0, 20) };
    });
    const inCheck = rng.chance(0.5);
    return { label: `children ${JSON.stringify(children)}, in check: ${inCheck}`, input: { children, inCheck } };
  });
}

defineExercise<(children: Outcome[], inCheck: boolean) => Outcome, BackupInput>({
  id: '08-retrograde-backup',
  title: 'Retrograde analysis: the value of a position from the values of its children',
  points: 2,
  hint: 'Children are scored for the OPPONENT (who moves next). One child lost for them is enough to win (take the quickest); you lose only if every child wins for them (delay as long as possible); no moves: checkmate if in check, else stalemate.',
  visible: () => [
    { label: 'no moves, in check (checkmate)', input: { children: [], inCheck: true } },
    { label: 'no moves, not in check (stalemate)', input: { children: [], inCheck: false } },
    { label: 'two mating options: take the faster', input: { children: [{ result: 'loss', plies: 4 }, { result: 'loss', plies: 0 }, { result: 'win', plies: 3 }], inCheck: false } },
    { label: 'every move loses: delay longest', input: { children: [{ result: 'win', plies: 3 }, { result: 'win', plies: 7 }], inCheck: true } },
    { label: 'one escape to a draw', input: { children: [{ result: 'win', plies: 3 }, { result: 'draw', plies: 0 }], inCheck: false } },
  ],
  generate: backupCases,
  judge: (answer, input) => {
    const expected = backupReference(input);
    const got = answer(input.children.map((c) => ({ ...c })), input.inCheck);
    const same = !!got && got.result === expected.result && (expected.result === 'draw' || got.plies === expected.plies);
    return { ok: same, expected: JSON.stringify(expected), got: JSON.stringify(got) };
  },
});
