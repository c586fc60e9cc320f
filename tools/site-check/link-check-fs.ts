// The link check of a built site (used on the builds and on a site read back from a bucket): every link and
// resource of its pages, stylesheets, feeds and sitemaps resolves to a file of the site, fragments to an element.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import { XMLParser } from 'fast-xml-parser';
import { allFiles, fileOf, type BuiltSite } from './dist-fs.ts';

/** Calls `fn` on every element of a parsed page. */
function elements(tree: Root | RootContent, fn: (node: Element) => void): void {
  if (tree.type === 'element') fn(tree);
  if ('children' in tree) for (const child of tree.children) elements(child, fn);
}

/** A built file's URL on the site: `2022/04/19/index.html` → https://example.org/paper/2022/04/19/. */
export function urlOf(site: BuiltSite, file: string): URL {
  return new URL(`${site.base}${file.replace(/(^|\/)index\.html$/, '$1')}`, site.origin);
}

/** Every URL an HTML page refers to, with the element that does, and the ids of its elements: one parse. */
function htmlPage(html: string): { refs: { what: string; value: string }[]; ids: Set<string> } {
  const refs: { what: string; value: string }[] = [];
  const ids = new Set<string>();
  elements(fromHtml(html), (node) => {
    const p = node.properties;
    if (typeof p['id'] === 'string') ids.add(p['id']);
    const add = (what: string, value: unknown) => {
      if (typeof value === 'string' && value) refs.push({ what: `<${node.tagName} ${what}>`, value });
    };
    add('href', p['href']);
    add('src', p['src']);
    add('poster', p['poster']);
    add('action', p['action']);
    add('data-pagefind', p['dataPagefind']);
    for (const attr of ['srcSet', 'imageSrcSet']) {
      if (typeof p[attr] === 'string')
        for (const candidate of (p[attr] as string).split(',')) add('srcset', candidate.trim().split(/\s+/)[0]);
    }
    const property = String(p['property'] ?? p['name'] ?? '');
    if (node.tagName === 'meta' && /^(og:url|og:image|twitter:image)$/.test(property)) add(property, p['content']);
  });
  return { refs, ids };
}

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'url', 'sitemap', 'category'].includes(name) });

/** Every URL a feed, sitemap, stylesheet or robots.txt refers to. */
function otherReferences(file: string, text: string): { what: string; value: string }[] {
  const refs: { what: string; value: string }[] = [];
  const hrefsIn = (html: string, what: string) => {
    for (const m of html.matchAll(/\b(?:href|src)="([^"]+)"/g)) refs.push({ what, value: m[1]!.replaceAll('&amp;', '&') });
  };
  if (file.endsWith('.css')) {
    for (const m of text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g))
      if (!m[1]!.startsWith('data:')) refs.push({ what: 'css url()', value: m[1]! });
  } else if (file.endsWith('robots.txt')) {
    for (const m of text.matchAll(/^Sitemap: (.+)$/gm)) refs.push({ what: 'Sitemap', value: m[1]! });
  } else if (file.endsWith('.json') && !file.startsWith('pagefind/')) {
    const feed = JSON.parse(text) as { home_page_url: string; feed_url: string; items: { url: string; content_html?: string }[] };
    refs.push({ what: 'home_page_url', value: feed.home_page_url }, { what: 'feed_url', value: feed.feed_url });
    for (const item of feed.items) {
      refs.push({ what: 'item url', value: item.url });
      if (item.content_html) hrefsIn(item.content_html, 'content_html');
    }
  } else if (file.endsWith('.xml')) {
    const doc = xml.parse(text);
    if (doc.rss) {
      const channel = doc.rss.channel;
      refs.push({ what: 'channel link', value: channel.link }, { what: 'atom:link', value: channel['atom:link']['@_href'] });
      for (const item of channel.item ?? []) {
        refs.push({ what: 'item link', value: item.link }, { what: 'guid', value: item.guid['#text'] });
        for (const c of item.category ?? [])
          if (typeof c === 'object' && c['@_domain']) refs.push({ what: 'category domain', value: c['@_domain'] });
        if (item['content:encoded']) hrefsIn(item['content:encoded'], 'content:encoded');
      }
    }
    for (const u of doc.urlset?.url ?? []) refs.push({ what: 'sitemap loc', value: u.loc });
    for (const s of doc.sitemapindex?.sitemap ?? []) refs.push({ what: 'sitemap index loc', value: s.loc });
  }
  return refs;
}

const noElement = (link: string, fragment: string) => `${link} (no element with id "${fragment}")`;

/**
 * Every broken reference of the site (`file: what value`), and how many references were followed. Each page is
 * parsed once, and a page that another page links into (`page/#id`) once more, so a whole archive (hundreds of
 * thousands of pages) is checked in minutes; `progress` hears how many files have been read. `files`: the
 * site's files, as `allFiles` lists them, when the caller has them already.
 */
export function brokenLinks(
  site: BuiltSite,
  progress?: (read: number, of: number) => void,
  files = allFiles(site.out),
): { broken: string[]; checked: number } {
  const built = new Set(files);
  const read = (file: string) => readFileSync(join(site.out, file), 'utf8');
  const broken: string[] = [];
  // Links into another page's element, checked once every page has been read: target → [fragment, link].
  const into = new Map<string, [string, string][]>();
  let checked = 0;
  const sources = files.filter((f) => /\.(html|css|xml|txt)$/.test(f) || f === 'feed.json');
  sources.forEach((file, n) => {
    if (progress && n % 10_000 === 0) progress(n, sources.length);
    const text = read(file);
    const page = file.endsWith('.html') ? htmlPage(text) : { refs: otherReferences(file, text), ids: new Set<string>() };
    const from = urlOf(site, file);
    for (const { what, value } of page.refs) {
      const url = new URL(value, from);
      if (!/^https?:$/.test(url.protocol)) continue;
      if (url.origin !== site.origin && url.origin !== from.origin) continue;
      checked++;
      const target = fileOf(site, url, built);
      if (!target) {
        broken.push(`${file}: ${what} ${value}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (!fragment || !target.endsWith('.html')) continue;
      const link = `${file}: ${what} ${value}`;
      if (target !== file) {
        if (!into.has(target)) into.set(target, []);
        into.get(target)!.push([fragment, link]);
      } else if (!page.ids.has(fragment)) broken.push(noElement(link, fragment));
    }
  });
  for (const [target, wanted] of into) {
    const { ids } = htmlPage(read(target));
    for (const [fragment, link] of wanted) if (!ids.has(fragment)) broken.push(noElement(link, fragment));
  }
  progress?.(sources.length, sources.length);
  return { broken, checked };
}
