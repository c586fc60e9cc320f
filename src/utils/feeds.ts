// Responses of the feed and sitemap routes: site data in, documents out (the documents are made by src/lib/feeds
// and src/lib/seo; this module only knows where the site is and what the routes return).
import type { ArticleRecord, SiteData } from './site-data.ts';
import type { SiteLocation } from '../lib/seo/urls.ts';
import { feedItem, type FeedArticle } from '../lib/feeds/items.ts';
import { renderRss } from '../lib/feeds/rss.ts';
import type { FeedChannel } from '../lib/feeds/channel.ts';

/** Where the site is deployed (`SITE_URL`, `BASE_PATH`), from an endpoint's context. */
export function siteLocation(site: URL | undefined): SiteLocation {
  if (!site) throw new Error('astro.config.mjs: `site` is not set (SITE_URL); feeds and sitemaps need absolute URLs');
  return { site, base: import.meta.env.BASE_URL };
}

export function xmlResponse(body: string, type: string): Response {
  return new Response(body, { headers: { 'content-type': `${type}; charset=utf-8` } });
}

/** What a feed shows of the newest `limit` of `articles` (sorted newest first): each with its full text where this build has it. */
export function feedArticles(articles: readonly ArticleRecord[], limit: number, data: Pick<SiteData, 'entryOf'>): FeedArticle[] {
  return articles.slice(0, limit).map((a) => data.entryOf.get(a.id) ?? a);
}

/** An RSS feed of the newest `limit` of `articles` (sorted newest first). */
export function rssResponse(channel: FeedChannel, articles: readonly ArticleRecord[], limit: number, at: SiteLocation, data: Pick<SiteData, 'entryOf'>): Response {
  return xmlResponse(renderRss(channel, feedArticles(articles, limit, data).map((a) => feedItem(a, at))), 'application/rss+xml');
}
