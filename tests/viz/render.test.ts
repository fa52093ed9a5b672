import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBwrap } from '../../kernel/sandbox';
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

  it('says what to do when a chosen font file is missing', async () => {
    const spec = barChart(rows, { x: 'algo', y: 'expanded' });
    await expect(renderChart(spec, { fontFile: '/nonexistent/DejaVuSans.ttf' })).rejects
      .toThrow(/^retarget-lab\/kernel\/render: rendering the chart failed: the chart font \/nonexistent\/DejaVuSans.ttf is missing; pass fontFile: the path of a DejaVuSans.ttf, or leave it out/);
    expect(() => renderChartSync(spec, { fontFile: '/nonexistent/x.ttf' })).toThrow(/leave it out to use the font shipped with retarget-lab/);
  });

  it.skipIf(!findBwrap())('draws text with the font shipped in dejavu-fonts-ttf when the system has no fonts (/usr/share/fonts and /etc/fonts emptied)', async () => {
    const spec = lineChart(rows, { x: 'n', y: 'expanded', color: 'algo', title: 'Growth' });
    const bundled = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');
    const here = await renderChart(spec, { fontFile: bundled });
    const load = path.resolve(__dirname, '../../kernel/render/load.cjs');
    const script = `const fs = require('fs');
      require(${JSON.stringify(load)}).loadRenderer()
        .then((r) => r.renderSpec(${JSON.stringify(spec)}))
        .then((out) => console.log(JSON.stringify({ fonts: fs.readdirSync('/usr/share/fonts').length, png: Buffer.from(out.png).toString('base64') })))
        .catch((e) => { console.error(e.message); process.exit(1); });`;
    const user = process.getuid?.() === 0 ? [] : ['--unshare-user'];
    const r = spawnSync(findBwrap()!, [...user, '--dev-bind', '/', '/', '--tmpfs', '/usr/share/fonts', '--tmpfs', '/etc/fonts', '--', process.execPath, '-e', script], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.fonts).toBe(0);
    expect(Buffer.from(out.png, 'base64').equals(Buffer.from(here.png))).toBe(true);
  });

  it('reports compile errors with the module prefix', () => {
    expect(() => renderChartSync({ mark: 'nonsense' })).toThrow(/^retarget-lab\/kernel\/render: rendering the chart failed/);
  });
});
