import type { Cell, GridProblem } from '../envs/grid';
import type { Heuristic } from '../search/problem';
import type { GoalDistanceTable, GoalTableOptions } from './goal-table';

/**
 * The typed-array path of `goalDistanceTable` for grid problems: breadth-first search for
 * four-way movement, Dijkstra over cell indices for octile movement, honouring the problem's
 * rules (walls, corner cutting). Grid moves are symmetric, so distances FROM the goal equal
 * distances TO it.
 */
export function gridGoalTable(problem: GridProblem, goal: Cell, options: GoalTableOptions): GoalDistanceTable<Cell, Cell> {
  const { map, movement, rules } = problem;
  const { width: w, height: h, passable } = map;
  const n = w * h;
  const dist = new Float64Array(n).fill(Infinity);
  const free = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < w && y < h && (!rules.walls || passable[y * w + x] === 1);
  const g0 = goal.y * w + goal.x;
  dist[g0] = 0;
  if (movement === 'four') {
    const queue = new Int32Array(n);
    let head = 0, tail = 0;
    queue[tail++] = g0;
    while (head < tail) {
      const i = queue[head++], x = i % w, y = (i / w) | 0, d = dist[i] + 1;
      if (free(x, y - 1) && dist[i - w] === Infinity) { dist[i - w] = d; queue[tail++] = i - w; }
      if (free(x + 1, y) && dist[i + 1] === Infinity) { dist[i + 1] = d; queue[tail++] = i + 1; }
      if (free(x, y + 1) && dist[i + w] === Infinity) { dist[i + w] = d; queue[tail++] = i + w; }
      if (free(x - 1, y) && dist[i - 1] === Infinity) { dist[i - 1] = d; queue[tail++] = i - 1; }
    }
  } else {
    const corners = rules.walls && rules.noCornerCutting;
    const heap = new MinHeap();
    heap.push(g0, 0);
    const done = new Uint8Array(n);
    while (heap.size > 0) {
      const i = heap.pop();
      if (done[i]) continue;
      done[i] = 1;
      const x = i % w, y = (i / w) | 0, di = dist[i];
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          if ((dx === 0 && dy === 0) || !free(x + dx, y + dy)) continue;
          const diag = dx !== 0 && dy !== 0;
          if (diag && corners && !(free(x + dx, y) && free(x, y + dy))) continue;
          const j = i + dy * w + dx, nd = di + (diag ? Math.SQRT2 : 1);
          if (nd < dist[j]) { dist[j] = nd; heap.push(j, nd); }
        }
      }
    }
  }
  let reached = 0, maxDistance = 0;
  for (let i = 0; i < n; i++) if (dist[i] < Infinity) { reached++; if (dist[i] > maxDistance) maxDistance = dist[i]; }
  const unreachable = options.unreachable ?? 0;
  const distance = (s: Cell): number => (s.x >= 0 && s.y >= 0 && s.x < w && s.y < h ? dist[s.y * w + s.x] : Infinity);
  const fn: Heuristic<Cell, Cell> = (s) => { const d = distance(s); return d === Infinity ? unreachable : d; };
  return Object.assign(fn, { goal, reached, maxDistance, distance });
}

/** A binary min-heap of cell indices keyed by distance (lazy deletion by the caller). */
class MinHeap {
  private ids: number[] = [];
  private keys: number[] = [];
  get size(): number { return this.ids.length; }
  push(id: number, key: number): void {
    const ids = this.ids, keys = this.keys;
    let i = ids.length;
    ids.push(id); keys.push(key);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= key) break;
      ids[i] = ids[p]; keys[i] = keys[p]; i = p;
    }
    ids[i] = id; keys[i] = key;
  }
  pop(): number {
    const ids = this.ids, keys = this.keys;
    const top = ids[0];
    const lastId = ids.pop() as number, lastKey = keys.pop() as number;
    const m = ids.length;
    if (m > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= m) break;
        const c = l + 1 < m && keys[l + 1] < keys[l] ? l + 1 : l;
        if (keys[c] >= lastKey) break;
        ids[i] = ids[c]; keys[i] = keys[c]; i = c;
      }
      ids[i] = lastId; keys[i] = lastKey;
    }
    return top;
  }
}
