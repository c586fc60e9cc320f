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

/** The kind of reader page an output file is, by its path in dist/ (`index.html`, `2022/04/19/index.html`, …). */
export function pageKind(path: string): string | undefined {
  const p = path.replaceAll('\\', '/');
  if (!p.endsWith('index.html')) return undefined;
  const dir = p.slice(0, -'index.html'.length);
  if (dir === '') return 'home';
  if (dir === 'archive/') return 'archive';
  if (/^archive\/\d{4}\/$/.test(dir)) return 'archive year';
  if (dir === 'search/') return 'search';
  if (/^\d{4}\/\d{2}\/\d{2}\/$/.test(dir)) return 'edition';
  if (/^\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(dir)) return 'article';
  if (/^(county|category|byline)\/$/.test(dir)) return 'listing index';
  // The index of people split by initial (src/lib/people-index.ts): `byline/initial-z/`, `byline/initial-z/2/`.
  if (/^byline\/initial-[a-z]+\/(\d+\/)?$/.test(dir)) return 'people by initial';
  // A listing's pages, and a long one's year pages (src/lib/listing-pages.ts: `county/x/2022/`, `county/x/2022/3/`).
  if (/^(county|category|byline)\/[^/]+\/(\d+\/){0,2}$/.test(dir)) return 'listing';
  return undefined;
}

/** The largest page of each kind, gzip-compressed as a CDN sends it: `files` are paths in dist/ with a reader for each. */
export function largestPages(files: Iterable<{ path: string; read: () => Uint8Array }>): Record<string, { path: string; gzipKb: number }> {
  const largest: Record<string, { path: string; gzipKb: number }> = {};
  for (const file of files) {
    const kind = pageKind(file.path);
    if (!kind) continue;
    const kb = Math.round((gzipSync(file.read(), { level: 6 }).length / 1024) * 10) / 10;
    if (!largest[kind] || kb > largest[kind].gzipKb) largest[kind] = { path: file.path, gzipKb: kb };
  }
  return largest;
}
