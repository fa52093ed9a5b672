import { defineClaim } from '../../lib/claims/ledger';
import { useBackend } from '../../lib/mesa/backend';
import { locateLearned, narrowLearned } from '../../lib/retarget/learned';
import type { NarrowCandidate } from '../../lib/retarget/narrow';
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
 * representation moves the agent's choice (lib/retarget/locate.ts). A patch of every channel over
 * the input convolution's reach is the input's footprint, so the verdict asks for something
 * narrower (lib/retarget/narrow.ts): fewer channels, or the cheese cell alone, after the first
 * iteration.
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
  claim: 'A procedure that knows nothing of the architecture finds, in a network that learned its own behaviour, a representation of the cheese narrower than the input\'s footprint that a probe reads AND whose patching moves the agent\'s choice toward the patched cheese.',
  criterion: 'Candidates are patched from a run with the cheese at B into a run with it at A, at the two cheese cells only, at every iteration from `fromIteration` on: every channel over the 3×3 reach of the input convolution (the input\'s footprint: the observation is re-injected at every iteration, so that patch is the same as moving the cheese in the input), every channel at the cheese cell alone (radius 0), and the top k channels by single-channel effect (k ≤ `maxChannels`) at radius 1 and 0, the channels ranked on one half of the patching pairs and every candidate scored on the other half. A candidate passes if a per-cell probe on its channels reads the cheese (held-out top-1 accuracy ≥ `minProbe`) AND its patch moves the choice at least `minEffect` of the way. Supported if a candidate narrower than the footprint passes (the narrowest is reported); depends if only the footprint passes (every channel over radius 1, at every iteration or from `fromIteration` on); not supported if nothing passes. The observation layer is the input baseline and cannot count. Reported beside the verdict, not in it: each channel\'s iteration-1 response (how much adding the cheese changes it at the cheese cell at the first iteration, straight from the input, as a share of its largest change at any iteration); a narrowest candidate with a channel at or above 50% is flagged as probably where the input writes the cheese. Run `variant: "untrained"` for the control: the same architecture with its initial weights.',
  params: {
    variant: { default: 'aligned', description: 'which learned agent: cheese anywhere in training (aligned), in the top-right square (corner), one fixed cell (fixed); or the untrained control (same architecture, initial weights)', choices: ['aligned', 'corner', 'fixed', 'untrained'] },
    size: { default: 9, description: 'maze side (locating at 13 takes minutes)', min: 7, max: 13, integer: true },
    fromIteration: { default: 2, description: 'first iteration patched by the narrower candidates (2 = after the input\'s first step)', min: 1, max: 20, integer: true },
    maxChannels: { default: 4, description: 'largest channel subset tried (top k channels by single-channel effect)', min: 1, max: 8, integer: true },
    minEffect: { default: 0.5, description: 'causal bar: how far a patch must move the choice (1 = all the way)', min: 0.05, max: 0.95 },
    minProbe: { default: 0.7, description: 'probe bar: held-out top-1 accuracy of a per-cell probe on the patched channels', min: 0.05, max: 0.99 },
    seed: { default: 1, description: 'seed of the mazes the procedure uses', integer: true },
  },
  run: async (p) => {
    await useBackend();
    const found = locateLearned(p.variant, p.size, p.seed);
    const r = found.result;
    const scan = narrowLearned(found, { fromIterations: [p.fromIteration], maxChannels: p.maxChannels, minEffect: p.minEffect, minProbeAccuracy: p.minProbe, seed: p.seed });
    const row = r.rows.find((x) => !x.input && x.channel < 0 && x.layers.length > 1) ?? null;
    // The footprint at every iteration (from the locating procedure) and from `fromIteration` on (from the scan).
    const whole = !!row && row.probeAccuracy >= p.minProbe && (row.goalEffect ?? 0) >= p.minEffect;
    const footprintPasses = whole || scan.candidates.some((c) => c.footprint && c.passes);
    const narrow = scan.narrowest;
    const verdict = narrow ? 'supported' : footprintPasses ? 'depends' : 'not supported';
    const single = scan.candidates.filter((c) => c.channels.length === 1).sort((a, b) => b.effect - a.effect)[0];
    const say = (c: NarrowCandidate) => `${c.allChannels ? 'every channel' : `channel${c.channels.length > 1 ? 's' : ''} ${c.channels.join(', ')}`} ${c.radius === 0 ? 'at the cheese cell only' : `over the ${2 * c.radius + 1}×${2 * c.radius + 1} window`}, iterations ${c.from}–${scan.iterations} (probe ${pct(c.probeAccuracy)}, effect ${pct(c.effect)})`;
    return {
      verdict,
      summary: `In the ${p.variant} agent (${p.size}×${p.size}, ${scan.pairs} patching pairs) the input's footprint, every channel over the 3×3 window at every iteration, ${row ? `reads the cheese at ${pct(row.probeAccuracy)} and moves the choice ${pct(row.goalEffect ?? 0)} of the way` : 'could not be scored'}. `
        + (narrow
          ? `The narrowest patch that passes both bars is ${say(narrow)}: ${narrow.channels.length} of ${scan.channels} channels${narrow.radius === 0 ? ', at the cheese cell alone' : ''}, narrower than the footprint (channels ranked on ${scan.rankPairs} pairs, scored on the other ${scan.pairs - scan.rankPairs}). `
            + `At iteration 1, straight from the input, ${narrow.channels.map((c) => `channel ${c} already shows ${pct(scan.iterationOne[c])} of its largest response to the cheese`).join(', ')}${narrow.inputDriven ? ': probably where the input writes the cheese, so narrower than the footprint does not mean something the training built beyond the input.' : '.'}`
          : `No patch narrower than the footprint passes both bars (probe ${pct(p.minProbe)}, effect ${pct(p.minEffect)}); the strongest with a passing probe is ${scan.strongest ? say(scan.strongest) : 'none'}.`)
        + ` The best single channel: ${single ? say(single) : 'none'}.`,
      numbers: {
        located: r.located, footprintPasses, footprintProbe: row?.probeAccuracy ?? 0, footprintEffect: row?.goalEffect ?? 0,
        narrowPasses: !!narrow, narrowest: narrow?.label ?? 'none', narrowestChannels: narrow?.channels.length ?? 0, narrowestRadius: narrow?.radius ?? -1,
        narrowestProbe: narrow?.probeAccuracy ?? 0, narrowestEffect: narrow?.effect ?? 0, narrowestInputDriven: narrow?.inputDriven ?? false, narrowestIterationOne: narrow?.iterationOne ?? 0, rankPairs: scan.rankPairs,
        radius0Effect: Math.max(0, ...scan.candidates.filter((c) => c.radius === 0).map((c) => c.effect)),
        bestSingleEffect: single?.effect ?? 0, bestSingleProbe: single?.probeAccuracy ?? 0, pairs: scan.pairs, layer: row?.layer ?? '',
      },
      chart: scan.chart,
      rows: scan.candidates.map((c) => ({ patch: c.label, channels: c.channels.length, radius: c.radius, from: c.from, probe: c.probeAccuracy, effect: c.effect, passes: c.passes, footprint: c.footprint, 'iteration-1 response': c.iterationOne, 'input-driven': c.inputDriven })),
    };
  },
});
