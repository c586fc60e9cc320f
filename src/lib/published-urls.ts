// Published URLs never break: the list of every article URL ever published (published-urls.txt) is checked against
// the content and its redirects (redirects.yaml). A URL that no longer leads to an article, directly or through one
// redirect, is an error; so is a published article missing from the list (record it with `npm run urls:record`).
import type { Redirect } from './redirects.ts';

export const PUBLISHED_URLS_FILE = 'published-urls.txt';

/** The list file: one root-relative URL a line; `#` comments and blank lines ignored. */
export function parseUrlList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

export function renderUrlList(urls: Iterable<string>): string {
  const header = '# Every article URL ever published. Never remove a line: a moved article gets an entry in redirects.yaml.\n# Add new articles with `npm run urls:record`.';
  return `${header}\n${[...new Set(urls)].sort().join('\n')}\n`;
}

/** What is wrong with the published URLs, one sentence each (empty when all is well). */
export function publishedUrlProblems(input: { listed: readonly string[]; current: readonly string[]; redirects: readonly Redirect[] }): string[] {
  const current = new Set(input.current);
  const listed = new Set(input.listed);
  const redirectOf = new Map(input.redirects.map((r) => [r.from, r.to]));
  const problems: string[] = [];
  for (const url of input.listed) {
    if (current.has(url)) continue;
    const to = redirectOf.get(url);
    if (to === undefined) problems.push(`${url} was published but no longer exists: restore it or add a redirect to redirects.yaml`);
    else if (!current.has(to)) problems.push(`${url} redirects to ${to}, which does not exist`);
  }
  for (const r of input.redirects) {
    if (current.has(r.from)) problems.push(`${r.from} is redirected but is also a live article: remove the redirect or the article`);
  }
  for (const url of input.current) {
    if (!listed.has(url)) problems.push(`${url} is not in ${PUBLISHED_URLS_FILE}: run npm run urls:record`);
  }
  return problems;
}
