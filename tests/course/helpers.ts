import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gradeId } from '../../course/nbgrader';
import { sourceLines, sourceText, type Notebook } from '../../kernel/notebook';

export const fixtureDir = path.join(__dirname, '..', 'fixtures', 'course', 'notebooks');
export const fixture = path.join(fixtureDir, 'course-fixture.ipynb');

export function tempDir(prefix = 'rl-course-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The cell with this grade_id. */
export function cellById(nb: Notebook, id: string) {
  const cell = nb.cells.find((c) => gradeId(c) === id);
  if (!cell) throw new Error(`no cell ${id}`);
  return cell;
}

/** A copy of `nb` where the student answered exercise `id` with `body` (replacing the stub). */
export function answer(nb: Notebook, id: string, body: string): Notebook {
  const out = structuredClone(nb);
  const cell = cellById(out, `${id}-solution`);
  const text = sourceText(cell.source);
  const replaced = text.replace(/^(\s*)\/\/ YOUR CODE HERE\n\s*throw new Error\("YOUR CODE HERE"\);/m, (_m, indent: string) => `${indent}${body}`);
  if (replaced === text) throw new Error(`no stub in ${id}`);
  cell.source = sourceLines(replaced);
  return out;
}

/** A copy of `nb` with cell `id`'s source replaced. */
export function edit(nb: Notebook, id: string, source: string): Notebook {
  const out = structuredClone(nb);
  cellById(out, id).source = sourceLines(source);
  return out;
}
