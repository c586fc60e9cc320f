// robots.txt: everything may be crawled except the search index's data files and the offline zips; the sitemaps
// are named in full. Crawlers read robots.txt only at the host's root: with a base path, the host's own file must
// carry these lines (docs/deploy.md).
import { downloadsPath, searchIndexPrefix, withBase } from '../routing.ts';

export function renderRobots(options: { base: string; sitemaps: readonly string[] }): string {
  return [
    'User-agent: *',
    // A prefix: the search index folder and its shards (pagefind-2021/ …).
    `Disallow: ${withBase(searchIndexPrefix, options.base)}`,
    `Disallow: ${withBase(downloadsPath, options.base)}`,
    '',
    ...options.sitemaps.map((url) => `Sitemap: ${url}`),
    '',
  ].join('\n');
}
