/**
 * A share as a percentage, for summaries: `pct(0.956)` → `"96%"`, `pct(0.956, 1)` → `"95.6%"`.
 */
export function pct(share: number, digits = 0): string {
  return `${(100 * share).toFixed(digits)}%`;
}

/** How {@link formatTable} lays out its last column. */
export interface TableOptions {
  /**
   * `'right'` (the default): right-aligned like the other columns after the first.
   * `'free'`: free text, left-aligned and not padded (notes, flags, long summaries).
   */
  lastColumn?: 'right' | 'free';
}

/**
 * A plain-text table: the first row is the header (underlined), the first column left-aligned,
 * the others right-aligned (numbers); lines carry no trailing spaces.
 *
 * @example
 * formatTable([['method', 'expanded'], ['A*', '120'], ['BFS', '4031']]);
 * // method  expanded
 * // ------  --------
 * // A*           120
 * // BFS         4031
 */
export function formatTable(rows: string[][], options: TableOptions = {}): string {
  const last = rows[0].length - 1;
  const free = options.lastColumn === 'free' && last > 0;
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (free && i === last ? 0 : r[i].length))));
  const rules = widths.map((w, i) => '-'.repeat(free && i === last ? rows[0][i].length : w));
  return rows.map((r, k) => {
    const line = r.map((c, i) => (free && i === last ? c : i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
    return k === 0 ? `${line}\n${rules.join('  ')}` : line;
  }).join('\n');
}
