// Published URLs never break: the list of every article URL ever published (published-urls.txt, at the top of the
// content folder) is held against the content and its redirects (redirects.yaml) by the checker. A listed URL that
// no longer leads to an article, directly or through a redirect, is a located error; a new article needs nothing.
// The list is kept by the publishing workflow (.github/workflows/publish.yml runs `npm run urls:record` after a
// build of main), not by reporters.
import type { Problem } from '../content/problem.ts';
import type { Redirect } from './redirects.ts';

import { PUBLISHED_URLS_FILE } from '../content/files.ts';
export { PUBLISHED_URLS_FILE };
/** Some 50 bytes a URL: room for over a million articles, and a bound on what the checker reads. */
export const MAX_PUBLISHED_URLS_BYTES = 64 * 1024 * 1024;

/** The list file's URLs, with their 1-based lines: one root-relative URL a line; `#` comments and blank lines ignored. */
export function listedUrls(text: string): { url: string; line: number }[] {
  return text.split('\n').flatMap((raw, i) => {
    const url = raw.trim();
    return url && !url.startsWith('#') ? [{ url, line: i + 1 }] : [];
  });
}

export function parseUrlList(text: string): string[] {
  return listedUrls(text).map((l) => l.url);
}

export function renderUrlList(urls: Iterable<string>): string {
  const header =
    '# Every article URL ever published. Never remove a line: a moved article gets an entry in redirects.yaml.\n# Kept by the publishing workflow (npm run urls:record after each build of main); reporters need not touch it.';
  return `${header}\n${[...new Set(urls)].sort().join('\n')}\n`;
}

/**
 * The listed URLs that no longer lead anywhere: neither a page of the site (`isPage`) nor redirected. Where a
 * redirect leads is redirects.yaml's own check.
 */
export function vanishedUrlProblems(
  text: string,
  file: string,
  isPage: (path: string) => boolean,
  redirects: readonly Redirect[],
): Problem[] {
  const redirected = new Set(redirects.map((r) => r.from));
  return listedUrls(text)
    .filter(({ url }) => !isPage(url) && !redirected.has(url))
    .map(({ url, line }) => ({
      file,
      line,
      column: 1,
      rule: 'published-urls',
      severity: 'error' as const,
      message: `${url} 已经发布过\uFF0C现在却打不开了\uFF1A请恢复这篇稿件\uFF08或取消它的 draft\uFF09\uFF0C或在 redirects.yaml 里把这个地址转到新地址`,
    }));
}
