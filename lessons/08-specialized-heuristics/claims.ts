/**
 * Notebook 08's claims: the chess-engine argument of the comments. A retargeted engine keeps
 * its search, but the heuristics that made it fast were built for winning; finding heuristics for
 * the new objective takes a learning process of its own.
 */
import { defineClaim } from '../../lib/claims/ledger';
import { pct } from '../../lib/core/format';
import type { ParamValuesOf } from '../../lib/claims/types';
import { heuristicWorthStudy } from './chess/study';
import type { WorthStudy } from './chess/study';
import { barChart } from '../../lib/viz/index';

const NOTEBOOK = '08-specialized-heuristics';
const THREAD = 'stockfish / specialized heuristics';

function study(p: ParamValuesOf<typeof commonParams>, orderingDepth?: number): WorthStudy {
  return heuristicWorthStudy({
    seed: p.seed, pawnPositions: p.positions, horizon: p.horizon,
    endgameDepth: p.endgameDepth, learnPositions: p.learnPositions,
    ...(orderingDepth === undefined ? {} : { orderingDepth }),
  });
}

const commonParams = {
  seed: { default: 1, description: 'seed for the sampled positions', integer: true, min: 0 },
  positions: { default: 30, description: 'middlegame positions for the keep-pawns objective', integer: true, min: 4, max: 80 },
  horizon: { default: 4, description: 'plies ahead at which the keep-pawns objective counts pawns (exact answers search this deep)', integer: true, min: 2, max: 5 },
  endgameDepth: { default: 4, description: 'deepest search tried in the KQK ending', integer: true, min: 1, max: 5 },
  learnPositions: { default: 200, description: 'training positions for the learned pawn evaluation', integer: true, min: 8, max: 2000 },
} as const;

const lossParams = {
  ...commonParams,
  orderingDepth: { default: 3, description: 'depth at which move ordering is measured, on the same middlegames for both objectives', integer: true, min: 1, max: 4 },
  tablePositions: { default: 'same', description: 'where the table\'s speed-up for winning is measured: on the same middlegame positions as after retargeting (same), or in its own KQK ending (own-ending: the change of objective confounded with the change of positions)', choices: ['same', 'own-ending'] },
} as const;

const fmt = (s: { factor: number; lowerBound: boolean }): string => `${s.lowerBound ? '≥' : ''}${s.factor.toFixed(s.factor < 10 ? 2 : 0)}×`;

