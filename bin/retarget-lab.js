#!/usr/bin/env node
// The `retarget-lab` command. The library and CLI are TypeScript; tsx compiles them on the fly.
require('tsx/cjs');
require('../cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; })
  .catch((err) => {
    process.stderr.write(`${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  });
