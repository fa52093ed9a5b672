import { defineClaim } from '../../lib/claims/ledger';
import { useBackend } from '../../lib/mesa/backend';
import { LEARNED_LOCATE, locateLearned } from '../../lib/retarget/learned';
import { pct } from '../../lib/core/format';
import { agentConfig } from '../../lib/mesa/agents';
import { loadOrTrainAgent } from '../../lib/mesa/cache-fs';
import type { NamedModel } from '../../lib/mesa/model';
import { cheeseMazeLevels, expertAction, inTrainRegion, mazeDistances, withCheese } from '../../lib/envs/cheese-maze';
import type { CheeseMazeLevel } from '../../lib/envs/cheese-maze';
import type { Cell } from '../../lib/envs/grid';
import { createRng } from '../../lib/core/rng';
import { channelLocalization, locationProbe } from '../../lib/interp/probe';
import { activationPatching } from '../../lib/interp/patching';
import type { PatchPair } from '../../lib/interp/patching';
import { barChart } from '../../lib/viz/bar-chart';

/**
 * Patching pairs inside the training distribution: the same maze and mouse, the cheese at A (the
 * level's own cheese, in the top-right square) or at B (another cell of that square), keeping
 * only mouse cells where the correct first moves towards A and B differ.
 */
export function squarePatchPairs(levels: readonly CheeseMazeLevel[], seed: number | string): PatchPair[] {
  const rng = createRng(`05-pairs/${String(seed)}`);
  const pairs: PatchPair[] = [];
  for (const level of levels) {
    const { width, height, passable } = level.map;
    const open: Cell[] = [];
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (passable[y * width + x]) open.push({ x, y });
    const others = open.filter((c) => inTrainRegion(width, level.trainRegion, c) && (c.x !== level.cheese.x || c.y !== level.cheese.y));
    if (others.length === 0) continue;
    const toA = mazeDistances(level.map, level.cheese);
    for (let k = 0; k < 30; k++) {
      const b = others[rng.int(0, others.length)];
      const mouse = open[rng.int(0, open.length)];
      const a1 = expertAction(level.map, toA, mouse), a2 = expertAction(level.map, mazeDistances(level.map, b), mouse);
      if (a1 >= 0 && a2 >= 0 && a1 !== a2) {
        pairs.push({ clean: { level, mouse }, corrupt: { level: withCheese(level, b), mouse } });
        break;
      }
    }
  }
  return pairs;
}

/**
 * Notebook 05: can interpretability locate the agent's target? In the planner agent the target is
 * an explicit map; in the plain policy network we look for a channel (or a linear probe) that
 * points at the cheese, and check with activation patching whether that piece carries behaviour.
 */
