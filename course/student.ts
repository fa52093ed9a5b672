/**
 * Student versions of lesson notebooks, as nbgrader's "generate assignment" makes them:
 * - in solution cells the lines between `// BEGIN SOLUTION` and `// END SOLUTION` become a stub
 *   (`// YOUR CODE HERE` and `throw new Error("YOUR CODE HERE");`) at the marker's indentation,
 *   so the function signature around them stays; markdown solution regions become "YOUR ANSWER HERE";
 * - in test cells the lines between `// BEGIN HIDDEN TESTS` and `// END HIDDEN TESTS` are removed;
 * - outputs and execution counts are cleared;
 * - locked and test cells get `metadata.nbgrader.checksum` (see {@link computeChecksum}); the grader
 *   recomputes the same checksums from the reference notebook, so it does not trust the copy;
 * - the notebook records its reference file name in `metadata['retarget-lab-course'].source`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fail } from '../lib/core/errors';
import { readNotebook, sourceLines, sourceText, writeNotebook, type NbCell, type Notebook } from '../kernel/notebook';
import {
  COURSE_METADATA, HIDDEN_BEGIN, HIDDEN_END, SOLUTION_BEGIN, SOLUTION_END, cellPoints, computeChecksum,
  exerciseOf, gradeId, isChecked, isGraded, isSolution,
} from './nbgrader';

const MODULE = 'course/student';

export const CODE_STUB = ['// YOUR CODE HERE', 'throw new Error("YOUR CODE HERE");'];
export const MARKDOWN_STUB = ['YOUR ANSWER HERE'];

/** Replaces (or, with `stub` null, removes) every `begin`…`end` region of `text`. */
function replaceRegions(text: string, begin: RegExp, end: RegExp, stub: string[] | null, where: string): { text: string; regions: number } {
  const out: string[] = [];
  let inside: string | null = null;
  let regions = 0;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (inside === null) {
      if (begin.test(line)) {
        inside = /^\s*/.exec(line)![0];
        regions += 1;
        if (stub) out.push(...stub.map((s) => inside + s));
      } else if (end.test(line)) {
        fail(MODULE, `${where}: line ${i + 1} closes a region that was never opened ("${line.trim()}"); add the BEGIN marker above it.`);
      } else {
        out.push(line);
      }
    } else if (end.test(line)) {
      inside = null;
    } else if (begin.test(line)) {
      fail(MODULE, `${where}: line ${i + 1} opens a region inside another; close the first one ("${line.trim().replace('BEGIN', 'END')}") before it.`);
    }
  });
  if (inside !== null) fail(MODULE, `${where}: a "${begin.source.includes('HIDDEN') ? 'BEGIN HIDDEN TESTS' : 'BEGIN SOLUTION'}" region is never closed; add the matching END line.`);
  return { text: out.join('\n'), regions };
}

/** The test cell's source with its hidden tests removed (what the student sees). */
export function stripHiddenTests(text: string, where = 'test cell'): string {
  return replaceRegions(text, HIDDEN_BEGIN, HIDDEN_END, null, where).text.replace(/\n+$/, '');
}

/** A solution cell's source with each solution region replaced by the stub. */
export function stubSolution(text: string, cellType: NbCell['cell_type'], where = 'solution cell'): string {
  const { text: out, regions } = replaceRegions(text, SOLUTION_BEGIN, SOLUTION_END, cellType === 'markdown' ? MARKDOWN_STUB : CODE_STUB, where);
  if (regions === 0) {
    fail(MODULE, `${where} has no "// BEGIN SOLUTION" … "// END SOLUTION" region; wrap the answer (inside its function) in those markers.`);
  }
  return out;
}

export interface ExerciseInfo {
  /** The exercise id (grade_id without `-test`). */
  id: string;
  gradeId: string;
  points: number;
  cellIndex: number;
}

/** Checks the nbgrader metadata of a reference notebook and lists its graded test cells. */
export function listGradedCells(nb: Notebook, file: string): ExerciseInfo[] {
  const seen = new Map<string, number>();
  const out: ExerciseInfo[] = [];
  nb.cells.forEach((cell, i) => {
    const id = gradeId(cell);
    if (!cell.metadata?.nbgrader) return;
    if (!id) fail(MODULE, `${file}: cell ${i} has nbgrader metadata but no grade_id; give it a unique grade_id.`);
    if (seen.has(id)) fail(MODULE, `${file}: cells ${seen.get(id)} and ${i} share the grade_id "${id}"; grade_ids must be unique.`);
    seen.set(id, i);
    if (isGraded(cell)) {
      if (cell.cell_type !== 'code') fail(MODULE, `${file}: graded cell ${i} ("${id}") is ${cell.cell_type}; only code cells are autograded.`);
      out.push({ id: exerciseOf(id), gradeId: id, points: cellPoints(cell), cellIndex: i });
    }
  });
  return out;
}

/** The student version of a reference notebook (a new object; `nb` is not changed). */
export function makeStudentNotebook(nb: Notebook, file: string): Notebook {
  listGradedCells(nb, file);
  const cells: NbCell[] = nb.cells.map((cell, i) => {
    const c: NbCell = structuredClone(cell);
    const where = `${file}: cell ${i}${gradeId(c) ? ` ("${gradeId(c)}")` : ''}`;
    let text = sourceText(c.source);
    if (isSolution(c)) text = stubSolution(text, c.cell_type, where);
    if (isGraded(c)) text = stripHiddenTests(text, where);
    else if (text.split('\n').some((l) => HIDDEN_BEGIN.test(l))) {
      fail(MODULE, `${where} has hidden tests but is not a graded test cell; hidden tests belong in test cells only.`);
    }
    c.source = sourceLines(text);
    if (c.cell_type === 'code') {
      c.outputs = [];
      c.execution_count = null;
    }
    delete c.metadata.execution;
    delete c.metadata['retarget-lab'];
    if (isChecked(c)) c.metadata.nbgrader = { ...c.metadata.nbgrader, checksum: computeChecksum(c) };
    return c;
  });
  const metadata = structuredClone(nb.metadata);
  delete metadata['retarget-lab'];
  metadata[COURSE_METADATA] = { source: path.basename(file) };
  return { ...nb, metadata, cells };
}

export interface StudentBuild {
  source: string;
  output: string;
  exercises: ExerciseInfo[];
  points: number;
}

/** Writes the student version of each reference notebook into `outDir` (same file names). */
export function buildStudentVersions(files: string[], outDir: string): StudentBuild[] {
  fs.mkdirSync(outDir, { recursive: true });
  return files.map((file) => {
    const nb = readNotebook(file);
    const student = makeStudentNotebook(nb, file);
    const output = path.join(outDir, path.basename(file));
    if (path.resolve(output) === path.resolve(file)) fail(MODULE, `the student version of ${file} would overwrite it; choose another --out folder.`);
    writeNotebook(output, student);
    const exercises = listGradedCells(nb, file);
    return { source: file, output, exercises, points: exercises.reduce((s, e) => s + e.points, 0) };
  });
}
