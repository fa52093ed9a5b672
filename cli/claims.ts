import { RetargetLabError } from '../lib/core/errors';
import { getClaim, listClaims, runClaim, type ClaimOutcome } from '../lib/claims/index';
import '../lessons/index';
import { listCoverage, coverageCounts, coverageKinds, coverageTreatment } from '../lib/claims/index';
import { coverageCsv, coverageText } from '../course/coverage';
import { parseCommandArgs, printJson, type Command } from './command';

const help = `Usage: retarget-lab claims [ID…] [--param k=v]… [--json] [--list]
       retarget-lab claims --coverage [--json | --csv]

Re-runs the claims ledger: each claim of the post or its comments with the experiment that tests
it, and prints the verdict computed now (supported / not supported / depends) with its numbers.

  ID…          claim ids (default: all); see --list
  --param k=v  set an experiment parameter (repeatable); applies to every selected claim that has
               a parameter of that name
  --list       list the claims and their parameters without running them
  --json       print the outcomes as JSON (the figures' vega-lite specs included)
  --coverage   print the coverage ledger instead: every point of the post and its comments, with
               how the lab treats it (tested by a claim, discussed in a notebook section, out of
               scope with a reason, or open) and the kind of each claim; nothing is run. A point
               whose claims are all theorems or demonstrations shows as "demonstrated": only
               empirical claims count as tested. With --json or --csv (to stdout).`;

function parseParams(raw: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of raw) {
    const at = p.indexOf('=');
    if (at <= 0) throw new RetargetLabError('cli/claims', `--param expects k=v, got "${p}".`);
    out[p.slice(0, at)] = p.slice(at + 1);
  }
  return out;
}

export const command: Command = {
  name: 'claims',
  summary: 're-run the claims ledger and print verdicts',
  help,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('claims', argv, {
      param: { type: 'string', multiple: true }, json: { type: 'boolean' }, list: { type: 'boolean' },
      coverage: { type: 'boolean' }, csv: { type: 'boolean' },
    });
    if (values.csv && !values.coverage) throw new RetargetLabError('cli/claims', '--csv goes with --coverage; see `retarget-lab claims --help`.');
    if (values.coverage) {
      if (positionals.length || values.param?.length || values.list) {
        throw new RetargetLabError('cli/claims', '--coverage takes no claim ids, --param or --list; see `retarget-lab claims --help`.');
      }
      const entries = listCoverage();
      if (values.json) printJson({ counts: coverageCounts(entries), entries: entries.map((e) => ({ ...e, shown: coverageTreatment(e), kinds: coverageKinds(e) })) });
      else process.stdout.write(values.csv ? coverageCsv(entries) : coverageText(entries));
      return 0;
    }
    const claims = positionals.length ? positionals.map(getClaim) : listClaims();
    if (values.list) {
      const rows = claims.map((c) => ({ id: c.id, title: c.title, kind: c.kind, notebook: c.notebook, params: Object.fromEntries(Object.entries(c.params).map(([k, s]) => [k, s.default])) }));
      if (values.json) printJson(rows);
      else for (const r of rows) process.stdout.write(`${r.id.padEnd(36)} ${r.kind.padEnd(13)} ${r.title}\n${' '.repeat(37)}${JSON.stringify(r.params)}\n`);
      return 0;
    }
    const params = parseParams(values.param ?? []);
    for (const name of Object.keys(params)) {
      if (!claims.some((c) => name in c.params)) {
        throw new RetargetLabError('cli/claims', `no selected claim has a parameter "${name}"; see \`retarget-lab claims --list\`.`);
      }
    }
    const outcomes: ClaimOutcome[] = [];
    for (const [k, claim] of claims.entries()) {
      process.stderr.write(`[${k + 1}/${claims.length}] ${claim.id} … `);
      const mine = Object.fromEntries(Object.entries(params).filter(([name]) => name in claim.params));
      const outcome = await runClaim(claim, mine);
      outcomes.push(outcome);
      process.stderr.write(`${outcome.verdict} (${outcome.seconds.toFixed(1)} s)\n`);
    }
    if (values.json) {
      printJson(outcomes);
    } else {
      const w = Math.max(2, ...outcomes.map((o) => o.id.length));
      process.stdout.write(`\n${'claim'.padEnd(w)}  ${'kind'.padEnd(13)}  ${'verdict'.padEnd(13)}  seconds  summary\n`);
      for (const o of outcomes) {
        process.stdout.write(`${o.id.padEnd(w)}  ${o.kind.padEnd(13)}  ${o.verdict.padEnd(13)}  ${o.seconds.toFixed(1).padStart(7)}  ${o.summary}\n`);
      }
    }
    return 0;
  },
};
