// URLs of everything on the site, computed in one place: every module and route that needs a site path asks this
// module for it rather than putting one together. Paths of pages are root-relative and end in a slash; files
// (feeds, sitemaps, downloads, assets) are root-relative file paths. `withBase` adds the deployment base path
// (a site served from a sub-folder).
import { getCategory } from './categories.ts';
import { resolveCounty } from './gazetteer.ts';

/** The home page (最新一期, 今日报纸 on the day): the newest edition. */
export const homePath = '/';

/** 检索: the search page. */
export const searchPath = '/search/';

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

/** The paper's name in Latin letters, for the names of files readers download (a 版's PDF). */
export const PAPER_SLUG = 'hebei-fazhibao';

/** `2022-04-19`, 1 → `/2022/04/19/ban/1/`: the page view (数字报) of one 版, its picture with the articles' areas. */
export function epaperPagePath(date: string, page: number): string {
  return `${editionPath(date)}ban/${page}/`;
}

/** The widths (pixels) a 版's picture is served at, the smallest the thumbnail of the strip of pages. */
export const EPAPER_THUMB_WIDTH = 160;
export const EPAPER_IMAGE_WIDTHS = [480, 800, 1200, 1800] as const;

/** The file name of a 版's picture `width` pixels wide: `page-800.webp`. */
export function epaperImageName(width: number): string {
  return `page-${width}.webp`;
}

/** The file name of a 版's PDF: `hebei-fazhibao-2022-04-19-01.pdf`. */
export function epaperPdfName(date: string, page: number): string {
  return `${PAPER_SLUG}-${date}-${String(page).padStart(2, '0')}.pdf`;
}

/** `/2022/04/19/ban/1/page-800.webp`: a 版's picture `width` pixels wide. */
export function epaperImagePath(date: string, page: number, width: number): string {
  return `${epaperPagePath(date, page)}${epaperImageName(width)}`;
}

/** `/2022/04/19/ban/1/hebei-fazhibao-2022-04-19-01.pdf`: a 版's PDF as printed. */
export function epaperPdfPath(date: string, page: number): string {
  return `${epaperPagePath(date, page)}${epaperPdfName(date, page)}`;
}

/** 县区: the index of the counties. */
export const countyIndexPath = '/county/';

/** The listing of a division, by its gazetteer slug: `/county/xuanhua/`. */
export function divisionPath(divisionSlug: string): string {
  return `${countyIndexPath}${divisionSlug}/`;
}

/** The listing of the county an article names (a gazetteer name or scope value). */
export function countyPath(countyValue: string): string {
  const resolved = resolveCounty(countyValue);
  if (!resolved.ok) throw new Error(`未知的县区「${countyValue}」`);
  return divisionPath(resolved.division.slug);
}

/** 栏目: the index of the categories. */
export const categoryIndexPath = '/category/';

/** The listing of a category, by its slug: `/category/fayuan/`. */
export function categorySlugPath(categorySlug: string): string {
  return `${categoryIndexPath}${categorySlug}/`;
}

/** The listing of the category an article names. */
export function categoryPath(categoryName: string): string {
  const category = getCategory(categoryName);
  if (!category) throw new Error(`未知的栏目「${categoryName}」`);
  return categorySlugPath(category.slug);
}

/** 作者: the index of people (src/lib/people-index.ts). */
export const bylineIndexPath = '/byline/';

/** A person's listing, by their slug: `/byline/niumin/`. */
export function bylinePath(slug: string): string {
  return `${bylineIndexPath}${slug}/`;
}

/** Page `number` (1, 2 …) of the index of people filed under the initial `key` (a split index): `/byline/initial-z/`, `/byline/initial-z/2/`. */
export function initialPath(key: string, number = 1): string {
  const first = `${bylineIndexPath}initial-${key}/`;
  return number === 1 ? first : `${first}${number}/`;
}

/**
 * Page `number` of a listing at `path`: 0 is the front page (the listing itself), 1 the oldest (see listing-pages.ts).
 * `path` may be relative to the listing (`` or `2022/`), as listingLayout lays pages out.
 */
export function listingPagePath(path: string, number: number): string {
  return number === 0 ? path : `${path}${number}/`;
}

/** The pages of one year of a listing split by year (listing-pages.ts: listingLayout): `/county/xuanhua/2022/`, or relative (`2022/`) under ``. */
export function listingYearPath(path: string, year: string): string {
  return `${path}${year}/`;
}

export const archivePath = '/archive/';

/** One year of the archive (往期): its months as calendars, and its downloads. */
export function archiveYearPath(year: number | string): string {
  return `${archivePath}${year}/`;
}

/** The RSS feed of the listing at `path` (a category, a county): `/category/fayuan/rss.xml`. */
export function listingFeedPath(path: string): string {
  return `${path}rss.xml`;
}

/** The whole paper as RSS 2.0. */
export const rssPath = '/rss.xml';
/** The whole paper as a JSON Feed. */
export const jsonFeedPath = '/feed.json';

/** The sitemap index, naming the page sitemaps. */
export const sitemapIndexPath = '/sitemap-index.xml';
/** The Google News sitemap. */
export const newsSitemapPath = '/sitemap-news.xml';
/** `/sitemap-0.xml`, `/sitemap-1.xml` … the pages, 50,000 to a file. */
export function sitemapPath(n: number): string {
  return `/sitemap-${n}.xml`;
}

/** Folder of the site that holds every offline download (src/lib/offline/downloads.ts). */
export const DOWNLOADS_DIR = 'downloads';

/** The downloads folder, `/downloads/` (robots.txt keeps crawlers out of it). */
export const downloadsPath = `/${DOWNLOADS_DIR}/`;

/** Root-relative URL of a download (`2022-04-19.zip` → `/downloads/2022-04-19.zip`). */
export function downloadPath(name: string): string {
  return `${downloadsPath}${name}`;
}

/** The search index (Pagefind) as a prefix of its folders: `/pagefind/` and its shards `/pagefind-2021/` … */
export const searchIndexPrefix = '/pagefind';

/** Pagefind's script, which the search page loads. */
export const pagefindScriptPath = `${searchIndexPrefix}/pagefind.js`;

/** A search index shard's folder, by its name (src/lib/search/index-records.ts: shardPlan): `pagefind-2021` → `/pagefind-2021/`. */
export function searchShardPath(dir: string): string {
  return `/${dir}/`;
}

/** The site's icon. */
export const faviconPath = '/favicon.svg';

/** Prefixes a root-relative path with the base path: withBase('/a/', '/paper/') → '/paper/a/'. */
export function withBase(path: string, base: string): string {
  const trimmedBase = base.replace(/\/+$/, '');
  return `${trimmedBase}${path.startsWith('/') ? path : `/${path}`}`;
}
