// Loads the content collections once per build and assembles everything pages need from them.
// The only module that talks to astro:content; all the logic it calls lives in src/lib.
//
// Pages that span years (listings, the home page, the archive, feeds, sitemaps, the search page) are built from
// article records (src/lib/content/record.ts), never from bodies; an article's own page from its full entry. A
// whole build makes the records from its entries; in a build in parts (src/lib/parts/scope.ts) the assembly takes
// every year's records from the parts' catalogues, so that what spans years comes out the same byte for byte, and
// a part its own year's with its context (src/lib/parts/plan.ts: PartContext).
import { createHash } from 'node:crypto';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { EditionView } from '../lib/edition.ts';
import { readBylineRecord } from '../lib/permanent-urls/published-bylines-fs.ts';
import { listingLayout } from '../lib/listing-pages.ts';
import { site } from '../lib/site.ts';
import { siteStructure, type SiteStructure } from '../lib/site-structure.ts';
import { articleRecord, type ArticleRecord, type EditionRecord } from '../lib/content/record.ts';
import { LEAD_PARAGRAPH } from '../lib/excerpt.ts';
import { buildScope, rendersCrossYear, rendersYear, type BuildScope } from '../lib/parts/scope.ts';
import { readCatalogues } from '../lib/parts/catalogue-fs.ts';
import { readPartContext } from '../lib/parts/parts-fs.ts';
import { isPublished } from '../lib/content/edition-dates.ts';
import { siteToday } from '../lib/clock.ts';

export type ArticleEntry = CollectionEntry<'articles'>;
export type { ArticleRecord };
export type Edition = EditionView<ArticleRecord>;

export interface SiteData extends SiteStructure<ArticleRecord> {
  scope: BuildScope;
  /** The articles whose own pages this build renders (all of them in a whole build), newest first. */
  entries: ArticleEntry[];
  /** Full entries by id: the rendered articles, and in the assembly those the feeds show. */
  entryOf: Map<string, ArticleEntry>;
  /** Does this build render the per-year pages of `date`'s year? */
  rendersYear: (date: string) => boolean;
  /** Does this build render the listings and what else spans years? */
  crossYear: boolean;
  /** In a part, which listings are split by year (`county/<slug>`): a part knows only its year's share of each. */
  splitInPart?: ReadonlySet<string> | undefined;
  /** Today's date in China as the site's clock has it (src/lib/clock.ts): what this build publishes. */
  today: string;
}

let cached: Promise<SiteData> | undefined;

/**
 * Drafts and editions prepared ahead are shown by `astro dev` (reporters preview them); `astro build` publishes
 * the articles published today in China (src/lib/content/edition-dates.ts), today as the site's clock has it.
 */
export function loadSiteData(): Promise<SiteData> {
  cached ??= build(import.meta.env.DEV, siteToday());
  return cached;
}

/** The lead paragraph the Markdown pipeline recorded (src/markdown/rehype-lead-paragraph.ts). */
function leadOf(entry: ArticleEntry): string {
  const frontmatter = entry.rendered?.metadata?.['frontmatter'] as Record<string, unknown> | undefined;
  return String(frontmatter?.[LEAD_PARAGRAPH] ?? '');
}

const recordOf = (entry: ArticleEntry): ArticleRecord =>
  articleRecord(entry.id, entry.filePath ?? `content/${entry.id}.md`, entry.data, leadOf(entry));

