import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootstrapSource, findKernelSpec, installKernelSpec, kernelSearchPath, listKernelSpecs, projectRoot, uninstallKernelSpec } from '../../kernel/kernelspec';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rl-spec-'));

describe('kernel/kernelspec', () => {
  it('writes a kernel.json that starts this project\'s tslab through the spec\'s own launcher', () => {
    const prefix = tmp();
    const dir = installKernelSpec({ prefix });
    expect(dir).toBe(path.join(prefix, 'share', 'jupyter', 'kernels', 'retarget-lab'));
    const spec = JSON.parse(fs.readFileSync(path.join(dir, 'kernel.json'), 'utf8'));
    expect(spec.display_name).toBe('TypeScript (Retarget Lab)');
    expect(spec.language).toBe('typescript');
    expect(spec.argv).toEqual([process.execPath, path.join(dir, 'launch.cjs'), 'kernel', '--config-path', '{connection_file}']);
    const launcher = path.join(projectRoot, 'kernel', 'launch.cjs');
    expect(spec.metadata['retarget-lab'].launcher).toBe(launcher);
    expect(fs.readFileSync(spec.argv[1], 'utf8')).toContain(`require(launcher)`);
    expect(fs.readFileSync(spec.argv[1], 'utf8')).toContain(JSON.stringify(launcher));
    const direct = installKernelSpec({ prefix: tmp() }, { bootstrap: false });
    expect(JSON.parse(fs.readFileSync(path.join(direct, 'kernel.json'), 'utf8')).argv[1]).toBe(launcher);
  });

  it('a kernel whose library is gone says to reinstall it', () => {
    const file = path.join(tmp(), 'launch.cjs');
    fs.writeFileSync(file, bootstrapSource('/moved/away/kernel/launch.cjs'));
    const r = require('node:child_process').spawnSync(process.execPath, [file, 'kernel'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/library this kernel was installed from is gone \(no \/moved\/away\/kernel\/launch\.cjs\).*reinstall with `npx retarget-lab kernel install`/);
  });

  it('is idempotent and can be found, listed and uninstalled', () => {
    const prefix = tmp();
    installKernelSpec({ prefix });
    const again = installKernelSpec({ prefix });
    const kernels = path.join(prefix, 'share', 'jupyter', 'kernels');
    expect(fs.readdirSync(kernels)).toEqual(['retarget-lab']);
    expect(findKernelSpec('retarget-lab', [kernels]).dir).toBe(again);
    expect(listKernelSpecs([kernels]).map((k) => k.name)).toEqual(['retarget-lab']);
    expect(uninstallKernelSpec({ prefix })).toBe(again);
    expect(uninstallKernelSpec({ prefix })).toBeNull();
    expect(() => findKernelSpec('retarget-lab', [kernels])).toThrow(/no kernelspec named "retarget-lab".*retarget-lab kernel install/);
  });

  it('gives a clear error when the target folder is not writable', () => {
    const prefix = tmp();
    fs.writeFileSync(path.join(prefix, 'share'), 'a file where a folder should be');
    expect(() => installKernelSpec({ prefix })).toThrow(/retarget-lab\/kernel\/kernelspec: cannot write the kernelspec to .*choose a writable folder/);
  });

  it('searches JUPYTER_PATH first, then the user folder, then system folders', () => {
    const p = kernelSearchPath({ JUPYTER_PATH: '/a:/b', JUPYTER_DATA_DIR: '/u' } as NodeJS.ProcessEnv);
    expect(p.slice(0, 3)).toEqual(['/a/kernels', '/b/kernels', '/u/kernels']);
    expect(p).toContain('/usr/share/jupyter/kernels');
  });
});

describe('cli kernel list', () => {
  const bin = path.join(__dirname, '..', '..', 'bin', 'retarget-lab.js');
  const cli = (args: string[]) => require('node:child_process').spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

  it('honours --prefix and marks a kernelspec whose library moved as stale', () => {
    const prefix = tmp();
    const dir = installKernelSpec({ prefix });
    const ok = cli(['kernel', 'list', '--prefix', prefix]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(`retarget-lab         ${dir}\n`);
    const spec = JSON.parse(fs.readFileSync(path.join(dir, 'kernel.json'), 'utf8'));
    spec.metadata['retarget-lab'].launcher = '/moved/away/kernel/launch.cjs';
    fs.writeFileSync(path.join(dir, 'kernel.json'), JSON.stringify(spec));
    const stale = cli(['kernel', 'list', '--prefix', prefix]);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toMatch(/retarget-lab .*\(stale: reinstall with `retarget-lab kernel install --prefix P`; its library's launcher \(\/moved\/away\/kernel\/launch\.cjs\) is gone: the library moved or was removed\)/);
    const empty = cli(['kernel', 'list', '--prefix', tmp()]);
    expect(empty.stdout).toMatch(/No kernelspecs found in .*share\/jupyter\/kernels\./);
  }, 60_000);
});
