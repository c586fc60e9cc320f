// What readers download, measured in a real browser on a built site: the bytes of an article page
// (HTML, CSS, scripts) and of the first search on the search page, each as a CDN would send it (gzip).
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface Transfer {
  requests: number;
  /** Bytes over the wire with gzip (files Pagefind already compresses count as they are). */
  gzipBytes: number;
  scripts: number;
}

/** Loads `url`, optionally waits for `ready` (a CSS selector), and adds up what was fetched. */
export async function measureTransfer(browser: Browser, url: string, ready?: string): Promise<Transfer> {
  const page = await browser.newPage();
  const bodies: Promise<number>[] = [];
  let scripts = 0;
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts++;
    bodies.push(
      response.body().then(
        (body) => Math.min(body.length, gzipSync(body, { level: 6 }).length),
        () => 0,
      ),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  if (ready) await page.waitForSelector(ready, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const sizes = await Promise.all(bodies);
  await page.close();
  return { requests: sizes.length, gzipBytes: sizes.reduce((a, b) => a + b, 0), scripts };
}
