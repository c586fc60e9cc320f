// The site checks themselves (link check, feeds, sitemaps), on a small hand-made output folder with one fault
// of each kind: a check that passes everything would pass the archive benchmark too.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenLinks } from '../tools/site-check/link-check-fs.ts';
import { readJsonFeed, readRss, sitemapProblems } from '../tools/site-check/site-check-fs.ts';
import type { BuiltSite } from '../tools/site-check/dist-fs.ts';

const out = mkdtempSync(join(tmpdir(), 'site-check-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const site: BuiltSite = { out, base: '/paper/', origin: 'https://example.org' };
const write = (file: string, text: string) => {
  mkdirSync(dirname(join(out, file)), { recursive: true });
  writeFileSync(join(out, file), text);
};
const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><title>页</title></head><body>${body}</body></html>`;
const abs = (path: string) => `https://example.org/paper/${path}`;

write(
  'index.html',
  page(
    '<a href="#main">跳到正文</a><main id="main"><a href="/paper/2022/04/19/a/#photo">图</a><a href="2022/04/19/b/#p2">乙</a><a href="/paper/2022/04/20/">缺</a><a href="https://other.example/">外</a></main>',
  ),
);
write(
  '2022/04/19/a/index.html',
  page(
    '<a href="#top">顶</a><figure id="photo"><img src="/paper/photo.jpg" srcset="/paper/photo.jpg 1x, /paper/missing@2x.jpg 2x"></figure>',
  ),
);
write('2022/04/19/b/index.html', page('<p id="p1">第一段</p>'));
write('moved/index.html', '<!doctype html><title>Redirecting to: /paper/2022/04/19/a/</title>');
write('photo.jpg', 'jpeg');
const item = (link: string, guid = link) =>
  `<item><title>标题</title><link>${link}</link><guid isPermaLink="true">${guid}</guid><pubDate>Tue, 19 Apr 2022 00:00:00 +0800</pubDate><description>导语</description><content:encoded><![CDATA[<p>正文</p>]]></content:encoded></item>`;
write(
  'rss.xml',
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>报</title><link>${abs('')}</link><description>报</description><atom:link href="${abs('rss.xml')}" rel="self"/>${item(abs('2022/04/19/a/'))}${item(abs('2022/04/19/b/'), abs('2022/04/19/a/'))}${item(abs('about/'))}</channel></rss>`,
);
write(
  'feed.json',
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: '报',
    home_page_url: abs(''),
    feed_url: abs('feed.json'),
    items: [
      { id: '1', url: abs('2022/04/19/a/'), content_html: '<p>正文</p>', date_published: '2022-04-19T00:00:00+08:00' },
      { id: '2', url: abs('2022/04/19/b/'), date_published: '2022-04-19T00:00:00Z' },
    ],
  }),
);
write(
  'sitemap-index.xml',
  `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${abs('sitemap-0.xml')}</loc></sitemap><sitemap><loc>${abs('sitemap-1.xml')}</loc></sitemap></sitemapindex>`,
);
const url = (loc: string, lastmod = '2022-04-19T00:00:00+08:00') => `<url><loc>${loc}</loc><lastmod>${lastmod}</lastmod></url>`;
write(
  'sitemap-0.xml',
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${url(abs(''))}${url(abs('2022/04/19/a/'), '2022-04-19')}${url(abs('2022/04/19/a/'))}${url(abs('2022/04/21/'))}</urlset>`,
);

describe('the site checks', () => {
  it('find a missing page, a missing image, and a fragment that names no element, on the page or another', () => {
    const { broken, checked } = brokenLinks(site);
    expect(broken.sort()).toEqual(
      [
        '2022/04/19/a/index.html: <a href> #top (no element with id "top")',
        '2022/04/19/a/index.html: <img srcset> /paper/missing@2x.jpg',
        'index.html: <a href> /paper/2022/04/20/',
        'index.html: <a href> 2022/04/19/b/#p2 (no element with id "p2")',
        'rss.xml: item link https://example.org/paper/about/',
        'rss.xml: guid https://example.org/paper/about/',
        'sitemap-0.xml: sitemap loc https://example.org/paper/2022/04/21/',
        'sitemap-index.xml: sitemap index loc https://example.org/paper/sitemap-1.xml',
      ].sort(),
    );
    // The links of the pages, feeds and sitemaps; the other site's link is not followed.
    expect(checked).toBeGreaterThan(10);
  });

  it('find an RSS item whose guid is not its link, or that is not an article', () => {
    expect(readRss(site, 'rss.xml').problems).toEqual([
      `rss.xml: item ${abs('2022/04/19/b/')}: the guid is not the link`,
      `rss.xml: item ${abs('about/')}: the link is not an article's URL`,
    ]);
  });

  it('find a JSON Feed item without content and a date outside China', () => {
    const { problems } = readJsonFeed(site);
    expect(problems.some((p) => p.includes('/items/1') && p.includes('must match'))).toBe(true);
    expect(problems).toContain(`feed.json: item ${abs('2022/04/19/b/')}: date_published 2022-04-19T00:00:00Z`);
  });

  it('find a sitemap that is not built, a page listed twice or not at all, a URL that is not a page, and a bad lastmod', () => {
    const { problems } = sitemapProblems(site);
    expect(problems.sort()).toEqual(
      [
        `sitemap-index.xml: ${abs('sitemap-1.xml')} is not built`,
        `sitemap-0.xml: ${abs('2022/04/19/a/')}: lastmod 2022-04-19`,
        `sitemap-0.xml: ${abs('2022/04/19/a/')} is listed twice`,
        `${abs('2022/04/19/b/')} is built but in no sitemap`,
        `${abs('2022/04/21/')} is in a sitemap but not built`,
      ].sort(),
    );
  });
});
