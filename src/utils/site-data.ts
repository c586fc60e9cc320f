// Loads the content collections once per build and assembles everything pages need from them.
// The only module that talks to astro:content; all the logic it calls lives in src/lib.
import { getCollection, type CollectionEntry } from 'astro:content';
import { assembleEditions, groupArticles, type EditionView } from '../lib/edition.ts';
import { resolveCounty, type Division } from '../lib/gazetteer.ts';
import { getCategory, type Category } from '../lib/categories.ts';
import { nameSlugs } from '../lib/slug.ts';

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
  cached ??= build(import.meta.env.DEV);
  return cached;
}

async function build(includeDrafts: boolean): Promise<SiteData> {
  const [allArticles, editionEntries] = await Promise.all([getCollection('articles'), getCollection('editions')]);
  const published = allArticles.filter((a) => includeDrafts || !a.data.draft);
  const editions = assembleEditions(published, editionEntries);
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
  const bylineSlug = nameSlugs(byName.keys());
  const bylines = [...byName].map(([name, list]) => ({ name, slug: bylineSlug.get(name)!, articles: list }));

  return { editions, articles, editionOf, counties, categories, bylines, bylineSlug };
}
