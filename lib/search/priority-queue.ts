import { fail } from '../core/errors';
import { searchMessages } from './messages';

/**
 * A binary min-heap of items keyed by a number, with deterministic tie-breaking: equal priorities
 * are ordered by `tie` (smaller first), then by insertion order (first in, first out). Storage is
 * parallel arrays, so pushes and pops allocate nothing per item.
 *
 * @example
 * const q = new PriorityQueue<string>();
 * q.push('b', 2); q.push('a', 1); q.push('a2', 1);
 * q.pop(); // 'a'  (then 'a2': FIFO among equal priorities, then 'b')
 */
export class PriorityQueue<T> {
  private items: T[] = [];
  private pri: number[] = [];
  private tie: number[] = [];
  private seq: number[] = [];
  private counter = 0;

  /** Number of queued items. */
  get size(): number {
    return this.items.length;
  }

  /** Adds `item` with `priority` (smaller pops first) and optional secondary key `tie`. */
  push(item: T, priority: number, tie = 0): void {
    if (priority !== priority) fail('search/priority-queue', searchMessages.queueBadPriority(priority));
    let i = this.items.length;
    const s = this.counter++;
    this.items.push(item); this.pri.push(priority); this.tie.push(tie); this.seq.push(s);
    // sift up
    const items = this.items, pri = this.pri, tieA = this.tie, seq = this.seq;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(priority, tie, s, pri[p], tieA[p], seq[p])) break;
      items[i] = items[p]; pri[i] = pri[p]; tieA[i] = tieA[p]; seq[i] = seq[p];
      i = p;
    }
    items[i] = item; pri[i] = priority; tieA[i] = tie; seq[i] = s;
  }

  /** The smallest priority in the queue (Infinity when empty). */
  peekPriority(): number {
    return this.items.length > 0 ? this.pri[0] : Infinity;
  }

  /** The item that `pop()` would return, without removing it. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Removes and returns the item with the smallest (priority, tie, insertion) key. */
  pop(): T {
    const items = this.items, pri = this.pri, tieA = this.tie, seq = this.seq;
    const n = items.length;
    if (n === 0) fail('search/priority-queue', searchMessages.queueEmpty());
    const top = items[0];
    const lastItem = items.pop() as T, lp = pri.pop() as number, lt = tieA.pop() as number, ls = seq.pop() as number;
    const m = n - 1;
    if (m > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= m) break;
        const r = l + 1;
        const c = r < m && less(pri[r], tieA[r], seq[r], pri[l], tieA[l], seq[l]) ? r : l;
        if (!less(pri[c], tieA[c], seq[c], lp, lt, ls)) break;
        items[i] = items[c]; pri[i] = pri[c]; tieA[i] = tieA[c]; seq[i] = seq[c];
        i = c;
      }
      items[i] = lastItem; pri[i] = lp; tieA[i] = lt; seq[i] = ls;
    }
    return top;
  }

  /** Removes every item. */
  clear(): void {
    this.items.length = 0; this.pri.length = 0; this.tie.length = 0; this.seq.length = 0;
  }
}

function less(p1: number, t1: number, s1: number, p2: number, t2: number, s2: number): boolean {
  if (p1 !== p2) return p1 < p2;
  if (t1 !== t2) return t1 < t2;
  return s1 < s2;
}