defineClaim({
  id: '08-retargeted-engine-loses-heuristics',
  title: 'A retargeted chess engine loses the worth of its win-specific heuristics',
  notebook: NOTEBOOK,
  kind: 'empirical',
  source: {
    who: 'comment',
    thread: THREAD,
    paraphrase: 'An engine like Stockfish is a retargetable search sped up by heuristics that only work for winning; point it at a pawn-count goal and those heuristics, and above all the endgame table, stop helping.',
    quote: 'A more extreme example is the entire endgame table is useless for you',
  },
  claim: 'The evaluation, the endgame table and move ordering each save far fewer nodes (at equal decision quality) after the engine is retargeted from winning to keeping its pawns.',
  criterion: 'For each heuristic, speed-up = nodes without / nodes with it at the same decision quality (move ordering, and the table with `tablePositions: same`: at equal depth, on the same positions for both objectives — the table only replaces subtrees by exact values). The table is consulted wherever it covers the material and the objective can read its answer; its usefulness is measured (share of nodes where it applies and cuts a subtree), never switched off. The evaluation has no exact win answers in middlegames, so its win speed-up is measured in the KQK ending (searched to endgameDepth) and its keep-pawns speed-up in the middlegames: that comparison still crosses positions. A heuristic "loses its worth" if its speed-up after retargeting is below half its speed-up for winning. Supported if all three lose it, depends if one or two do, not supported if none.',
  params: lossParams,
  run(p) {
    const s = study(p, p.orderingDepth);
    const sameWin = s.sameTable.find((r) => r.objective === 'win')!, samePawns = s.sameTable.find((r) => r.objective === 'keep-pawns')!;
    const pairs: Array<[string, number, number, string, string]> = [
      ['evaluation (material + PST)', s.before.evaluation.factor, s.after.evaluation.factor, fmt(s.before.evaluation), fmt(s.after.evaluation)],
      p.tablePositions === 'same'
        ? [`endgame table (${s.params.ending}), same positions`, sameWin.speedup, samePawns.speedup, fmt({ factor: sameWin.speedup, lowerBound: false }), fmt({ factor: samePawns.speedup, lowerBound: false })]
        : [`endgame table (${s.params.ending}), own ending → middlegames`, s.before.table.factor, s.after.table.factor, fmt(s.before.table), fmt(s.after.table)],
      ['move ordering', s.before.orderingFactor, s.after.orderingFactor, fmt({ factor: s.before.orderingFactor, lowerBound: false }), fmt({ factor: s.after.orderingFactor, lowerBound: false })],
    ];
    const lost = pairs.filter(([, b, a]) => a < b / 2);
    const verdict = lost.length === pairs.length ? 'supported' : lost.length === 0 ? 'not supported' : 'depends';
    const rows = pairs.flatMap(([h, b, a]) => [
      { heuristic: h, objective: 'win (built for)', speedup: Math.max(b, 0.01) },
      { heuristic: h, objective: 'keep pawns (retargeted)', speedup: Math.max(a, 0.01) },
    ]);
    return {
      verdict,
      summary: `${lost.length} of 3 win heuristics lose at least half their speed-up after retargeting: ${pairs.map(([h, , , fb, fa]) => `${h} ${fb} → ${fa}`).join('; ')}. On the same middlegame positions the table applied and cut a subtree at ${pct(sameWin.helpedShare)} of the nodes when winning and ${pct(samePawns.helpedShare)} when keeping pawns: its ${fmt(s.before.table)} speed-up for winning was measured in its own ending, so what it loses there comes from the positions a new objective leads to, not from the objective.`,
      numbers: {
        evalSpeedupWin: s.before.evaluation.factor, evalSpeedupPawns: s.after.evaluation.factor,
        tableSpeedupWin: pairs[1][1], tableSpeedupPawns: pairs[1][2], tableSpeedupWinOwnEnding: s.before.table.factor,
        orderingSpeedupWin: s.before.orderingFactor, orderingSpeedupPawns: s.after.orderingFactor,
        tableCoveredNodesPawns: s.after.tableCovered, tableHelpedSharePawns: samePawns.helpedShare, tableHelpedShareWinSamePositions: sameWin.helpedShare,
        heuristicsLost: lost.length,
        studySeconds: s.seconds,
      },
      rows,
      chart: barChart(rows, {
        x: 'heuristic', y: 'speedup', color: 'objective', logY: true,
        title: 'Speed-up from each win heuristic, before and after retargeting',
        yTitle: 'nodes saved (×, log scale; ≥ for lower bounds)',
      }),
    };
  },
});

defineClaim({
  id: '08-parallel-learning',
  title: 'Heuristics for the new objective need a learning process of their own',
  notebook: NOTEBOOK,
  kind: 'empirical',
  source: {
    who: 'comment',
    thread: THREAD,
    paraphrase: 'Good heuristics for a pawn-count goal may exist, but finding them would take a whole separate learning process rather than reuse of the win heuristics.',
  },
  claim: 'A pawn-keeping evaluation learned from deeper searches restores a speed-up that the kept win evaluation does not give, at a measurable training cost.',
  criterion: 'Supported if the learned evaluation\'s speed-up (nodes at equal decision quality, vs bare search) is at least 2× and above the kept win evaluation\'s; not supported otherwise. The cost (positions, label-search nodes, seconds) is reported.',
  params: commonParams,
  run(p) {
    const s = study(p);
    const learned = s.after.learned, kept = s.after.evaluation;
    const ok = learned.factor >= 2 && learned.factor > kept.factor;
    const rows = s.after.rows.map((r) => ({ config: r.config, depth: r.depth, quality: r.quality, nodes: r.nodes }));
    return {
      verdict: ok ? 'supported' : 'not supported',
      summary: `Learned pawn evaluation: speed-up ${fmt(learned)} at decision quality ${learned.target.toFixed(2)}; the kept win evaluation: ${fmt(kept)}. Learning took ${s.learned.cost.positions} positions, ${s.learned.cost.labelNodes.toLocaleString('en-US')} label-search nodes and ${s.learned.cost.seconds.toFixed(2)} s.`,
      numbers: {
        learnedSpeedup: learned.factor, learnedLowerBound: learned.lowerBound, keptWinEvalSpeedup: kept.factor,
        learnedQuality: learned.target, trainingPositions: s.learned.cost.positions,
        trainingLabelNodes: s.learned.cost.labelNodes, trainingSeconds: s.learned.cost.seconds,
        trainingMseBefore: s.learned.mse.pawnCount, trainingMseAfter: s.learned.mse.learned,
      },
      rows,
      chart: {
        ...barChart(rows.filter((r) => r.depth > 0), { x: 'config', y: 'quality', color: 'depth', title: 'Keep-pawns decisions: share optimal by depth and evaluation', yTitle: 'share of optimal moves' }),
      },
    };
  },
});
