// Splits a listing (a county, a category, a person) into pages that stay the same once written.
//
// Numbered pages are counted from the oldest article: page 1 holds the 20 oldest, page 2 the next 20, and
// so on, each always full. The listing's own address (the front page) shows everything newer than the last
// numbered page: between one and two pages' worth, newest first. A new article changes the front page only,
// and once in `size` articles one numbered page is added (and the page before it gains a "newer" link).
// Numbering from the newest instead would move every article to another page each day, so the whole
// listing would be rendered, cached and downloaded again daily.
//
// A listing longer than `splitAt` articles (a category, a city district, a prolific reporter over fifteen
// years) is split by year instead (listingLayout): its front page holds the newest articles and an index of its
// years, and each year has its own pages, `<listing>/2022/`, numbered within the year in the same way. A year's
// pages change only with that year's articles, so a build in parts renders them in the year's part.

import { listingPagePath, listingYearPath } from './routing.ts';

export interface ListingPage<T> {
  /** 0 for the front page (the listing's own address), k ≥ 1 for the k-th page counted from the oldest. */
  number: number;
  /** The articles on the page, newest first. */
  items: T[];
  /** The page with the next newer articles (0 = the front page); none on the front page. */
  newer: number | undefined;
  /** The page with the next older articles; none on page 1 or on a front page that has everything. */
  older: number | undefined;
}

/** `newestFirst` split into pages of `size`: the front page first, then the numbered pages from the newest down. */
export function splitListing<T>(newestFirst: readonly T[], size: number): ListingPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, got ${size}`);
  const total = newestFirst.length;
  const numbered = total < 2 * size ? 0 : Math.floor(total / size) - 1;
  const front = total - numbered * size;
  const pages: ListingPage<T>[] = [{ number: 0, items: newestFirst.slice(0, front), newer: undefined, older: numbered || undefined }];
  for (let k = numbered; k >= 1; k--) {
    pages.push({
      number: k,
      items: newestFirst.slice(total - k * size, total - (k - 1) * size),
      newer: k === numbered ? 0 : k + 1,
      older: k > 1 ? k - 1 : undefined,
    });
  }
  return pages;
}

/** A year of a listing split by year, for the front page's index. */
export interface ListingYear {
  year: string;
  count: number;
}

export interface LaidOutPage<T> {
  /** Address under the listing's own: `` (the front page), `3/`, `2022/`, `2022/3/`. */
  path: string;
  /** The year a page of a listing split by year belongs to. */
  year?: string | undefined;
  page: ListingPage<T>;
  /** Articles the page counts: the listing's on its front page, the year's on a year's pages. */
  total: number;
  /** On the front page of a listing split by year: its years, newest first. */
  years?: ListingYear[] | undefined;
}

/** Every page of a listing of `newestFirst` (each with an edition `date`), split by page or, past `splitAt` articles, by year. */
export function listingLayout<T extends { data: { date: string } }>(
  newestFirst: readonly T[],
  size: number,
  splitAt: number,
): LaidOutPage<T>[] {
  if (newestFirst.length <= splitAt)
    return splitListing(newestFirst, size).map((page) => ({ path: listingPagePath('', page.number), page, total: newestFirst.length }));
  const byYear = [...Map.groupBy(newestFirst, (a) => a.data.date.slice(0, 4))];
  const years = byYear.map(([year, list]) => ({ year, count: list.length }));
  const front: LaidOutPage<T> = {
    path: '',
    page: { number: 0, items: newestFirst.slice(0, size), newer: undefined, older: undefined },
    total: newestFirst.length,
    years,
  };
  return [
    front,
    ...byYear.flatMap(([year, list]) =>
      splitListing(list, size).map((page) => ({
        path: listingPagePath(listingYearPath('', year), page.number),
        year,
        page,
        total: list.length,
      })),
    ),
  ];
}
