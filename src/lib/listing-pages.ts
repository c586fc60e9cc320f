// Splits a listing (a county, a category, a person) into pages that stay the same once written.
//
// Numbered pages are counted from the oldest article: page 1 holds the 20 oldest, page 2 the next 20, and
// so on, each always full. The listing's own address (the front page) shows everything newer than the last
// numbered page: between one and two pages' worth, newest first. A new article changes the front page only,
// and once in `size` articles one numbered page is added (and the page before it gains a "newer" link).
// Numbering from the newest instead would move every article to another page each day, so the whole
// listing would be rendered, cached and downloaded again daily.

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
