import { parseArgs, type ParseArgsConfig } from 'node:util';
import { RetargetLabError } from '../lib/core/errors';

/** One subcommand of the `retarget-lab` CLI. */
export interface Command {
  name: string;
  summary: string;
  /** Full `--help` text. */
  help: string;
  /** Runs the command; resolves to the process exit code (0 ok, 1 failed check, 2 bad input). */
  run(argv: string[]): Promise<number>;
}

/**
 * Parses `argv` with node:util's parseArgs, turning its errors into a module-prefixed message
 * that points at `--help`.
 */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string, argv: string[], options: T, allowPositionals = true,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new RetargetLabError(`cli/${command}`, `${(err as Error).message}; see \`retarget-lab ${command} --help\`.`);
  }
}

/** Writes `value` as one JSON line on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

