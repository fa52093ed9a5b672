// A kernel whose parent (the notebook server, `run` or `grade`) died must not live on, even when a
// cell keeps its event loop busy: a small watchdog process checks once a second that the parent is
// alive and SIGKILLs the kernel when it is gone (and exits when the kernel is gone).
const { spawn } = require('node:child_process');

const WATCHDOG = `
const [kernel, parent] = process.argv.slice(1).map(Number);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
setInterval(() => {
  if (!alive(kernel)) process.exit(0);
  if (!alive(parent)) { try { process.kill(kernel, 'SIGKILL'); } catch {} process.exit(0); }
}, 1000);
`;

function exitWhenOrphaned() {
  const parent = process.ppid;
  if (parent <= 1) return; // PID 1 is a sandbox's init (bubblewrap kills everything with its parent)
  const child = spawn(process.execPath, ['-e', WATCHDOG, String(process.pid), String(parent)], { stdio: 'ignore' });
  child.unref();
}
module.exports = { exitWhenOrphaned };
