// CommonJS bridge to the ESM renderer. Kept as plain .cjs with a real dynamic import(): a .ts file
// compiled to CommonJS (by tsx or tslab) would turn import() into require(), which cannot load vega.
'use strict';
const path = require('path');
const { pathToFileURL } = require('url');

let pending = null;

/** Loads kernel/render/vega-render.mjs once; later calls return the cached module. */
function loadRenderer() {
  if (!pending) pending = import(pathToFileURL(path.join(__dirname, 'vega-render.mjs')).href);
  return pending;
}

module.exports = { loadRenderer };
