import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listingLayout, splitListing, type ListingPage } from '../src/lib/listing-pages.ts';

/** Articles 1…n, newest first, as listings hold them. */
const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => n - i);
const byNumber = <T>(pages: ListingPage<T>[]) => new Map(pages.map((p) => [p.number, p]));

describe('listing pages', () => {
  it('keep a short listing on one page', () => {
    expect(splitListing([], 20)).toEqual([{ number: 0, items: [], newer: undefined, older: undefined }]);
    expect(splitListing(newestFirst(39), 20)).toHaveLength(1);
  });

  it('number full pages from the oldest article and put the rest on the front page', () => {
    const pages = splitListing(newestFirst(45), 20);
    expect(pages.map((p) => [p.number, p.items.length, p.newer, p.older])).toEqual([
      [0, 25, undefined, 1],
      [1, 20, 0, undefined],
    ]);
    expect(pages[1]!.items).toEqual(newestFirst(20));
    expect(splitListing(newestFirst(60), 20).map((p) => [p.number, p.items[0], p.items.at(-1), p.newer, p.older])).toEqual([
      [0, 60, 41, undefined, 2],
      [2, 40, 21, 0, 1],
      [1, 20, 1, 2, undefined],
    ]);
  });

  it('show every article exactly once, newest first, with full numbered pages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 30 }), (n, size) => {
        const pages = splitListing(newestFirst(n), size);
        expect(pages.flatMap((p) => p.items)).toEqual(newestFirst(n));
        for (const page of pages.slice(1)) expect(page.items).toHaveLength(size);
        expect(pages[0]!.items.length).toBeLessThan(2 * size);
        if (n >= size) expect(pages[0]!.items.length).toBeGreaterThanOrEqual(size);
      }),
    );
  });

  it('link newer and older pages both ways, from the front page down to page 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 30 }), (n, size) => {
        const pages = byNumber(splitListing(newestFirst(n), size));
        const walked: number[] = [];
        for (let at: number | undefined = 0; at !== undefined; at = pages.get(at)!.older) walked.push(at);
        expect(walked).toHaveLength(pages.size);
        for (const page of pages.values()) if (page.older !== undefined) expect(pages.get(page.older)!.newer).toBe(page.number);
      }),
    );
  });

  it('leave every numbered page as it was when a new article arrives, except once a page the one before the new page', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 30 }), (n, size) => {
        const before = byNumber(splitListing(newestFirst(n), size));
        const after = byNumber(splitListing(newestFirst(n + 1), size));
        const changed = [...after.values()].filter((p) => p.number !== 0 && JSON.stringify(p) !== JSON.stringify(before.get(p.number)));
        const added = after.size - before.size;
        expect(added === 0 || added === 1).toBe(true);
        // A new page, and the page before it now links to it instead of to the front page.
        expect(changed.map((p) => p.number)).toEqual(added ? [after.size - 1, after.size - 2].filter((k) => k > 0) : []);
      }),
    );
  });

  it('refuse a page size that is not a positive whole number', () => {
    expect(() => splitListing([1], 0)).toThrow(/page size/);
  });
});

describe('listingLayout', () => {
  const dated = (dates: string[]) => dates.map((date, i) => ({ id: i, data: { date } }));
  const days = (year: string, n: number) =>
    Array.from(
      { length: n },
      (_, i) => `${year}-${String(12 - Math.floor(i / 28)).padStart(2, '0')}-${String(28 - (i % 28)).padStart(2, '0')}`,
    );

  it('splits a listing up to `splitAt` articles by page, as splitListing does', () => {
    const list = dated([...days('2022', 30), ...days('2021', 15)]);
    const laid = listingLayout(list, 20, 45);
    expect(laid.map((p) => p.path)).toEqual(['', '1/']);
    expect(laid.every((p) => p.year === undefined && p.years === undefined && p.total === 45)).toBe(true);
    expect(laid.map((p) => p.page)).toEqual(splitListing(list, 20));
  });

  it('splits a longer one by year: a front page with the newest and the years, and each year numbered within itself', () => {
    const list = dated([...days('2022', 45), ...days('2021', 15), ...days('2019', 3)]);
    const laid = listingLayout(list, 20, 44);
    expect(laid.map((p) => p.path)).toEqual(['', '2022/', '2022/1/', '2021/', '2019/']);
    const [front, y2022, y2022p1] = laid;
    expect(front!.years).toEqual([
      { year: '2022', count: 45 },
      { year: '2021', count: 15 },
      { year: '2019', count: 3 },
    ]);
    expect(front!.page.items).toEqual(list.slice(0, 20));
    expect([front!.page.newer, front!.page.older, front!.total]).toEqual([undefined, undefined, 63]);
    expect([y2022!.year, y2022!.total, y2022!.page.items.length, y2022!.page.older]).toEqual(['2022', 45, 25, 1]);
    expect(y2022p1!.page.items).toEqual(list.slice(25, 45));
    // Every article is on exactly one year page.
    expect(laid.slice(1).flatMap((p) => p.page.items)).toEqual(list);
  });

  it('leaves an older year’s pages as they were when a new article comes', () => {
    const list = dated([...days('2022', 45), ...days('2021', 30)]);
    const before = listingLayout(list, 20, 10).filter((p) => p.year === '2021');
    const after = listingLayout([...dated(['2022-12-29']), ...list], 20, 10).filter((p) => p.year === '2021');
    expect(after).toEqual(before);
  });
});
