// Which parts must be built again (pure): a part's key covers its year's files, the code, where the site is
// deployed, and the little its pages take from other years (src/lib/parts/scope.ts): the person URLs its
// bylines link to, and whether it is the newest year (whose newest month is the search's `pagefind/` shard).
// A part whose key is unchanged is kept; a day's edition changes the current year's key alone.
import { createHash } from 'node:crypto';
import type { SiteStructure } from '../site-structure.ts';
import type { ArticleEntry } from '../edition.ts';

export interface PartContext {
  newest: boolean;
  /** [name, slug] of every byline in the year, sorted. */
  bylines: [string, string][];
  /** The listings split by year (src/lib/listing-pages.ts) that have articles in the year: their pages for it are the part's. */
  split: string[];
}

export function partContext(structure: SiteStructure<ArticleEntry>, year: string, newestYear: string | undefined, splitAt: number): PartContext {
  const inYear = (a: ArticleEntry) => a.data.date.startsWith(year);
  const names = new Set(structure.articles.filter(inYear).flatMap((a) => a.data.byline.map((b) => b.name)));
  const listings = [
    ...structure.counties.map((c) => [`county/${c.division.slug}`, c.articles] as const),
    ...structure.categories.map((c) => [`category/${c.category.slug}`, c.articles] as const),
    ...structure.bylines.map((b) => [`byline/${b.slug}`, b.articles] as const),
  ];
  const split = listings.filter(([, articles]) => articles.length > splitAt && articles.some(inYear)).map(([path]) => path);
  return { newest: year === newestYear, bylines: [...names].sort().map((name) => [name, structure.bylineSlug.get(name)!]), split: split.sort() };
}

/** `code`: a hash of the site's code; `contentKey`: of the year's files (src/lib/parts/catalogue-fs.ts); `location`: SITE_URL and BASE_PATH. */
export function partKey(code: string, contentKey: string, context: PartContext, location: string): string {
  return createHash('sha256').update(JSON.stringify([code, contentKey, context, location])).digest('hex').slice(0, 32);
}
