// The scanner the offline copies are made with: it must read every tag, attribute and text the way a browser does
// for the HTML the build writes, and pair each element with its end, so that rewriting never breaks a page.
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { attribute, decodeEntities, findStart, readableText, scanHtml } from '../src/lib/offline/html-scan.ts';
import { offlinePage, type ZipResolver } from '../src/lib/offline/page.ts';

const at = { url: new URL('https://news.example.cn/2022/04/19/jia/'), zipPath: 'articles/jia.html' };
const resolve: ZipResolver = (url) => (url.pathname.startsWith('/_astro/') ? url.pathname.slice(1) : undefined);
/** Same document for a browser: both parsed into trees and written out the same way. */
const same = (a: string, b: string) => expect(toHtml(fromHtml(a))).toBe(toHtml(fromHtml(b)));

describe('scanHtml', () => {
  it('reads attributes quoted, single-quoted, unquoted and bare, with > inside quotes and references decoded', () => {
    const page = scanHtml(`<A HREF='/x?a=1&amp;b=2' title="1 > 0" data-n=3 hidden>甲</A>`);
    const a = page.tokens[0]!;
    expect(a.kind === 'start' && a.attributes.map((x) => [x.name, x.value])).toEqual([
      ['href', '/x?a=1&b=2'],
      ['title', '1 > 0'],
      ['data-n', '3'],
      ['hidden', ''],
    ]);
    expect(page.closes.get(0)).toBe(2);
  });

  it('keeps script and style text whole, even when it looks like tags', () => {
    const page = scanHtml('<script>if (a<b) x("</p><a href=/y>")</script><p>乙</p>');
    expect(page.tokens.map((t) => t.kind)).toEqual(['start', 'raw', 'end', 'start', 'text', 'end']);
    expect(findStart(page, (t) => t.name === 'a')).toBe(-1);
  });

  it('pairs nested elements of one name, void and self-closed elements, and closes what an end tag leaves open', () => {
    const page = scanHtml('<div><div><img src=a><svg><path d="M0"/></svg></div><p>甲<span>乙</div>丙');
    const names = page.tokens.map((t) => ('name' in t ? `${t.kind === 'end' ? '/' : ''}${t.name}` : t.kind));
    const close = (name: string) => names[page.closes.get(names.indexOf(name))!];
    expect(close('div')).toBe('/div');
    expect(close('img')).toBe('img');
    expect(close('path')).toBe('path');
    expect(close('span')).toBe('text');
    expect(names.at(-1)).toBe('text');
  });

  it('decodes numeric references and the named ones the build writes, leaving others as written', () => {
    expect(decodeEntities('&lt;&#x4E2D;&#22269;&amp;amp;&nbsp;&copy;&#0;')).toBe('<中国&amp;\u00A0&copy;\uFFFD');
  });
});

describe('readableText', () => {
  it('reads text as a reader sees it: blocks apart, inline runs together, skipped parts and scripts left out', () => {
    const page = scanHtml('<article><h1>标题<em>甲</em></h1><p>正文&lt;一&gt;</p><nav>下一篇</nav><script>x</script><p>二</p></article>');
    expect(readableText(page, 0, (t) => t.name === 'nav')).toBe('标题甲 正文<一> 二');
    expect(readableText(page, findStart(page, (t) => t.name === 'h1'))).toBe('标题甲');
  });
});

describe('offlinePage', () => {
  it('rewrites only URLs and drops comments, scripts and omitted elements, leaving the rest as written', () => {
    const html =
      '<!DOCTYPE html><html lang="zh-CN"><head><link rel="stylesheet" href="/_astro/a.css"><link rel="canonical" href="/2022/04/19/jia/">' +
      '<style>.x{background:url(/_astro/p.png)}</style><script type="application/ld+json">{"url":"/a"}</script></head>' +
      '<body><!-- note --><p data-offline-omit><a href="/downloads/x.zip">下载<span>1 KB</span></a></p>' +
      '<img src="/_astro/p.png" srcset="/_astro/p.png 1x, /_astro/q.png 2x" alt="图" style="background:url(\'/_astro/p.png\')">' +
      '<a href="/byline/xu/" class="a">徐</a><a href="#top">顶</a><script src="/_astro/app.js"></script></body></html>';
    const out = offlinePage(html, at, resolve);
    same(
      out,
      '<!DOCTYPE html><html lang="zh-CN"><head><link rel="stylesheet" href="../_astro/a.css"><link rel="canonical" href="https://news.example.cn/2022/04/19/jia/">' +
        '<style>.x{background:url(../_astro/p.png)}</style><script type="application/ld+json">{"url":"/a"}</script></head>' +
        '<body><img src="../_astro/p.png" srcset="../_astro/p.png 1x, ../_astro/q.png 2x" alt="图" style="background:url(\'../_astro/p.png\')">' +
        '<a href="https://news.example.cn/byline/xu/" class="a">徐</a><a href="#top">顶</a></body></html>',
    );
    expect(out).toContain('alt="图"');
    expect(out).not.toContain('note');
  });

  it('writes a rewritten URL with & and quotes escaped, so the browser reads back the same URL', () => {
    const out = offlinePage(`<a href='/search/?q="法"&amp;page=2'>检索</a>`, at, resolve);
    const href = attribute(scanHtml(out).tokens[0]!, 'href');
    expect(href).toBe(new URL('/search/?q="法"&page=2', at.url).href);
  });
});
