import * as fs from 'node:fs';
import * as path from 'node:path';
import { fail } from '../lib/core/errors';
import { LEARNED_VARIANTS, learnedConfig, type LearnedVariant } from '../lib/mesa/learned/config';
import { trainLearnedSearch } from '../lib/mesa/learned/train';
import { weightsModule } from '../lib/mesa/learned/weights-io';
import { parseCommandArgs, printJson, type Command } from './command';

const MODULE = 'cli/train';

/** Every message `retarget-lab train` prints or throws. */
const text = {
  noModel: (got: string | undefined) => `${got === undefined ? 'name what to train' : `unknown model "${got}"`}; the only model is learned-search (\`retarget-lab train learned-search --variant aligned --seed 1\`).`,
  badVariant: (v: string | undefined) => `${v === undefined ? '--variant is missing' : `unknown --variant "${v}"`}; use one of: ${LEARNED_VARIANTS.join(', ')}.`,
  badInt: (flag: string, v: string) => `${flag} must be a positive integer, got "${v}".`,
  progress: (v: string, step: number, steps: number, loss: number, acc: number, size: number, s: number) =>
    `${v}: step ${step}/${steps}  loss ${loss.toFixed(3)}  cell accuracy ${(acc * 100).toFixed(1)}%  (size ${size})  ${s.toFixed(0)} s`,
  done: (file: string, s: number, gflops: number) => `wrote ${file} (${s.toFixed(0)} s, ${gflops.toFixed(2)} GFLOP/s)`,
} as const;

const help = `Usage: retarget-lab train learned-search --variant aligned|corner|fixed [--seed S] [--steps N]
                    [--out FILE] [--json]

Trains the learned recurrent searcher (lib/mesa/learned/) from scratch with the project's own
typed-array convolutions, and writes its weights as a TypeScript module (default
lib/mesa/learned/weights/<variant>.ts, the shipped weights). Deterministic: the same variant,
seed and steps give the same bytes.
  --variant aligned   cheese anywhere in training
  --variant corner    cheese always in the top-right training square (correct labels; the
                      Langosco setting)
  --variant fixed     cheese always in the top-right corner cell (one fixed goal)
  --seed S            integer seed (default 1)
  --steps N           training steps (default 1200, the shipped schedule)
  --out FILE          write the weights module here instead
  --json              one JSON line per progress report, then a summary line

Exit status: 0 ok, 2 bad input.`;

function positiveInt(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) fail(MODULE, text.badInt(flag, v));
  return n;
}

export const command: Command = {
  name: 'train',
  summary: 'train the learned recurrent searcher and write its weights module',
  help,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('train', argv, {
      variant: { type: 'string' },
      seed: { type: 'string' },
      steps: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (positionals[0] !== 'learned-search' || positionals.length > 1) fail(MODULE, text.noModel(positionals[0]));
    const variant = values.variant;
    if (variant === undefined || !(LEARNED_VARIANTS as readonly string[]).includes(variant)) fail(MODULE, text.badVariant(variant));
    const json = values.json === true;
    const config = learnedConfig(variant as LearnedVariant, { seed: positiveInt('--seed', values.seed) ?? 1, steps: positiveInt('--steps', values.steps) });
    const trained = trainLearnedSearch(config, {
      onProgress: (p) => {
        if (json) printJson({ variant, ...p });
        else process.stderr.write(`${text.progress(variant, p.step, p.steps, p.loss, p.accuracy, p.size, p.seconds)}\n`);
      },
    });
    const file = path.resolve(values.out ?? path.join(__dirname, '..', 'lib', 'mesa', 'learned', 'weights', `${variant}.ts`));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, weightsModule(trained));
    if (json) printJson({ variant, file, ...trained.figures });
    else process.stdout.write(`${text.done(file, trained.figures.seconds, trained.figures.gflops)}\n`);
    return 0;
  },
};
