import { defineClaim } from '../../lib/claims/ledger';
import { pct } from '../../lib/core/format';
import { barChart } from '../../lib/viz/bar-chart';
import { lineChart } from '../../lib/viz/line-chart';
import { useBackend } from '../../lib/mesa/backend';
import { CONCEPTS } from './world/world';
import { detectorAt, trainDetectors } from './world/detector';
import { paintingSuccess, testEpisodes } from './world/planner';

/**
 * Notebook 11: value painting in model-based RL. A planner searches an exact world model and
 * values states through learned concept detectors; painting value on a concept retargets it.
 */

const SOURCE = {
  who: 'comment' as const,
  thread: 'model-based RL: set the value of things in the world-model',
  paraphrase: 'A commenter says the plan also works for model-based RL: find concepts in the world model and set their value high or low; open problems include concept extrapolation at edge cases and the "infant" period before the wanted concepts are learned.',
  quote: 'You would look for things in the world-model and manually set their "value" (in RL jargon) / "valence" (in psych jargon) to very high or low, or neutral, as the case may be.',
};

defineClaim({
  id: '11-value-painting-retargets',
  title: 'Painting value on a learned concept retargets the planner — once the concept is learned',
  notebook: '11-value-painting',
  source: SOURCE,
  claim: 'After its concept detectors have trained for `trainSteps` steps, painting high value on a concept makes a planner over the world model reach a state that truly has that concept in at least 90% of episodes.',
  criterion: 'Supported if, on `episodes` test episodes drawn like the training ones, the painted planner\'s goal truly has the concept in >= 90% of them; otherwise not supported.',
  params: {
    concept: { default: 'near cheese', description: 'the concept to paint value on', choices: CONCEPTS },
    trainSteps: { default: 300, description: 'training steps of the concept detectors (few = the "infant" phase)', min: 0, max: 5000, integer: true },
    cheeseSpread: { default: 9, description: 'cheese within this many cells of the top-right corner in training (9 = anywhere)', min: 0, max: 9 },
    episodes: { default: 60, description: 'test episodes', min: 5, max: 1000, integer: true },
    seed: { default: 1, description: 'seed of training and test episodes and detector weights', integer: true },
  },
  run: async (p) => {
    await useBackend();
    const seed = p.seed, steps = p.trainSteps;
    const det = trainDetectors({ steps, cheeseSpread: p.cheeseSpread, seed });
    const test = testEpisodes(p.episodes, seed, { cheeseSpread: p.cheeseSpread });
    const curve = det.snapshots.map((s) => ({ 'training step': Math.max(s.step, 0.5), 'painting success': paintingSuccess(s.weights, p.concept, test).success, 'detector loss': s.loss }));
    const success = paintingSuccess(detectorAt(det, steps), p.concept, test).success;
    const ok = success >= 0.9;
    return {
      verdict: ok ? 'supported' : 'not supported',
      summary: `With detectors trained for ${steps} steps, painting value on "${p.concept}" sent the planner to a true "${p.concept}" state in ${pct(success)} of ${test.length} episodes${ok ? '' : ' — the detector has not formed the concept yet, so the painted value lands on the wrong states'}.`,
      numbers: { success, trainSteps: steps, finalLoss: det.snapshots[det.snapshots.length - 1].loss },
      rows: curve,
      chart: lineChart(curve, { x: 'training step', y: 'painting success', logX: true, title: `Painting "${p.concept}" along training`, description: 'Share of episodes where the painted planner reaches a true instance of the concept, for detector snapshots along training (step 0 drawn at 0.5).' }),
    };
  },
});

defineClaim({
  id: '11-concept-extrapolation',
  title: 'Painting on a narrowly learned concept chases the wrong thing out of distribution',
  notebook: '11-value-painting',
  source: SOURCE,
  claim: 'A "near cheese" detector trained only where the cheese sits within `cheeseSpread` cells of the top-right corner works in distribution, but painting value on it misfires once the cheese is anywhere: planner success drops by at least `drop`.',
  criterion: 'Average over `detectors` independently trained detectors: supported if success(in distribution) − success(cheese anywhere) >= drop; otherwise not supported.',
  params: {
    cheeseSpread: { default: 0, description: 'training cheese within this many cells of the top-right corner (9 = anywhere)', min: 0, max: 9 },
    drop: { default: 0.1, description: 'the fall in success that counts as an extrapolation failure', min: 0, max: 1 },
    detectors: { default: 3, description: 'independently trained detectors (seeds seed, seed+1, …)', min: 1, max: 10, integer: true },
    episodes: { default: 60, description: 'test episodes per condition', min: 5, max: 1000, integer: true },
    seed: { default: 1, description: 'first seed', integer: true },
  },
  run: async (p) => {
    await useBackend();
    const rows: { detector: number; condition: string; success: number }[] = [];
    for (let i = 0; i < p.detectors; i++) {
      const seed = p.seed + i;
      const det = trainDetectors({ cheeseSpread: p.cheeseSpread, seed });
      const w = det.snapshots[det.snapshots.length - 1].weights;
      rows.push({ detector: seed, condition: 'as in training', success: paintingSuccess(w, 'near cheese', testEpisodes(p.episodes, seed, { cheeseSpread: p.cheeseSpread })).success });
      rows.push({ detector: seed, condition: 'cheese anywhere', success: paintingSuccess(w, 'near cheese', testEpisodes(p.episodes, seed, { ood: true })).success });
    }
    const mean = (c: string) => rows.filter((r) => r.condition === c).reduce((a, r) => a + r.success, 0) / p.detectors;
    const id = mean('as in training'), ood = mean('cheese anywhere');
    const ok = id - ood >= p.drop;
    return {
      verdict: ok ? 'supported' : 'not supported',
      summary: `Trained with the cheese within ${p.cheeseSpread} cell(s) of the corner, painting "near cheese" worked in ${pct(id)} of familiar episodes and ${pct(ood)} with the cheese anywhere (mean of ${p.detectors} detectors): ${ok ? 'the learned concept partly meant "near the top-right corner", and the painted value followed it there' : `a drop of less than ${p.drop}, so the concept extrapolated`}.`,
      numbers: { inDistribution: id, outOfDistribution: ood, drop: id - ood },
      rows,
      chart: barChart(rows.map((r) => ({ ...r, detector: `seed ${r.detector}` })), { x: 'detector', y: 'success', color: 'condition', title: `Painting "near cheese" (training spread ${p.cheeseSpread})`, description: 'Share of episodes where the painted planner reaches a cell truly next to the cheese, in familiar and in unfamiliar cheese positions.' }),
    };
  },
});
