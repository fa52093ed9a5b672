// A kernel whose parent (the notebook server, `run` or `grade`) died must not live on: when this
// process is re-parented (its parent id changes), it exits.
function exitWhenOrphaned(intervalMs = 1000) {
  const parent = process.ppid;
  if (parent <= 1) return;
  setInterval(() => { if (process.ppid !== parent) process.exit(0); }, intervalMs).unref();
}
module.exports = { exitWhenOrphaned };
