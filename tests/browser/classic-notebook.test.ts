/**
 * Debian's classic Jupyter Notebook (6.x) in real Chromium: opens notebook 00 (or a fixture while
 * 00 is missing) with our kernel from a temporary kernelspec prefix, runs all cells through the
 * notebook's own JS API, and checks that every cell finished without an error and that the
 * chart's PNG fallback is what the classic Notebook shows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempKernelSpec } from '../kernel/helpers';
import { freePort, hasChromium, launchChromium, SKIP_CHROMIUM } from './helpers';

const JUPYTER = '/usr/bin/jupyter-notebook';
const hasJupyter = fs.existsSync(JUPYTER);
const root = path.resolve(__dirname, '..', '..');
const lesson = path.join(root, 'notebooks', '00-welcome.ipynb');
const fallback = path.join(root, 'tests', 'fixtures', 'course', 'book', '01-charts.ipynb');
const reason = !hasChromium ? SKIP_CHROMIUM : !hasJupyter ? `${JUPYTER} is not installed (apt-get install -y --no-install-recommends jupyter-notebook); CI installs it` : '';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!!reason)(`classic Jupyter Notebook runs a lesson with our kernel${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let server: ChildProcess;
  let workDir: string;
  let jupyterHome: string;
  let url: string;
  let serverLog = '';
  const token = randomBytes(16).toString('hex');
  const source = fs.existsSync(lesson) ? lesson : fallback;
  const name = path.basename(source);

  beforeAll(async () => {
    const spec = tempKernelSpec();
    const share = path.dirname(path.dirname(spec.dir)); // <prefix>/share/jupyter
    // The kernel resolves "retarget-lab" from its working directory, so the copy lives in build/.
    workDir = fs.mkdtempSync(path.join(root, 'build', 'browser-nb-'));
    fs.copyFileSync(source, path.join(workDir, name));
    jupyterHome = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-jupyter-home-'));
    const port = await freePort();
    server = spawn(JUPYTER, ['--no-browser', '--port', String(port), '--ip', '127.0.0.1', `--NotebookApp.token=${token}`,
      '--allow-root', `--notebook-dir=${workDir}`, '--NotebookApp.open_browser=False'], {
      env: {
        ...process.env, JUPYTER_PATH: share, JUPYTER_CONFIG_DIR: path.join(jupyterHome, 'config'),
        JUPYTER_DATA_DIR: path.join(jupyterHome, 'data'), JUPYTER_RUNTIME_DIR: path.join(jupyterHome, 'runtime'),
      },
      stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
    server.stdout!.on('data', (d) => { serverLog += d; });
    server.stderr!.on('data', (d) => { serverLog += d; });
    url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 240; i += 1) {
      try {
        const r = await fetch(`${url}/api/kernelspecs?token=${token}`);
        if (r.ok) {
          const specs = await r.json() as { kernelspecs: Record<string, unknown> };
          expect(Object.keys(specs.kernelspecs)).toContain('retarget-lab');
          return;
        }
      } catch { /* not up yet */ }
      if (server.exitCode !== null) break;
      await sleep(500);
    }
    throw new Error(`jupyter-notebook did not start:\n${serverLog}`);
  }, 180_000);

  afterAll(async () => {
    if (server?.pid && server.exitCode === null) {
      try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
      for (let i = 0; i < 20 && server.exitCode === null; i += 1) await sleep(250);
      try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ }
    }
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
    if (jupyterHome) fs.rmSync(jupyterHome, { recursive: true, force: true });
  });

  it(`opens ${name}, Run All succeeds, and the chart's PNG fallback shows`, async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(`${url}/notebooks/${name}?token=${token}`, { waitUntil: 'load' });
      await page.waitForFunction(() => {
        const J = (window as any).Jupyter;
        return J?.notebook?.kernel?.is_connected?.() && J.notebook.kernel.name === 'retarget-lab';
      }, undefined, { timeout: 120_000, polling: 500 });
      await page.evaluate(() => (window as any).Jupyter.notebook.execute_all_cells());
      await page.waitForFunction(() => {
        const cells = (window as any).Jupyter.notebook.get_cells() as any[];
        return cells.filter((c) => c.cell_type === 'code' && c.get_text().trim())
          .every((c) => typeof c.input_prompt_number === 'number');
      }, undefined, { timeout: 600_000, polling: 1000 });
      const problems = await page.evaluate(() => {
        const cells = (window as any).Jupyter.notebook.get_cells() as any[];
        return cells.flatMap((c, i) => (c.cell_type !== 'code' ? [] : (c.output_area.outputs as any[])
          .filter((o) => o.output_type === 'error' || (o.output_type === 'stream' && o.name === 'stderr'))
          .map((o) => `cell ${i}: ${o.output_type === 'error' ? `${o.ename}: ${o.evalue}` : o.text}`)));
      });
      expect(problems).toEqual([]);
      const pngs = await page.$$eval('.output_area img', (imgs) => imgs
        .filter((img) => (img as HTMLImageElement).src.startsWith('data:image/png'))
        .map((img) => ({ width: (img as HTMLImageElement).naturalWidth, complete: (img as HTMLImageElement).complete })));
      expect(pngs.length).toBeGreaterThan(0);
      for (const p of pngs) {
        expect(p.complete).toBe(true);
        expect(p.width).toBeGreaterThan(0);
      }
      expect(pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 900_000);
});
