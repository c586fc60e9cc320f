// Search-engine and CDN output (src/lib/seo, src/lib/permanent-urls/redirects.ts): the paper's clock, sitemaps and the News
// sitemap's selection, NewsArticle JSON-LD, robots.txt, the `_headers` rules and moved URLs.
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { xmlErrors } from '../tools/site-check/xml.ts';
import { articleSchema, type Article } from '../src/lib/schema.ts';
import { addDays, modifiedDate, publicationTime, rfc822Time } from '../src/lib/seo/time.ts';
import { chunk, renderNewsSitemap, renderSitemapIndex, renderUrlset, selectNewsEntries } from '../src/lib/seo/sitemap.ts';
import { sitePages } from '../src/lib/seo/site-pages.ts';
import { jsonLdText, newsArticleJsonLd } from '../src/lib/seo/news-article.ts';
import { renderRobots } from '../src/lib/seo/robots.ts';
import { absoluteUrl, absolutizeHtml } from '../src/lib/seo/urls.ts';
import {
  CACHE_ENTRY,
  CACHE_IMMUTABLE,
  CACHE_PAGE,
  headerRules,
  headersFor,
  parseHeadersFile,
  renderHeadersFile,
  type BuildListing,
  CONTENT_SECURITY_POLICY,
  EDITOR_CONTENT_SECURITY_POLICY,
} from '../src/lib/seo/headers.ts';
import { astroRedirects, parseRedirects, renderRedirectsFile } from '../src/lib/permanent-urls/redirects.ts';

const data = (overrides: Partial<Record<keyof Article, unknown>> = {}) =>
  articleSchema.parse({ title: '标题', date: '2022-04-19', county: '曲周县', category: '公安', page: 1, order: 1, ...overrides });

