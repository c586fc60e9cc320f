// The pull-request workflow's preview artifact (scripts/preview-copy.ts): the built site, downloaded and unpacked,
// browsed from its folder in Chromium with no server. Checked on the fixture built under /paper/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { allFiles } from '../../tools/site-check/dist-fs.ts';
import { launchChromium } from '../../tools/browser.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(mkdtempSync(join(tmpdir(), 'preview-copy-')), 'preview');
execFileSync(process.execPath, [join(root, 'scripts/preview-copy.ts'), inject('fixtureOut'), out], {
  env: { ...process.env, SITE_URL: 'https://example.org', BASE_PATH: '/paper/' },
});
afterAll(() => rmSync(dirname(out), { recursive: true, force: true }));

describe('the browsable preview copy', () => {
  it('has the same files, and every link in every page is relative to an existing file, a fragment, or absolute', () => {
    expect(allFiles(out)).toEqual(allFiles(inject('fixtureOut')));
    const broken: string[] = [];
    for (const file of allFiles(out).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(out, file), 'utf8');
      for (const [, url] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        if (url === undefined || url === '' || url.startsWith('#') || /^[a-z]+:/.test(url)) continue;
        if (url.startsWith('/')) broken.push(`${file}: root-relative ${url}`);
        else if (!existsSync(join(out, dirname(file), decodeURIComponent(url.split('#')[0]!)))) broken.push(`${file}: ${url}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('opens from file:// and goes from the front page to an article and back, with no failed request', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
      await page.goto(pathToFileURL(join(out, 'index.html')).href);
      const link = page.locator('main a[href*="2022/04/19/"][href$="index.html"]').first();
      await link.click();
      await page.waitForLoadState('load');
      expect(page.url()).toMatch(/^file:.*\/2022\/04\/19\/[a-z-]+\/index\.html$/);
      expect(await page.locator('article h1').count()).toBeGreaterThan(0);
      await page.goBack();
      expect(page.url()).toBe(pathToFileURL(join(out, 'index.html')).href);
      expect(failed).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
