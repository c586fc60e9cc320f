// Quality gates in a real browser (headless Chromium) on the built sample and fixture, served with the headers
// of their own `_headers` file: no serious or critical accessibility violation (axe-core) on the home, edition,
// article, county, archive, search and 404 pages; every page, the search and a download work under the
// production Content-Security-Policy with no violation, no failed request and no console error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.ts';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tools/browser.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server-fs.ts';
import { headersFor, parseHeadersFile } from '../../src/lib/seo/headers.ts';

/** The pages every gate visits: one of each kind. */
const PAGES = {
  home: '',
  edition: '2022/04/19/',
  article: '2022/04/19/guan-tao-te-xun-jing-zong-shen-yue-ru-bing-leng/',
  county: 'county/guantao/',
  archive: 'archive/',
  archiveYear: 'archive/2022/',
  search: `search/?q=${encodeURIComponent('安全')}`,
  '404': 'no-such-page/',
};

let browser: Browser;
let sample: StaticServer;
let fixture: StaticServer;

/** Serves a build with the headers its `_headers` file gives each path, as Netlify or Cloudflare Pages would. */
function serveWithHeaders(out: string, base: string): Promise<StaticServer> {
  const rules = parseHeadersFile(readFileSync(join(out, '_headers'), 'utf8'));
  return serveStatic(out, { base, headers: (pathname) => headersFor(rules, pathname) });
}

beforeAll(async () => {
  browser = await launchChromium();
  sample = await serveWithHeaders(inject('sampleOut'), '/');
  fixture = await serveWithHeaders(inject('fixtureOut'), '/paper/');
});

afterAll(async () => {
  await browser?.close();
  await sample?.close();
  await fixture?.close();
});

/** Opens a page and records every CSP violation, console error, failed request and error response but the page's own. */
async function open(url: string): Promise<{ page: Page; problems: string[]; status: number | undefined; headers: Record<string, string> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  page.on('console', (m) => {
    // The 404 page's own status is logged as an error: it is the page under test, not a problem of it.
    if (m.location().url === url) return;
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // A request the page itself abandoned by navigating on (Chromium's lazy favicon fetch) is not a failure.
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url() !== url) problems.push(`${r.status()}: ${r.url()}`);
  });
  const response = await page.goto(url);
  await page.waitForLoadState('networkidle');
  return { page, problems, status: response?.status(), headers: response?.headers() ?? {} };
}

async function searchResults(page: Page): Promise<string[]> {
  await page.waitForFunction(() => /找到|没有找到|不可用/.test(document.getElementById('search-status')?.textContent ?? ''));
  return page.$$eval('.search-result__title a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
}

describe('accessibility (axe-core)', () => {
  it.each(Object.entries(PAGES))('the %s page has no serious or critical violations', async (_kind, path) => {
    const { page } = await open(`${sample.url}${path}`);
    if (path.startsWith('search/')) await searchResults(page);
    const violations = await seriousViolations(page);
    await page.context().close();
    expect(violations).toEqual([]);
  });
});

describe('the production headers (_headers) in a browser', () => {
  it.each(Object.entries(PAGES))('the %s page loads under the Content-Security-Policy with no violation', async (kind, path) => {
    const url = `${sample.url}${path}`;
    const { page, problems, status, headers } = await open(url);
    expect(status).toBe(kind === '404' ? 404 : 200);
    // An unknown top-level name matches no file's rule, so its 404 comes without a policy (src/lib/seo/headers.ts).
    if (kind !== '404') expect(headers['content-security-policy']).toContain("'wasm-unsafe-eval'");
    if (kind === 'search') expect((await searchResults(page)).length).toBeGreaterThan(0);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('lets the web editor start under its own policy, with no violation', async () => {
    const { page, problems, status, headers } = await open(`${sample.url}admin/`);
    expect(status).toBe(200);
    expect(headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    await page.getByText('登录').first().waitFor({ timeout: 20_000 });
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('lets the search run under the base path too, with results linking under it', async () => {
    const { page, problems } = await open(`${fixture.url}search/?q=${encodeURIComponent('电动车')}`);
    const hrefs = await searchResults(page);
    await page.context().close();
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/paper\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/);
    expect(problems).toEqual([]);
  });

  it('lets a reader download the edition', async () => {
    const { page, problems } = await open(`${sample.url}2022/04/19/`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="2022-04-19.zip"]')]);
    expect(download.suggestedFilename()).toBe('2022-04-19.zip');
    expect(await download.failure()).toBeNull();
    await page.context().close();
    expect(problems).toEqual([]);
  });
});
