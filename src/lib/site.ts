// Site-wide settings readers see: the paper's name and the labels of its navigation; the paper's registration and
// imprint (主管, 主办, CN, ICP 备案 …) are in ./paper.ts, re-exported here.
import { settings } from './settings.ts';
import { paper } from './paper.ts';
import { archivePath, bylineIndexPath, categoryIndexPath, countyIndexPath, homePath } from './routing.ts';

export { paper, MIIT_BEIAN_URL, type PaperSettings, type Registration } from './paper.ts';

export const site = {
  name: paper.name,
  tagline: '数字报 · 每日版面',
  description: '河北法制报数字报：每日版面、往期报纸、各县区政法新闻与检索。',
  /** Listings longer than this are split into numbered pages. */
  pageSize: 20,
  /**
   * Listings with more articles than this are split by year (src/lib/listing-pages.ts: listingLayout), so that a
   * build in parts renders each year's listing pages in that year's part. `SITE_LISTING_SPLIT` sets another
   * number (the tests use a small one); it must stay under 1,000 pages, so a page number never looks like a year.
   */
  listingSplitAt: wholeNumber('SITE_LISTING_SPLIT', settings.listingSplit, 3000, 999 * 20 - 1),
  /**
   * People on one page of the index of people (/byline/): past this many it is split by initial
   * (src/lib/people-index.ts), so that it stays some 25 KB over the wire. `SITE_PEOPLE_PER_PAGE` sets another
   * number (the tests use a small one).
   */
  peoplePerPage: wholeNumber('SITE_PEOPLE_PER_PAGE', settings.peoplePerPage, 1500),
} as const;

/** A whole number setting from the environment (`value` of `name`), `otherwise` when unset. */
function wholeNumber(name: string, value: string | undefined, otherwise: number, max = Infinity): number {
  const n = value === undefined ? otherwise : Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new Error(`${name} must be a whole number from 1${max < Infinity ? ` to ${max}` : ''}, not ${value}`);
  return n;
}

export const mainNav = [
  { label: '首页', path: homePath },
  { label: '往期', path: archivePath },
  { label: '县区', path: countyIndexPath },
  { label: '栏目', path: categoryIndexPath },
  { label: '作者', path: bylineIndexPath },
] as const;
