// Sitemaps (https://www.sitemaps.org/protocol.html) and the Google News sitemap
// (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap): which pages, and the XML.
import { addDays, publicationTime } from './time.ts';
import { escapeXml } from './xml.ts';
import { newsSitemapPath, sitemapIndexPath, sitemapPath } from '../routing.ts';

/** A sitemap may list at most 50,000 URLs. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google reads at most 1,000 articles from a News sitemap, and only those of the last two days. */
export const NEWS_SITEMAP_MAX_URLS = 1_000;
export const NEWS_SITEMAP_DAYS = 2;

export { newsSitemapPath, sitemapIndexPath, sitemapPath };

export interface SitemapEntry {
  /** Absolute URL. */
  url: string;
  /** Last change, `YYYY-MM-DD` (written in the paper's time zone). */
  lastmod?: string | undefined;
}

export interface NewsEntry {
  url: string;
  title: string;
  /** Edition date, `YYYY-MM-DD`. */
  date: string;
}

/** Splits a list into sitemap-sized chunks (at least one, so the index always names a file). */
export function chunk<T>(entries: readonly T[], size = SITEMAP_MAX_URLS): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < entries.length; i += size) chunks.push(entries.slice(i, i + size));
  return chunks.length > 0 ? chunks : [[]];
}

export function renderUrlset(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((e) => {
    const lastmod = e.lastmod ? `<lastmod>${publicationTime(e.lastmod)}</lastmod>` : '';
    return `  <url><loc>${escapeXml(e.url)}</loc>${lastmod}</url>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

export function renderSitemapIndex(sitemaps: readonly SitemapEntry[]): string {
  const items = sitemaps.map((s) => {
    const lastmod = s.lastmod ? `<lastmod>${publicationTime(s.lastmod)}</lastmod>` : '';
    return `  <sitemap><loc>${escapeXml(s.url)}</loc>${lastmod}</sitemap>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...items,
    '</sitemapindex>',
    '',
  ].join('\n');
}

/**
 * The articles a News sitemap lists: those of the editions dated on the newest edition's day and the day
 * before (two days, counted from the newest edition rather than from the build's clock, so a build is
 * reproducible and a rebuild of an old archive still lists its last two days), newest first, at most 1,000.
 * `entries` must be sorted newest first.
 */
export function selectNewsEntries<T extends { date: string }>(entries: readonly T[], max = NEWS_SITEMAP_MAX_URLS): T[] {
  const newest = entries.reduce<string | undefined>((latest, e) => (!latest || e.date > latest ? e.date : latest), undefined);
  if (!newest) return [];
  const since = addDays(newest, 1 - NEWS_SITEMAP_DAYS);
  return entries.filter((e) => e.date >= since).slice(0, max);
}

export function renderNewsSitemap(entries: readonly NewsEntry[], publication: { name: string; language: string }): string {
  const urls = entries.map((e) =>
    [
      '  <url>',
      `    <loc>${escapeXml(e.url)}</loc>`,
      '    <news:news>',
      `      <news:publication><news:name>${escapeXml(publication.name)}</news:name><news:language>${escapeXml(publication.language)}</news:language></news:publication>`,
      `      <news:publication_date>${publicationTime(e.date)}</news:publication_date>`,
      `      <news:title>${escapeXml(e.title)}</news:title>`,
      '    </news:news>',
      '  </url>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
