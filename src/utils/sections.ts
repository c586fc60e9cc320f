// The sections of the paper with a listing and a feed of their own: the counties (/county/<slug>/) and the
// categories (/category/<slug>/). Their routes (src/pages/county/[slug]/, src/pages/category/[slug]/) are the same
// code over a different part of the site data: this module is that code, and each route file names its kind.
import { listingPaths, loadSiteData, type ArticleRecord, type SiteData } from './site-data.ts';
import { rssResponse, siteLocation } from './feeds.ts';
import { SECTION_FEED_SIZE, categoryFeedPath, countyFeedPath, sectionFeedTitle, type FeedChannel } from '../lib/feeds/channel.ts';
import { categorySlugPath, divisionPath } from '../lib/routing.ts';
import { absoluteUrl } from '../lib/seo/urls.ts';
import type { ListingPage, ListingYear } from '../lib/listing-pages.ts';

export type SectionKind = 'county' | 'category';

/** What a section's listing pages and feed show of it. */
export interface Section {
  slug: string;
  /** The listing's title, and the feed's after the paper's name. */
  name: string;
  /** The listing's own address, root-relative. */
  path: string;
  /** Its RSS feed, root-relative. */
  feedPath: string;
  /** The front page's lede before its count: `宣化区的政法新闻，` or a category's description and `。`. */
  intro: string;
  /** The feed's description. */
  description: string;
}

interface SectionData {
  section: Section;
  /** The division or the category, as the listing's cache key covers it. */
  heading: unknown;
  articles: ArticleRecord[];
}

function sections(kind: SectionKind, data: Pick<SiteData, 'counties' | 'categories'>): SectionData[] {
  if (kind === 'county') {
    return data.counties.map(({ division, articles }) => {
      const where = division.level === 'scope' ? division.name : division.fullName;
      const section = {
        slug: division.slug,
        name: division.name,
        path: divisionPath(division.slug),
        feedPath: countyFeedPath(division.slug),
        intro: `${where}的政法新闻，`,
        description: `${division.fullName}的政法新闻`,
      };
      return { section, heading: division, articles };
    });
  }
  return data.categories.map(({ category, articles }) => {
    const section = {
      slug: category.slug,
      name: category.name,
      path: categorySlugPath(category.slug),
      feedPath: categoryFeedPath(category.name),
      intro: `${category.description}。`,
      description: category.description,
    };
    return { section, heading: category, articles };
  });
}

/** The props of a page of a section's listing (`[slug]/[...page].astro`). */
export interface SectionListingProps {
  section: Section;
  page: ListingPage<ArticleRecord>;
  total: number;
  year?: string | undefined;
  years?: ListingYear[] | undefined;
}

/** getStaticPaths of a section's listing pages: every page of every county's or category's listing that this build renders. */
export async function sectionListingPaths(kind: SectionKind) {
  const data = await loadSiteData();
  return sections(kind, data).flatMap(({ section, heading, articles }) =>
    listingPaths(`${kind}/${section.slug}`, articles, { section }, heading, data),
  );
}

/** What a section's listing page shows around its articles: its title, the front page's lede and its feed. */
export function sectionListing({ section, total }: Pick<SectionListingProps, 'section' | 'total'>) {
  return {
    title: section.name,
    lede: `${section.intro}共 ${total} 篇，最新的在前。`,
    path: section.path,
    feeds: [{ title: sectionFeedTitle(section.name), path: section.feedPath, type: 'application/rss+xml' as const }],
  };
}

/** getStaticPaths of a section's feed (`[slug]/rss.xml.ts`): one a county or category, in the build that renders what spans years. */
export async function sectionFeedPaths(kind: SectionKind) {
  const data = await loadSiteData();
  return (data.crossYear ? sections(kind, data) : []).map(({ section, articles }) => ({
    params: { slug: section.slug },
    props: { section, articles },
  }));
}

/** A section's feed (RSS 2.0): its newest articles. */
export async function sectionFeed(site: URL | undefined, props: Record<string, unknown>): Promise<Response> {
  const { section, articles } = props as { section: Section; articles: ArticleRecord[] };
  const at = siteLocation(site);
  const channel: FeedChannel = {
    title: sectionFeedTitle(section.name),
    description: section.description,
    homeUrl: absoluteUrl(section.path, at),
    feedUrl: absoluteUrl(section.feedPath, at),
  };
  return rssResponse(channel, articles, SECTION_FEED_SIZE, at, await loadSiteData());
}
