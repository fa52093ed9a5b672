import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBook, type BookResult } from '../../course/book';
import { tempKernelSpec } from '../kernel/helpers';
import { hasChromium, launchChromium, serveStatic, SKIP_CHROMIUM } from './helpers';

const fixtures = path.join(__dirname, '..', 'fixtures', 'course', 'book');

describe.skipIf(!hasChromium)(`the static book in real Chromium${hasChromium ? '' : ` (skipped: ${SKIP_CHROMIUM})`}`, () => {
  let book: BookResult;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-book-'));
    book = await buildBook({
      notebooksDir: fixtures, outDir: path.join(tmp, 'site'), executedDir: path.join(tmp, 'executed'),
      kernel: tempKernelSpec(), timeoutSeconds: 240, runLedgerClaims: false,
    });
    server = await serveStatic(book.outDir);
    browser = await launchChromium();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function visit(file: string) {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    page.on('request', (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url()); });
    const response = await page.goto(`${server.url}/${file}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    return { page, errors, foreign };
  }

  it('builds every page: contents, one per notebook, claims', () => {
    expect(book.pages.map((p) => p.file)).toEqual(['index.html', '01-charts.html', '02-claims.html', 'claims.html', 'coverage.html']);
    expect(book.pages.find((p) => p.file === '01-charts.html')).toMatchObject({ outputs: 'executed', failedCells: 0, charts: 2 });
  });

  it('every page loads with no console errors and no request leaving the site; every chart draws', async () => {
    for (const p of book.pages) {
      const { page, errors, foreign } = await visit(p.file);
      if (p.charts > 0) {
        await page.waitForSelector('body[data-charts="done"]', { timeout: 60_000 });
        const charts = await page.$$eval('.vega-chart', (els) => els.map((el) => ({
          drawn: el.getAttribute('data-drawn'),
          marks: el.querySelectorAll('svg g[class*="mark-"] path, svg g[class*="mark-"] line, svg g[class*="mark-"] rect').length,
          width: (el.querySelector('svg') as SVGSVGElement | null)?.getBoundingClientRect().width ?? 0,
          fallbackLeft: el.querySelectorAll('img.chart-fallback').length,
        })));
        expect(charts, p.file).toHaveLength(p.charts);
        for (const c of charts) {
          expect(c.drawn, p.file).toBe('true');
          expect(c.marks, p.file).toBeGreaterThan(0);
          expect(c.width, p.file).toBeGreaterThan(50);
          expect(c.fallbackLeft, p.file).toBe(0);
        }
      }
      expect(errors, p.file).toEqual([]);
      expect(foreign, p.file).toEqual([]);
      await page.close();
    }
  }, 300_000);

  it('renders markdown with TeX left as written, escapes code and outputs, links notebooks to pages', async () => {
    const { page } = await visit('01-charts.html');
    const text = await page.textContent('main');
    expect(text).toContain('$O(b^d)$');
    expect(text).toContain('$b_1$');
    expect(text).toContain('$$f(n) = g(n) + h_{goal}(n)$$');
    expect(text).toContain('plain <output> & text');
    expect(await page.getAttribute('a:has-text("next page")', 'href')).toBe('02-claims.html');
    expect(await page.$$eval('table.retarget-lab-table tbody tr', (rows) => rows.length)).toBe(6);
    expect(await page.$eval('details summary', (el) => el.textContent)).toBe('Hint');
    expect(await page.$$eval('pre code.language-typescript', (els) => els.length)).toBe(3);
    await page.close();
  });

  it('the contents link every notebook; the claims page lists the claim with its computed verdict', async () => {
    const { page } = await visit('index.html');
    expect(await page.$$eval('ol.toc > li > a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent]))).toEqual([
      ['01-charts.html', 'Book fixture: charts and tables'],
      ['02-claims.html', 'Book fixture: a claim'],
    ]);
    await page.close();
    const claims = await visit('claims.html');
    const row = await claims.page.$eval('tr:has(code:text("fx-blind-search"))', (tr) => tr.textContent);
    expect(row).toContain('supported');
    expect(await claims.page.getAttribute('tr:has(code:text("fx-blind-search")) a[href*="02-claims.html#cell-"]', 'href')).toMatch(/^02-claims\.html#cell-\d+$/);
    await claims.page.close();
  });
});
