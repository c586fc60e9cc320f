// The whole paper as RSS 2.0: /rss.xml.
import type { APIRoute } from 'astro';
import { loadSiteData } from '../utils/site-data.ts';
import { rssResponse, siteLocation } from '../utils/feeds.ts';
import { MAIN_FEED_SIZE, rssPath } from '../lib/feeds/channel.ts';
import { absoluteUrl } from '../lib/seo/urls.ts';
import { homePath } from '../lib/routing.ts';
import { site as paper } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const at = siteLocation(site);
  const data = await loadSiteData();
  const channel = {
    title: paper.name,
    description: paper.description,
    homeUrl: absoluteUrl(homePath, at),
    feedUrl: absoluteUrl(rssPath, at),
  };
  return rssResponse(channel, data.articles, MAIN_FEED_SIZE, at, data);
};
