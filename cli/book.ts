import * as path from 'node:path';
import { RetargetLabError } from '../lib/core/errors';
import { buildBook } from '../course/book';
import { checkoutKernelSpec } from '../kernel/kernelspec';
import { parseCommandArgs, printJson, type Command } from './command';

const help = `Usage: retarget-lab book [--notebooks DIR] [--out DIR] [--executed DIR] [--no-execute] [--timeout S]
                         [--kernel NAME] [--json]

Builds a static HTML site of the executed curriculum: index.html (contents), one page per notebook
(markdown, code, outputs; charts drawn live by vega-embed from the site's own assets/, with the PNG
shown until they draw) and claims.html (every claim with its verdict).

Outputs come from the executed copy in --executed (default build/notebooks, where \`retarget-lab run\`
writes) when it is not older than the notebook; otherwise the notebook is executed now and the copy
written there. Claims are read from the notebooks' claim cells; ledger claims no notebook shows are
run with their default parameters.

  --notebooks DIR   source notebooks (default: notebooks/)
  --out DIR         the site (default: build/book, or book/ in the per-user cache of a
                    read-only install)
  --executed DIR    executed copies (default: build/notebooks, or notebooks/ there)
  --no-execute      run nothing: use executed copies even if stale, show others without outputs,
                    list claims no notebook shows as not run
  --timeout S       per-cell timeout in seconds when executing (default: 300)
  --kernel NAME     an installed kernelspec (default: this checkout's retarget-lab spec)
  --json            print the summary as JSON

Exit status: 0 built, 1 built but some notebook cells failed, 2 bad input.`;

export const command: Command = {
  name: 'book',
  summary: 'build a static HTML book of the executed notebooks',
  help,
  async run(argv) {
    const { values } = parseCommandArgs('book', argv, {
      notebooks: { type: 'string' }, out: { type: 'string' }, executed: { type: 'string' }, 'no-execute': { type: 'boolean' },
      timeout: { type: 'string' }, kernel: { type: 'string' }, json: { type: 'boolean' },
    }, false);
    const timeout = values.timeout === undefined ? 300 : Number(values.timeout);
    if (!(timeout > 0)) throw new RetargetLabError('cli/book', `--timeout must be a positive number of seconds, got ${values.timeout}.`);
    const book = await buildBook({
      notebooksDir: values.notebooks, outDir: values.out, executedDir: values.executed, execute: !values['no-execute'],
      timeoutSeconds: timeout, kernel: values.kernel ? checkoutKernelSpec(values.kernel) : undefined,
      onProgress: (line) => process.stderr.write(`${line}\n`),
    });
    const failed = book.pages.reduce((s, p) => s + (p.failedCells ?? 0), 0);
    const rel = path.relative(process.cwd(), book.outDir) || '.';
    if (values.json) {
      printJson({ outDir: rel, seconds: Number(book.seconds.toFixed(2)), claims: book.claims, pages: book.pages, failedCells: failed });
    } else {
      for (const p of book.pages) {
        process.stdout.write(`${p.file.padEnd(40)} ${p.outputs ?? ''}${p.charts ? `  ${p.charts} chart${p.charts === 1 ? '' : 's'}` : ''}${p.failedCells ? `  ${p.failedCells} failed cell(s)` : ''}\n`);
      }
      process.stdout.write(`book written to ${rel}/index.html in ${book.seconds.toFixed(1)} s (${book.pages.length} pages, ${book.claims} claims)\n`);
    }
    return failed ? 1 : 0;
  },
};
