/**
 * Task suites on a town: the family of everyday errands a specialist is built for, and a list of
 * varied jobs in the spirit of the comment thread's list of one person's jobs over a couple of
 * years — each job an errand on the same town, none of them seen in advance.
 */
import type { Rng } from '../../../lib/core/rng';
import { passableCells } from '../../../lib/envs/grid';
import type { Errand, ErrandSpec } from './errand';
import type { Town } from './town';
import { TOWN_GROUPS, TOWN_PLACES } from './town';

/**
 * The routine errands of the town (the "training distribution"): go to each unique place, fetch
 * from one place and deliver to the next, and reach the nearest member of each group.
 *
 * @example
 * const errands = routineErrands().map((s) => townErrand(town, s));
 */
export function routineErrands(): ErrandSpec[] {
  const out: ErrandSpec[] = [];
  for (const p of TOWN_PLACES) out.push({ name: `go to the ${p}`, stages: [p] });
  for (let i = 0; i + 1 < TOWN_PLACES.length; i += 2) {
    out.push({ name: `fetch from the ${TOWN_PLACES[i]}, deliver to the ${TOWN_PLACES[i + 1]}`, stages: [TOWN_PLACES[i], TOWN_PLACES[i + 1]] });
  }
  for (const g of Object.keys(TOWN_GROUPS)) out.push({ name: `nearest ${g}`, stages: [g] });
  return out;
}

/**
 * Varied jobs, each a new errand on the same town: different numbers of stages, orders, groups
 * and costs. A toy rendering of the kind of list a commenter gave of one person's jobs; the
 * point is only that they differ, and that one searcher must take each as it comes.
 */
export function variedJobs(): ErrandSpec[] {
  return [
    { name: 'build a prototype office: hardware store, workshop, then office', stages: ['hardware store', 'workshop', 'office'] },
    { name: 'resolve a neighbour complaint at the party', stages: ['neighbour', 'event hall'] },
    { name: 'house 13 people: view a house, ask a neighbour, report at the office', stages: ['house', 'neighbour', 'office'] },
    { name: 'invite list: mailroom, meeting room and office, any order', stages: ['mailroom', 'meeting room', 'office'], order: 'any' },
    { name: 'answer the funder, avoiding the party', stages: ['funder'], avoid: { zone: 'party', penalty: 8 } },
    { name: 'moderation policy: print a draft, then the meeting room', stages: ['printer', 'meeting room'] },
    { name: 'public write-up: library, printer, post office', stages: ['library', 'printer', 'post office'] },
    { name: 'weekly event: kitchen, event hall, then out by an exit', stages: ['kitchen', 'event hall', 'exit'], order: 'sequence' },
    { name: 'ship books by Christmas: storage, library, post office, any order', stages: ['storage', 'library', 'post office'], order: 'any' },
    { name: 'mop up: cross the wet floor zone to the kitchen only if it pays', stages: ['kitchen'], avoid: { zone: 'wet floor', penalty: 3 } },
    { name: 'trial hires: office, meeting room, kitchen, library, funder (any order)', stages: ['office', 'meeting room', 'kitchen', 'library', 'funder'], order: 'any' },
  ];
}

/**
 * A never-seen errand: one to three stages at random open cells ("bring this to that spot"),
 * in sequence or in any order, drawn with `rng`. No specialist has a table for it.
 *
 * @example
 * const rng = createRng(5);
 * const job = novelErrand(town, rng, 'novel #1');
 */
export function novelErrand(town: Town, rng: Rng, name: string): Errand {
  const cells = passableCells(town.map);
  const k = rng.int(1, 4);
  const stages = Array.from({ length: k }, () => [rng.pick(cells)]);
  return { name, stages, order: k > 1 && rng.chance(0.5) ? 'any' : 'sequence' };
}
