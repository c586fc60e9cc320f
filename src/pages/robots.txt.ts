// robots.txt: what crawlers may fetch, and where the sitemaps are.
import type { APIRoute } from 'astro';
import { siteLocation } from '../utils/feeds.ts';
import { renderRobots } from '../lib/seo/robots.ts';
import { newsSitemapPath, sitemapIndexPath } from '../lib/seo/sitemap.ts';
import { absoluteUrl } from '../lib/seo/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const at = siteLocation(site);
  const body = renderRobots({ base: at.base, sitemaps: [absoluteUrl(sitemapIndexPath, at), absoluteUrl(newsSitemapPath, at)] });
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
