// The kernel launcher's messages (plain CommonJS: the launcher runs before tsx is loaded).
const reinstall = 'reinstall with `npx retarget-lab kernel install`';

const kernelMessages = {
  /** A dependency of the library is not installed next to it. */
  dependencyMissing: (dep, root) =>
    `retarget-lab kernel: ${dep} is not installed next to the library in ${root}; ` +
    `run \`npm install\` there (in a checkout) or install the package again, then ${reinstall}.\n`,
  /** The kernelspec points at a library that is gone (moved, deleted, or uninstalled). */
  libraryMissing: (launcher) =>
    `retarget-lab kernel: the library this kernel was installed from is gone (no ${launcher}): ` +
    `it was moved, deleted or uninstalled. Install the package where you want it, then ${reinstall}.\n`,
};

module.exports = { kernelMessages, reinstall };
