// URLs of everything on the site, computed in one place. Paths are root-relative and end in a slash;
// `withBase` adds the deployment base path (a site served from a sub-folder).
import { getCategory } from './categories.ts';
import { resolveCounty } from './gazetteer.ts';

/** `2022-04-19` → `/2022/04/19/`. */
export function editionPath(date: string): string {
  return `/${date.replaceAll('-', '/')}/`;
}

/** Article entry id `2022/04/19/fa-yuan-yi-fa` → `/2022/04/19/fa-yuan-yi-fa/`. */
export function articlePath(id: string): string {
  return `/${id}/`;
}

/** Splits an article id into its edition date and slug. */
export function parseArticleId(id: string): { date: string; slug: string } | undefined {
  const match = /^(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)$/.exec(id);
  if (!match) return undefined;
  return { date: `${match[1]}-${match[2]}-${match[3]}`, slug: match[4]! };
}

/** Edition id `2022/04/19/edition` → `2022-04-19`. */
export function editionDateFromId(id: string): string | undefined {
  const match = /^(\d{4})\/(\d{2})\/(\d{2})\/edition$/.exec(id);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** The listing of a division, by its gazetteer slug: `/county/xuanhua/`. */
export function divisionPath(divisionSlug: string): string {
  return `/county/${divisionSlug}/`;
}

/** The listing of the county an article names (a gazetteer name or scope value). */
export function countyPath(countyValue: string): string {
  const resolved = resolveCounty(countyValue);
  if (!resolved.ok) throw new Error(`未知的县区「${countyValue}」`);
  return divisionPath(resolved.division.slug);
}

/** The listing of a category, by its slug: `/category/fayuan/`. */
export function categorySlugPath(categorySlug: string): string {
  return `/category/${categorySlug}/`;
}

/** The listing of the category an article names. */
export function categoryPath(categoryName: string): string {
  const category = getCategory(categoryName);
  if (!category) throw new Error(`未知的栏目「${categoryName}」`);
  return categorySlugPath(category.slug);
}

export function bylinePath(slug: string): string {
  return `/byline/${slug}/`;
}

/** Page `number` of a listing at `path`: 0 is the front page (the listing itself), 1 the oldest (see listing-pages.ts). */
export function listingPagePath(path: string, number: number): string {
  return number === 0 ? path : `${path}${number}/`;
}

export const archivePath = '/archive/';

/** One year of the archive (往期): its months as calendars, and its downloads. */
export function archiveYearPath(year: number | string): string {
  return `${archivePath}${year}/`;
}

/** Prefixes a root-relative path with the base path: withBase('/a/', '/paper/') → '/paper/a/'. */
export function withBase(path: string, base: string): string {
  const trimmedBase = base.replace(/\/+$/, '');
  return `${trimmedBase}${path.startsWith('/') ? path : `/${path}`}`;
}
