/**
 * Writes the MovingAI-format benchmark maps and scenarios in bench/maps/ (run once; the outputs
 * are committed): seeded rooms-and-doors maps — 256x256 with 15-cell rooms (40 queries) and
 * 512x512 with 31-cell rooms, the size of MovingAI's "room" set (20 queries) — whose optimal
 * octile lengths come from the generic uniform-cost search (Dijkstra), not from the code under test.
 *
 *   npx tsx bench/maps/make.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateRooms } from '../../lib/envs/rooms';
import { serializeMap, serializeScen, type ScenarioQuery } from '../../lib/envs/movingai';
import { gridProblem, passableCells } from '../../lib/envs/grid';
import { uniformCost } from '../../lib/search/uniform-cost';
import { createRng } from '../../lib/core/rng';

function make(name: string, side: number, seed: number, roomSize: number, count: number, rngName: string): void {
  const map = generateRooms(side, side, seed, { roomSize, extraDoors: 0.3, name });
  const cells = passableCells(map);
  const rng = createRng(rngName);
  const problem = gridProblem(map, 'octile');
  const queries: ScenarioQuery[] = [];
  while (queries.length < count) {
    const start = rng.pick(cells), goal = rng.pick(cells);
    const r = uniformCost(problem, start, goal);
    if (r.status !== 'found' || r.cost < side / 4) continue;
    queries.push({ bucket: Math.floor(r.cost / 16), mapName: name, mapWidth: side, mapHeight: side, start, goal, optimal: r.cost });
  }
  writeFileSync(join(__dirname, name), serializeMap(map));
  writeFileSync(join(__dirname, `${name}.scen`), serializeScen(queries));
}

make('rooms-256.map', 256, 7, 15, 40, 'bench/maps/rooms-256');
make('rooms-512.map', 512, 11, 31, 20, 'bench/maps/rooms-512');
