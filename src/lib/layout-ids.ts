// The element ids the site's own markup uses (layouts, components, pages, the offline copies' search box, the
// footnotes remark-rehype makes), so that the ids of an article's headings never repeat one of them: a second
// id="main" would send the skip link and every #main link into the article. tests/rehype-heading-ids.test.ts reads
// the components and pages and fails when an id there is missing here.

/** Ids written as they are. */
const EXACT = new Set([
  // src/layouts/BaseLayout.astro, src/components/SiteHeader.astro
  'main',
  'site-search-q',
  // src/components/ArticleView.astro, Listing.astro, SearchFacets.astro
  'corrections',
  'listing-years',
  'search-facets',
  // src/pages/search.astro
  'search-form',
  'search-q',
  'search-sort',
  'search-status',
  'search-results',
  'search-more',
  // src/components/ShareBox.astro
  'share-title',
  'share-url',
  // src/pages/admin/index.astro
  'cms-config',
  // src/lib/offline/search.ts (the search box of the offline copies)
  'offline-search',
  'offline-search-input',
  'offline-search-status',
  'offline-search-results',
  // remark-rehype: the heading of an article's footnotes
  'footnote-label',
]);

/** Ids made from data. */
const PATTERNS = [
  // src/components/PageNav.astro: page-nav-2022-04-19, ban-1
  /^page-nav-/,
  /^ban-\d+$/,
  // src/components/EditionFront.astro: page-1
  /^page-\d+$/,
  // src/components/ArticleTools.astro: text-size-s, text-size-m, text-size-l
  /^text-size-/,
  // src/pages/archive/[year].astro (MonthCalendar): m1 … m12
  /^m\d+$/,
  // remark-rehype: footnote references and definitions (user-content-fn-1, user-content-fnref-1-2)
  /^user-content-/,
];

/** Whether the site's own markup uses (or may use) the id `id`. */
export function isLayoutId(id: string): boolean {
  return EXACT.has(id) || PATTERNS.some((pattern) => pattern.test(id));
}
