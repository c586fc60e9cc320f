// Every page a search engine should know about, with the day it last changed: the sitemap's contents.
// Computed from the same site data the routes are built from; tests/site checks it against the built pages.
import {
  archivePath,
  archiveYearPath,
  articlePath,
  bylinePath,
  categoryIndexPath,
  categorySlugPath,
  countyIndexPath,
  divisionPath,
  editionPath,
  epaperPagePath,
  homePath,
  listingPagePath,
  listingYearPath,
  searchPath,
} from '../routing.ts';
import { modifiedDate } from './time.ts';
import { listingLayout } from '../listing-pages.ts';
import { peopleIndex, peopleIndexPaths } from '../people-index.ts';
import { hasPageView } from '../edition.ts';

interface DatedArticle {
  id: string;
  data: { date: string; corrections: readonly { date: string }[] };
}

export interface SitePagesInput {
  /** Newest first, as assembleEditions returns them; `pages` (版) with a PDF or image have page views (数字报). */
  editions: readonly {
    date: string;
    articles: readonly DatedArticle[];
    pages?: readonly { number: number; pdf?: string | undefined; image?: string | undefined; articles: readonly DatedArticle[] }[];
  }[];
  counties: readonly { division: { slug: string }; articles: readonly DatedArticle[] }[];
  categories: readonly { category: { slug: string }; articles: readonly DatedArticle[] }[];
  bylines: readonly { name: string; slug: string; articles: readonly DatedArticle[] }[];
  pageSize: number;
  /** People on a page of the index of people (src/lib/people-index.ts). */
  peoplePerPage: number;
  /** Listings longer than this are split by year (src/lib/listing-pages.ts: listingLayout). */
  splitAt: number;
}

export interface SitePage {
  /** Root-relative path, without the base path. */
  path: string;
  /** `YYYY-MM-DD` */
  lastmod?: string | undefined;
}

function newest(articles: readonly DatedArticle[]): string | undefined {
  return articles.reduce<string | undefined>((latest, a) => {
    const date = modifiedDate(a.data);
    return !latest || date > latest ? date : latest;
  }, undefined);
}

function listing(path: string, articles: readonly DatedArticle[], input: SitePagesInput): SitePage[] {
  return listingLayout(articles, input.pageSize, input.splitAt).map((laid) => ({
    path: listingPagePath(laid.year === undefined ? path : listingYearPath(path, laid.year), laid.page.number),
    lastmod: newest(laid.page.items),
  }));
}

/**
 * Home, archive, search, every edition, its page views and articles, and the index of people, and every page of every county, category
 * and byline listing: every page but the 404. The one page list: the sitemaps list it (src/utils/sitemaps.ts), the
 * redirect check looks paths up in it (src/lib/permanent-urls/redirects.ts: builtPages), and tests/site checks it against the built pages.
 */
export function sitePages(input: SitePagesInput): SitePage[] {
  const all = input.editions.flatMap((e) => e.articles);
  const latest = newest(all);
  return [
    { path: homePath, lastmod: input.editions[0] ? newest(input.editions[0].articles) : undefined },
    { path: archivePath, lastmod: latest },
    ...[...new Set(input.editions.map((e) => e.date.slice(0, 4)))].map((year) => ({
      path: archiveYearPath(year),
      lastmod: newest(input.editions.filter((e) => e.date.startsWith(year)).flatMap((e) => e.articles)),
    })),
    { path: countyIndexPath, lastmod: latest },
    { path: categoryIndexPath, lastmod: latest },
    ...peopleIndexPaths(peopleIndex(input.bylines, input.peoplePerPage)).map((path) => ({ path, lastmod: latest })),
    { path: searchPath, lastmod: latest },
    ...input.editions.flatMap((e) => [
      { path: editionPath(e.date), lastmod: newest(e.articles) ?? e.date },
      ...(e.pages ?? [])
        .filter(hasPageView)
        .map((p) => ({ path: epaperPagePath(e.date, p.number), lastmod: newest(p.articles) ?? e.date })),
      ...e.articles.map((a) => ({ path: articlePath(a.id), lastmod: modifiedDate(a.data) })),
    ]),
    ...input.counties.flatMap((c) => listing(divisionPath(c.division.slug), c.articles, input)),
    ...input.categories.flatMap((c) => listing(categorySlugPath(c.category.slug), c.articles, input)),
    ...input.bylines.flatMap((b) => listing(bylinePath(b.slug), b.articles, input)),
  ];
}
