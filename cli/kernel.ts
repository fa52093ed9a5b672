import { RetargetLabError } from '../lib/core/errors';
import { installKernelSpec, kernelSearchPath, kernelsDir, KERNEL_NAME, listKernelSpecs, staleReason, uninstallKernelSpec } from '../kernel/kernelspec';
import { parseCommandArgs, printJson, type Command } from './command';

const help = `Usage: retarget-lab kernel <install|uninstall|list> [--user | --prefix P] [--json]

  install     write the "${KERNEL_NAME}" kernelspec ("TypeScript (Retarget Lab)"), which starts this
              project's own pinned tslab; idempotent; no Python needed
  uninstall   remove it
  list        list the kernelspecs Jupyter can see (with --prefix: those in P), and where; a
              retarget-lab kernelspec whose checkout moved is marked "stale: reinstall"

  --user      the per-user Jupyter data folder (default)
  --prefix P  P/share/jupyter/kernels (then point Jupyter at it with JUPYTER_PATH=P/share/jupyter)
  --json      machine-readable output`;

export const command: Command = {
  name: 'kernel',
  summary: 'install, uninstall or list the retarget-lab Jupyter kernelspec',
  help,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('kernel', argv, {
      user: { type: 'boolean' }, prefix: { type: 'string' }, json: { type: 'boolean' },
    });
    const [action] = positionals;
    if (values.user && values.prefix) throw new RetargetLabError('cli/kernel', 'give either --user or --prefix, not both.');
    const target = values.prefix ? { prefix: values.prefix } : { user: true };
    const say = (text: string, json: unknown) => (values.json ? printJson(json) : process.stdout.write(`${text}\n`));
    switch (action) {
      case 'install': {
        const dir = installKernelSpec(target);
        say(`Installed kernelspec "${KERNEL_NAME}" in ${dir}`, { action, name: KERNEL_NAME, dir });
        return 0;
      }
      case 'uninstall': {
        const dir = uninstallKernelSpec(target);
        say(dir ? `Removed kernelspec "${KERNEL_NAME}" from ${dir}` : `No kernelspec "${KERNEL_NAME}" was installed there.`, { action, name: KERNEL_NAME, dir });
        return 0;
      }
      case 'list': {
        const searchPath = values.prefix ? [kernelsDir({ prefix: values.prefix })] : kernelSearchPath();
        const specs = listKernelSpecs(searchPath).map((k) => ({ ...k, stale: staleReason(k) }));
        say(specs.length
          ? specs.map((s) => `${s.name.padEnd(20)} ${s.dir}${s.stale ? `  (stale: reinstall with \`retarget-lab kernel install${values.prefix ? ' --prefix P' : ''}\`; ${s.stale})` : ''}`).join('\n')
          : `No kernelspecs found in ${searchPath.join(', ')}.`,
        specs.map((s) => ({ name: s.name, dir: s.dir, display_name: s.spec.display_name, ...(s.stale ? { stale: s.stale } : {}) })));
        return specs.some((s) => s.stale) ? 1 : 0;
      }
      default:
        throw new RetargetLabError('cli/kernel', `expected install, uninstall or list, got ${action ? `"${action}"` : 'nothing'}; see \`retarget-lab kernel --help\`.`);
    }
  },
};
