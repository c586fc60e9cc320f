// The whole paper as a JSON Feed 1.1: /feed.json.
import type { APIRoute } from 'astro';
import { loadSiteData } from '../utils/site-data.ts';
import { feedArticles, siteLocation } from '../utils/feeds.ts';
import { MAIN_FEED_SIZE, jsonFeedPath } from '../lib/feeds/channel.ts';
import { feedItem } from '../lib/feeds/items.ts';
import { jsonFeed } from '../lib/feeds/json-feed.ts';
import { absoluteUrl } from '../lib/seo/urls.ts';
import { homePath } from '../lib/routing.ts';
import { site as paper } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const at = siteLocation(site);
  const data = await loadSiteData();
  const home = absoluteUrl(homePath, at);
  const channel = { title: paper.name, description: paper.description, homeUrl: home, feedUrl: absoluteUrl(jsonFeedPath, at) };
  const feed = jsonFeed(
    channel,
    (await feedArticles(data.articles, MAIN_FEED_SIZE, data)).map((a) => feedItem(a, at)),
    { name: paper.name, url: home },
  );
  return new Response(`${JSON.stringify(feed, null, 2)}\n`, { headers: { 'content-type': 'application/feed+json; charset=utf-8' } });
};