defineClaim({
  id: '05-target-located',
  title: 'Interpretability can locate the target representation inside the agent',
  notebook: '05-finding-the-target',
  kind: 'empirical',
  source: {
    who: 'post',
    thread: 'the interpretability the plan needs: find the search and its target',
    paraphrase: 'Retargeting presupposes that we can find where, inside a trained network, the objective of its search is represented; the post leaves that identification to interpretability.',
  },
  claim: 'A probe or a single channel of the agent\'s internal activations points at the cheese (the target the agent was trained to pursue) in most held-out mazes, AND patching it carries the agent\'s behaviour: located means read and used.',
  criterion: 'Two tests. Read: the chosen method (best single channel, read by its argmax/argmin over open cells; or a spatial linear probe fitted on some mazes and scored on others) picks out the cheese cell in at least `threshold` of held-out test mazes. Used: patching that channel (for a probe, the layer\'s strongest channel) from a run with the cheese elsewhere in the training square moves the agent at least `minEffect` of the way to its other move. Supported if both hold, not supported if neither, depends if only one. The observation layer is the input, not an internal target: reading it never counts (not supported).',
  params: {
    kind: { default: 'planner', description: 'which agent', choices: ['planner', 'policy'] },
    method: { default: 'channel', description: 'best single channel, or a linear probe over all channels of a cell', choices: ['channel', 'probe'] },
    layer: { default: 'auto', description: 'spatial layer (auto = target.map for the planner, conv2 for the policy)', choices: ['auto', 'obs', 'reward.hidden', 'target.logit', 'target.map', 'conv1', 'conv2', 'conv3'] },
    threshold: { default: 0.9, description: 'share of held-out mazes where the cheese must be picked out', min: 0, max: 1 },
    minEffect: { default: 0.5, description: 'patching effect the representation must carry (1 = all the way to the other move)', min: 0, max: 1 },
    mazes: { default: 200, description: 'test mazes (the probe is fitted on 70% of them and scored on the rest)', min: 20, max: 1000, integer: true },
    seed: { default: 1, description: 'seed of the agent and of the mazes', integer: true },
  },
  run: async (p) => {
    const kind = p.kind;
    const cfg = agentConfig(kind, { seed: p.seed });
    const { agent } = await loadOrTrainAgent(cfg);
    const layer = p.layer === 'auto' ? (kind === 'planner' ? 'target.map' : 'conv2') : p.layer;
    const examples = cheeseMazeLevels('test', p.mazes, `probe/${cfg.seed}`, { size: cfg.size, trainRegion: cfg.trainRegion }).map((level) => ({ level }));
    const cheese = (e: { level: CheeseMazeLevel }) => e.level.cheese;
    const loc = channelLocalization(agent, layer, examples, cheese);
    const accuracy = p.method === 'probe'
      ? locationProbe(agent, layer, examples, cheese, { seed: cfg.seed }).accuracy
      : loc.best.accuracy;
    // Causal check: does the channel found carry the behaviour change when the cheese moves?
    const pairs = squarePatchPairs(cheeseMazeLevels('train', 120, `patch/${cfg.seed}`, { size: cfg.size, trainRegion: cfg.trainRegion }), cfg.seed);
    const patch = patchingOf(agent, pairs, layer);
    const channelEffect = patch.effects[loc.best.channel] ?? 0;
    const bestPatched = patch.effects.reduce((b, v, c) => (v > patch.effects[b] ? c : b), 0);
    const read = accuracy >= p.threshold;
    const effect = p.method === 'probe' ? (patch.effects[bestPatched] ?? 0) : channelEffect;
    const used = effect >= p.minEffect;
    const input = layer === 'obs';
    const what = p.method === 'probe' ? `A linear probe on ${layer}` : `Channel ${loc.best.channel} of ${layer} (read by its ${loc.best.sign > 0 ? 'maximum' : 'minimum'})`;
    return {
      verdict: input ? 'not supported' : read && used ? 'supported' : read || used ? 'depends' : 'not supported',
      summary: (input ? 'The observation layer is the input, not an internal target: reading it does not count. ' : '')
        + `${what} picks out the cheese in ${pct(accuracy)} of held-out ${kind} mazes (chance ${pct(loc.chance)}; threshold ${pct(p.threshold)}). `
        + `Patching ${p.method === 'probe' ? 'the best cheese-tracking channel, ' : 'channel '}${loc.best.channel}, from a run with the cheese elsewhere in the training square, moves the ${kind} agent ${pct(channelEffect)} of the way to its other move`
        + (patch.effects.length > 1 ? `; the single channel of ${layer} with the largest effect is ${bestPatched} (${pct(patch.effects[bestPatched])}).` : '.'),
      numbers: {
        layer, accuracy, chance: loc.chance, channel: loc.best.channel, channelAccuracy: loc.best.accuracy,
        channelEffect, read, used, bestPatchedChannel: bestPatched, bestPatchedEffect: patch.effects[bestPatched], pairs: patch.pairs,
      },
      chart: barChart(loc.accuracy.map((a, c) => ({ channel: c, 'points at the cheese': Math.max(a, loc.accuracyMin[c]) })), {
        x: 'channel', y: 'points at the cheese', title: `${kind} agent, ${layer}: share of mazes where each channel's extreme cell is the cheese (chance ${pct(loc.chance)})`,
      }),
    };
  },
});

function patchingOf(agent: NamedModel, pairs: PatchPair[], layer: string): { effects: number[]; pairs: number } {
  try {
    const r = activationPatching(agent, pairs, [layer]);
    return { effects: r.rows.map((row) => row.effect as number), pairs: r.pairs };
  } catch {
    return { effects: [], pairs: 0 }; // no pair changed the agent's move (e.g. the observation's constant channels)
  }
}

