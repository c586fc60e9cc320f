// Absolute URLs for what leaves the site (feeds, sitemaps, structured data, social cards): the configured
// site URL (`SITE_URL`) plus the base path (`BASE_PATH`) plus a root-relative path from src/lib/routing.ts.
import { withBase } from '../routing.ts';
import { escapeAttribute } from '../util/html.ts';

export interface SiteLocation {
  /** The deployment's origin (and optional path), e.g. `https://paper.example.cn`; Astro's `site`. */
  site: string | URL;
  /** The base path, e.g. `/` or `/paper/`; Astro's `base`. */
  base: string;
}

/** `/2022/04/19/` → `https://paper.example.cn/paper/2022/04/19/`. */
export function absoluteUrl(path: string, at: SiteLocation): string {
  return new URL(withBase(path, at.base), at.site).href;
}

/** Makes every `href` and `src` in serialised HTML absolute against `pageUrl` (feed readers have no base URL). */
export function absolutizeHtml(html: string, pageUrl: string): string {
  return html.replace(/\b(href|src)="([^"]*)"/g, (whole, attribute: string, value: string) => {
    if (value.startsWith('#') && value.length > 1) return `${attribute}="${pageUrl}${value}"`;
    try {
      return `${attribute}="${escapeAttribute(new URL(value.replaceAll('&amp;', '&'), pageUrl).href)}"`;
    } catch {
      return whole;
    }
  });
}
