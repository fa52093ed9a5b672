#!/usr/bin/env node
// The `retarget-lab` command. The library and CLI are TypeScript; tsx compiles them on the fly.
try {
  require('tsx/cjs');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND') {
    const path = require('node:path');
    const root = path.resolve(__dirname, '..');
    process.stderr.write(root.split(path.sep).includes('node_modules')
      ? `retarget-lab: its dependencies are not installed (no tsx next to ${root}); install the package again with \`npm install retarget-lab\` (or the .tgz it came from).\n`
      : `retarget-lab: its dependencies are not installed (no node_modules/tsx); run \`npm install\` in ${root}.\n`);
    process.exit(2);
  }
  throw err;
}
require('../cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; })
  .catch((err) => {
    process.stderr.write(`${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  });
