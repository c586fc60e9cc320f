// Offline copies of built pages: every URL in a page (links, stylesheets, images, CSS url()) either points to a file
// inside the zip, by a relative path that works from file://, or to the live site, by an absolute https URL. Never a
// root-relative path, which from file:// would point at the reader's disk. Scripts are dropped (the site has none;
// the zip's own search script is added afterwards), and so is anything marked `data-offline-omit` (the download link).
import { posix } from 'node:path';
import { attribute, attributeText, scanHtml, type ScannedHtml, type Token } from './html-scan.ts';

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
/** Elements and the attributes that hold the URL of something they display. */
const RESOURCE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  input: ['src'],
  object: ['data'],
};
const NAVIGATION_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { a: ['href'], area: ['href'], form: ['action'] };
const JS_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);

export function isRemoved(token: Token & { kind: 'start' }): boolean {
  if (token.attributes.some((a) => a.name === 'data-offline-omit')) return true;
  return token.name === 'script' && JS_TYPES.has((attribute(token, 'type') ?? '').trim().toLowerCase());
}

/** The start tag as it must appear offline: only the attributes that hold URLs are rewritten, the rest is kept as written. */
function rewriteStartTag(source: string, token: Token & { kind: 'start' }, at: PageLocation, resolve: ZipResolver): string {
  const rels = (attribute(token, 'rel') ?? '').toLowerCase().split(/[\t\n\f\r ]+/);
  const isResourceLink = token.name === 'link' && rels.some((r) => RESOURCE_RELS.has(r));
  const rewrite = (name: string, value: string): string | undefined => {
    if (name === 'srcset') return offlineSrcset(value, at, resolve);
    if (name === 'style') return offlineCss(value, at, resolve);
    if (isResourceLink ? name === 'href' : RESOURCE_ATTRIBUTES[token.name]?.includes(name))
      return offlineUrl(value, at, 'resource', resolve);
    // canonical, alternate …: they name the live page, so they stay (or become) absolute.
    if (token.name === 'link' && name === 'href') return offlineUrl(value, at, 'navigation', () => undefined);
    if (NAVIGATION_ATTRIBUTES[token.name]?.includes(name)) return offlineUrl(value, at, 'navigation', resolve);
    return undefined;
  };
  let out = '';
  let from = token.start;
  const seen = new Set<string>();
  for (const { name, value, start, end } of token.attributes) {
    if (seen.has(name)) continue; // a repeated attribute is ignored by browsers; it stays as written
    seen.add(name);
    const rewritten = rewrite(name, value);
    if (rewritten === undefined || rewritten === value) continue;
    out += source.slice(from, start) + attributeText(name, rewritten);
    from = end;
  }
  return out + source.slice(from, token.end);
}

/**
 * A built page made to work offline at `at.zipPath`: URLs rewritten, comments, scripts and `data-offline-omit`
 * elements dropped, everything else exactly as the build wrote it.
 */
export function offlinePage(page: string | ScannedHtml, at: PageLocation, resolve: ZipResolver): string {
  const { source: html, tokens, closes } = typeof page === 'string' ? scanHtml(page) : page;
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'comment') continue;
    if (token.kind === 'start') {
      if (isRemoved(token)) {
        i = closes.get(i) ?? i;
        continue;
      }
      out += rewriteStartTag(html, token, at, resolve);
      const content = tokens[i + 1];
      if (token.name === 'style' && content?.kind === 'raw') {
        out += offlineCss(html.slice(content.start, content.end), at, resolve);
        i++;
      }
      continue;
    }
    // A `<` that starts no tag is text; written as `&lt;` it cannot start one next to what follows a dropped element.
    const piece = html.slice(token.start, token.end);
    out += token.kind === 'text' && piece.startsWith('<') ? `&lt;${piece.slice(1)}` : piece;
  }
  return out;
}
