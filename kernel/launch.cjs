// Starts this project's pinned tslab as a Jupyter kernel (argv as for `tslab kernel ...`).
// tsx's require hook lets Node load the library's .ts files, and the self-link lets tslab's
// type checker resolve `import … from "retarget-lab"`.
const prepare = require('./prepare.cjs');
prepare.linkSelf();
prepare.ensureTypes();
require('tsx/cjs');
require('tslab/dist/main').main();
