// The page sitemaps: /sitemap-0.xml, /sitemap-1.xml … (50,000 pages each).
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSiteData } from '../utils/site-data.ts';
import { siteLocation, xmlResponse } from '../utils/feeds.ts';
import { sitePageChunks } from '../utils/sitemaps.ts';
import { renderUrlset } from '../lib/seo/sitemap.ts';
import { absoluteUrl } from '../lib/seo/urls.ts';
import type { SitePage } from '../lib/seo/site-pages.ts';

export const getStaticPaths = (async () => {
  const data = await loadSiteData();
  return (data.crossYear ? sitePageChunks(data) : []).map((pages, n) => ({ params: { n: String(n) }, props: { pages } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site, props }) => {
  const at = siteLocation(site);
  const { pages } = props as { pages: SitePage[] };
  return xmlResponse(renderUrlset(pages.map((p) => ({ url: absoluteUrl(p.path, at), lastmod: p.lastmod }))), 'application/xml');
};
