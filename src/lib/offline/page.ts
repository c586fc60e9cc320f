// Offline copies of built pages: every URL in a page (links, stylesheets, images, CSS url()) either points to a file
// inside the zip, by a relative path that works from file://, or to the live site, by an absolute https URL. Never a
// root-relative path, which from file:// would point at the reader's disk. Scripts are dropped (the site has none;
// the zip's own search script is added afterwards), and so is anything marked `data-offline-omit` (the download link).
import { posix } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';

/** What a URL is used for: following a link, or loading a file the page needs to display. */
export type UrlUse = 'navigation' | 'resource';

/**
 * Maps an absolute URL on the live site to the path of the file in the zip that stands for it, or undefined to keep
 * the URL absolute (a page that is not in the zip, another site). Throws when a resource cannot be included.
 */
export type ZipResolver = (url: URL, use: UrlUse) => string | undefined;

export interface PageLocation {
  /** The page's (or stylesheet's) URL on the live site: relative URLs in it resolve against this. */
  url: URL;
  /** Its path in the zip: relative URLs are computed from here. */
  zipPath: string;
}

/** `from` and `to` are paths in the zip; the result is `to` relative to the folder of `from`, URL-encoded. */
export function relativeHref(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to);
  return relative.split('/').map(encodeURIComponent).join('/');
}

/** One URL as it must appear in the offline copy. */
export function offlineUrl(raw: string, at: PageLocation, use: UrlUse, resolve: ZipResolver): string {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return raw;
  let url: URL;
  try {
    url = new URL(trimmed, at.url);
  } catch {
    return raw;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return raw;
  const target = resolve(url, use);
  if (target === undefined) return url.href;
  return relativeHref(at.zipPath, target) + url.hash;
}

/** A stylesheet with every `url(...)` rewritten (data: URLs are left alone). */
export function offlineCss(css: string, at: PageLocation, resolve: ZipResolver): string {
  return css.replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/g, (whole, quote: string, target: string) => {
    if (/^data:/i.test(target.trim())) return whole;
    return `url(${quote}${offlineUrl(target, at, 'resource', resolve)}${quote})`;
  });
}

function offlineSrcset(srcset: string, at: PageLocation, resolve: ZipResolver): string {
  return srcset
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptors] = candidate.trim().split(/\s+/);
      return [offlineUrl(url, at, 'resource', resolve), ...descriptors].join(' ');
    })
    .join(', ');
}

/** `<link rel>` values whose target the page loads to display itself. */
const RESOURCE_RELS = new Set(['stylesheet', 'icon', 'shortcut', 'apple-touch-icon', 'preload', 'mask-icon']);
/** Elements and the properties (hast names) that hold the URL of something they display. */
const RESOURCE_PROPS: Readonly<Record<string, readonly string[]>> = {
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  input: ['src'],
  object: ['data'],
};
const NAVIGATION_PROPS: Readonly<Record<string, readonly string[]>> = { a: ['href'], area: ['href'], form: ['action'] };
const JS_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);

type Parent = Root | Element;

function isRemoved(node: RootContent): boolean {
  if (node.type === 'comment') return true;
  if (node.type !== 'element') return false;
  if ('dataOfflineOmit' in node.properties) return true;
  return node.tagName === 'script' && JS_TYPES.has(String(node.properties['type'] ?? '').toLowerCase());
}

function rewriteElement(element: Element, at: PageLocation, resolve: ZipResolver): void {
  const props = element.properties;
  const rels = Array.isArray(props['rel']) ? props['rel'].map((r) => String(r).toLowerCase()) : [];
  const isResourceLink = element.tagName === 'link' && rels.some((r) => RESOURCE_RELS.has(r));
  for (const name of isResourceLink ? ['href'] : (RESOURCE_PROPS[element.tagName] ?? [])) {
    if (typeof props[name] === 'string') props[name] = offlineUrl(props[name], at, 'resource', resolve);
  }
  if (element.tagName === 'link' && !isResourceLink && typeof props['href'] === 'string') {
    // canonical, alternate …: they name the live page, so they stay (or become) absolute.
    props['href'] = offlineUrl(props['href'], at, 'navigation', () => undefined);
  }
  for (const name of NAVIGATION_PROPS[element.tagName] ?? []) {
    if (typeof props[name] === 'string') props[name] = offlineUrl(props[name], at, 'navigation', resolve);
  }
  if (typeof props['srcSet'] === 'string') props['srcSet'] = offlineSrcset(props['srcSet'], at, resolve);
  if (typeof props['style'] === 'string') props['style'] = offlineCss(props['style'], at, resolve);
  if (element.tagName === 'style') {
    for (const child of element.children) if (child.type === 'text') child.value = offlineCss(child.value, at, resolve);
  }
}

function rewriteTree(parent: Parent, at: PageLocation, resolve: ZipResolver): void {
  parent.children = parent.children.filter((child) => !isRemoved(child)) as typeof parent.children;
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    rewriteElement(child, at, resolve);
    rewriteTree(child, at, resolve);
    if (child.content) rewriteTree(child.content, at, resolve);
  }
}

/** Parses a built page, makes it work offline at `at.zipPath`, and returns its tree for further changes. */
export function offlineTree(html: string, at: PageLocation, resolve: ZipResolver): Root {
  const tree = fromHtml(html);
  rewriteTree(tree, at, resolve);
  return tree;
}

export function serializePage(tree: Root): string {
  return toHtml(tree);
}

/** Every element of the tree in document order. */
export function* elements(node: Parent): Generator<Element> {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    yield child;
    yield* elements(child);
  }
}

export function hasClass(element: Element, name: string): boolean {
  const classes = element.properties['className'];
  return Array.isArray(classes) && classes.includes(name);
}

/** Reader-visible text of an element, whitespace collapsed. */
export function textOf(node: Element): string {
  return toText(node).replace(/\s+/g, ' ').trim();
}

/** Parses an HTML fragment into nodes to insert into a page. */
export function fragment(html: string): ElementContent[] {
  return fromHtml(html, { fragment: true }).children as ElementContent[];
}

/** The first element (depth first) that passes `test`, as its parent and its index there. */
export function locate(root: Root | Element, test: (e: Element) => boolean): { parent: Root | Element; index: number } | undefined {
  for (const [index, child] of root.children.entries()) {
    if (child.type !== 'element') continue;
    if (test(child)) return { parent: root, index };
    const found = locate(child, test);
    if (found) return found;
  }
  return undefined;
}
