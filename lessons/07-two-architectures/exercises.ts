/** Notebook 07's exercises: a room-level route (the planner's subgoals), checking a route, and the honest tuned comparator. */
import { createRng } from '../../lib/core/rng';
import type { Cell, GridMap } from '../../lib/envs/grid';
import { isPassable, passableCells } from '../../lib/envs/grid';
import { generateRooms } from '../../lib/envs/rooms';
import { roomGraph } from './agents/room-graph';
import { breadthFirst } from '../../lib/search/breadth-first';
import { astar } from '../../lib/search/astar';
import { gridProblem } from '../../lib/envs/grid';
import { goalDistanceTable } from '../../lib/heuristics/goal-table';
import { defineExercise } from '../../lib/exercises/check';
import type { ExerciseCase } from '../../lib/exercises/types';

// ---- 07-room-route --------------------------------------------------------------------------
type RouteInput = { rooms: number; doors: { id: number; a: number; b: number }[]; from: number; to: number; label: string };

function routeCases(seed: number, count: number): ExerciseCase<RouteInput>[] {
  const rng = createRng(seed);
  const out: ExerciseCase<RouteInput>[] = [];
  for (let i = 0; i < count; i++) {
    const map = generateRooms(36 + 5 * rng.int(0, 3), 36, rng.fork(i), { roomSize: 4, extraDoors: 0.6 });
    const g = roomGraph(map);
    const from = rng.int(0, g.rooms), to = rng.int(0, g.rooms);
    const label = `rooms map ${map.name}: room ${from} -> room ${to} (${g.rooms} rooms, ${g.doors.length} doors)`;
    out.push({ label, input: { rooms: g.rooms, doors: g.doors.map(({ id, a, b }) => ({ id, a, b })), from, to, label } });
  }
  return out;
}

defineExercise<(rooms: number, doors: { id: number; a: number; b: number }[], from: number, to: number) => number[], RouteInput>({
  id: '07-room-route',
  title: 'The planner\'s subgoals: a shortest route of doors between two rooms',
  points: 2,
  hint: 'Breadth-first search over rooms: a queue from `from`, each door joins rooms a and b; remember through which door you entered each room, then walk back from `to`. Same room: [].',
  visible: () => routeCases(707, 6),
  generate: routeCases,
  judge: (answer, { rooms, doors, from, to }) => {
    const problem = {
      successors: (r: number) => doors.filter((d) => d.a === r || d.b === r).map((d) => ({ action: d.id, state: d.a === r ? d.b : d.a, cost: 1 })),
      isGoal: (r: number, g: number) => r === g, key: (r: number) => r,
    };
    const ref = breadthFirst(problem, from, to);
    const expected = ref.status === 'found' ? ref.actions.length : -1;
    const got = answer(rooms, doors.map((d) => ({ ...d })), from, to);
    if (!Array.isArray(got)) return { ok: false, expected: `${expected} door ids`, got: JSON.stringify(got) };
    let room = from;
    for (const id of got) {
      const d = doors.find((x) => x.id === id);
      if (!d || (d.a !== room && d.b !== room)) return { ok: false, expected: `a chain of doors from room ${from}`, got: `door ${id} does not leave room ${room}` };
      room = d.a === room ? d.b : d.a;
    }
    if (room !== to) return { ok: false, expected: `a route ending in room ${to}`, got: `ends in room ${room}` };
    return { ok: got.length === expected, expected: `${expected} doors`, got: `${got.length} doors` };
  },
});

// ---- 07-route-check -------------------------------------------------------------------------
type CheckInput = { map: GridMap; path: Cell[]; start: Cell; target: Cell; valid: boolean };

