// Structured data for an article page: schema.org NewsArticle as JSON-LD
// (https://developers.google.com/search/docs/appearance/structured-data/article), and the script tag's text.
import type { Article } from '../schema.ts';
import { normalizeCjkPunctuation as zh } from '../typography.ts';
import { resolveCounty } from '../gazetteer.ts';
import { modifiedDate, publicationTime } from './time.ts';

export interface NewsArticleInput {
  data: Article;
  /** The article's canonical absolute URL. */
  url: string;
  description: string;
  /** Absolute URLs of the article's photos, if any. */
  images: readonly string[];
  /** Absolute URLs of the byline pages, by name. */
  authorUrls: ReadonlyMap<string, string>;
  publisher: { name: string; url: string };
}

export function newsArticleJsonLd(input: NewsArticleInput): Record<string, unknown> {
  const { data } = input;
  const publisher = { '@type': 'NewsMediaOrganization', name: input.publisher.name, url: input.publisher.url };
  const county = resolveCounty(data.county);
  const secondary = [data.kicker, data.subtitle].filter((s): s is string => Boolean(s)).map(zh);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': input.url,
    url: input.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    headline: zh(data.title),
    ...(secondary.length > 0 ? { alternativeHeadline: secondary.join(' ') } : {}),
    description: input.description,
    datePublished: publicationTime(data.date),
    dateModified: publicationTime(modifiedDate(data)),
    // Agency copy names no one: the paper stands as the author.
    author:
      data.byline.length > 0
        ? data.byline.map((b) => {
            const url = input.authorUrls.get(b.name);
            return { '@type': 'Person', name: b.name, ...(url ? { url } : {}) };
          })
        : [publisher],
    publisher,
    ...(input.images.length > 0 ? { image: [...input.images] } : {}),
    articleSection: data.category,
    ...(county.ok
      ? { contentLocation: { '@type': 'Place', name: county.division.level === 'scope' ? county.division.name : county.division.fullName } }
      : {}),
    inLanguage: 'zh-CN',
    isAccessibleForFree: true,
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` is escaped so no text can close the script element. */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c').replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
}
