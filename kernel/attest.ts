/**
 * The attested checker: how a graded test cell proves to the grader, from inside a kernel that
 * also runs the student's code, that the real checker passed.
 *
 * Before any student cell runs, the grader's first (hidden) cell calls `sealChecker(keyFile,
 * slot)`: it reads a per-run secret key from `keyFile` and deletes the file, captures the real
 * `evaluateExercise` and a snapshot of the JavaScript built-ins the checker relies on, and defines
 * `globalThis[slot]` as a non-writable, non-configurable, frozen object. The grader rewrites each
 * reference test cell so that `check.exercise(…)` calls go through `globalThis[slot].cell(gradeId,
 * nonce)` instead of the notebook's `check` (which the student could shadow or patch). Each passing
 * call prints a token HMAC-SHA256(key, gradeId|nonce|call index); the key lives only in this
 * closure. The grader awards a test cell's points only when the cell ran without error AND every
 * expected token is in its output: a patched, shadowed or bypassed checker cannot produce them,
 * and such a cell scores 0 and is flagged. If the built-ins the checker relies on were replaced
 * (Array.prototype.push, Map.prototype.get, …), the sealed checker refuses to attest and says
 * which one.
 *
 * Limits: code running in the same JavaScript realm can still subvert an exercise's own `judge`
 * by patching a built-in *during* a call and restoring it before returning; the sandbox bounds what
 * such a submission can do to its own grade.
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import { evaluateExercise } from '../lib/exercises/check';
import { RetargetLabError } from '../lib/core/errors';

/** Line printed for each passing attested call: `⟦retarget-lab-attest <hex>⟧`. */
export const ATTEST_PREFIX = '\u27e6retarget-lab-attest ';
export const ATTEST_SUFFIX = '\u27e7';
/** Printed (and thrown) when the built-ins were tampered with. */
export const TAMPER_MARK = 'retarget-lab: the checker\'s runtime was tampered with';

/** The message each token authenticates. */
export function attestMessage(gradeId: string, nonce: string, index: number): string {
  return `${gradeId}|${nonce}|${index}`;
}

/** The token for one passing call (grader side and kernel side agree on this). */
export function attestToken(key: Buffer | KeyObject, gradeId: string, nonce: string, index: number): string {
  return createHmac('sha256', key).update(attestMessage(gradeId, nonce, index)).digest('hex');
}

type Snapshot = { name: string; target: object; key: PropertyKey; desc: PropertyDescriptor }[];

function intrinsics(): [string, object][] {
  const g = globalThis as any;
  return [
    ['Object', Object], ['Object.prototype', Object.prototype], ['Function.prototype', Function.prototype],
    ['Array', Array], ['Array.prototype', Array.prototype], ['Map.prototype', Map.prototype], ['Set.prototype', Set.prototype],
    ['String', String], ['String.prototype', String.prototype], ['Number', Number], ['Number.prototype', Number.prototype],
    ['Boolean.prototype', Boolean.prototype], ['Symbol', Symbol], ['JSON', JSON], ['Math', Math], ['Reflect', Reflect],
    ['Promise.prototype', Promise.prototype], ['Error.prototype', Error.prototype], ['RegExp.prototype', RegExp.prototype],
    ['globalThis', g],
  ];
}

let sealed = false;

/**
 * Seals the checker (see the module comment). Called once per kernel by the grader's first cell;
 * a second call throws.
 */
export function sealChecker(keyFile: string, slot: string): void {
  if (sealed) throw new RetargetLabError('kernel/attest', 'the checker is already sealed in this kernel.');
  sealed = true;
  const key = createSecretKey(fs.readFileSync(keyFile));
  fs.rmSync(keyFile, { force: true });
  const hmac = createHmac;
  const evaluate = evaluateExercise;
  const { getOwnPropertyDescriptor, ownKeys } = Reflect;
  const is = Object.is;
  const globalNames = new Set(['Object', 'Array', 'Map', 'Set', 'String', 'Number', 'Boolean', 'Symbol', 'JSON', 'Math', 'Reflect', 'Promise', 'Error', 'RegExp', 'Function', 'globalThis']);
  const snapshot: Snapshot = [];
  for (const [name, target] of intrinsics()) {
    for (const k of ownKeys(target)) {
      if (name === 'globalThis' && !globalNames.has(String(k))) continue;
      const desc = getOwnPropertyDescriptor(target, k);
      if (desc) snapshot.push({ name, target, key: k, desc });
    }
  }
  const changed = (): string | null => {
    for (let i = 0; i < snapshot.length; i++) {
      const s = snapshot[i];
      const now = getOwnPropertyDescriptor(s.target, s.key);
      if (!now || !is(now.value, s.desc.value) || now.get !== s.desc.get || now.set !== s.desc.set) return `${s.name}.${String(s.key)}`;
    }
    return null;
  };
  const out = process.stdout;
  const print = (text: string) => { out.write(`${text}\n`); };
  const cell = (gradeId: string, nonce: string) => {
    let index = 0;
    const exercise = (id: string, answer: unknown, opts: { seed?: number; count?: number } = {}): void => {
      const call = index++;
      const kind = opts.seed !== undefined ? 'hidden' : 'visible';
      const report = evaluate(id, answer, { seed: opts.seed, count: opts.count });
      const bad = changed();
      if (bad) {
        print(`${TAMPER_MARK} (${bad} was replaced); no points for ${gradeId}.`);
        throw new RetargetLabError('kernel/attest', `${TAMPER_MARK} (${bad} was replaced).`);
      }
      if (report.ok && report.failures.length === 0 && report.passed === report.total) {
        print(`✓ ${id}: ${report.passed}/${report.total} ${kind} tests pass`);
        print(`${ATTEST_PREFIX}${hmac('sha256', key).update(attestMessage(gradeId, nonce, call)).digest('hex')}${ATTEST_SUFFIX}`);
        return;
      }
      const first = report.failures[0];
      print([
        `✗ ${id}: ${report.failures.length} of ${report.total} ${kind} tests fail.`,
        `  first failing input: ${first?.label}`, `  expected: ${first?.expected}`, `  got:      ${first?.got}`,
      ].join('\n'));
      throw new RetargetLabError(`exercises/${id}`, `${report.failures.length} of ${report.total} ${kind} tests fail; first failing input: ${first?.label}.`);
    };
    return Object.freeze({ exercise });
  };
  Object.defineProperty(globalThis, slot, { value: Object.freeze({ cell }), writable: false, configurable: false, enumerable: false });
}