/** `dev`: every article is in, and a file breaking the edition rules is left out (the content check shows its error). */
async function build(dev: boolean, today: string): Promise<SiteData> {
  const scope = dev ? ({ kind: 'whole' } as const) : buildScope();
  // The assembly's collections hold no edition (its editions come from the catalogues): not asked for, as Astro warns of an empty one.
  const [allEntries, editionEntries] = await Promise.all([
    getCollection('articles'),
    scope.kind === 'assemble' ? [] : getCollection('editions'),
  ]);
  const shown = (data: { date: string; draft: boolean }) => dev || isPublished(data, today);
  const entries = allEntries.filter((a) => shown(a.data));
  // This build's own entries as records: all of them in a whole build, the year's in a part, none in the assembly
  // (which holds only the entries the feeds show). The assembly takes every year's from the catalogues, made by
  // the content door from the same files. A part holds its own year's alone, whatever the archive's age: what
  // its pages take from other years is its context (the person URLs of its bylines, the listings split by year).
  const root = process.cwd();
  const others = scope.kind === 'assemble' ? readCatalogues(root) : [];
  const context = scope.kind === 'part' ? readPartContext(root, scope.year) : undefined;
  const own = scope.kind !== 'assemble';
  const records: ArticleRecord[] = [
    ...others.flatMap((c) => c.articles).filter((a) => shown(a.data)),
    ...(own ? entries.map(recordOf) : []),
  ];
  const editionRecords: EditionRecord[] = [
    ...others.flatMap((c) => c.editions),
    ...(own ? editionEntries.map((e) => ({ id: e.id, filePath: e.filePath ?? '', data: e.data })) : []),
  ];
  // Recorded names keep their published /byline/<slug>/. Astro runs from the project root (the npm scripts, the
  // tests and the benchmark all start it there), and CONTENT_DIR is relative to it, as for the glob loader.
  const bylineRecord = context ? new Map(context.bylines) : readBylineRecord(root);
  const structure = siteStructure(records, editionRecords, { leaveOutBroken: dev, bylineRecord });
  const inYear = (date: string) => rendersYear(scope, date);
  const rendered = entries.filter((e) => inYear(e.data.date) && structure.editionOf.has(e.id));
  const order = new Map(structure.articles.map((a, i) => [a.id, i]));
  rendered.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const splitInPart = context && new Set(context.split);
  return {
    ...structure,
    scope,
    entries: rendered,
    entryOf: new Map(entries.map((e) => [e.id, e])),
    rendersYear: inYear,
    crossYear: rendersCrossYear(scope),
    splitInPart,
    today,
  };
}

/**
 * Cache keys for Astro's incremental build: a page whose key is unchanged since the last build is copied,
 * not rendered. A key hashes everything the page shows that is not code (Astro tracks code itself),
 * including where the site is deployed.
 */
export function cacheKey(...parts: unknown[]): string {
  const hash = createHash('sha256').update(`${import.meta.env.SITE ?? ''}\0${import.meta.env.BASE_URL}\0`);
  for (const part of parts) hash.update(JSON.stringify(part) ?? '').update('\0');
  return hash.digest('hex').slice(0, 24);
}

const editionKeys = new WeakMap<Edition, string>();

/** An edition page, and the edition's navigation on every article page: all its articles (hashed once per edition). */
export function editionKey(edition: Edition): string {
  let key = editionKeys.get(edition);
  if (key === undefined) {
    key = cacheKey(
      edition.date,
      edition.issue,
      edition.pages.map((p) => [p.number, p.name, p.pdf, p.image, p.editor, p.articles.map((a) => [a.id, a.digest])]),
    );
    editionKeys.set(edition, key);
  }
  return key;
}

/** An article page: the article, its edition, and the byline pages it links to. */
export function articleKey(article: ArticleEntry, edition: Edition, bylineSlug: ReadonlyMap<string, string>): string {
  return cacheKey(
    article.digest ?? cacheKey(article.data, article.body),
    editionKey(edition),
    article.data.byline.map((b) => bylineSlug.get(b.name)),
  );
}

/**
 * The pages of one listing for a `[slug]/[...page]` route that this build renders: the front page at the
 * listing's address and the numbered pages counted from the oldest article, or for a long listing its years'
 * pages (src/lib/listing-pages.ts: listingLayout). A year's pages are rendered with the year's other pages (in its
 * part, in a build in parts), the rest with what spans years. A page's cache key covers its articles, its
 * neighbours and `heading` (what it shows besides its articles); the total is shown, and keyed, only on a front
 * page, so that numbered pages stay put. `listing`: its path, `county/<slug>`, as a part's context names it.
 */
export function listingPaths<P extends object>(
  listing: string,
  articles: readonly ArticleRecord[],
  props: P,
  heading: unknown,
  data: Pick<SiteData, 'crossYear' | 'rendersYear' | 'splitInPart'>,
) {
  const slug = listing.slice(listing.indexOf('/') + 1);
  const splitAt = data.splitInPart ? (data.splitInPart.has(listing) ? 0 : Infinity) : site.listingSplitAt;
  return listingLayout(articles, site.pageSize, splitAt)
    .filter((laid) => (laid.year === undefined ? data.crossYear : data.rendersYear(laid.year)))
    .map(({ path, year, page, total, years }) => ({
      params: { slug, page: path === '' ? undefined : path.slice(0, -1) },
      props: { ...props, page, total, year, years },
      cacheKey: cacheKey(
        year,
        page.number,
        page.newer,
        page.older,
        page.items.map((a) => [a.id, a.digest]),
        slug,
        heading,
        page.number === 0 ? total : null,
        years,
      ),
    }));
}
