import { describe, expect, it } from 'vitest';
import { renderChart, renderChartSync } from '../../kernel/render/index';
import { barChart, heatmap, lineChart, matrixToRows, mazeChart, scatter } from '../../lib/viz/index';

/** Width and height from a PNG's IHDR chunk (bytes 16..23, big-endian). */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...png.slice(0, 8)]).toEqual(signature);
  expect(String.fromCharCode(...png.slice(12, 16))).toBe('IHDR');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
  expect(m).not.toBeNull();
  return { width: Number(m![1]), height: Number(m![2]) };
}

const rows = [1, 2, 3, 4, 5].flatMap((n) => [
  { n, algo: 'A*', expanded: 3 * n * n }, { n, algo: 'BFS', expanded: 2 * n * n * n },
]);
const maze = { width: 6, height: 4, passable: Uint8Array.from('..#......#....##........'.split('').map((c) => (c === '#' ? 0 : 1))) };

describe('server-side rendering', () => {
  it('renders a chart to an SVG in DejaVu Sans and a PNG of the same size', async () => {
    const r = await renderChart(lineChart(rows, { x: 'n', y: 'expanded', color: 'algo', width: 300, height: 200, title: 'Growth' }));
    expect(pngSize(r.png)).toEqual({ width: r.width, height: r.height });
    expect(svgSize(r.svg)).toEqual({ width: r.width, height: r.height });
    expect(r.width).toBeGreaterThan(300); // plot plus axes and legend
    expect(r.svg).toContain('font-family="DejaVu Sans"');
    expect(r.svg).toContain('>Growth</text>');
    expect(r.svg).not.toMatch(/font-family="(?!DejaVu Sans")/);
  });

  it('scale multiplies the PNG size; the sync path gives the same image as the async one', async () => {
    const spec = barChart(rows, { x: 'algo', y: 'expanded', color: 'n' });
    const one = await renderChart(spec);
    const two = renderChartSync(spec, { scale: 2 });
    expect(pngSize(two.png)).toEqual({ width: 2 * one.width, height: 2 * one.height });
    const same = renderChartSync(spec);
    expect(Buffer.from(same.png).equals(Buffer.from(one.png))).toBe(true);
  });

  it('every builder produces a spec vega-lite compiles and renders (timings logged)', () => {
    const specs = {
      line: lineChart(rows, { x: 'n', y: 'expanded', color: 'algo', logY: true }),
      bar: barChart(rows, { x: 'algo', y: 'expanded', color: 'n' }),
      scatter: scatter(rows, { x: 'n', y: 'expanded', color: 'algo', diagonal: true }),
      heatmap: heatmap(matrixToRows([[1, 2, 3], [4, 5, 6]]), { x: 'col', y: 'row', value: 'value', labels: true }),
      maze: mazeChart(maze, { start: 0, goal: 23, path: [0, 6, 12, 18, 19, 20, 21, 22, 23], expanded: [0, 1, 6, 7, 12, 18, 19, 20, 21, 22, 23], cellSize: 20 }),
    };
    const times: string[] = [];
    for (const [name, spec] of Object.entries(specs)) {
      const r = renderChartSync(spec);
      expect(pngSize(r.png)).toEqual({ width: r.width, height: r.height });
      times.push(`${name} ${r.ms.toFixed(0)} ms${r.loadMs ? ` (+${r.loadMs.toFixed(0)} ms loading vega)` : ''}`);
    }
    // The maze plot is exactly 6x4 cells of 20 px; axes are off, so only the legend widens it.
    expect(svgSize(renderChartSync(specs.maze).svg).height).toBeGreaterThanOrEqual(80);
    console.log(`render times: ${times.join(', ')}`);
  });

  it('draws bars on a log scale, single and grouped (one bar per row, side by side, not stacked)', () => {
    for (const [horizontal, color] of [[false, 'algo'], [true, 'algo'], [false, undefined]] as const) {
      const spec = barChart(color ? rows : rows.filter((r) => r.algo === 'A*'), { x: 'n', y: 'expanded', color, logY: true, horizontal });
      const { svg } = renderChartSync(spec);
      const bars = [...svg.matchAll(/aria-roledescription="bar" d="M[-\d.]+,[-\d.]+h([-\d.]+)v([-\d.]+)h/g)];
      expect(bars).toHaveLength(color ? rows.length : rows.length / 2);
      for (const [, w, h] of bars) expect(Math.abs(Number(w)) * Math.abs(Number(h))).toBeGreaterThan(1); // drawn, not empty
    }
  });

  it('says which package to install when the font file is missing', async () => {
    const spec = barChart(rows, { x: 'algo', y: 'expanded' });
    await expect(renderChart(spec, { fontFile: '/nonexistent/DejaVuSans.ttf' })).rejects
      .toThrow(/^retarget-lab\/kernel\/render: rendering the chart failed: the chart font \/nonexistent\/DejaVuSans.ttf is missing; install it \(Debian\/Ubuntu: apt-get install fonts-dejavu-core\)/);
    expect(() => renderChartSync(spec, { fontFile: '/nonexistent/x.ttf' })).toThrow(/fonts-dejavu-core/);
  });

  it('reports compile errors with the module prefix', () => {
    expect(() => renderChartSync({ mark: 'nonsense' })).toThrow(/^retarget-lab\/kernel\/render: rendering the chart failed/);
  });
});