function checkCases(seed: number, count: number): ExerciseCase<CheckInput>[] {
  const rng = createRng(seed);
  const out: ExerciseCase<CheckInput>[] = [];
  const kinds = ['valid', 'jump', 'wall', 'wrong end', 'wrong start', 'valid'] as const;
  for (let i = 0; i < count; i++) {
    const map = generateRooms(21, 21, rng.fork(i), { roomSize: 4 });
    const cells = passableCells(map);
    const start = rng.pick(cells);
    let target = rng.pick(cells);
    while (target.x === start.x && target.y === start.y) target = rng.pick(cells);
    const r = astar(gridProblem(map, 'four'), start, target);
    if (r.status !== 'found' || r.path.length < 4) { i--; continue; }
    let path = r.path.map((c) => ({ ...c }));
    const kind = kinds[i % kinds.length];
    const k = 1 + rng.int(0, path.length - 2);
    if (kind === 'jump') path = [...path.slice(0, k), ...path.slice(k + 1)];
    if (kind === 'wall') {
      const wall = [{ x: path[k].x + 1, y: path[k].y }, { x: path[k].x - 1, y: path[k].y }, { x: path[k].x, y: path[k].y + 1 }, { x: path[k].x, y: path[k].y - 1 }]
        .find((c) => c.x >= 0 && c.y >= 0 && c.x < map.width && c.y < map.height && !isPassable(map, c));
      if (!wall) { i--; continue; }
      path = [...path.slice(0, k + 1), wall, ...path.slice(k)];
    }
    if (kind === 'wrong end') path = path.slice(0, -1);
    if (kind === 'wrong start') path = path.slice(1);
    const valid = kind === 'valid';
    out.push({ label: `${kind} route on ${map.name} from (${start.x},${start.y}) to (${target.x},${target.y}), ${path.length} cells`, input: { map, path, start, target, valid } });
  }
  return out;
}

defineExercise<(map: GridMap, path: Cell[], start: Cell, target: Cell) => boolean, CheckInput>({
  id: '07-route-check',
  title: 'Did the agent really reach the target? Check a route',
  points: 1,
  hint: 'Four checks: the route starts at start, ends at target, every cell is open (isPassable), and consecutive cells differ by exactly one step (|dx| + |dy| = 1).',
  visible: () => checkCases(77, 6),
  generate: checkCases,
  judge: (answer, { map, path, start, target, valid }) => {
    const got = answer(map, path.map((c) => ({ ...c })), { ...start }, { ...target });
    return { ok: got === valid, expected: String(valid), got: String(got) };
  },
});

// ---- 07-tuned-comparator --------------------------------------------------------------------
type TunedInput = { map: GridMap; landmark: Cell; pairs: { s: Cell; g: Cell }[]; label: string };

function tunedCases(seed: number, count: number): ExerciseCase<TunedInput>[] {
  const rng = createRng(seed);
  const out: ExerciseCase<TunedInput>[] = [];
  for (let i = 0; i < count; i++) {
    const map = generateRooms(25, 25, rng.fork(`tuned-${i}`), { roomSize: 5 });
    const cells = passableCells(map);
    const landmark = cells[cells.length - 1];
    const pairs = Array.from({ length: 40 }, (_, k) => ({ s: rng.pick(cells), g: k % 8 === 0 ? landmark : rng.pick(cells) }));
    const label = `${map.name}: landmark (${landmark.x},${landmark.y}), ${pairs.length} (state, goal) pairs`;
    out.push({ label, input: { map, landmark, pairs, label } });
  }
  return out;
}

defineExercise<(toLandmark: (c: Cell) => number) => (s: Cell, g: Cell) => number, TunedInput>({
  id: '07-tuned-comparator',
  title: 'Change the comparator: a heuristic tuned to one goal that still takes the goal',
  points: 2,
  hint: 'Triangle inequality: d(s, g) ≥ |d(s, L) − d(g, L)| for any cell L. With L the built-in goal it is exact when g = L, and it never overestimates for other goals. Returning d(s, L) alone ignores g: that is the strawman table.',
  visible: () => tunedCases(707, 3),
  generate: tunedCases,
  judge: (answer, { map, landmark, pairs }) => {
    const problem = gridProblem(map, 'four');
    const toL = goalDistanceTable(problem, landmark);
    const h = answer((c) => toL.distance({ ...c }));
    if (typeof h !== 'function') return { ok: false, expected: 'a function (s, g) => number', got: typeof h };
    for (const { s, g } of pairs) {
      const exact = goalDistanceTable(problem, g).distance(s);
      const v = h({ ...s }, { ...g });
      const bound = Math.abs(toL.distance(s) - toL.distance(g));
      if (!(v <= exact + 1e-9)) return { ok: false, expected: `at most the true distance ${exact} from (${s.x},${s.y}) to (${g.x},${g.y})`, got: String(v) };
      if (!(v >= bound - 1e-9)) return { ok: false, expected: `at least the landmark bound ${bound} from (${s.x},${s.y}) to (${g.x},${g.y})`, got: String(v) };
    }
    return { ok: true, expected: 'admissible, exact at the landmark, uses the goal', got: 'so it is' };
  },
});
