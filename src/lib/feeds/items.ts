// What a feed says about an article, whatever the format (RSS 2.0, JSON Feed): built from the article's
// frontmatter and rendered body, with every URL absolute and every date in the paper's time zone.
import type { Article } from '../schema.ts';
import { articlePath, categoryPath } from '../routing.ts';
import { summaryOf, type Rendered } from '../excerpt.ts';
import { normalizeCjkPunctuation as zh } from '../typography.ts';
import { resolveCounty } from '../gazetteer.ts';
import { modifiedDate } from '../seo/time.ts';
import { absoluteUrl, absolutizeHtml, type SiteLocation } from '../seo/urls.ts';
import { escapeHtml } from '../util/html.ts';

/** The part of a content entry a feed needs; Astro's CollectionEntry<'articles'> satisfies it. */
export interface FeedArticle {
  id: string;
  data: Article;
  lead?: string | undefined;
  body?: string | undefined;
  rendered?: Rendered | undefined;
}

export interface FeedItem {
  /** The article's permanent absolute URL, also its id. */
  url: string;
  title: string;
  /** Plain-text summary: the frontmatter summary or the first paragraph. */
  summary: string;
  /** The full text as HTML, URLs absolute; absent when the entry was not rendered. */
  contentHtml?: string | undefined;
  authors: string[];
  /** Edition date (`YYYY-MM-DD`). */
  date: string;
  /** Latest correction date, or the edition date. */
  modified: string;
  category: string;
  categoryUrl: string;
  /** County or scope name, e.g. 曲周县, 河北省. */
  place: string;
}

/** One article as a feed item. */
export function feedItem(article: FeedArticle, at: SiteLocation): FeedItem {
  const url = absoluteUrl(articlePath(article.id), at);
  const { data } = article;
  const county = resolveCounty(data.county);
  const headline = [data.kicker, data.title, data.subtitle].filter(Boolean).map((s) => zh(s!));
  return {
    url,
    title: zh(data.title),
    summary: summaryOf(article, 200),
    contentHtml: article.rendered ? feedBodyHtml(headline.length > 1 ? headline : [], article.rendered.html, url) : undefined,
    authors: data.byline.map((b) => b.name),
    date: data.date,
    modified: modifiedDate(data),
    category: data.category,
    categoryUrl: absoluteUrl(categoryPath(data.category), at),
    place: county.ok ? county.division.name : data.county,
  };
}

/** The body for feed readers: the kicker and subtitle when the headline has them, then the text. */
function feedBodyHtml(headlineStack: string[], html: string, url: string): string {
  const stack = headlineStack.length > 0 ? `<p><strong>${headlineStack.map((line) => escapeHtml(line)).join('<br>')}</strong></p>` : '';
  return stack + absolutizeHtml(html, url);
}
