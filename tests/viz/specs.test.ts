import { describe, expect, it } from 'vitest';
import {
  VEGA_LITE_SCHEMA, barChart, chartSummary, dropdownParam, heatmap, isLayerSpec, isUnitSpec, isVegaLiteSpec,
  lineChart, matrixToRows, mazeChart, scatter, sliderParam,
} from '../../lib/viz/index';
import type { VlLayerSpec, VlUnitSpec } from '../../lib/viz/index';

const rows = [
  { n: 8, algo: 'A*', expanded: 40 },
  { n: 16, algo: 'A*', expanded: 150 },
  { n: 8, algo: 'BFS', expanded: 60 },
  { n: 16, algo: 'BFS', expanded: 250 },
];

// A 4x3 maze, drawn as ASCII: '#' wall, '.' open.
const ascii = ['..#.', '.##.', '....'];
const maze = {
  width: 4,
  height: 3,
  passable: Uint8Array.from(ascii.join('').split('').map((c) => (c === '#' ? 0 : 1))),
};

const roundTrip = (spec: object) => JSON.parse(JSON.stringify(spec));

describe('chart builders', () => {
  it('lineChart: v5 schema, fields, colour, log scale, JSON-able', () => {
    const spec = lineChart(rows, { x: 'n', y: 'expanded', color: 'algo', logY: true, title: 'Expanded' });
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    expect(spec.$schema).toMatch(/vega-lite\/v5\.json$/);
    expect(isUnitSpec(spec)).toBe(true);
    expect(spec.encoding?.x).toEqual({ field: 'n', type: 'quantitative' });
    expect(spec.encoding?.y).toEqual({ field: 'expanded', type: 'quantitative', scale: { type: 'log' } });
    expect(spec.encoding?.color).toEqual({ field: 'algo', type: 'nominal' });
    expect(spec.data?.values).toHaveLength(4);
    expect(roundTrip(spec)).toEqual(spec);
    expect(chartSummary(spec)).toBe('Expanded — line chart of expanded by n per algo (4 rows)');
  });

  it('lineChart folds several y columns into series', () => {
    const wide = [{ n: 1, bfs: 3, astar: 2 }, { n: 2, bfs: 9, astar: 4 }];
    const spec = lineChart(wide, { x: 'n', y: ['bfs', 'astar'] });
    expect(spec.transform).toEqual([{ fold: ['bfs', 'astar'], as: ['series', 'value'] }]);
    expect(spec.encoding?.color).toEqual({ field: 'series', type: 'nominal' });
    expect(spec.encoding?.y?.field).toBe('value');
  });

  it('rejects unknown fields and non-positive values on log scales, naming the module', () => {
    expect(() => lineChart(rows, { x: 'size', y: 'expanded' }))
      .toThrow(/^retarget-lab\/viz\/charts: lineChart: x field "size" is not a column.*use one of: n, algo, expanded/);
    expect(() => scatter([{ a: 0, b: 1 }], { x: 'a', y: 'b', logX: true }))
      .toThrow(/^retarget-lab\/viz\/charts: scatter: a log scale needs positive values, but "a" is 0 in row 0/);
    expect(() => barChart('nope' as never, { x: 'a', y: 'b' })).toThrow(/rows must be an array of objects/);
    expect(() => barChart(rows, { x: 'algo' } as never)).toThrow(/option "y" is required/);
    expect(() => lineChart(rows, { x: 'n', y: 'expanded', width: -1 })).toThrow(/width must be a positive number/);
  });

  it('accepts arquero-like tables through objects() and makes rows JSON-safe', () => {
    const table = { objects: () => [{ x: 1, y: Infinity }, { x: 2, y: 3 }] };
    const spec = scatter(table, { x: 'x', y: 'y' }) as VlUnitSpec;
    expect(spec.data?.values).toEqual([{ x: 1, y: null }, { x: 2, y: 3 }]);
  });

  it('barChart: horizontal, grouped and sorted', () => {
    const spec = barChart(rows, { x: 'algo', y: 'expanded', color: 'n', horizontal: true, sort: 'descending' });
    expect(spec.encoding?.y).toEqual({ field: 'algo', type: 'nominal', sort: '-x' });
    expect(spec.encoding?.x).toEqual({ field: 'expanded', type: 'quantitative', stack: null });
    expect(spec.encoding?.yOffset).toEqual({ field: 'n', type: 'nominal' });
  });

  it('scatter with diagonal is a layer spec with the y = x line over the data range', () => {
    const spec = scatter([{ h: 1, hstar: 2 }, { h: 5, hstar: 7 }], { x: 'hstar', y: 'h', diagonal: true });
    expect(isLayerSpec(spec)).toBe(true);
    const line = (spec as VlLayerSpec).layer[1] as VlUnitSpec;
    expect(line.data?.values).toEqual([{ hstar: 1, h: 1 }, { hstar: 7, h: 7 }]);
  });

  it('heatmap (x, y, value) and matrixToRows', () => {
    const data = matrixToRows([[1, 2, 3], [4, 5, 6]]);
    expect(data[5]).toEqual({ row: 1, col: 2, value: 6 });
    const spec = heatmap(data, { x: 'col', y: 'row', value: 'value', logColor: true }) as VlUnitSpec;
    expect(spec.mark).toEqual({ type: 'rect', tooltip: true });
    expect(spec.encoding?.color).toEqual({ field: 'value', type: 'quantitative', scale: { scheme: 'viridis', type: 'log' } });
    const labelled = heatmap(data, { x: 'col', y: 'row', value: 'value', labels: true });
    expect(isLayerSpec(labelled) && labelled.layer.length).toBe(2);
    const text = (labelled as VlLayerSpec).layer[1] as VlUnitSpec;
    expect(text.encoding?.color).toEqual({ condition: { test: 'datum["value"] >= 3.5', value: 'black' }, value: 'white' });
    expect(() => matrixToRows([[1, 2], [3]])).toThrow(/row 1 has 1 entries but row 0 has 2/);
  });

  it('params: slider and dropdown bindings, usable in a filter', () => {
    const w = sliderParam('w', { min: 1, max: 5, step: 0.5, value: 2 });
    expect(w).toEqual({ name: 'w', value: 2, bind: { input: 'range', min: 1, max: 5, step: 0.5, name: 'w ' } });
    const algo = dropdownParam('algo', ['A*', 'BFS']);
    expect(algo.bind).toEqual({ input: 'select', options: ['A*', 'BFS'], name: 'algo ' });
    const spec = lineChart(rows, { x: 'n', y: 'expanded', params: [algo], filter: 'datum.algo == algo' });
    expect(spec.params).toEqual([algo]);
    expect(spec.transform).toEqual([{ filter: 'datum.algo == algo' }]);
    expect(() => sliderParam('bad name', { min: 0, max: 1 })).toThrow(/not a valid identifier/);
    expect(() => sliderParam('k', { min: 2, max: 1 })).toThrow(/needs min < max/);
    expect(() => dropdownParam('k', [])).toThrow(/at least one option/);
  });

  it('guards', () => {
    expect(isVegaLiteSpec({ mark: 'bar' })).toBe(true);
    expect(isVegaLiteSpec({ $schema: 'https://vega.github.io/schema/vega/v5.json', marks: [] })).toBe(false);
    expect(isVegaLiteSpec([1, 2])).toBe(false);
    expect(isUnitSpec({ layer: [], mark: 'x' })).toBe(false);
  });
});

