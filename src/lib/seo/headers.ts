// HTTP headers for CDN hosts, as a `_headers` file (the format Netlify and Cloudflare Pages read):
// caching by kind of file and the security headers every response carries. docs/deploy.md gives the nginx equivalent.
//
// Both hosts apply every rule whose path matches and join the values of a header set by several rules, so each
// Cache-Control and Content-Security-Policy is set by exactly one rule: the site-wide `/*` rule carries only the
// other security headers, and the caching rules, with the policy, are written per top-level file and folder of the
// build, which never overlap (the web editor's folder gets its own policy). A path no rule but `/*` matches (a
// 404 for an unknown top-level name) goes without a policy: the 404 page runs no script and shows nothing a
// reader sent.
import { withBase } from '../routing.ts';

/** Content-hashed files (`_astro/`, Pagefind's index chunks): cache for a year, never revalidate. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages, feeds, sitemaps, downloads: a few minutes, then ask again (a correction shows up within minutes). */
export const CACHE_PAGE = 'public, max-age=300, must-revalidate';
/** Files that name the hashed files (the search index entry): always revalidate, so they never point at files a deploy removed. */
export const CACHE_ENTRY = 'public, max-age=0, must-revalidate';

/**
 * What the site needs and nothing more: its own scripts, styles, images and fetches; WebAssembly compilation for
 * Pagefind ('wasm-unsafe-eval'); Pagefind's worker; no inline script or style (Astro is told never to inline
 * stylesheets), no plugins, no framing, forms only to the site itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The web editor's folder (Decap CMS, src/integrations/decap-cms.ts): the one page that runs a framework's code. */
export const EDITOR_FOLDER = 'admin';

/**
 * What Decap CMS needs besides the site's policy: its CSS-in-JS styles ('unsafe-inline' styles), its schema
 * validator's compiled functions ('unsafe-eval'), the git host's API and images over https, blob: previews. Only
 * for /admin/, which shows no reader content.
 */
export const EDITOR_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self' https:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self' https:",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Sent with every response (the `/*` rule). The Content-Security-Policy is not among them: a host joins the values
 * of every matching rule, and two policies are both enforced, so the editor could not have its own. It is set
 * with each path's caching rule instead (every built file is under exactly one).
 */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

export interface HeaderRule {
  /** URL path pattern: exact, or ending in `*` (any rest of the path). */
  path: string;
  headers: [string, string][];
}

/** The top level of the build output, and of each of its search index folders: what the caching rules are written for. */
export interface BuildListing {
  files: readonly string[];
  folders: readonly string[];
  /** Top level of each search index folder (`pagefind/`, and the shards `pagefind-2021/` … when there are any), by name. */
  searchIndex: Readonly<Record<string, { files: readonly string[]; folders: readonly string[] }>>;
}

/** The search index's folders: `pagefind/` and its shards (`pagefind-2021/`, `pagefind-2022-03/` …). */
export const SEARCH_INDEX_FOLDER = /^pagefind(-[\w-]+)?$/;

/** Folders of content-hashed files. */
const HASHED_FOLDERS = new Set(['_astro']);
/** Pagefind names its index chunks by their content hash: `name_<hash>.pf_*`, and everything in index/, fragment/, filter/. */
const PAGEFIND_HASHED_FILE = /_[0-9a-f]{8,}\.pf_[a-z]+$/;
/** Host configuration files: never served. */
const HOST_FILES = new Set(['_headers', '_redirects']);

export function headerRules(listing: BuildListing, base: string): HeaderRule[] {
  const at = (path: string) => withBase(path, base);
  const cache = (path: string, value: string, csp = CONTENT_SECURITY_POLICY): HeaderRule => ({
    path,
    headers: [
      ['Cache-Control', value],
      ['Content-Security-Policy', csp],
    ],
  });
  const rules: HeaderRule[] = [{ path: at('/*'), headers: SECURITY_HEADERS.map(([n, v]) => [n, v]) }];
  rules.push(cache(at('/'), CACHE_PAGE));
  for (const file of [...listing.files].sort()) {
    if (!HOST_FILES.has(file)) rules.push(cache(at(`/${file}`), CACHE_PAGE));
  }
  for (const folder of [...listing.folders].sort()) {
    const index = listing.searchIndex[folder];
    if (!index) {
      rules.push(
        cache(
          at(`/${folder}/*`),
          HASHED_FOLDERS.has(folder) ? CACHE_IMMUTABLE : CACHE_PAGE,
          folder === EDITOR_FOLDER ? EDITOR_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
        ),
      );
      continue;
    }
    for (const sub of [...index.folders].sort()) rules.push(cache(at(`/${folder}/${sub}/*`), CACHE_IMMUTABLE));
    for (const file of [...index.files].sort()) {
      rules.push(cache(at(`/${folder}/${file}`), PAGEFIND_HASHED_FILE.test(file) ? CACHE_IMMUTABLE : CACHE_ENTRY));
    }
  }
  return rules;
}

export function renderHeadersFile(rules: readonly HeaderRule[]): string {
  const blocks = rules.map((r) => [r.path, ...r.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'));
  return `# Generated by src/integrations/cdn-headers.ts from src/lib/seo/headers.ts: edit those, not this file.\n${blocks.join('\n')}\n`;
}

/** Reads a `_headers` file back (comments and blank lines skipped). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon < 0) throw new Error(`_headers: a header line outside a rule or without a colon: ${line}`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Whether a rule's path matches a request path (a trailing `*` matches any rest, slashes included, as on both hosts). */
export function pathMatches(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

/** The headers a host sends for a request path: every matching rule's, values of a repeated name joined by `, `. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!pathMatches(rule.path, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers[key] = headers[key] ? `${headers[key]}, ${value}` : value;
    }
  }
  return headers;
}
