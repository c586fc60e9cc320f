// The site's structure from its articles and editions: the editions, newest first, and the county, category and
// person listings. Pure: the site's pages (src/utils/site-data.ts) and the assembly's content loader (which needs
// to know which articles the feeds show) build it from the same records the same way.
import { assembleEditions, groupArticles, type ArticleEntry, type EditionEntry, type EditionView } from './edition.ts';
import { resolveCounty, type Division } from './gazetteer.ts';
import { getCategory, type Category } from './categories.ts';
import { nameSlugs } from './slug.ts';
import { MAIN_FEED_SIZE, SECTION_FEED_SIZE } from './feeds/channel.ts';

export interface SiteStructure<A extends ArticleEntry> {
  editions: EditionView<A>[];
  /** Every article, newest edition first, each edition in reading order. */
  articles: A[];
  editionOf: Map<string, EditionView<A>>;
  counties: { division: Division; articles: A[] }[];
  categories: { category: Category; articles: A[] }[];
  bylines: { name: string; slug: string; articles: A[] }[];
  bylineSlug: Map<string, string>;
}

export interface StructureOptions {
  /** `astro dev`: a file breaking the edition rules is left out instead of stopping the build. */
  leaveOutBroken?: boolean;
  /** Published person pages: name → slug (src/lib/permanent-urls/published-bylines.ts). */
  bylineRecord?: ReadonlyMap<string, string>;
}

/** `articles`: the published ones (no drafts). */
export function siteStructure<A extends ArticleEntry>(
  articles: readonly A[],
  editionEntries: readonly EditionEntry[],
  options: StructureOptions = {},
): SiteStructure<A> {
  const editions = assembleEditions(articles, editionEntries, { leaveOutBroken: options.leaveOutBroken ?? false });
  const inOrder = editions.flatMap((e) => e.articles);
  const editionOf = new Map(editions.flatMap((e) => e.articles.map((a) => [a.id, e] as const)));

  const counties = [
    ...groupArticles(inOrder, (a) => {
      const r = resolveCounty(a.data.county);
      return r.ok ? [r.division.code] : [];
    }),
  ].map(([, list]) => {
    const r = resolveCounty(list[0]!.data.county);
    if (!r.ok) throw new Error(`unreachable: ${list[0]!.id}`);
    return { division: r.division, articles: list };
  });
  counties.sort((a, b) => a.division.code.localeCompare(b.division.code));

  const categories = [...groupArticles(inOrder, (a) => [a.data.category])].map(([name, list]) => ({
    category: getCategory(name)!,
    articles: list,
  }));

  const byName = groupArticles(inOrder, (a) => a.data.byline.map((b) => b.name));
  const bylineSlug = nameSlugs(byName.keys(), options.bylineRecord);
  const bylines = [...byName].map(([name, list]) => ({ name, slug: bylineSlug.get(name)!, articles: list }));
  return { editions, articles: inOrder, editionOf, counties, categories, bylines, bylineSlug };
}

/** The articles some feed shows in full (the paper's feeds, and every county's and category's): their ids. */
export function feedArticleIds(structure: SiteStructure<ArticleEntry>): Set<string> {
  const ids = new Set(structure.articles.slice(0, MAIN_FEED_SIZE).map((a) => a.id));
  for (const { articles } of [...structure.counties, ...structure.categories])
    for (const a of articles.slice(0, SECTION_FEED_SIZE)) ids.add(a.id);
  return ids;
}
