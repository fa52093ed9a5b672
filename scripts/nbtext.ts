/**
 * Authoring aid: converts between .ipynb and a plain-text form that is easy to write and diff.
 * The .ipynb in notebooks/ stays the source of truth; convert it to text, edit, convert back.
 *
 *   npx tsx scripts/nbtext.ts to-ipynb notebooks/src.txt notebooks/01-x.ipynb
 *   npx tsx scripts/nbtext.ts to-text notebooks/01-x.ipynb > /tmp/01.txt
 *
 * Text form: cells start with a marker line
 *   %%% markdown
 *   %%% code [tags=a,b]
 *   %%% solution id=EXERCISE-ID          (nbgrader solution cell: code between
 *                                          // BEGIN SOLUTION and // END SOLUTION)
 *   %%% test id=EXERCISE-ID points=N     (nbgrader autograded test cell, locked; may hold
 *                                          // BEGIN HIDDEN TESTS … // END HIDDEN TESTS)
 * Leading and trailing blank lines of each cell are dropped.
 */
import * as fs from 'node:fs';
import { serializeNotebook, sourceLines, sourceText, type NbCell, type Notebook } from '../kernel/notebook';

export const KERNELSPEC_METADATA = {
  kernelspec: { name: 'retarget-lab', display_name: 'TypeScript (Retarget Lab)', language: 'typescript' },
  language_info: { name: 'typescript', file_extension: '.ts', mimetype: 'text/typescript', version: '5.0' },
};

function parseAttrs(rest: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of rest.trim().split(/\s+/).filter(Boolean)) {
    const [k, v = 'true'] = part.split('=');
    out[k] = v;
  }
  return out;
}

export function textToNotebook(text: string, name = 'notebook'): Notebook {
  const cells: NbCell[] = [];
  let current: { kind: string; attrs: Record<string, string>; lines: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    const body = current.lines.join('\n').replace(/^\s*\n/, '').replace(/\s+$/, '');
    const { kind, attrs } = current;
    const id = `${name}-${cells.length}`.replace(/[^A-Za-z0-9_-]/g, '-');
    if (kind === 'markdown') {
      cells.push({ id, cell_type: 'markdown', metadata: {}, source: sourceLines(body) });
    } else {
      const metadata: Record<string, any> = {};
      if (attrs.tags) metadata.tags = attrs.tags.split(',');
      if (kind === 'solution') {
        metadata.nbgrader = { grade: false, grade_id: `${attrs.id}-solution`, locked: false, schema_version: 3, solution: true, task: false };
      } else if (kind === 'test') {
        metadata.nbgrader = { grade: true, grade_id: `${attrs.id}-test`, locked: true, points: Number(attrs.points ?? 1), schema_version: 3, solution: false, task: false };
      } else if (kind !== 'code') {
        throw new Error(`scripts/nbtext: unknown cell kind "${kind}" (use markdown, code, solution or test).`);
      }
      cells.push({ id, cell_type: 'code', metadata, source: sourceLines(body), outputs: [], execution_count: null });
    }
    current = null;
  };
  for (const line of text.split('\n')) {
    const m = /^%%% (\w+)(.*)$/.exec(line);
    if (m) { flush(); current = { kind: m[1], attrs: parseAttrs(m[2]), lines: [] }; continue; }
    if (!current) { if (line.trim()) throw new Error('scripts/nbtext: text before the first %%% marker.'); continue; }
    current.lines.push(line);
  }
  flush();
  return { nbformat: 4, nbformat_minor: 5, metadata: KERNELSPEC_METADATA, cells };
}

export function notebookToText(nb: Notebook): string {
  return nb.cells.map((c) => {
    const nbg = c.metadata.nbgrader;
    let marker = c.cell_type === 'markdown' ? '%%% markdown' : '%%% code';
    if (nbg?.solution) marker = `%%% solution id=${String(nbg.grade_id).replace(/-solution$/, '')}`;
    else if (nbg?.grade) marker = `%%% test id=${String(nbg.grade_id).replace(/-test$/, '')} points=${nbg.points}`;
    const tags = c.metadata.tags as string[] | undefined;
    if (tags?.length) marker += ` tags=${tags.join(',')}`;
    return `${marker}\n${sourceText(c.source)}\n`;
  }).join('\n');
}

if (require.main === module) {
  const [cmd, input, output] = process.argv.slice(2);
  if (cmd === 'to-ipynb' && input && output) {
    const name = output.replace(/^.*\//, '').replace(/\.ipynb$/, '');
    fs.writeFileSync(output, serializeNotebook(textToNotebook(fs.readFileSync(input, 'utf8'), name)));
  } else if (cmd === 'to-text' && input) {
    process.stdout.write(notebookToText(JSON.parse(fs.readFileSync(input, 'utf8'))));
  } else {
    process.stderr.write('usage: tsx scripts/nbtext.ts to-ipynb IN.txt OUT.ipynb | to-text IN.ipynb\n');
    process.exitCode = 2;
  }
}
