/**
 * A sandbox for a kernel that runs untrusted code (graded submissions), built on Debian's
 * bubblewrap (`bwrap`):
 *
 * - its own mount namespace: a minimal root (/usr, the few /etc files Node reads, the Node binary),
 *   the checkout's runtime files (lib/, lessons/ without their tests, kernel/, node_modules,
 *   build/types and the read-only model caches) mounted **read-only**; the reference notebooks,
 *   other submissions, the output folder, the rest of the checkout and the host's /tmp, /home, /root
 *   are simply not there;
 * - a fresh, private working folder (a host temp folder outside the checkout, mounted where the
 *   notebooks folder would be so relative paths behave as in a normal run) and a private /tmp;
 * - no network (`--unshare-net`: only a loopback of its own), so the kernel talks to the grader
 *   over Unix sockets (Jupyter's `ipc` transport) in a bind-mounted folder;
 * - its own PID namespace (`--unshare-pid`): the grader and other students' kernels are invisible,
 *   and every process the submission starts dies with the kernel; `--die-with-parent` kills it all
 *   if the grader dies;
 * - an unprivileged user (nobody, via setpriv, all capabilities dropped) and resource limits
 *   (prlimit: memory, CPU seconds, processes, file size); a minimal environment.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cacheRoot } from '../lib/core/cache';
import { RetargetLabError } from '../lib/core/errors';
import { trackLeftover } from './client';

const MODULE = 'kernel/sandbox';

export interface SandboxLimits {
  /** Address-space-independent data limit per process, in MiB (RLIMIT_DATA; default 3072). */
  memoryMiB?: number;
  /** CPU seconds per process (RLIMIT_CPU; default 600). */
  cpuSeconds?: number;
  /** Processes and threads of the sandbox user (RLIMIT_NPROC; default 512). */
  processes?: number;
  /** Largest file the kernel may write, in MiB (RLIMIT_FSIZE; default 256). */
  fileMiB?: number;
  /** Size of the private /tmp and working folder tmpfs, in MiB (default 256). */
  tmpMiB?: number;
}

export interface SandboxOptions {
  /** The project checkout whose runtime files are mounted read-only. */
  projectRoot: string;
  /** Where the working folder appears inside the sandbox (default `<projectRoot>/notebooks`). */
  workdirInside?: string;
  limits?: SandboxLimits;
  /** Extra variables for the kernel's (otherwise minimal) environment. */
  env?: Record<string, string>;
}

/** One prepared sandbox: a host folder with the socket folder and the working folder. */
export interface Sandbox {
  /** Host folder holding everything below (removed by `dispose`). */
  root: string;
  /** Socket folder, bind-mounted at the same path inside. */
  connDir: string;
  /** Host side of the kernel's working folder. */
  workdir: string;
  /** Working folder as the kernel sees it. */
  workdirInside: string;
  /** `argv` wrapped: bwrap … setpriv … prlimit … argv. */
  wrap(argv: string[]): string[];
  /** The environment the wrapper itself is started with (bwrap clears it for the kernel). */
  env: NodeJS.ProcessEnv;
  /** Makes a file the grader wrote in `connDir` readable by the sandbox user. */
  own(file: string): void;
  dispose(): void;
}

const SANDBOX_UID = 65534;
const SANDBOX_GID = 65534;

let bwrapChecked: string | null | undefined;
/** The bwrap binary, or null when it is not installed (or cannot create namespaces here). */
export function findBwrap(): string | null {
  if (bwrapChecked !== undefined) return bwrapChecked;
  bwrapChecked = null;
  if (process.platform !== 'linux') return null;
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(':')) {
    const candidate = path.join(dir || '.', 'bwrap');
    if (!fs.existsSync(candidate)) continue;
    const user = isRoot() ? [] : ['--unshare-user'];
    const probe = spawnSync(candidate, [...user, '--unshare-pid', '--unshare-net', '--ro-bind', '/', '/', '--', 'true'], { stdio: 'ignore', timeout: 10_000 });
    if (probe.status === 0) bwrapChecked = candidate;
    break;
  }
  return bwrapChecked;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Whether the sandbox can run here (Linux, bwrap installed and usable, prlimit, and setpriv when run as root). */
export function sandboxAvailable(): boolean {
  return findBwrap() !== null && fs.existsSync('/usr/bin/prlimit') && (!isRoot() || fs.existsSync('/usr/bin/setpriv'));
}

/** The message for machines without the sandbox. */
export function sandboxUnavailableMessage(): string {
  return process.platform === 'linux'
    ? 'the grading sandbox needs bubblewrap (on Debian/Ubuntu: apt-get install bubblewrap); or pass --sandbox none to grade without one (unsafe for untrusted submissions).'
    : `the grading sandbox needs Linux with bubblewrap; on ${process.platform} pass --sandbox none (unsafe for untrusted submissions).`;
}

/** Top-level folders of the host root, mounted read-only or re-created as the same symlinks. */
function systemMounts(): string[] {
  const args: string[] = [];
  for (const name of ['usr', 'bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32']) {
    const p = `/${name}`;
    let st: fs.Stats;
    try { st = fs.lstatSync(p); } catch { continue; }
    if (st.isSymbolicLink()) args.push('--symlink', fs.readlinkSync(p), p);
    else if (st.isDirectory()) args.push('--ro-bind', p, p);
  }
  args.push('--perms', '0755', '--dir', '/etc');
  for (const f of ['/etc/passwd', '/etc/group', '/etc/nsswitch.conf', '/etc/localtime', '/etc/ld.so.cache', '/etc/ld.so.conf', '/etc/ld.so.conf.d', '/etc/fonts', '/etc/ssl']) {
    if (fs.existsSync(f)) args.push('--ro-bind', f, f);
  }
  // The Node binary, when it is not under /usr (nvm, /opt, …): its install prefix, read-only.
  const nodePrefix = path.dirname(path.dirname(fs.realpathSync(process.execPath)));
  if (!nodePrefix.startsWith('/usr/') && nodePrefix !== '/usr') args.push('--ro-bind', nodePrefix, nodePrefix);
  return args;
}

