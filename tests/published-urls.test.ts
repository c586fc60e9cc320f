// Published URLs never break: every URL in content/published-urls.txt still leads to an article of the sample,
// directly or through one redirect in content/redirects.yaml, and every published article is in the list
// (and every name on them in content/published-bylines.txt).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readContent } from '../src/lib/content-files.ts';
import { articlePath } from '../src/lib/routing.ts';
import { readRedirects } from '../src/lib/redirects.ts';
import { parseUrlList, publishedUrlProblems, renderUrlList } from '../src/lib/published-urls.ts';
import { unrecordedBylineProblems } from '../src/lib/published-bylines.ts';
import { readBylineRecord } from '../src/lib/published-bylines-fs.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

describe('the sample’s published URLs', () => {
  const listed = parseUrlList(readFileSync(`${root}content/published-urls.txt`, 'utf8'));
  const published = readContent(root, 'content').articles.filter((a) => !a.data.draft);
  const current = published.map((a) => articlePath(a.id));

  it('all still lead to an article, and every article is listed', () => {
    expect(listed).toHaveLength(13);
    expect(publishedUrlProblems({ listed, current, redirects: readRedirects(root, 'content') })).toEqual([]);
  });

  it('record the byline page of every name they carry (content/published-bylines.txt)', () => {
    const names = published.flatMap((a) => a.data.byline.map((b) => b.name));
    expect(unrecordedBylineProblems(names, readBylineRecord(root, 'content'))).toEqual([]);
  });
});

describe('publishedUrlProblems', () => {
  const live = ['/2022/04/19/a/', '/2022/04/19/b/'];

  it('reports a published URL that disappeared without a redirect', () => {
    expect(publishedUrlProblems({ listed: [...live, '/2022/04/19/gone/'], current: live, redirects: [] })).toEqual([
      '/2022/04/19/gone/ was published but no longer exists: restore it or add a redirect to redirects.yaml',
    ]);
  });

  it('accepts a moved article whose old URL redirects to a live one, and refuses a redirect to nowhere', () => {
    const listed = [...live, '/2022/04/19/old/'];
    expect(publishedUrlProblems({ listed, current: live, redirects: [{ from: '/2022/04/19/old/', to: '/2022/04/19/a/' }] })).toEqual([]);
    expect(publishedUrlProblems({ listed, current: live, redirects: [{ from: '/2022/04/19/old/', to: '/2022/04/19/c/' }] })).toEqual([
      '/2022/04/19/old/ redirects to /2022/04/19/c/, which does not exist',
    ]);
  });

  it('refuses a redirect that would hide a live article', () => {
    expect(publishedUrlProblems({ listed: live, current: live, redirects: [{ from: '/2022/04/19/a/', to: '/2022/04/19/b/' }] })).toEqual([
      '/2022/04/19/a/ is redirected but is also a live article: remove the redirect or the article',
    ]);
  });

  it('asks for a new article to be recorded', () => {
    expect(publishedUrlProblems({ listed: ['/2022/04/19/a/'], current: live, redirects: [] })).toEqual([
      '/2022/04/19/b/ is not in published-urls.txt: run npm run urls:record',
    ]);
  });

  it('keeps the list sorted and without duplicates', () => {
    expect(parseUrlList(renderUrlList(['/b/', '/a/', '/b/']))).toEqual(['/a/', '/b/']);
  });
});