describe('the paper’s clock (Asia/Shanghai)', () => {
  it('publishes an edition at 00:00 +08:00 on its date', () => {
    expect(publicationTime('2022-04-19')).toBe('2022-04-19T00:00:00+08:00');
    // 2022-04-19T00:00+08:00 is still the 18th in UTC: the instant must be the 19th in Shanghai.
    expect(new Date(publicationTime('2022-04-19')).toISOString()).toBe('2022-04-18T16:00:00.000Z');
  });

  it('writes RFC 822 dates with the right weekday', () => {
    expect(rfc822Time('2022-04-19')).toBe('Tue, 19 Apr 2022 00:00:00 +0800');
    expect(rfc822Time('2024-02-29')).toBe('Thu, 29 Feb 2024 00:00:00 +0800');
    expect(rfc822Time('2021-01-03')).toBe('Sun, 03 Jan 2021 00:00:00 +0800');
  });

  it('counts days across months, years and leap days', () => {
    expect(addDays('2022-03-01', -1)).toBe('2022-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
  });

  it('takes the modification date from the latest correction', () => {
    expect(modifiedDate(data())).toBe('2022-04-19');
    expect(
      modifiedDate(
        data({
          corrections: [
            { date: '2022-05-02', text: '更正' },
            { date: '2022-04-20', text: '更正' },
          ],
        }),
      ),
    ).toBe('2022-05-02');
  });
});

describe('the News sitemap’s articles', () => {
  const on = (date: string, n = 1) => Array.from({ length: n }, (_, i) => ({ date, url: `${date}/${i}` }));

  it('are those of the newest edition’s day and the day before', () => {
    const picked = selectNewsEntries([...on('2022-04-19', 2), ...on('2022-04-18'), ...on('2022-04-17')]);
    expect(picked.map((e) => e.date)).toEqual(['2022-04-19', '2022-04-19', '2022-04-18']);
  });

  it('leave out an edition more than two days older than the newest, even across a gap', () => {
    expect(selectNewsEntries([...on('2022-04-19'), ...on('2022-04-16')]).map((e) => e.date)).toEqual(['2022-04-19']);
    expect(selectNewsEntries([...on('2022-03-01'), ...on('2022-02-28'), ...on('2022-02-27')]).map((e) => e.date)).toEqual([
      '2022-03-01',
      '2022-02-28',
    ]);
  });

  it('are at most 1,000, newest first', () => {
    const picked = selectNewsEntries([...on('2022-04-19', 700), ...on('2022-04-18', 700)]);
    expect(picked).toHaveLength(1000);
    expect(picked.filter((e) => e.date === '2022-04-19')).toHaveLength(700);
    expect(selectNewsEntries([])).toEqual([]);
  });

  it('are written as a valid News sitemap', () => {
    const xml = renderNewsSitemap([{ url: 'https://x.cn/2022/04/19/a/', title: '女子“抄近道” & 逆行', date: '2022-04-19' }], {
      name: '河北法制报',
      language: 'zh-cn',
    });
    expect(xmlErrors(xml)).toEqual([]);
    const url = new XMLParser().parse(xml).urlset.url;
    expect(url.loc).toBe('https://x.cn/2022/04/19/a/');
    expect(url['news:news']['news:publication']).toEqual({ 'news:name': '河北法制报', 'news:language': 'zh-cn' });
    expect(url['news:news']['news:publication_date']).toBe('2022-04-19T00:00:00+08:00');
    expect(url['news:news']['news:title']).toBe('女子“抄近道” & 逆行');
  });
});

describe('sitemaps', () => {
  const a = (id: string, corrections: { date: string; text: string }[] = []) => ({
    id,
    data: { date: id.slice(0, 10).replaceAll('/', '-'), corrections },
  });
  const newer = [a('2022/04/20/x', [{ date: '2022-04-25', text: '更正' }]), a('2022/04/20/y')];
  const older = [a('2022/04/19/z')];
  const pages = sitePages({
    editions: [
      { date: '2022-04-20', articles: newer },
      { date: '2022-04-19', articles: older },
    ],
    counties: [{ division: { slug: 'quzhou-xian' }, articles: [...newer, ...older] }],
    categories: [{ category: { slug: 'gongan' }, articles: older }],
    bylines: [{ name: '牛敏', slug: 'niumin', articles: newer }],
    pageSize: 1,
    splitAt: 1000,
    peoplePerPage: 1500,
  });

  it('list every page of the site with its last change', () => {
    expect(pages.map((p) => p.path)).toEqual([
      '/',
      '/archive/',
      '/archive/2022/',
      '/county/',
      '/category/',
      '/byline/',
      '/search/',
      '/2022/04/20/',
      '/2022/04/20/x/',
      '/2022/04/20/y/',
      '/2022/04/19/',
      '/2022/04/19/z/',
      '/county/quzhou-xian/',
      '/county/quzhou-xian/2/',
      '/county/quzhou-xian/1/',
      '/category/gongan/',
      '/byline/niumin/',
      '/byline/niumin/1/',
    ]);
    const lastmod = Object.fromEntries(pages.map((p) => [p.path, p.lastmod]));
    expect(lastmod['/2022/04/20/x/']).toBe('2022-04-25');
    expect(lastmod['/2022/04/20/']).toBe('2022-04-25');
    expect(lastmod['/county/quzhou-xian/2/']).toBe('2022-04-20');
    expect(lastmod['/county/quzhou-xian/1/']).toBe('2022-04-19');
    expect(lastmod['/']).toBe('2022-04-25');
    expect(lastmod['/archive/2022/']).toBe('2022-04-25');
  });

  it('split into files of 50,000 URLs, always at least one', () => {
    expect(chunk(Array.from({ length: 100_001 }, (_, i) => i)).map((c) => c.length)).toEqual([50_000, 50_000, 1]);
    expect(chunk([])).toEqual([[]]);
  });

  it('are well-formed XML with escaped URLs', () => {
    const set = renderUrlset([{ url: 'https://x.cn/?a=1&b=2', lastmod: '2022-04-19' }, { url: 'https://x.cn/' }]);
    const index = renderSitemapIndex([{ url: 'https://x.cn/sitemap-0.xml', lastmod: '2022-04-19' }]);
    expect(xmlErrors(set)).toEqual([]);
    expect(xmlErrors(index)).toEqual([]);
    expect(new XMLParser().parse(set).urlset.url[0]).toEqual({ loc: 'https://x.cn/?a=1&b=2', lastmod: '2022-04-19T00:00:00+08:00' });
    expect(new XMLParser().parse(index).sitemapindex.sitemap.loc).toBe('https://x.cn/sitemap-0.xml');
  });
});

describe('NewsArticle JSON-LD', () => {
  const base = {
    url: 'https://x.cn/2022/04/19/a/',
    description: '提要',
    images: [] as string[],
    authorUrls: new Map([['牛敏', 'https://x.cn/byline/niumin/']]),
    publisher: { name: '河北法制报', url: 'https://x.cn/' },
  };

  it('carries what Google reads: headline, dates in +08:00, authors, publisher, section', () => {
    const ld = newsArticleJsonLd({
      ...base,
      data: data({ byline: ['记者 牛敏', '王萧然'], kicker: '引题', corrections: [{ date: '2022-04-21', text: '更正' }] }),
    });
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '标题',
      alternativeHeadline: '引题',
      datePublished: '2022-04-19T00:00:00+08:00',
      dateModified: '2022-04-21T00:00:00+08:00',
      author: [
        { '@type': 'Person', name: '牛敏', url: 'https://x.cn/byline/niumin/' },
        { '@type': 'Person', name: '王萧然' },
      ],
      publisher: { '@type': 'NewsMediaOrganization', name: '河北法制报' },
      articleSection: '公安',
      mainEntityOfPage: { '@id': 'https://x.cn/2022/04/19/a/' },
    });
    expect(ld).not.toHaveProperty('image');
  });

  it('names the paper as author of agency copy without a byline, and lists photos when there are some', () => {
    const ld = newsArticleJsonLd({ ...base, images: ['https://x.cn/_astro/p.jpg'], data: data() });
    expect(ld['author']).toEqual([{ '@type': 'NewsMediaOrganization', name: '河北法制报', url: 'https://x.cn/' }]);
    expect(ld['image']).toEqual(['https://x.cn/_astro/p.jpg']);
  });

  it('cannot close its script element', () => {
    const text = jsonLdText({ headline: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ headline: '</script><script>alert(1)</script>' });
  });
});

