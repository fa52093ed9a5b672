// The README's "Using the notebooks" commands, run as a new user would: the packed tarball installed
// into an empty folder with spaces in its path (offline from the npm cache), the kernel installed
// from there, the curriculum copied out, notebook 00 run through the real kernel from a folder
// outside the project, and a notebook of the user's that imports the lab's packages and one of its own.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rl install '));
const project = path.join(work, 'my lab');
const env = { ...process.env, JUPYTER_DATA_DIR: path.join(work, 'jupyter data'), JUPYTER_PATH: '', npm_config_update_notifier: 'false' };
const npmBin = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npxBin = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** The shell lines of the README's "Using the notebooks" code block. */
function readmeCommands(): string[] {
  const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Using the notebooks'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1];
  return block.split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean);
}

const npx = (args: string[], cwd = project) => spawnSync(npxBin, ['--no-install', ...args], { cwd, env, encoding: 'utf8', timeout: 180_000 });

describe('the package installed from its tarball, as the README says', () => {
  let tarball = '';
  beforeAll(() => {
    fs.mkdirSync(project, { recursive: true });
    const packed = JSON.parse(execFileSync(npmBin, ['pack', '--json', '--pack-destination', work], { cwd: repo, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    tarball = path.join(work, packed[0].filename);
    fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "my-lab", "private": true }\n');
    execFileSync(npmBin, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: project, env, stdio: 'ignore' });
  }, 180_000);
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('lists the commands this test runs', () => {
    expect(readmeCommands()).toEqual([
      'npm install ./retarget-lab-0.1.0.tgz',
      'npx retarget-lab kernel install',
      'npx retarget-lab notebooks ./course',
      'npx retarget-lab run ./course',
      'jupyter lab course/',
    ]);
    expect(path.basename(tarball)).toBe('retarget-lab-0.1.0.tgz');
  });

  it('ships declarations, the weights and the notebooks, not the tests', () => {
    const pkg = path.join(project, 'node_modules', 'retarget-lab');
    expect(fs.existsSync(path.join(pkg, 'build', 'types', 'index.d.ts'))).toBe(true);
    expect(fs.readdirSync(path.join(pkg, 'lib', 'mesa', 'learned', 'weights')).length).toBeGreaterThan(0);
    expect(fs.readdirSync(path.join(pkg, 'notebooks')).filter((f) => f.endsWith('.ipynb'))).toHaveLength(14);
    expect(fs.existsSync(path.join(pkg, 'tests'))).toBe(false);
    expect(execFileSync('find', [pkg, '-name', '*.test.ts'], { encoding: 'utf8' })).toBe('');
    // arquero resolves to a flechette the registry serves, without an override in the dependent
    expect(JSON.parse(fs.readFileSync(path.join(project, 'node_modules', '@uwdata', 'flechette', 'package.json'), 'utf8')).version).toBe('2.6.0');
  });

  it('installs the kernel, copies the notebooks and runs notebook 00 from there; a notebook elsewhere imports the lab and its own package', () => {
    const install = npx(['retarget-lab', 'kernel', 'install']);
    expect(install.status, install.stderr).toBe(0);
    const spec = JSON.parse(fs.readFileSync(path.join(env.JUPYTER_DATA_DIR, 'kernels', 'retarget-lab', 'kernel.json'), 'utf8'));
    expect(spec.metadata['retarget-lab'].project).toBe(path.join(project, 'node_modules', 'retarget-lab'));

    const copy = npx(['retarget-lab', 'notebooks', './course']);
    expect(copy.status, copy.stderr).toBe(0);
    expect(fs.readdirSync(path.join(project, 'course')).filter((f) => f.endsWith('.ipynb'))).toHaveLength(14);
    const again = npx(['retarget-lab', 'notebooks', './course']);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already there; pass --force/);
    const student = npx(['retarget-lab', 'notebooks', './student', '--student']);
    expect(student.status, student.stderr).toBe(0);
    expect(fs.readFileSync(path.join(project, 'student', '04-mesa-optimizers.ipynb'), 'utf8')).toContain('YOUR CODE HERE');

    // notebook 00 elsewhere: a folder with spaces outside the project, with no node_modules
    const elsewhere = path.join(work, 'Downloads', 'a course');
    fs.mkdirSync(elsewhere, { recursive: true });
    fs.copyFileSync(path.join(project, 'course', '00-welcome.ipynb'), path.join(elsewhere, '00-welcome.ipynb'));
    // a notebook of the user's inside the project, with a node_modules of its own
    const mine = path.join(project, 'my notebooks');
    const own = path.join(mine, 'node_modules', 'my-own');
    fs.mkdirSync(own, { recursive: true });
    fs.writeFileSync(path.join(own, 'package.json'), '{ "name": "my-own", "version": "1.0.0", "main": "index.js", "types": "index.d.ts" }\n');
    fs.writeFileSync(path.join(own, 'index.js'), 'exports.twice = (x) => 2 * x;\n');
    fs.writeFileSync(path.join(own, 'index.d.ts'), 'export declare function twice(x: number): number;\n');
    const cell = (source: string) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source });
    fs.writeFileSync(path.join(mine, 'imports.ipynb'), JSON.stringify({
      nbformat: 4, nbformat_minor: 5,
      metadata: { kernelspec: { name: 'retarget-lab', display_name: 'TypeScript (Retarget Lab)', language: 'typescript' } },
      cells: [
        cell('import { createRng } from "retarget-lab";\nimport * as aq from "arquero";\nimport * as math from "mathjs";\nimport type { TopLevelSpec } from "vega-lite";\nimport { twice } from "my-own";'),
        cell('const spec: TopLevelSpec = { mark: "point", data: { values: [] } };\nconst n: number = twice(math.add(1, 2));\nconsole.log(`ok ${n} ${aq.table({ a: [1, 2] }).numRows()} ${typeof createRng(1).next()} ${spec.mark}`);'),
      ],
    }));
    const run = npx(['retarget-lab', 'run', path.join(elsewhere, '00-welcome.ipynb'), path.join(mine, 'imports.ipynb'), '--kernel', 'retarget-lab', '--out', './executed', '--json']);
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const summary = JSON.parse(run.stdout.trim().split('\n').pop()!);
    expect(summary.notebooks.map((n: { status: string }) => n.status)).toEqual(['ok', 'ok']);
    const executed = JSON.parse(fs.readFileSync(path.join(project, 'executed', 'imports.ipynb'), 'utf8'));
    expect(JSON.stringify(executed.cells[1].outputs)).toContain('ok 6 2 number point');
  }, 240_000);
});
