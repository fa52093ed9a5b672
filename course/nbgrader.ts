/**
 * The nbgrader cell metadata this project uses, and nbgrader's cell checksum.
 *
 * Solution cells: `{grade: false, grade_id: '<id>-solution', locked: false, solution: true}`;
 * autograded test cells: `{grade: true, grade_id: '<id>-test', locked: true, points: N}`;
 * read-only cells: `{locked: true, grade_id: '…'}`. All with `schema_version: 3, task: false`.
 */
import { createHash } from 'node:crypto';
import { sourceText, type NbCell, type Notebook } from '../kernel/notebook';

export interface NbgraderMeta {
  grade?: boolean;
  grade_id?: string;
  locked?: boolean;
  points?: number;
  schema_version?: number;
  solution?: boolean;
  task?: boolean;
  checksum?: string;
}

/** Notebook-level metadata key under which course tooling records where a notebook came from. */
export const COURSE_METADATA = 'retarget-lab-course';

export const SOLUTION_BEGIN = /^\s*(?:\/\/|#+)\s*BEGIN SOLUTION\s*$/;
export const SOLUTION_END = /^\s*(?:\/\/|#+)\s*END SOLUTION\s*$/;
export const HIDDEN_BEGIN = /^\s*\/\/\s*BEGIN HIDDEN TESTS\s*$/;
export const HIDDEN_END = /^\s*\/\/\s*END HIDDEN TESTS\s*$/;

export function nbgrader(cell: NbCell): NbgraderMeta | undefined {
  const m = cell.metadata?.nbgrader;
  return m && typeof m === 'object' ? (m as NbgraderMeta) : undefined;
}

export const isGraded = (cell: NbCell): boolean => nbgrader(cell)?.grade === true;
export const isSolution = (cell: NbCell): boolean => nbgrader(cell)?.solution === true;
export const isLocked = (cell: NbCell): boolean => nbgrader(cell)?.locked === true;
export const gradeId = (cell: NbCell): string | undefined => {
  const id = nbgrader(cell)?.grade_id;
  return typeof id === 'string' ? id : undefined;
};

/** A graded cell's points (a number ≥ 0; missing or bad values count as 0). */
export function cellPoints(cell: NbCell): number {
  const p = Number(nbgrader(cell)?.points);
  return Number.isFinite(p) && p >= 0 ? p : 0;
}

/** The exercise id a grade_id belongs to: `02-relax-test` → `02-relax`. */
export function exerciseOf(id: string): string {
  return id.replace(/-(test|solution)$/, '');
}

/** Source normalised for checksums: LF line ends, no trailing spaces, no trailing blank lines. */
export function normalizeSource(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t]+$/, '')).join('\n').replace(/\n+$/, '');
}

function pyFloat(n: number): string {
  return Number.isInteger(n) ? n.toFixed(1) : String(n);
}

/**
 * nbgrader's `compute_checksum`: sha256 over the (normalised) source, the cell type, whether the
 * cell is graded / a solution / locked (as Python's "True"/"False"), the grade_id, and for graded
 * cells the points as a float. Any edit to the source or to these metadata changes it.
 */
export function computeChecksum(cell: NbCell): string {
  const py = (b: boolean) => (b ? 'True' : 'False');
  const h = createHash('sha256');
  h.update(normalizeSource(sourceText(cell.source)));
  h.update(cell.cell_type);
  h.update(py(isGraded(cell)));
  h.update(py(isSolution(cell)));
  h.update(py(isLocked(cell)));
  h.update(gradeId(cell) ?? '');
  if (isGraded(cell)) h.update(pyFloat(cellPoints(cell)));
  return h.digest('hex');
}

/** Cells whose checksum is recorded and verified: locked cells and graded test cells. */
export function isChecked(cell: NbCell): boolean {
  return (isLocked(cell) || isGraded(cell)) && gradeId(cell) !== undefined;
}

/** The graded test cells of a notebook, in order. */
export function testCells(nb: Notebook): NbCell[] {
  return nb.cells.filter((c) => isGraded(c) && gradeId(c) !== undefined);
}
