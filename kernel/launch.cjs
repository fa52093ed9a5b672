// Starts this install's pinned tslab as a Jupyter kernel (argv as for `tslab kernel ...`), for a
// notebook in any folder (the kernel's cwd): the library and its dependencies are found from this
// install (kernel/resolve.cjs), tsx's require hook lets Node load the library's .ts files.
const path = require('node:path');
const root = path.resolve(__dirname, '..');
const { kernelMessages } = require('./messages.cjs');

for (const dep of ['tsx/cjs', 'tslab/dist/main', 'zeromq']) {
  try { require.resolve(dep); } catch {
    process.stderr.write(kernelMessages.dependencyMissing(dep.split('/')[0], root));
    process.exit(1);
  }
}
const prepare = require('./prepare.cjs');
// A checkout keeps its self-link and declarations fresh (an installed package ships its
// declarations built, and may be read-only: both calls do nothing there); in the grading sandbox
// the grader prepared the checkout beforehand.
if (!process.env.RETARGET_LAB_SANDBOX) {
  prepare.linkSelf();
  prepare.ensureTypes();
}
require('./code-cache.cjs').enable();
require('./resolve.cjs').resolveFromInstall(root, process.cwd());
require('./zmq-queue.cjs').serializeSends(require('zeromq'));
require('./orphan-watch.cjs').exitWhenOrphaned();
require('tsx/cjs');
require('./tslab-output.cjs').bufferStreams(require('tslab/dist/jupyter'));
require('tslab/dist/main').main();
