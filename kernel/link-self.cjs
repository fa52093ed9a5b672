// Makes `node_modules/retarget-lab` a symlink to the project, so that tslab's TypeScript (which
// resolves modules the Node-10 way, through node_modules) finds `import … from "retarget-lab"`.
// Run by `npm install` (postinstall) and again by the kernel launcher; idempotent.
const fs = require('node:fs');
const path = require('node:path');

function linkSelf() {
  const root = path.resolve(__dirname, '..');
  const nodeModules = path.join(root, 'node_modules');
  const link = path.join(nodeModules, 'retarget-lab');
  try {
    if (fs.realpathSync(link) === fs.realpathSync(root)) return link;
  } catch { /* missing or broken: (re)create below */ }
  fs.mkdirSync(nodeModules, { recursive: true });
  try { fs.rmSync(link, { recursive: true, force: true }); } catch { /* nothing there */ }
  fs.symlinkSync('..', link, 'dir');
  return link;
}

module.exports = { linkSelf };
if (require.main === module) linkSelf();
