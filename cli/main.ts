import type { Command } from './command';
import { RetargetLabError } from '../lib/core/errors';

/** Subcommands, loaded lazily so `retarget-lab --help` stays fast. */
const commands: Record<string, { summary: string; load: () => Command }> = {
  run: { summary: 'execute notebooks headless in the real kernel', load: () => require('./run').command },
  kernel: { summary: 'install, uninstall or list the retarget-lab Jupyter kernelspec', load: () => require('./kernel').command },
  claims: { summary: 're-run the claims ledger and print verdicts', load: () => require('./claims').command },
  solve: { summary: 'run a search on a grid map/scenario or a sliding puzzle', load: () => require('./solve').command },
  train: { summary: 'train the learned recurrent searcher and write its weights module', load: () => require('./train').command },
  bench: { summary: 'run the benchmarks in bench/ and print ratios against peers', load: () => require('./bench').command },
  notebooks: { summary: 'copy the curriculum (or with --student the student versions) into a folder', load: () => require('./notebooks').command },
  student: { summary: 'generate student versions of the notebooks (solutions stubbed, hidden tests removed)', load: () => require('./student').command },
  grade: { summary: 'autograde submissions against the reference notebooks', load: () => require('./grade').command },
  book: { summary: 'build a static HTML book of the executed notebooks', load: () => require('./book').command },
};

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: retarget-lab <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Every command takes --help; most take --json.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const entry = commands[name];
  if (!entry) {
    process.stderr.write(`retarget-lab/cli: unknown command "${name}"; run \`retarget-lab --help\` for the list.\n`);
    return 2;
  }
  const command = entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof RetargetLabError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
