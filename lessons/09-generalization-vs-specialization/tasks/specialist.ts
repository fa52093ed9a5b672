/**
 * The specialist: for each errand it knows, a cached table of exact costs-to-go over the whole
 * town, built in advance; answering a query is then a walk down the table (a cached policy, no
 * search). The table is the errand-specific "heuristic" taken to its limit — perfect for its own
 * errand, useless for any other.
 */
import { fail } from '../../../lib/core/errors';
import type { Cell, GridMap } from '../../../lib/envs/grid';
import { PriorityQueue } from '../../../lib/search/priority-queue';
import type { Errand, ErrandRun } from './errand';
import { compileErrand } from './errand';
import { tasksMessages } from './messages';

const MODULE = 'tasks/specialist';

/** A specialist's cached knowledge of one errand. */
export interface ErrandTable {
  readonly errand: Errand;
  readonly map: GridMap;
  /** States settled while building (one per (done-set, cell) whose cost-to-go was fixed). */
  readonly work: number;
  readonly seconds: number;
  /** Exact cost-to-go from standing at `cell` with nothing done yet (Infinity if impossible). */
  costFrom(cell: Cell): number;
  /** Answers a query from `start` by following the table: one lookup per step, no search. */
  follow(start: Cell): ErrandRun;
}

/**
 * Builds the table of an errand: for every done-set (from "all done" down) a backward Dijkstra
 * over the map from the cells where the next stage completes, so that V[done][cell] is the exact
 * cost to finish. Work grows with map size × number of done-sets (2^stages for 'any' order).
 *
 * @example
 * const table = buildErrandTable(town.map, errand);
 * table.follow(start).cost === searchErrand(town.map, errand, start).cost; // both optimal
 */
export function buildErrandTable(map: GridMap, errand: Errand): ErrandTable {
  const t0 = performance.now();
  const c = compileErrand(map, errand);
  const { width, height, passable } = map;
  const n = width * height;
  const values = new Map<number, Float64Array>();
  const done = new Float64Array(n).fill(0);
  values.set(c.full, done);
  let work = 0;
  const order = [...c.masks].filter((m) => m !== c.full).sort((a, b) => popcount(b) - popcount(a));
  const nb = [-width, 1, width, -1];
  for (const mask of order) {
    const v = new Float64Array(n).fill(Infinity);
    const settled = new Uint8Array(n);
    const queue = new PriorityQueue<number>();
    // Sources: cells where arriving completes a stage; their value is the next layer's.
    for (let i = 0; i < n; i++) {
      if (!passable[i]) continue;
      const m2 = c.advance(mask, i);
      if (m2 !== mask) { v[i] = values.get(m2)![i]; settled[i] = 2; queue.push(i, v[i]); }
    }
    while (queue.size > 0) {
      const d = queue.peekPriority();
      const i = queue.pop();
      if (d > v[i] || settled[i] === 1) continue;
      settled[i] = 1;
      work++;
      const x = i % width, y = (i / width) | 0;
      for (let k = 0; k < 4; k++) {
        const j = i + nb[k];
        if ((k === 1 && x === width - 1) || (k === 3 && x === 0) || (k === 0 && y === 0) || (k === 2 && y === height - 1)) continue;
        if (!passable[j] || settled[j]) continue;
        // Stepping from j onto i costs stepCost[i]; sources (settled 2) keep their own value.
        const nd = d + c.stepCost[i];
        if (nd < v[j]) { v[j] = nd; queue.push(j, nd); }
      }
    }
    values.set(mask, v);
  }
  const seconds = (performance.now() - t0) / 1000;
  const check = (cell: Cell) => {
    if (!cell || !Number.isInteger(cell.x) || !Number.isInteger(cell.y) || cell.x < 0 || cell.y < 0 || cell.x >= width || cell.y >= height || !passable[cell.y * width + cell.x]) {
      fail(MODULE, tasksMessages.startBad(cell, width, height));
    }
  };
  const costFrom = (cell: Cell): number => {
    check(cell);
    const i = cell.y * width + cell.x;
    return values.get(c.advance(0, i))![i];
  };
  const follow = (start: Cell): ErrandRun => {
    const f0 = performance.now();
    check(start);
    let i = start.y * width + start.x;
    let mask = c.advance(0, i);
    const path: Cell[] = [{ x: start.x, y: start.y }];
    let cost = 0, steps = 0;
    if (values.get(mask)![i] === Infinity) return { reached: false, cost: Infinity, work: 1, expanded: 1, seconds: (performance.now() - f0) / 1000, path: [] };
    while (mask !== c.full) {
      steps++;
      const x = i % width, y = (i / width) | 0;
      let best = -1, bestV = Infinity, bestM = mask;
      for (let k = 0; k < 4; k++) {
        if ((k === 1 && x === width - 1) || (k === 3 && x === 0) || (k === 0 && y === 0) || (k === 2 && y === height - 1)) continue;
        const j = i + nb[k];
        if (!passable[j]) continue;
        const m2 = c.advance(mask, j);
        const val = c.stepCost[j] + values.get(m2)![j];
        if (val < bestV) { bestV = val; best = j; bestM = m2; }
      }
      cost += c.stepCost[best];
      i = best; mask = bestM;
      path.push({ x: i % width, y: (i / width) | 0 });
    }
    return { reached: true, cost, work: steps, expanded: steps, seconds: (performance.now() - f0) / 1000, path };
  };
  return { errand, map, work, seconds, costFrom, follow };
}

function popcount(m: number): number {
  let k = 0;
  for (; m; m &= m - 1) k++;
  return k;
}
