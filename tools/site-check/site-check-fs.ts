// The checks of a built site's feeds and sitemaps (and, in checkSite, its links), as problems (`file: what is wrong`), so that the quality
// tests run them on the sample and the archive benchmark runs the same checks on a whole assembled archive.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { allFiles, fileOf, isRedirectStub, type BuiltSite } from './dist-fs.ts';
import { brokenLinks } from './link-check-fs.ts';
import { jsonFeedSchema } from './json-feed-schema.ts';
import { xmlErrors } from './xml.ts';
import { EDITOR_PATH } from '../../src/lib/cms/config.ts';

export const feedParser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'url', 'sitemap', 'category', 'dc:creator'].includes(name),
});

const ajv = new Ajv({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv) => void)(ajv);
const validateJsonFeed = ajv.compile(jsonFeedSchema);

const absolute = (site: BuiltSite, path: string) => `${site.origin}${site.base}${path}`;
const read = (site: BuiltSite, file: string) => readFileSync(join(site.out, file), 'utf8');
const W3C_DATE = /^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/;

export interface RssItem {
  title: string;
  link: string;
  guid: { '#text': string };
  pubDate: string;
  description: string;
  'content:encoded'?: string;
  category: unknown[];
  'dc:creator'?: string[];
}

/** An RSS 2.0 feed of the site with what feed readers need: its channel, and what is wrong with it. */
export function readRss(site: BuiltSite, file: string): { channel: { item?: RssItem[]; [field: string]: unknown }; problems: string[] } {
  const text = read(site, file);
  const problems = xmlErrors(text).map((e) => `${file}: ${e}`);
  if (problems.length > 0) return { channel: {}, problems };
  const problem = (what: string) => problems.push(`${file}: ${what}`);
  const doc = feedParser.parse(text);
  if (doc.rss?.['@_version'] !== '2.0') problem('is not RSS 2.0');
  const channel = doc.rss?.channel ?? {};
  for (const field of ['title', 'link', 'description']) if (!channel[field]) problem(`the channel has no ${field}`);
  if (channel['atom:link']?.['@_href'] !== absolute(site, file))
    problem(`atom:link ${channel['atom:link']?.['@_href']} is not the feed's own URL`);
  const articleUrl = new RegExp(`^${absolute(site, '')}\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+/$`);
  for (const item of (channel.item ?? []) as RssItem[]) {
    const at = `item ${item.link}`;
    if (!item.title) problem(`${at} has no title`);
    if (!articleUrl.test(item.link)) problem(`${at}: the link is not an article's URL`);
    if (item.guid?.['#text'] !== item.link) problem(`${at}: the guid is not the link`);
    if (!/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} 00:00:00 \+0800$/.test(item.pubDate))
      problem(`${at}: pubDate ${item.pubDate}`);
    if (!item.description) problem(`${at} has no description`);
    if (!/^<p>/.test(item['content:encoded'] ?? '')) problem(`${at}: content:encoded is not the article's text`);
  }
  return { channel, problems };
}

/** The JSON Feed (`feed.json`): valid against JSON Feed 1.1, its own URL, dates at midnight in China. */
export function readJsonFeed(site: BuiltSite): {
  feed: { feed_url: string; items: { url: string; date_published: string }[] };
  problems: string[];
} {
  const feed = JSON.parse(read(site, 'feed.json'));
  const problems = validateJsonFeed(feed) ? [] : (validateJsonFeed.errors ?? []).map((e) => `feed.json: ${e.instancePath} ${e.message}`);
  if (feed.feed_url !== absolute(site, 'feed.json')) problems.push(`feed.json: feed_url ${feed.feed_url}`);
  for (const item of feed.items ?? [])
    if (!/T00:00:00\+08:00$/.test(item.date_published)) problems.push(`feed.json: item ${item.url}: date_published ${item.date_published}`);
  return { feed, problems };
}

/**
 * The sitemaps: well-formed, in the sitemap namespace, with a lastmod for each URL, and listing every built
 * page once and nothing that is not built (a redirect's page and the reporters' editor are no pages to list).
 * `files`: the site's files (allFiles), when the caller has them already.
 */
