// A county's articles as RSS 2.0: /county/<slug>/rss.xml.
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSiteData, type ArticleRecord } from '../../../utils/site-data.ts';
import { rssResponse, siteLocation } from '../../../utils/feeds.ts';
import { SECTION_FEED_SIZE, countyFeedPath, sectionFeedTitle } from '../../../lib/feeds/channel.ts';
import { absoluteUrl } from '../../../lib/seo/urls.ts';
import { divisionPath } from '../../../lib/routing.ts';
import type { Division } from '../../../lib/gazetteer.ts';

export const getStaticPaths = (async () => {
  const { counties, crossYear } = await loadSiteData();
  return (crossYear ? counties : []).map(({ division, articles }) => ({ params: { slug: division.slug }, props: { division, articles } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, props }) => {
  const { division, articles } = props as { division: Division; articles: ArticleRecord[] };
  const at = siteLocation(site);
  const channel = {
    title: sectionFeedTitle(division.name),
    description: `${division.fullName}的政法新闻`,
    homeUrl: absoluteUrl(divisionPath(division.slug), at),
    feedUrl: absoluteUrl(countyFeedPath(division.slug), at),
  };
  return rssResponse(channel, articles, SECTION_FEED_SIZE, at, await loadSiteData());
};
