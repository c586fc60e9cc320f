// Reading a built site: its files, and where a URL of the site lands in the output folder.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { toPosix } from '../../src/lib/util/posix-path.ts';

/** Every file under `dir`, as slash-separated paths relative to it, sorted. */
export function allFiles(dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : [toPosix(relative(dir, join(d, e.name)))],
    );
  return walk(dir).sort();
}

export interface BuiltSite {
  /** The output folder. */
  out: string;
  /** Base path, e.g. `/` or `/paper/`. */
  base: string;
  /** The site's origin as configured (SITE_URL): absolute URLs to it are internal. */
  origin: string;
}

/**
 * The output file a URL of the site is served from (`/paper/2022/04/19/` → `2022/04/19/index.html`), or
 * undefined when nothing is there. Only URLs under the site's origin and base path are the site's. With `files`
 * (the site's files, as `allFiles` lists them), the folder is not looked at.
 */
export function fileOf(site: BuiltSite, url: URL, files?: ReadonlySet<string>): string | undefined {
  if (url.origin !== site.origin || !url.pathname.startsWith(site.base)) return undefined;
  const path = decodeURIComponent(url.pathname.slice(site.base.length));
  const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
  if (files) return files.has(file) ? file : undefined;
  const full = join(site.out, file);
  return existsSync(full) && statSync(full).isFile() ? file : undefined;
}

/** Astro's page for a redirect in astro.config (`<meta http-equiv="refresh">`), not a page of the site. */
export function isRedirectStub(html: string): boolean {
  return /^<!doctype html><title>Redirecting to: /.test(html);
}

/**
 * A file of the built site `out` as readers can get at it: search fragments and indexes decompressed, zips
 * unpacked (every member, then the archive itself); other files as Latin-1 and as UTF-8, for markers of either.
 */
export function readable(out: string, path: string): string {
  const bytes = readFileSync(join(out, path));
  if (path.endsWith('.zip'))
    return execFileSync('unzip', ['-p', join(out, path)], { maxBuffer: 1 << 28 }).toString('latin1') + bytes.toString('latin1');
  if (/\.pf_(fragment|index|meta|filter)$/.test(path)) return gunzipSync(bytes).toString('utf8');
  return bytes.toString('latin1') + bytes.toString('utf8');
}

/** Every file under `dir` with its bytes, by slash-separated path relative to it, sorted. */
export function fileTree(dir: string): Map<string, Buffer> {
  return new Map(allFiles(dir).map((path) => [path, readFileSync(join(dir, path))] as const));
}
