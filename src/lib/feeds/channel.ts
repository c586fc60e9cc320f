// The feeds the site publishes: the whole paper, each category and each county, as RSS 2.0, and the whole
// paper as a JSON Feed. Paths live here so routes, <link rel="alternate"> tags and tests agree.
import { categoryPath, divisionPath, jsonFeedPath, listingFeedPath, rssPath } from '../routing.ts';
import { site } from '../site.ts';

export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the page the feed follows (home, a category, a county). */
  homeUrl: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
}

/** Items in the whole paper's feeds (about four editions); a category's or county's feed carries fewer. */
export const MAIN_FEED_SIZE = 50;
export const SECTION_FEED_SIZE = 20;

export { jsonFeedPath, rssPath };

/** `/category/fayuan/rss.xml` */
export function categoryFeedPath(categoryName: string): string {
  return listingFeedPath(categoryPath(categoryName));
}

/** `/county/quzhou-xian/rss.xml`, from the division's slug. */
export function countyFeedPath(divisionSlug: string): string {
  return listingFeedPath(divisionPath(divisionSlug));
}

/** Feed title of a section: `河北法制报 · 法院`. */
export function sectionFeedTitle(section: string): string {
  return `${site.name} · ${section}`;
}
