import * as path from 'node:path';
import { runtimeRoot } from '../lib/core/cache';
import { projectRoot } from '../kernel/kernelspec';
import { buildStudentVersions } from '../course/student';
import { collectNotebooks } from './run';
import { parseCommandArgs, printJson, type Command } from './command';

const help = `Usage: retarget-lab student [notebooks… | dir] [--out DIR] [--json]

Writes the student version of each reference notebook, as nbgrader's "generate assignment" does:
code between "// BEGIN SOLUTION" and "// END SOLUTION" becomes "// YOUR CODE HERE" and
throw new Error("YOUR CODE HERE") (the function signature around it stays), hidden tests between
"// BEGIN HIDDEN TESTS" and "// END HIDDEN TESTS" are removed, outputs are cleared, and locked and
test cells get metadata.nbgrader.checksum so \`retarget-lab grade\` can flag edited cells.

  notebooks… | dir   reference notebooks or folders (default: notebooks/)
  --out DIR          where the student versions go (default: build/student, or student/ in the per-user cache
                     when the install is read-only)
  --json             print the summary as JSON

Exit status: 0 written, 2 bad input (e.g. an unclosed BEGIN SOLUTION region).`;

export const command: Command = {
  name: 'student',
  summary: 'generate student versions of the notebooks (solutions stubbed, hidden tests removed)',
  help,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('student', argv, { out: { type: 'string' }, json: { type: 'boolean' } });
    const files = collectNotebooks(positionals.length ? positionals : [path.join(projectRoot, 'notebooks')]);
    const outDir = path.resolve(values.out ?? path.join(runtimeRoot(), 'student'));
    const built = buildStudentVersions(files, outDir);
    const rel = (p: string) => path.relative(process.cwd(), p) || p;
    if (values.json) {
      printJson({ outDir: rel(outDir), notebooks: built.map((b) => ({ source: rel(b.source), output: rel(b.output), points: b.points, exercises: b.exercises.map((e) => ({ id: e.id, points: e.points })) })) });
    } else {
      for (const b of built) {
        process.stdout.write(`${rel(b.output)}  ${b.exercises.length} exercise${b.exercises.length === 1 ? '' : 's'}, ${b.points} point${b.points === 1 ? '' : 's'}${b.exercises.length ? ` (${b.exercises.map((e) => e.id).join(', ')})` : ''}\n`);
      }
      process.stdout.write(`${built.length} student version${built.length === 1 ? '' : 's'} written to ${rel(outDir)}/\n`);
    }
    return 0;
  },
};
