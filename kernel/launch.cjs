// Starts this project's pinned tslab as a Jupyter kernel (argv as for `tslab kernel ...`).
// tsx's require hook lets Node load the library's .ts files, and the self-link lets tslab's
// type checker resolve `import … from "retarget-lab"`.
for (const dep of ['tsx/cjs', 'tslab/dist/main', 'zeromq']) {
  try { require.resolve(dep); } catch {
    process.stderr.write(`retarget-lab kernel: ${dep.split('/')[0]} is not installed; run \`npm install\` in ${require('node:path').resolve(__dirname, '..')}.\n`);
    process.exit(1);
  }
}
// In the grading sandbox the checkout is read-only and was prepared by the grader beforehand.
if (!process.env.RETARGET_LAB_SANDBOX) {
  const prepare = require('./prepare.cjs');
  prepare.linkSelf();
  prepare.ensureTypes();
}
require('./zmq-queue.cjs').serializeSends(require('zeromq'));
require('./orphan-watch.cjs').exitWhenOrphaned();
require('tsx/cjs');
require('./tslab-output.cjs').bufferStreams(require('tslab/dist/jupyter'));
require('tslab/dist/main').main();
