// Edition dates against the calendar: which dates an edition may have at all, and which editions are published on
// a given day. Pure: "today" is always given (src/lib/clock.ts reads the clock, once). Every part of the site that
// leaves an article out until it is published (the collections, the pages, the feeds, the sitemaps, the search
// index, the downloads, the catalogues of a build in parts, the URL record) asks isPublished, so that no output
// can show an article another leaves out.

/** The first day an edition may carry: the founding of the People's Republic. */
export const FIRST_EDITION_DATE = '1949-10-01';

/** China Standard Time, UTC+8 all year: mainland China has kept no daylight saving time since 1991. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The date it is in China (Asia/Shanghai) at `now`, as YYYY-MM-DD: the same on every machine, whatever its own
 * time zone. An edition is published from 00:00 Beijing time on its date.
 */
export function chinaDate(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new Error('chinaDate: not a valid time');
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last day an edition may carry on `today`: the end of next year (an edition is prepared days ahead, never years). */
export function lastEditionDate(today: string): string {
  return `${String(Number(today.slice(0, 4)) + 1).padStart(4, '0')}-12-31`;
}

/**
 * Why `date` (YYYY-MM-DD) cannot be an edition's date on `today`, in the reporter's words, or undefined when it
 * can: from FIRST_EDITION_DATE to the end of next year. Without `today` only the first day is held against it.
 */
export function editionDateProblem(date: string, today?: string): string | undefined {
  if (date < FIRST_EDITION_DATE) {
    return `日期 ${date} 早于 ${FIRST_EDITION_DATE}\uFF0C不可能是本报的版期\uFF1A请检查年份是否写错`;
  }
  if (today !== undefined && date > lastEditionDate(today)) {
    return `日期 ${date} 晚于 ${lastEditionDate(today)}\uFF08明年年底\uFF09\uFF0C不可能是本报的版期\uFF1A请检查年份是否写错`;
  }
  return undefined;
}

/** What publication depends on: an article's edition date and its draft flag. */
export interface PublicationFacts {
  date: string;
  draft?: boolean | undefined;
}

/**
 * Is the article published on `today` (YYYY-MM-DD in China, chinaDate)? Not a draft, and its edition's date has
 * come: an edition prepared ahead is checked and previewed, but published from 00:00 Beijing time on its date.
 * Without `today` (a check that was not told the date) only a draft is unpublished.
 */
export function isPublished(article: PublicationFacts, today: string | undefined): boolean {
  return article.draft !== true && (today === undefined || article.date <= today);
}

/** Is the article an edition prepared ahead on `today`: not a draft, dated after it (published on its date)? */
export function isPreparedAhead(article: PublicationFacts, today: string | undefined): boolean {
  return article.draft !== true && today !== undefined && article.date > today;
}
