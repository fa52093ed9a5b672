import * as fs from 'node:fs';
import * as path from 'node:path';
import { fail } from '../lib/core/errors';
import { buildStudentVersions } from '../course/student';
import { projectRoot } from '../kernel/kernelspec';
import { collectNotebooks } from './run';
import { parseCommandArgs, printJson, type Command } from './command';
import { cliMessages } from './messages';

const MODULE = 'cli/notebooks';

const help = `Usage: retarget-lab notebooks DIR [--student] [--force] [--json]

Copies the curriculum (notebooks 00-13, without outputs) into DIR, which may be any folder: the
kernel finds the library from where it is installed. With --student, writes the student versions
instead (solutions stubbed, hidden tests removed, as \`retarget-lab student\` does).

  DIR        the folder to write to (created if missing)
  --student  the student versions
  --force    overwrite notebooks already in DIR
  --json     print what was written as JSON

Then: \`retarget-lab run DIR\` executes them headless, or \`retarget-lab kernel install\` and open DIR
in JupyterLab, Jupyter Notebook or VS Code.

Exit status: 0 written, 2 bad input (e.g. DIR already holds the notebooks and --force is not given).`;

/** The curriculum's notebooks as shipped with the library. */
export function curriculumNotebooks(): string[] {
  return collectNotebooks([path.join(projectRoot, 'notebooks')]);
}

/** Copies the curriculum (or its student versions) into `dir`; returns the files written. */
export function copyNotebooks(dir: string, opts: { student?: boolean; force?: boolean } = {}): string[] {
  const out = path.resolve(dir);
  const sources = curriculumNotebooks();
  if (fs.existsSync(out)) {
    if (!fs.statSync(out).isDirectory()) fail(MODULE, cliMessages.notebooksNotAFolder(dir));
    if (fs.realpathSync(out) === fs.realpathSync(path.dirname(sources[0]))) fail(MODULE, cliMessages.notebooksSameFolder(dir));
  }
  const targets = sources.map((s) => path.join(out, path.basename(s)));
  const existing = targets.filter((t) => fs.existsSync(t));
  if (existing.length && !opts.force) fail(MODULE, cliMessages.notebooksWouldOverwrite(existing.map((t) => path.relative(process.cwd(), t) || t)));
  if (opts.student) return buildStudentVersions(sources, out).map((b) => b.output);
  fs.mkdirSync(out, { recursive: true });
  sources.forEach((s, i) => fs.copyFileSync(s, targets[i]));
  return targets;
}

export const command: Command = {
  name: 'notebooks',
  summary: 'copy the curriculum (or with --student the student versions) into a folder',
  help,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('notebooks', argv, {
      student: { type: 'boolean' }, force: { type: 'boolean' }, json: { type: 'boolean' },
    });
    const [dir, ...extra] = positionals;
    if (!dir) fail(MODULE, cliMessages.notebooksNoDir());
    if (extra.length) fail(MODULE, cliMessages.notebooksTooMany(extra));
    const written = copyNotebooks(dir, { student: values.student, force: values.force });
    const rel = (p: string) => path.relative(process.cwd(), p) || p;
    if (values.json) {
      printJson({ dir: rel(path.resolve(dir)), student: Boolean(values.student), notebooks: written.map(rel) });
    } else {
      process.stdout.write(`${written.length} ${values.student ? 'student versions' : 'notebooks'} written to ${rel(path.resolve(dir))}/\n`);
      process.stdout.write(`Run them: npx retarget-lab run ${JSON.stringify(dir)}  — or install the kernel (npx retarget-lab kernel install) and open the folder in Jupyter.\n`);
    }
    return 0;
  },
};