describe('URLs', () => {
  it('are absolute with the site and base path', () => {
    expect(absoluteUrl('/rss.xml', { site: 'https://x.cn', base: '/paper/' })).toBe('https://x.cn/paper/rss.xml');
    expect(absoluteUrl('/', { site: new URL('https://x.cn/'), base: '/' })).toBe('https://x.cn/');
  });

  it('in HTML become absolute; other schemes are left alone', () => {
    expect(absolutizeHtml('<a href="/a/?x=1&amp;y=2">a</a><img src="p.jpg"><a href="mailto:a@b.cn">m</a>', 'https://x.cn/p/')).toBe(
      '<a href="https://x.cn/a/?x=1&amp;y=2">a</a><img src="https://x.cn/p/p.jpg"><a href="mailto:a@b.cn">m</a>',
    );
  });
});

describe('robots.txt', () => {
  it('names the sitemaps and keeps crawlers out of the search data and zips, under the base path', () => {
    const text = renderRobots({
      base: '/paper/',
      sitemaps: ['https://x.cn/paper/sitemap-index.xml', 'https://x.cn/paper/sitemap-news.xml'],
    });
    expect(text.split('\n')).toEqual([
      'User-agent: *',
      'Disallow: /paper/pagefind',
      'Disallow: /paper/downloads/',
      '',
      'Sitemap: https://x.cn/paper/sitemap-index.xml',
      'Sitemap: https://x.cn/paper/sitemap-news.xml',
      '',
    ]);
  });
});

