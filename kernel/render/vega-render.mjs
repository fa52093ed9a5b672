// Server-side chart rendering (Node only): vega-lite spec -> vega View (renderer 'none') -> SVG
// -> PNG through @resvg/resvg-js with an explicit font file shipped with the package, so output does
// not depend on the machine's font setup. ESM on purpose: vega and vega-lite are ESM with top-level await (in
// vega-canvas) and cannot be require()d; CommonJS callers reach this file through load.cjs.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The font every chart is drawn with: DejaVu Sans from the npm package dejavu-fonts-ttf (a
 * dependency), so charts render the same on any OS, with no system fonts installed at all.
 */
export const FONT_FILE = bundledFont();
export const FONT_FAMILY = 'DejaVu Sans';

function bundledFont() {
  try {
    return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');
  } catch {
    return null; // reported by the first render
  }
}

const missingFont = (file) => file === null
  ? 'the chart font package dejavu-fonts-ttf is missing from this install; reinstall retarget-lab (npm install) and re-run.'
  : `the chart font ${file} is missing; pass fontFile: the path of a DejaVuSans.ttf, or leave it out to use the font shipped with retarget-lab.`;

let modules = null; // cache: { vega, vegaLite, Resvg }
let loadMs = 0;

/** Loads vega, vega-lite and resvg once (cached); rendering calls this itself. */
export async function load() {
  if (modules) return modules;
  const t0 = performance.now();
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const { Resvg } = require('@resvg/resvg-js');
  modules = { vega, vegaLite, Resvg };
  loadMs = performance.now() - t0;
  return modules;
}

function isVegaLite(spec) {
  const schema = typeof spec.$schema === 'string' ? spec.$schema : '';
  return !schema.includes('/schema/vega/');
}

/**
 * Renders a vega-lite (or vega) spec to SVG text and PNG bytes.
 * @param {object} spec a vega-lite spec (or a vega spec whose $schema names vega)
 * @param {{scale?: number, background?: string, fontFile?: string}} [options] scale multiplies the PNG size
 *   (default 1); fontFile overrides the bundled DejaVu Sans file (it must contain the DejaVu Sans family)
 * @returns {Promise<{svg: string, png: Uint8Array, width: number, height: number, ms: number, loadMs: number}>}
 */
export async function renderSpec(spec, options = {}) {
  const fontFile = options.fontFile ?? FONT_FILE;
  if (fontFile === null || !existsSync(fontFile)) throw new Error(missingFont(options.fontFile ?? null));
  const first = modules === null;
  const { vega, vegaLite, Resvg } = await load();
  const t0 = performance.now();
  const fontConfig = { font: FONT_FAMILY };
  const vgSpec = isVegaLite(spec)
    ? vegaLite.compile(spec, { config: fontConfig }).spec
    : { ...spec, config: { ...fontConfig, ...(spec.config || {}) } };
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none', logLevel: vega.Error });
  if (options.background) view.background(options.background);
  else if (vgSpec.background === undefined) view.background('white');
  const svg = await view.toSVG();
  view.finalize();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 1 },
    font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  const image = resvg.render();
  const png = new Uint8Array(image.asPng());
  const result = { svg, png, width: image.width, height: image.height, ms: performance.now() - t0, loadMs: first ? loadMs : 0 };
  return result;
}