describe('mazeChart', () => {
  const spec = mazeChart(maze, {
    start: 0, goal: { x: 3, y: 0 }, path: [0, 4, 8, 9, 10, 11, 7, 3], expanded: [0, 1, 4, 8, 9, 10, 11, 7, 3],
    title: 'Tiny maze',
  });

  it('draws walls, expansions, path and ends as layers', () => {
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    const [walls, expanded, path, ends] = spec.layer as VlUnitSpec[];
    expect(walls.data?.values).toEqual([{ x: 2, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 1 }]);
    expect(expanded.data?.values[1]).toEqual({ x: 1, y: 0, order: 2 });
    expect(path.data?.values.map((c) => [c.x, c.y])).toEqual([[0, 0], [0, 1], [0, 2], [1, 2], [2, 2], [3, 2], [3, 1], [3, 0]]);
    expect(ends.data?.values).toEqual([{ x: 0, y: 0, kind: 'start' }, { x: 3, y: 0, kind: 'goal' }]);
    expect(spec.description).toBe('4×3 maze: 3 walls, 9 expanded, path of 8 cells');
    expect(roundTrip(spec)).toEqual(spec);
  });

  it('has a search-step slider that filters expansions (starting at all of them)', () => {
    expect(spec.params).toEqual([
      { name: 'step', value: 9, bind: { input: 'range', min: 0, max: 9, step: 1, name: 'search step ' } },
    ]);
    expect((spec.layer[1] as VlUnitSpec).transform).toContainEqual({ filter: 'datum.order <= step' });
    expect(mazeChart(maze, { expanded: [0], stepSlider: false }).params).toBeUndefined();
  });

  it('sizes the plot by cells and keeps row 0 on top', () => {
    const s = mazeChart(maze, { cellSize: 10 });
    expect([s.width, s.height]).toEqual([40, 30]);
    const walls = s.layer[0] as VlUnitSpec;
    expect(walls.encoding?.y?.scale).toEqual({ domain: [0, 3], nice: false, zero: true, reverse: true });
  });

  it('rejects bad maps and cells outside the map', () => {
    expect(() => mazeChart({ width: 2, height: 2, passable: new Uint8Array(3) }))
      .toThrow(/^retarget-lab\/viz\/charts: mazeChart: passable has 3 cells but width × height is 4/);
    expect(() => mazeChart(maze, { goal: { x: 4, y: 0 } })).toThrow(/goal cell \{"x":4,"y":0\} is outside the 4×3 map/);
    expect(() => mazeChart(maze, { path: [12] })).toThrow(/path cell 12 is outside/);
    expect(() => mazeChart(null as never)).toThrow(/the map must be \{ width, height, passable/);
  });

  it('snapshot', () => {
    expect(mazeChart(maze, { start: 0, goal: 3, path: [0, 1], expanded: [0, 1], cellSize: 8 })).toMatchSnapshot();
    expect(barChart(rows.slice(0, 2), { x: 'algo', y: 'expanded', title: 'Bars' })).toMatchSnapshot();
  });
});