/**
 * The learned recurrent searcher: nothing in it is named target, and the locating procedure reads
 * only its layers' names and shapes. Located means a probe finds the cheese AND patching that
 * representation moves the agent's choice (lib/retarget/locate.ts).
 */
defineClaim({
  id: '05-learned-target-located',
  title: 'The target of a learned searcher can be located (probe and causal effect)',
  notebook: '05-finding-the-target',
  kind: 'empirical',
  source: {
    who: 'post',
    thread: 'the proposal: identify the search and its target with interpretability',
    paraphrase: 'With good enough interpretability we can find the internal representation the search is aimed at.',
  },
  claim: 'A procedure that knows nothing of the architecture finds, in a network that learned its own behaviour, a representation of the cheese that a probe reads AND whose patching moves the agent\'s choice toward the patched cheese.',
  criterion: 'Supported if the best non-input (layer, channels) candidate passes both the probe threshold (held-out top-1 accuracy ≥ 0.7) and the causal threshold (patching at the cheese cells moves the choice ≥ 0.5 of the way) and is narrower than the input\'s footprint; depends if only a patch of every channel over the input convolution\'s reach at every iteration passes (that is the same as moving the cheese in the input); not supported if nothing passes. The observation layer is reported as the input baseline and cannot count.',
  params: {
    variant: { default: 'aligned', description: 'which learned agent: cheese anywhere in training (aligned), in the top-right square (corner), or one fixed cell (fixed)', choices: ['aligned', 'corner', 'fixed'] },
    size: { default: 9, description: 'maze side (locating at 13 takes minutes)', min: 7, max: 13, integer: true },
    seed: { default: 1, description: 'seed of the mazes the procedure uses', integer: true },
  },
  run: async (p) => {
    await useBackend();
    const { result: r } = locateLearned(p.variant, p.size, p.seed);
    const row = r.bestRow;
    const where = row ? `${row.layer}${row.channel < 0 ? ' (all channels)' : ` channel ${row.channel}`}` : 'no layer';
    // Every channel over the 3×3 reach of the input convolution, at every iteration: patching that
    // is the same as moving the cheese in the input, so it cannot show an internal target.
    const footprint = r.located && !!row && row.channel < 0 && LEARNED_LOCATE.goalRadius >= 1 && !r.rows.some((x) => x.channel >= 0 && x.passes);
    const singles = r.rows.filter((x) => x.channel >= 0 && !x.input);
    const single = [...singles].sort((a, b) => (b.goalEffect ?? -1) - (a.goalEffect ?? -1) || b.probeAccuracy - a.probeAccuracy)[0];
    const singlePasses = singles.some((x) => x.passes);
    return {
      verdict: !r.located ? 'not supported' : footprint ? 'depends' : 'supported',
      summary: `In the ${p.variant} agent (${p.size}×${p.size}) the best candidate is ${where}: probe accuracy ${pct(row?.probeAccuracy ?? 0)}, patch effect at the cheese cells ${pct(row?.goalEffect ?? 0)}. ${r.verdict}`
        + (footprint ? ` But that patch covers every channel over the input convolution's reach at every iteration, which is the same as moving the cheese in the input: it cannot tell an internal target from the input's footprint. The best single channel (${single ? `${single.layer} channel ${single.channel}: probe ${pct(single.probeAccuracy)}, cheese-cell effect ${single.goalEffect === null ? 'not measured' : pct(single.goalEffect)}` : 'none'}) ${singlePasses ? 'passes on its own' : 'does not pass'}.` : ''),
      numbers: { located: r.located, footprintOnly: footprint, probeAccuracy: row?.probeAccuracy ?? 0, effect: row?.goalEffect ?? 0, bestSingleEffect: single?.goalEffect ?? 0, singlePasses, pairs: r.pairs, layer: row?.layer ?? '' },
      chart: r.charts.effects,
      rows: r.rows.slice(0, 12).map((x) => ({ layer: x.layer, channel: x.channel, probe: x.probeAccuracy, effect: x.effect, passes: x.passes })),
    };
  },
});
