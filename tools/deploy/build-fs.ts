// The objects a built site becomes in a bucket (file-system code for plan.ts): every file of the output folder
// but the host files, each with its Content-Type, the Cache-Control of the `_headers` rules (one source:
// src/lib/seo/headers.ts), and for a moved article's forwarding page the redirect of `_redirects`.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { headersFor } from '../../src/lib/seo/headers.ts';
import { buildHeaderRules } from '../../src/lib/seo/headers-fs.ts';
import { contentTypeOf, type LocalObject } from './plan.ts';
import { toPosix } from '../../src/lib/util/posix-path.ts';

/** Written for Netlify and Cloudflare Pages; a bucket gets their rules as object metadata instead. */
const HOST_FILES = new Set(['_headers', '_redirects']);

/** `from to 301` lines of the build's `_redirects`, by the forwarding page's path in the build. */
function redirectsOf(outDir: string, base: string): Map<string, string> {
  const file = join(outDir, '_redirects');
  const redirects = new Map<string, string>();
  if (!existsSync(file)) return redirects;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [from, to] = line.trim().split(/\s+/);
    if (!from || !to || from.startsWith('#') || !from.startsWith(base)) continue;
    const path = from.slice(base.length);
    redirects.set(path === '' || path.endsWith('/') ? `${path}index.html` : path, to);
  }
  return redirects;
}

export interface BuiltObject extends LocalObject {
  /** Absolute path of the file. */
  file: string;
}

/** Every object of the build in `outDir`, built for the base path `base`, sorted by path; `progress` hears each hashed. */
export function builtObjects(outDir: string, base: string, progress?: (hashed: number, of: number) => void): BuiltObject[] {
  const rules = buildHeaderRules(outDir, base);
  const redirects = redirectsOf(outDir, base);
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((file) => ({ file, path: toPosix(relative(outDir, file)) }))
    .filter(({ path }) => !HOST_FILES.has(path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map(({ file, path }, n, all) => {
      const bytes = readFileSync(file);
      const cacheControl = headersFor(rules, `${base}${path}`)['cache-control'];
      if (cacheControl === undefined) throw new Error(`no Cache-Control rule in _headers matches ${base}${path}`);
      const contentType = contentTypeOf(path);
      const redirect = redirects.get(path);
      const digest = createHash('sha256')
        .update(bytes)
        .update(`\0${contentType}\0${cacheControl}\0${redirect ?? ''}`)
        .digest('hex');
      progress?.(n + 1, all.length);
      return { file, path, size: bytes.length, contentType, cacheControl, redirect, digest };
    });
}