export function sitemapProblems(site: BuiltSite, files = allFiles(site.out)): { sitemaps: string[]; listed: number; problems: string[] } {
  const built = new Set(files);
  const problems = xmlErrors(read(site, 'sitemap-index.xml')).map((e) => `sitemap-index.xml: ${e}`);
  const sitemaps: string[] =
    problems.length > 0 ? [] : feedParser.parse(read(site, 'sitemap-index.xml')).sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
  const listed = new Set<string>();
  for (const loc of sitemaps) {
    const file = fileOf(site, new URL(loc), built);
    if (!file) {
      problems.push(`sitemap-index.xml: ${loc} is not built`);
      continue;
    }
    const text = read(site, file);
    const errors = xmlErrors(text);
    problems.push(...errors.map((e) => `${file}: ${e}`));
    if (errors.length > 0) continue;
    const set = feedParser.parse(text).urlset;
    if (set['@_xmlns'] !== 'http://www.sitemaps.org/schemas/sitemap/0.9') problems.push(`${file}: namespace ${set['@_xmlns']}`);
    for (const url of set.url ?? []) {
      if (listed.has(url.loc)) problems.push(`${file}: ${url.loc} is listed twice`);
      listed.add(url.loc);
      if (!W3C_DATE.test(url.lastmod)) problems.push(`${file}: ${url.loc}: lastmod ${url.lastmod}`);
    }
  }
  const editor = `${EDITOR_PATH.slice(1)}index.html`;
  const notBuilt = new Set(listed);
  for (const file of files) {
    if (!file.endsWith('index.html') || file === editor || isRedirectStub(read(site, file))) continue;
    const url = absolute(site, file.replace(/index\.html$/, ''));
    if (!notBuilt.delete(url)) problems.push(`${url} is built but in no sitemap`);
  }
  for (const url of notBuilt) problems.push(`${url} is in a sitemap but not built`);
  return { sitemaps, listed: listed.size, problems };
}

/**
 * All the checks of a built site at once, for a site too large for the tests (the archive benchmark): the link
 * check, every RSS feed, the JSON Feed, the sitemaps, and every other XML file's well-formedness. Problems are
 * counted, and the first of each kind kept.
 */
export function checkSite(site: BuiltSite, progress: (message: string) => void = () => {}) {
  const t0 = performance.now();
  const kept = (problems: string[]) => ({ count: problems.length, first: problems.slice(0, 20) });
  const files = allFiles(site.out);
  const links = brokenLinks(site, (n, of) => progress(`links: ${n} of ${of} files read`), files);
  progress(`links: ${links.checked} followed, ${links.broken.length} broken; sitemaps`);
  const sitemaps = sitemapProblems(site, files);
  const rss = files.filter((f) => f.endsWith('rss.xml'));
  progress(`sitemaps: ${sitemaps.listed} URLs, ${sitemaps.problems.length} problems; ${rss.length} RSS feeds`);
  const feeds = [...rss.flatMap((f) => readRss(site, f).problems), ...readJsonFeed(site).problems];
  const sitemapFiles = new Set(['sitemap-index.xml', ...sitemaps.sitemaps.map((loc) => fileOf(site, new URL(loc)))]);
  const xml = files.filter((f) => f.endsWith('.xml') && !f.endsWith('rss.xml') && !sitemapFiles.has(f));
  const xmlProblems = xml.flatMap((f) => xmlErrors(read(site, f)).map((e) => `${f}: ${e}`));
  return {
    seconds: Math.round((performance.now() - t0) / 1000),
    links: { followed: links.checked, broken: kept(links.broken) },
    sitemaps: { sitemaps: sitemaps.sitemaps.length, urls: sitemaps.listed, problems: kept(sitemaps.problems) },
    feeds: { rss: rss.length, json: 1, problems: kept(feeds) },
    otherXml: { files: xml.length, problems: kept(xmlProblems) },
    passed: links.broken.length + sitemaps.problems.length + feeds.length + xmlProblems.length === 0,
  };
}
