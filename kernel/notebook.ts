/**
 * Reading, validating and writing nbformat 4 notebooks (written as 4.5, with cell ids).
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RetargetLabError } from '../lib/core/errors';
import type { NbOutput } from './client';

export type Source = string | string[];

export interface NbCell {
  id?: string;
  cell_type: 'code' | 'markdown' | 'raw';
  source: Source;
  metadata: Record<string, any>;
  outputs?: NbOutput[];
  execution_count?: number | null;
  attachments?: Record<string, unknown>;
}

export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: Record<string, any>;
  cells: NbCell[];
}

/** Joins a cell's source into one string. */
export function sourceText(source: Source): string {
  return Array.isArray(source) ? source.join('') : source;
}

/** Splits text into nbformat's list-of-lines form (each line keeps its newline). */
export function sourceLines(text: string): string[] {
  return text.split(/(?<=\n)/).filter((l) => l.length > 0);
}

/** The tags of a cell (nbformat `metadata.tags`). */
export function cellTags(cell: NbCell): string[] {
  const tags = cell.metadata?.tags;
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
}

/** Parses and checks a notebook; `file` names it in errors. */
export function parseNotebook(text: string, file: string): Notebook {
  const bad = (why: string): never => {
    throw new RetargetLabError('kernel/notebook', `${file} is not a valid notebook: ${why}. Re-save it from Jupyter or fix the JSON.`);
  };
  let nb: any;
  try {
    nb = JSON.parse(text);
  } catch (err) {
    return bad(`its JSON does not parse (${(err as Error).message})`);
  }
  if (!nb || typeof nb !== 'object' || Array.isArray(nb)) bad('the top level is not a JSON object');
  if (nb.nbformat !== 4) bad(`nbformat is ${JSON.stringify(nb.nbformat)}, expected 4`);
  if (!Array.isArray(nb.cells)) bad('it has no "cells" list');
  nb.cells.forEach((c: any, i: number) => {
    if (!c || typeof c !== 'object') bad(`cell ${i} is not an object`);
    if (!['code', 'markdown', 'raw'].includes(c.cell_type)) bad(`cell ${i} has cell_type ${JSON.stringify(c.cell_type)}`);
    if (!(typeof c.source === 'string' || (Array.isArray(c.source) && c.source.every((s: unknown) => typeof s === 'string')))) {
      bad(`cell ${i} has no string source`);
    }
    c.metadata = c.metadata && typeof c.metadata === 'object' ? c.metadata : {};
  });
  nb.metadata = nb.metadata && typeof nb.metadata === 'object' ? nb.metadata : {};
  return nb as Notebook;
}

/** Reads and checks a notebook file. */
export function readNotebook(file: string): Notebook {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new RetargetLabError('kernel/notebook', `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the path.`);
  }
  return parseNotebook(text, file);
}

/** Serialises as Jupyter does (1-space indent, trailing newline), upgrading to nbformat 4.5 ids. */
export function serializeNotebook(nb: Notebook): string {
  const out: Notebook = { ...nb, nbformat: 4, nbformat_minor: Math.max(5, nb.nbformat_minor ?? 5) };
  out.cells = nb.cells.map((c) => ({ id: c.id ?? randomUUID().slice(0, 8), ...c }));
  return `${JSON.stringify(out, null, 1)}\n`;
}

/** Writes a notebook, creating the folder. */
export function writeNotebook(file: string, nb: Notebook): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, serializeNotebook(nb));
}
