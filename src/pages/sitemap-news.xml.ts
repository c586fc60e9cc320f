// The Google News sitemap: /sitemap-news.xml, the articles of the last two days of editions.
import type { APIRoute } from 'astro';
import { loadSiteData } from '../utils/site-data.ts';
import { siteLocation, xmlResponse } from '../utils/feeds.ts';
import { renderNewsSitemap, selectNewsEntries } from '../lib/seo/sitemap.ts';
import { absoluteUrl } from '../lib/seo/urls.ts';
import { articlePath } from '../lib/routing.ts';
import { normalizeCjkPunctuation as zh } from '../lib/typography.ts';
import { site as paper } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const at = siteLocation(site);
  const { articles } = await loadSiteData();
  const entries = selectNewsEntries(
    articles.map((a) => ({ url: absoluteUrl(articlePath(a.id), at), title: zh(a.data.title), date: a.data.date })),
  );
  return xmlResponse(renderNewsSitemap(entries, { name: paper.name, language: 'zh-cn' }), 'application/xml');
};