describe('_headers', () => {
  const listing: BuildListing = {
    files: ['index.html', '404.html', 'rss.xml', 'favicon.svg', '_headers', '_redirects'],
    folders: ['_astro', '2022', 'county', 'pagefind', 'pagefind-2021', 'downloads'],
    searchIndex: {
      pagefind: {
        files: ['pagefind.js', 'pagefind-entry.json', 'wasm.unknown.pagefind', 'pagefind.zh-cn_36b2c713271d5.pf_meta'],
        folders: ['index', 'fragment', 'filter'],
      },
      'pagefind-2021': { files: ['pagefind-entry.json', 'pagefind.zh-cn_0a1b2c3d4e5f6.pf_meta'], folders: ['index', 'fragment'] },
    },
  };

  for (const base of ['/', '/paper/']) {
    const rules = parseHeadersFile(renderHeadersFile(headerRules(listing, base)));
    const at = (path: string) => headersFor(rules, `${base}${path}`);

    it(`gives every kind of file exactly one caching policy (base ${base})`, () => {
      const expected: Record<string, string> = {
        '': CACHE_PAGE,
        'index.html': CACHE_PAGE,
        '2022/04/19/': CACHE_PAGE,
        '2022/04/19/a/': CACHE_PAGE,
        'county/quzhou-xian/rss.xml': CACHE_PAGE,
        'rss.xml': CACHE_PAGE,
        'downloads/2022-04-19.zip': CACHE_PAGE,
        '_astro/BaseLayout.DQYW96s3.css': CACHE_IMMUTABLE,
        'pagefind/index/zh-cn_1a2b3c4.pf_index': CACHE_IMMUTABLE,
        'pagefind/fragment/zh-cn_1a2b3c4.pf_fragment': CACHE_IMMUTABLE,
        'pagefind/pagefind.zh-cn_36b2c713271d5.pf_meta': CACHE_IMMUTABLE,
        'pagefind/pagefind.js': CACHE_ENTRY,
        'pagefind/pagefind-entry.json': CACHE_ENTRY,
        'pagefind/wasm.unknown.pagefind': CACHE_ENTRY,
        'pagefind-2021/pagefind-entry.json': CACHE_ENTRY,
        'pagefind-2021/index/zh-cn_9f8e7d6.pf_index': CACHE_IMMUTABLE,
        'pagefind-2021/pagefind.zh-cn_0a1b2c3d4e5f6.pf_meta': CACHE_IMMUTABLE,
      };
      for (const [path, cache] of Object.entries(expected)) expect(at(path)['cache-control'], path).toBe(cache);
    });

    it(`sends the security headers with everything, and one Content-Security-Policy with every built file (base ${base})`, () => {
      for (const path of ['', '2022/04/19/a/', '_astro/x.css', 'pagefind/pagefind.js', 'no-such-page/']) {
        const headers = at(path);
        if (path !== 'no-such-page/') expect(headers['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
        expect(headers['x-content-type-options']).toBe('nosniff');
        expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
        expect(headers['permissions-policy']).toMatch(/camera=\(\)/);
      }
    });

    it(`gives the web editor (admin/) its own policy, and it alone (base ${base})`, () => {
      const editor = headersFor(
        parseHeadersFile(renderHeadersFile(headerRules({ ...listing, folders: [...listing.folders, 'admin'] }, base))),
        `${base}admin/`,
      );
      expect(editor['content-security-policy']).toBe(EDITOR_CONTENT_SECURITY_POLICY);
      expect(editor['content-security-policy']).toContain("'unsafe-inline'");
      expect(at('2022/04/19/a/')['content-security-policy']).not.toContain("'unsafe-inline'");
    });

    it(`never describes the host files themselves (base ${base})`, () => {
      expect(rules.map((r) => r.path)).not.toContain(`${base}_headers`);
      expect(rules.map((r) => r.path)).not.toContain(`${base}_redirects`);
    });
  }

  it('round-trips through the file format', () => {
    const rules = headerRules(listing, '/');
    expect(parseHeadersFile(renderHeadersFile(rules))).toEqual(rules);
  });
});

describe('redirects', () => {
  it('are read from a list of from/to paths and written for Astro and for the CDN', () => {
    const list = parseRedirects('- from: /2022/04/19/old/\n  to: /2022/04/19/new/\n', 'content/redirects.yaml');
    expect(list).toEqual([{ from: '/2022/04/19/old/', to: '/2022/04/19/new/' }]);
    expect(astroRedirects(list, '/paper/')).toEqual({ '/2022/04/19/old/': '/paper/2022/04/19/new/' });
    expect(renderRedirectsFile(list, '/paper/')).toContain('/paper/2022/04/19/old/ /paper/2022/04/19/new/ 301\n');
    expect(parseRedirects('', 'content/redirects.yaml')).toEqual([]);
  });

  it('refuse what would break: bad paths, duplicates, chains, each at its line and column', () => {
    const f = 'content/redirects.yaml';
    expect(() => parseRedirects('- from: 2022/04/19/old\n  to: /a/\n', f)).toThrow(
      'content/redirects.yaml:1:9 error redirects: 「2022/04/19/old」不是站内路径',
    );
    expect(() => parseRedirects('- from: /a/\n  to: /a/\n', f)).toThrow('content/redirects.yaml:2:7 error redirects: from 与 to 相同');
    expect(() => parseRedirects('- { from: /a/, to: /b/ }\n- { from: /a/, to: /c/ }\n', f)).toThrow(
      'content/redirects.yaml:2:11 error redirects: 旧地址 /a/ 在第 1 行已经转走了',
    );
    expect(() => parseRedirects('- { from: /a/, to: /b/ }\n- { from: /b/, to: /c/ }\n', f)).toThrow(
      'content/redirects.yaml:1:20 error redirects: /b/ 本身也被转走了',
    );
    expect(() => parseRedirects('from: /a/\n', f)).toThrow('content/redirects.yaml:1:1 error redirects: 转址表必须是一个列表');
  });
});
