/**
 * A bounded pool for work that starts kernels: at most `jobs` tasks run at once, the next starts
 * when one finishes, and the results come back in input order whatever order they finish in.
 * Used by `retarget-lab run --jobs N` and by the grader (`grade --jobs N`).
 */
import { RetargetLabError } from '../lib/core/errors';

/**
 * Runs `task` on every item with at most `jobs` running at once; resolves with the results in
 * input order. A task that throws rejects the whole pool once the running tasks have settled
 * (no new task starts after the first throw).
 *
 * @example
 * const runs = await runPool(files, 2, (file) => executeNotebook(file, { kernel }));
 */
export async function runPool<T, R>(items: readonly T[], jobs: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(jobs) || jobs < 1) {
    throw new RetargetLabError('kernel/pool', `jobs must be a positive integer, got ${jobs}; pass e.g. --jobs 2.`);
  }
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const k = next++;
      try {
        results[k] = await task(items[k], k);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(jobs, items.length) }, worker));
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (rejected) throw rejected.reason;
  return results;
}
