// A category's articles as RSS 2.0: /category/<slug>/rss.xml.
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSiteData, type ArticleRecord } from '../../../utils/site-data.ts';
import { rssResponse, siteLocation } from '../../../utils/feeds.ts';
import { SECTION_FEED_SIZE, categoryFeedPath, sectionFeedTitle } from '../../../lib/feeds/channel.ts';
import { categoryPath } from '../../../lib/routing.ts';
import { absoluteUrl } from '../../../lib/seo/urls.ts';
import type { Category } from '../../../lib/categories.ts';

export const getStaticPaths = (async () => {
  const { categories, crossYear } = await loadSiteData();
  return (crossYear ? categories : []).map(({ category, articles }) => ({ params: { slug: category.slug }, props: { category, articles } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, props }) => {
  const { category, articles } = props as { category: Category; articles: ArticleRecord[] };
  const at = siteLocation(site);
  const channel = {
    title: sectionFeedTitle(category.name),
    description: category.description,
    homeUrl: absoluteUrl(categoryPath(category.name), at),
    feedUrl: absoluteUrl(categoryFeedPath(category.name), at),
  };
  return rssResponse(channel, articles, SECTION_FEED_SIZE, at, await loadSiteData());
};
