// Loads the content collections once per build and assembles everything pages need from them.
// The only module that talks to astro:content; all the logic it calls lives in src/lib.
import { createHash } from 'node:crypto';
import { getCollection, type CollectionEntry } from 'astro:content';
import { assembleEditions, groupArticles, type EditionView } from '../lib/edition.ts';
import { resolveCounty, type Division } from '../lib/gazetteer.ts';
import { getCategory, type Category } from '../lib/categories.ts';
import { nameSlugs } from '../lib/slug.ts';
import { readBylineRecord } from '../lib/published-bylines-fs.ts';
import { splitListing } from '../lib/listing-pages.ts';
import { site } from '../lib/site.ts';

export type ArticleEntry = CollectionEntry<'articles'>;
export type Edition = EditionView<ArticleEntry>;

export interface SiteData {
  editions: Edition[];
  articles: ArticleEntry[];
  editionOf: Map<string, Edition>;
  counties: { division: Division; articles: ArticleEntry[] }[];
  categories: { category: Category; articles: ArticleEntry[] }[];
  bylines: { name: string; slug: string; articles: ArticleEntry[] }[];
  bylineSlug: Map<string, string>;
}

let cached: Promise<SiteData> | undefined;

/** Drafts are shown by `astro dev` (reporters preview them) and never published by `astro build`. */
export function loadSiteData(): Promise<SiteData> {
  cached ??= build(import.meta.env.DEV, import.meta.env.DEV);
  return cached;
}

/** `leaveOutBroken`: in dev, a file breaking the edition rules is left out (the content check shows its error). */
async function build(includeDrafts: boolean, leaveOutBroken: boolean): Promise<SiteData> {
  const [allArticles, editionEntries] = await Promise.all([getCollection('articles'), getCollection('editions')]);
  const published = allArticles.filter((a) => includeDrafts || !a.data.draft);
  const editions = assembleEditions(published, editionEntries, { leaveOutBroken });
  const articles = editions.flatMap((e) => e.articles);
  const editionOf = new Map(editions.flatMap((e) => e.articles.map((a) => [a.id, e] as const)));

  const counties = [...groupArticles(articles, (a) => {
    const r = resolveCounty(a.data.county);
    return r.ok ? [r.division.code] : [];
  })].map(([, list]) => {
    const r = resolveCounty(list[0]!.data.county);
    if (!r.ok) throw new Error(`unreachable: ${list[0]!.id}`);
    return { division: r.division, articles: list };
  });
  counties.sort((a, b) => a.division.code.localeCompare(b.division.code));

  const categories = [...groupArticles(articles, (a) => [a.data.category])].map(([name, list]) => ({
    category: getCategory(name)!,
    articles: list,
  }));

  const byName = groupArticles(articles, (a) => a.data.byline.map((b) => b.name));
  // Recorded names keep their published /byline/<slug>/. Astro runs from the project root (the npm scripts, the
  // tests and the benchmark all start it there), and CONTENT_DIR is relative to it, as for the glob loader.
  const bylineSlug = nameSlugs(byName.keys(), readBylineRecord(process.cwd()));
  const bylines = [...byName].map(([name, list]) => ({ name, slug: bylineSlug.get(name)!, articles: list }));

  return { editions, articles, editionOf, counties, categories, bylines, bylineSlug };
}

/**
 * Cache keys for Astro's incremental build: a page whose key is unchanged since the last build is copied,
 * not rendered. A key hashes everything the page shows that is not code (Astro tracks code itself),
 * including where the site is deployed.
 */
export function cacheKey(...parts: unknown[]): string {
  const hash = createHash('sha256').update(`${import.meta.env.SITE ?? ''}\0${import.meta.env.BASE_URL}\0`);
  for (const part of parts) hash.update(JSON.stringify(part) ?? '').update('\0');
  return hash.digest('hex').slice(0, 24);
}

const articleDigest = (article: ArticleEntry) => article.digest ?? cacheKey(article.data, article.body);

const editionKeys = new WeakMap<Edition, string>();

/** An edition page, and the edition's navigation on every article page: all its articles (hashed once per edition). */
export function editionKey(edition: Edition): string {
  let key = editionKeys.get(edition);
  if (key === undefined) {
    key = cacheKey(edition.date, edition.issue, edition.pages.map((p) => [p.number, p.name, p.articles.map((a) => [a.id, articleDigest(a)])]));
    editionKeys.set(edition, key);
  }
  return key;
}

/** An article page: the article, its edition, and the byline pages it links to. */
export function articleKey(article: ArticleEntry, edition: Edition, bylineSlug: ReadonlyMap<string, string>): string {
  return cacheKey(articleDigest(article), editionKey(edition), article.data.byline.map((b) => bylineSlug.get(b.name)));
}

/**
 * The pages of one listing for a `[slug]/[...page]` route: the front page at the listing's address and the
 * numbered pages counted from the oldest article (src/lib/listing-pages.ts). A page's cache key covers its
 * articles, its neighbours and `heading` (what it shows besides its articles); the total is shown, and keyed,
 * only on the front page, so that numbered pages stay put.
 */
export function listingPaths<P extends object>(articles: readonly ArticleEntry[], slug: string, props: P, heading: unknown) {
  return splitListing(articles, site.pageSize).map((page) => ({
    params: { slug, page: page.number === 0 ? undefined : String(page.number) },
    props: { ...props, page, total: articles.length },
    cacheKey: cacheKey(page.number, page.newer, page.older, page.items.map((a) => [a.id, articleDigest(a)]), slug, heading, page.number === 0 ? articles.length : null),
  }));
}
