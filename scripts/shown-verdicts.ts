/**
 * Writes tests/notebooks/shown-verdicts.json: the verdict each notebook shows for each claim it runs
 * through showClaim, read from executed copies of the notebooks. Run after a change moves a verdict
 * on purpose (and say why in the notebook's prose and your note):
 *   node bin/retarget-lab.js run notebooks --out /tmp/executed
 *   npx tsx scripts/shown-verdicts.ts /tmp/executed
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shownClaims } from '../kernel/claim-view';
import { readNotebook } from '../kernel/notebook';

const dir = process.argv[2];
if (!dir || !fs.existsSync(dir)) {
  console.error('scripts/shown-verdicts: give the folder of executed notebooks, e.g. npx tsx scripts/shown-verdicts.ts /tmp/executed');
  process.exit(2);
}
const target = path.resolve(__dirname, '..', 'tests', 'notebooks', 'shown-verdicts.json');
const files = fs.readdirSync(dir).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).sort();
const table: Record<string, ReturnType<typeof shownClaims>> = {};
for (const f of files) {
  const nb = readNotebook(path.join(dir, f));
  if (!nb.cells.some((c) => c.cell_type === 'code' && (c.outputs ?? []).length > 0)) {
    console.error(`scripts/shown-verdicts: ${f} in ${dir} has no outputs; execute it first`);
    process.exit(2);
  }
  table[f] = shownClaims(nb.cells);
}
fs.writeFileSync(target, `${JSON.stringify(table, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), target)}: ${Object.values(table).flat().length} claim outcomes from ${files.length} notebooks`);