/** Test files of the lessons (they hold reference solutions): hidden behind /dev/null. */
function lessonTestFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.test\.[cm]?[tj]s$/.test(e.name)) out.push(p);
    }
  };
  walk(path.join(root, 'lessons'));
  walk(path.join(root, 'lib'));
  return out;
}

/** Prepares a sandbox (host folders) for one kernel. */
export function createSandbox(opts: SandboxOptions): Sandbox {
  const bwrap = findBwrap();
  if (!bwrap) throw new RetargetLabError(MODULE, sandboxUnavailableMessage());
  const projectRoot = fs.realpathSync(opts.projectRoot);
  const limits = { memoryMiB: 3072, cpuSeconds: 600, processes: 512, fileMiB: 256, tmpMiB: 256, ...opts.limits };
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'retarget-lab-sandbox-'));
  const forget = trackLeftover(root);
  const connDir = path.join(root, 'conn');
  const workdir = path.join(root, 'work');
  fs.mkdirSync(connDir, { mode: 0o700 });
  fs.mkdirSync(workdir, { mode: 0o700 });
  // As root, the kernel runs as nobody: only it may use these two folders (the grader can anyway).
  // Otherwise the kernel runs as the grader's user in a user namespace and owns them already.
  const root_ = isRoot();
  const own = (file: string) => { if (root_) fs.chownSync(file, SANDBOX_UID, SANDBOX_GID); };
  own(connDir);
  own(workdir);
  const workdirInside = opts.workdirInside ?? path.join(projectRoot, 'notebooks');

  // Folders bwrap creates on the way to a mount point are private (0700) unless made first.
  const made = new Set<string>(['/', '/tmp']);
  const parents = (p: string): string[] => {
    const out: string[] = [];
    for (let d = path.dirname(p); !made.has(d); d = path.dirname(d)) { made.add(d); out.unshift('--perms', '0755', '--dir', d); }
    return out;
  };
  const ro = (p: string, inside = p) => (fs.existsSync(p) ? ['--ro-bind', p, inside] : []);
  // The model caches the grader's user has (lib/core/cache: the checkout's build/, or the per-user
  // cache of a read-only install) appear read-only where the kernel looks first, the checkout's build/.
  const caches = cacheRoot() ?? path.join(projectRoot, 'build');
  const project = [
    ...['package.json', 'index.ts', 'tsconfig.json', 'lib', 'lessons', 'kernel', 'node_modules', path.join('build', 'types')]
      .flatMap((rel) => ro(path.join(projectRoot, rel))),
    ...['mesa', 'pdb', 'editing', 'worldmodel'].flatMap((d) => ro(path.join(caches, d), path.join(projectRoot, 'build', d))),
  ];
  const hidden = lessonTestFiles(projectRoot).flatMap((f) => ['--ro-bind', '/dev/null', f]);
  const env: Record<string, string> = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: workdirInside,
    TMPDIR: '/tmp',
    LANG: 'C.UTF-8',
    RETARGET_LAB_SANDBOX: '1',
    // V8's heap below the process data limit, so a runaway cell fails as an out-of-memory error.
    NODE_OPTIONS: `--max-old-space-size=${Math.max(256, Math.floor(limits.memoryMiB * 0.75))}`,
    ...opts.env,
  };
  const bwrapArgs = [
    '--unshare-pid', '--unshare-net', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try', '--die-with-parent', '--new-session',
    '--clearenv', ...Object.entries(env).flatMap(([k, v]) => ['--setenv', k, v]),
    ...systemMounts(),
    '--proc', '/proc', '--dev', '/dev',
    '--perms', '1777', '--size', String(limits.tmpMiB * 1024 * 1024), '--tmpfs', '/tmp',
    ...parents(path.join(projectRoot, 'build', 'x')), ...parents(path.join(workdirInside, 'x')), ...project, ...hidden,
    ...parents(workdirInside), '--bind', workdir, workdirInside,
    ...parents(connDir), '--bind', connDir, connDir,
    '--chdir', workdirInside,
    '--hostname', 'sandbox',
  ];
  const mib = (n: number) => String(n * 1024 * 1024);
  // RLIMIT_NPROC counts every process of the user: only set it for the dedicated sandbox user.
  const limitArgs = [
    '/usr/bin/prlimit', `--data=${mib(limits.memoryMiB)}`, `--cpu=${limits.cpuSeconds}`, ...(root_ ? [`--nproc=${limits.processes}`] : []),
    `--fsize=${mib(limits.fileMiB)}`, '--core=0', '--',
  ];
  const dropUser = root_
    ? ['/usr/bin/setpriv', `--reuid=${SANDBOX_UID}`, `--regid=${SANDBOX_GID}`, '--clear-groups', '--inh-caps=-all', '--bounding-set=-all', '--no-new-privs', '--']
    : [];
  const userns = root_ ? [] : ['--unshare-user', '--disable-userns', '--cap-drop', 'ALL'];
  return {
    root, connDir, workdir, workdirInside, own, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    wrap: (argv) => [bwrap, ...userns, ...bwrapArgs, '--', ...limitArgs, ...dropUser, ...argv],
    dispose: () => { forget(); try { fs.rmSync(root, { recursive: true, force: true }); } catch { /* already gone */ } },
  };
}
