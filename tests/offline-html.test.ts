// The scanner the offline copies are made with: it must read every tag, attribute and text the way a browser does
// for the HTML the build writes, and pair each element with its end, so that rewriting never breaks a page.
import fc from 'fast-check';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { attribute, decodeEntities, findStart, readableText, scanHtml } from '../src/lib/offline/html-scan.ts';
import { offlineCss, offlinePage, offlineUrl, type ZipResolver } from '../src/lib/offline/page.ts';

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
    expect(
      readableText(
        page,
        findStart(page, (t) => t.name === 'h1'),
      ),
    ).toBe('标题甲');
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

  it('never lets a dropped element join a stray < and the text after it into a tag', () => {
    same(offlinePage('<p><<span data-offline-omit>x</span>a href="/x">y</p>', at, resolve), '<p>&lt;a href="/x">y</p>');
  });

  it('writes a rewritten URL with & and quotes escaped, so the browser reads back the same URL', () => {
    const out = offlinePage(`<a href='/search/?q="法"&amp;page=2'>检索</a>`, at, resolve);
    const href = attribute(scanHtml(out).tokens[0]!, 'href');
    expect(href).toBe(new URL('/search/?q="法"&page=2', at.url).href);
  });
});

describe('offlinePage on generated pages', () => {
  // What a browser makes of the page (parse5, as hast parses it) after the rewrite, compared with the same page
  // rewritten on the browser's own tree: whatever the markup, the scanner must agree with a real HTML parser.
  const urls = ['/_astro/a.png', '/2022/04/19/', '#top', 'https://other.cn/x', '/search/?q=法&amp;p=2', 'mailto:x@y.cn', ''];
  const value = fc.constantFrom(...urls);
  const quoted = (name: string) =>
    value.chain((v) => fc.constantFrom(`${name}="${v}"`, `${name}='${v}'`, ...(/[\s'"]/.test(v) || v === '' ? [] : [`${name}=${v}`])));
  const attributes = fc
    .array(
      fc.oneof(
        quoted('href'),
        quoted('src'),
        fc.constant('class="masthead x"'),
        fc.constant('data-offline-omit'),
        fc.constant('title="a > b"'),
        fc.constant('style="background:url(/_astro/a.png)"'),
      ),
      { maxLength: 3 },
    )
    .map((list) => list.map((a) => ` ${a}`).join(''));
  const text = fc.constantFrom('甲', 'a &amp; b', '&lt;i&gt;', ' ', '乙。', '< 1', '1 > 0');
  // Only markup the build can write (html-validate checks it): no <div> inside <p>, no <a> inside <a>, so that no
  // end tag is implied; the parser's error recovery is out of scope.
  const element = (tags: string[], children: fc.Arbitrary<string>) =>
    fc
      .tuple(fc.constantFrom(...tags), attributes, fc.array(children, { maxLength: 3 }))
      .map(([tag, attrs, kids]) => `<${tag}${attrs}>${kids.join('')}</${tag}>`);
  const leaf = fc.oneof(
    text,
    fc.constantFrom('<br>', '<img src="/_astro/a.png" alt="">', '<svg><path d="M0"/></svg>', '<!-- c <a href="/x"> -->'),
  );
  const { flow } = fc.letrec<{ flow: string; phrasing: string; inLink: string }>((tie) => ({
    inLink: fc.oneof({ depthSize: 'small' }, leaf, element(['span', 'em'], tie('inLink'))),
    phrasing: fc.oneof({ depthSize: 'small' }, leaf, element(['span', 'em'], tie('phrasing')), element(['a'], tie('inLink'))),
    flow: fc.oneof(
      { depthSize: 'small' },
      tie('phrasing'),
      element(['p'], tie('phrasing')),
      element(['div', 'nav', 'section'], tie('flow')),
      fc.constantFrom(
        '<script>if (a<b) x("</p>")</script>',
        '<script type="application/ld+json">{"a":"/b"}</script>',
        '<style>p{background:url(/_astro/a.png)}</style>',
      ),
    ),
  }));

  /** The same rewrite on a hast tree: the reference. */
  function reference(html: string): string {
    const tree = fromHtml(html);
    const rewrite = (parent: Root | Element) => {
      parent.children = parent.children.filter((child) => {
        if (child.type === 'comment') return false;
        if (child.type !== 'element') return true;
        if ('dataOfflineOmit' in child.properties) return false;
        return !(child.tagName === 'script' && !child.properties['type']);
      }) as typeof parent.children;
      for (const child of parent.children) {
        if (child.type !== 'element') continue;
        const props = child.properties;
        const name = child.tagName === 'img' ? 'src' : child.tagName === 'a' ? 'href' : undefined;
        if (name && typeof props[name] === 'string')
          props[name] = offlineUrl(props[name], at, child.tagName === 'img' ? 'resource' : 'navigation', resolve);
        if (typeof props['style'] === 'string') props['style'] = offlineCss(props['style'], at, resolve);
        if (child.tagName === 'style') for (const t of child.children) if (t.type === 'text') t.value = offlineCss(t.value, at, resolve);
        rewrite(child);
      }
    };
    rewrite(tree);
    return toHtml(tree);
  }

  it('gives the document a real HTML parser gets when it rewrites the parsed page', () => {
    fc.assert(
      fc.property(fc.array(flow, { maxLength: 6 }), (nodes) => {
        const html = `<!DOCTYPE html><html lang="zh-CN"><head><title>t</title></head><body>${nodes.join('')}</body></html>`;
        expect(toHtml(fromHtml(offlinePage(html, at, resolve)))).toBe(reference(html));
      }),
      { numRuns: 300 },
    );
  });
});
