// The link check of a built site (used on the builds and on a site read back from a bucket): every link and
// resource of its pages, stylesheets, feeds and sitemaps resolves to a file of the site, fragments to an element.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import { XMLParser } from 'fast-xml-parser';
import { allFiles, fileOf, type BuiltSite } from './dist.ts';

/** Calls `fn` on every element of a parsed page. */
function elements(tree: Root | RootContent, fn: (node: Element) => void): void {
  if (tree.type === 'element') fn(tree);
  if ('children' in tree) for (const child of tree.children) elements(child, fn);
}

/** A built file's URL on the site: `2022/04/19/index.html` → https://example.org/paper/2022/04/19/. */
export function urlOf(site: BuiltSite, file: string): URL {
  return new URL(`${site.base}${file.replace(/(^|\/)index\.html$/, '$1')}`, site.origin);
}

/** Every URL an HTML page refers to, with the element that does. */
function htmlReferences(html: string): { what: string; value: string }[] {
  const refs: { what: string; value: string }[] = [];
  elements(fromHtml(html), (node) => {
    const p = node.properties;
    const add = (what: string, value: unknown) => {
      if (typeof value === 'string' && value) refs.push({ what: `<${node.tagName} ${what}>`, value });
    };
    add('href', p['href']);
    add('src', p['src']);
    add('poster', p['poster']);
    add('action', p['action']);
    add('data-pagefind', p['dataPagefind']);
    for (const attr of ['srcSet', 'imageSrcSet']) {
      if (typeof p[attr] === 'string') for (const candidate of (p[attr] as string).split(',')) add('srcset', candidate.trim().split(/\s+/)[0]);
    }
    const property = String(p['property'] ?? p['name'] ?? '');
    if (node.tagName === 'meta' && /^(og:url|og:image|twitter:image)$/.test(property)) add(property, p['content']);
  });
  return refs;
}

function ids(html: string): Set<string> {
  const found = new Set<string>();
  elements(fromHtml(html), (node) => {
    if (typeof node.properties['id'] === 'string') found.add(node.properties['id']);
  });
  return found;
}

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'url', 'sitemap', 'category'].includes(name) });

/** Every URL a feed, sitemap, stylesheet or robots.txt refers to. */
function otherReferences(file: string, text: string): { what: string; value: string }[] {
  const refs: { what: string; value: string }[] = [];
  const hrefsIn = (html: string, what: string) => {
    for (const m of html.matchAll(/\b(?:href|src)="([^"]+)"/g)) refs.push({ what, value: m[1]!.replaceAll('&amp;', '&') });
  };
  if (file.endsWith('.css')) {
    for (const m of text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) if (!m[1]!.startsWith('data:')) refs.push({ what: 'css url()', value: m[1]! });
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
        for (const c of item.category ?? []) if (typeof c === 'object' && c['@_domain']) refs.push({ what: 'category domain', value: c['@_domain'] });
        if (item['content:encoded']) hrefsIn(item['content:encoded'], 'content:encoded');
      }
    }
    for (const u of doc.urlset?.url ?? []) refs.push({ what: 'sitemap loc', value: u.loc });
    for (const s of doc.sitemapindex?.sitemap ?? []) refs.push({ what: 'sitemap index loc', value: s.loc });
  }
  return refs;
}

/** Every broken reference of the site (`file: what value`), and how many references were followed. */
export function brokenLinks(site: BuiltSite): { broken: string[]; checked: number } {
  const files = allFiles(site.out);
  const read = (file: string) => readFileSync(join(site.out, file), 'utf8');
      const idCache = new Map<string, Set<string>>();
      const broken: string[] = [];
      let checked = 0;
      const sources = files.filter((f) => /\.(html|css|xml|txt)$/.test(f) || f === 'feed.json');
      for (const file of sources) {
        const text = read(file);
        const refs = file.endsWith('.html') ? htmlReferences(text) : otherReferences(file, text);
        const from = urlOf(site, file);
        for (const { what, value } of refs) {
          const url = new URL(value, from);
          if (!/^https?:$/.test(url.protocol)) continue;
          if (url.origin !== site.origin && url.origin !== from.origin) continue;
          checked++;
          const target = fileOf(site, url);
          if (!target) {
            broken.push(`${file}: ${what} ${value}`);
            continue;
          }
          const fragment = decodeURIComponent(url.hash.slice(1));
          if (fragment && target.endsWith('.html')) {
            if (!idCache.has(target)) idCache.set(target, ids(read(target)));
            if (!idCache.get(target)!.has(fragment)) broken.push(`${file}: ${what} ${value} (no element with id "${fragment}")`);
          }
        }
      }
  return { broken, checked };
}
