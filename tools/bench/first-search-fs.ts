// A reader's first search on a built site's search page, for the benchmarks: the site served on loopback,
// Chromium with a cold cache, every request of each query, gzip as a CDN sends it.
import { measureTransfer } from './readers.ts';
import { launchChromium } from '../browser.ts';
import { serveStatic } from '../static-server-fs.ts';

export const FIRST_SEARCH_QUERIES = ['交警', '落水', '人民法院'] as const;

/** KB and requests of the first search for each of FIRST_SEARCH_QUERIES on the site in `dir`. */
export async function firstSearches(
  dir: string,
  progress: (message: string) => void,
): Promise<Record<string, { kb: number; requests: number }>> {
  const measured: Record<string, { kb: number; requests: number }> = {};
  const server = await serveStatic(dir);
  const browser = await launchChromium();
  try {
    for (const query of FIRST_SEARCH_QUERIES) {
      const transfer = await measureTransfer(browser, `${server.url}search/?q=${encodeURIComponent(query)}`, '.search-result');
      measured[query] = { kb: Number((transfer.gzipBytes / 1024).toFixed(1)), requests: transfer.requests };
      progress(`first search for ${query}: ${measured[query].kb} KB in ${transfer.requests} requests`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return measured;
}
