// The sitemap index: /sitemap-index.xml, naming the page sitemaps (/sitemap-0.xml …).
import type { APIRoute } from 'astro';
import { loadSiteData } from '../utils/site-data.ts';
import { siteLocation, xmlResponse } from '../utils/feeds.ts';
import { sitePageChunks } from '../utils/sitemaps.ts';
import { renderSitemapIndex, sitemapPath } from '../lib/seo/sitemap.ts';
import { absoluteUrl } from '../lib/seo/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const at = siteLocation(site);
  const chunks = sitePageChunks(await loadSiteData());
  const sitemaps = chunks.map((pages, n) => ({
    url: absoluteUrl(sitemapPath(n), at),
    lastmod: pages.reduce<string | undefined>(
      (latest, p) => (p.lastmod && (!latest || p.lastmod > latest) ? p.lastmod : latest),
      undefined,
    ),
  }));
  return xmlResponse(renderSitemapIndex(sitemaps), 'application/xml');
};
