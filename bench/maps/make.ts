/**
 * Writes the MovingAI-format benchmark map and scenario in bench/maps/ (run once; the outputs are
 * committed): a seeded 256x256 rooms-and-doors map and 40 seeded queries whose optimal octile
 * lengths come from the generic uniform-cost search (Dijkstra) — not from the code under test.
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

const name = 'rooms-256.map';
const map = generateRooms(256, 256, 7, { roomSize: 15, extraDoors: 0.3, name });
const cells = passableCells(map);
const rng = createRng('bench/maps/rooms-256');
const problem = gridProblem(map, 'octile');
const queries: ScenarioQuery[] = [];
while (queries.length < 40) {
  const start = rng.pick(cells), goal = rng.pick(cells);
  const r = uniformCost(problem, start, goal);
  if (r.status !== 'found' || r.cost < 64) continue;
  queries.push({ bucket: Math.floor(r.cost / 16), mapName: name, mapWidth: 256, mapHeight: 256, start, goal, optimal: r.cost });
}
writeFileSync(join(__dirname, name), serializeMap(map));
writeFileSync(join(__dirname, `${name}.scen`), serializeScen(queries));
