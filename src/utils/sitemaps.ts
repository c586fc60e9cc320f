// The site's pages for the sitemaps, in sitemap-sized chunks (shared by the index and the sitemap routes).
import type { SiteData } from './site-data.ts';
import { sitePages, type SitePage } from '../lib/seo/site-pages.ts';
import { chunk } from '../lib/seo/sitemap.ts';
import { site } from '../lib/site.ts';

export function sitePageChunks(data: SiteData): SitePage[][] {
  return chunk(sitePages({ ...data, pageSize: site.pageSize, splitAt: site.listingSplitAt, peoplePerPage: site.peoplePerPage }));
}
