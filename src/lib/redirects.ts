// Redirects of published URLs: when an article moves (its slug or date corrected), its old URL is declared in
// <content>/redirects.yaml and keeps working. Astro writes a page at the old URL that forwards to the new one
// (astro.config.mjs `redirects`), and the CDN headers integration writes the same list as real 301s in `_redirects`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { withBase } from './routing.ts';

export interface Redirect {
  /** Old root-relative path, e.g. `/2022/04/19/old-slug/`. */
  from: string;
  /** Where it now lives, root-relative. */
  to: string;
}

export const REDIRECTS_FILE = 'redirects.yaml';

const PATH = /^\/(?:[a-z0-9-]+\/)*$/;

/** Validates the list; throws naming the file, the entry and the problem. */
export function parseRedirects(text: string, file: string): Redirect[] {
  const raw: unknown = parseYaml(text) ?? [];
  if (!Array.isArray(raw)) throw new Error(`${file}: 必须是 from/to 条目的列表`);
  const redirects = raw.map((entry: unknown, i): Redirect => {
    const where = `${file}: 第 ${i + 1} 条`;
    if (typeof entry !== 'object' || entry === null) throw new Error(`${where}: 必须写成 { from: 旧地址, to: 新地址 }`);
    const { from, to } = entry as Record<string, unknown>;
    for (const [field, value] of [['from', from], ['to', to]] as const) {
      if (typeof value !== 'string' || !PATH.test(value)) {
        throw new Error(`${where}: ${field} 必须是以 / 开头和结尾的站内路径\uFF0C例如 /2022/04/19/fa-yuan/`);
      }
    }
    if (from === to) throw new Error(`${where}: from 与 to 相同`);
    return { from: from as string, to: to as string };
  });
  const sources = new Set<string>();
  for (const r of redirects) {
    if (sources.has(r.from)) throw new Error(`${file}: ${r.from} 重复`);
    sources.add(r.from);
  }
  // A chain (a → b, b → c) would send readers through two hops: point every old URL at the final one.
  for (const r of redirects) {
    if (sources.has(r.to)) throw new Error(`${file}: ${r.from} 指向的 ${r.to} 本身也被转走了\uFF0C请直接指向最终地址`);
  }
  return redirects;
}

/** The redirects of a content folder; none when it has no redirects.yaml. */
export function readRedirects(root: string, contentDir: string): Redirect[] {
  const path = join(root, contentDir, REDIRECTS_FILE);
  return existsSync(path) ? parseRedirects(readFileSync(path, 'utf8'), `${contentDir}/${REDIRECTS_FILE}`) : [];
}

/** Astro's `redirects` option: sources without the base path, destinations with it (Astro's convention). */
export function astroRedirects(redirects: readonly Redirect[], base: string): Record<string, string> {
  return Object.fromEntries(redirects.map((r) => [r.from, withBase(r.to, base)]));
}

/** `_redirects` (Netlify, Cloudflare Pages): one permanent redirect per line, paths with the base path. */
export function renderRedirectsFile(redirects: readonly Redirect[], base: string): string {
  const lines = redirects.map((r) => `${withBase(r.from, base)} ${withBase(r.to, base)} 301`);
  return [`# Moved URLs, from ${REDIRECTS_FILE} in the content folder.`, ...lines, ''].join('\n');
}
