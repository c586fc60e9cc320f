// The e-paper as readers get it, on the build of tests/fixtures/epaper (one edition whose two 版 have page PDFs):
// the page views (/2022/04/19/ban/N/) with a link over every article of the 版 and the list of them, the pictures
// at their sizes (deterministic, the first a phone loads no larger than 250 KB), the PDF copied as it is, the way
// around the edition, the links to the page views from the edition and article pages, the sitemaps and the zip.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { describe, expect, inject, it } from 'vitest';
import { readArticle } from '../../src/lib/content/read.ts';
import { cachedPage } from '../../src/lib/epaper/page-cache-fs.ts';
import { pageWebp, PAGE_WEBP_QUALITY, THUMB_WEBP_QUALITY } from '../../src/lib/epaper/page-images-fs.ts';

const out = inject('epaperOut');
const edition = 'tests/fixtures/epaper/content/2022/04/19/';
const cacheDir = 'tests/.tmp/cache-epaper/epaper/';
const read = (path: string) => readFileSync(join(out, path));
const page = (path: string) => fromHtml(read(path).toString('utf8'));
const attr = (e: Element | undefined, name: string) => {
  const value = e?.properties[name];
  return Array.isArray(value) ? value.join(' ') : String(value ?? '');
};
const toString = (e: Element) => toText(e);

/** Elements matching a selector of descendant parts, each `tag`, `.class` or `tag.class` (all this file needs). */
function selectAll(selector: string, root: Root | Element): Element[] {
  const parts = selector.split(/\s+/).map((part) => {
    const [tag, ...classes] = part.split('.');
    return (e: Element) =>
      (tag === '' || e.tagName === tag) && classes.every((c) => (e.properties['className'] as string[] | undefined)?.includes(c));
  });
  const found: Element[] = [];
  const walk = (node: Root | Element, ancestors: Element[]) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (parts.at(-1)!(child)) {
        // The earlier parts, matched right to left against the ancestors.
        let i = parts.length - 2;
        for (let a = ancestors.length - 1; a >= 0 && i >= 0; a--) if (parts[i]!(ancestors[a]!)) i--;
        if (i < 0) found.push(child);
      }
      walk(child, [...ancestors, child]);
    }
  };
  walk(root, []);
  return found;
}
const select = (selector: string, root: Root | Element): Element | undefined => selectAll(selector, root)[0];

/** The fixture's articles by 版: their slugs. */
const onPage = new Map<number, string[]>();
for (const file of readdirSync(edition).filter((f) => f.endsWith('.md'))) {
  const article = readArticle(file, readFileSync(join(edition, file)));
  onPage.set(article.data!.page, [...(onPage.get(article.data!.page) ?? []), file.slice(0, -3)]);
}
const PAGES = [1, 2] as const;
const NAMES = { 1: '要闻', 2: '政法新闻' } as const;
const WIDTHS = [160, 480, 800, 1200, 1800];
const PHONE_BUDGET = 250 * 1024;

describe('a page view', () => {
  for (const n of PAGES) {
    const dir = `2022/04/19/ban/${n}/`;
    const tree = () => page(`${dir}index.html`);

    it(`第${n}版: heading, picture with its sizes, and one link over each article of the 版`, () => {
      const doc = tree();
      expect(toString(select('h1', doc)!)).toBe(`2022年4月19日 第0${n}版 ${NAMES[n]}`);
      const img = select('.epage__sheet img', doc)!;
      expect(attr(img, 'alt')).toBe(`第${n}版 ${NAMES[n]} 版面图`);
      expect(attr(img, 'width')).toBe('1800');
      expect(attr(img, 'srcSet')).toContain('page-800.webp 800w');
      const svg = select('.epage__areas', doc)!;
      expect(attr(svg, 'viewBox')).toMatch(/^0 0 992\.1\d? 1417\.3\d?$/);
      const links = selectAll('.epage__areas a', doc);
      const slugs = onPage.get(n)!;
      expect(links.map((a) => attr(a, 'href')).sort()).toEqual(slugs.map((s) => `/2022/04/19/${s}/`).sort());
      for (const a of links) {
        const slug = /\/2022\/04\/19\/([^/]+)\//.exec(attr(a, 'href'))![1];
        expect(attr(a, 'id')).toBe(`a-${slug}`);
        expect(attr(a, 'ariaLabel')).not.toBe('');
        expect(select('title', a)).toBeDefined();
        expect(attr(select('path', a), 'd')).toMatch(/^M[\d. L]+Z/);
      }
      // 本版稿件: the same articles, in the order of the areas.
      const list = selectAll('.epage__list a', doc).map((a) => attr(a, 'href'));
      expect(list).toEqual(links.map((a) => attr(a, 'href')));
    });

    it(`第${n}版: its pictures exist at their widths, made deterministically from the cached page`, async () => {
      const cached = await cachedPage(join(edition, `0${n}.pdf`), cacheDir);
      for (const width of WIDTHS) {
        const file = read(`${dir}page-${width}.webp`);
        const meta = await sharp(file).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(['webp', width, Math.round((width * cached.pngHeight) / cached.pngWidth)]);
        const again = await pageWebp(cached.png, width, width === 160 ? THUMB_WEBP_QUALITY : PAGE_WEBP_QUALITY);
        expect(Buffer.compare(Buffer.from(again), file)).toBe(0);
      }
    });

    it(`第${n}版: the picture a phone loads first is at most 250 KB`, () => {
      const doc = tree();
      const phone = attr(select('.epage__sheet source', doc), 'srcSet').split(', ').at(-1)!.split(' ')[0]!;
      expect(phone).toBe(`/${dir}page-800.webp`);
      expect(attr(select('.epage__sheet img', doc), 'src')).toBe(`/${dir}page-800.webp`);
      expect(statSync(join(out, phone)).size).toBeLessThanOrEqual(PHONE_BUDGET);
    });

    it(`第${n}版: its PDF, byte for byte, to download under a readable name with its size`, () => {
      const name = `hebei-fazhibao-2022-04-19-0${n}.pdf`;
      expect(Buffer.compare(read(`${dir}${name}`), readFileSync(join(edition, `0${n}.pdf`)))).toBe(0);
      const link = select('.epage__pdf a', tree())!;
      expect(attr(link, 'href')).toBe(`/${dir}${name}`);
      expect(attr(link, 'download')).toBe(`河北法制报-2022年4月19日-第0${n}版.pdf`);
      expect(toString(link)).toMatch(/^下载本版 PDF（\d+ KB）$/);
    });
  }

  it('goes 上一版/下一版 across the edition, disabled at the ends; 上一期/下一期 have no other edition; 往期 is the year', () => {
    const pager = (n: number) => select('.epage__pager', page(`2022/04/19/ban/${n}/index.html`))!;
    const first = pager(1);
    expect(selectAll('a', first).map((a) => [toString(a), attr(a, 'href')])).toEqual([
      ['下一版', '/2022/04/19/ban/2/'],
      ['往期', '/archive/2022/'],
    ]);
    expect(selectAll('.epage__off', first).map((s) => toString(s))).toEqual(['上一版', '上一期', '下一期']);
    expect(selectAll('a', pager(2)).map((a) => [toString(a), attr(a, 'href')])).toEqual([
      ['上一版', '/2022/04/19/ban/1/'],
      ['往期', '/archive/2022/'],
    ]);
  });

  it('shows the strip of the day’s pages, the current one marked', () => {
    const strip = selectAll('.epage-strip a', page('2022/04/19/ban/2/index.html'));
    expect(strip.map((a) => [attr(a, 'href'), toString(a), attr(a, 'ariaCurrent')])).toEqual([
      ['/2022/04/19/ban/1/', '第1版 要闻', ''],
      ['/2022/04/19/ban/2/', '第2版 政法新闻', 'page'],
    ]);
    expect(attr(select('.epage-strip img', page('2022/04/19/ban/2/index.html')), 'src')).toBe('/2022/04/19/ban/1/page-160.webp');
  });

  it('lets the reader zoom (no user-scalable=no) and runs no script', () => {
    const html = read('2022/04/19/ban/1/index.html').toString('utf8');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/user-scalable|maximum-scale/);
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/\sstyle="/);
  });
});

describe('links to the page views', () => {
  it('the edition page: the strip of thumbnails and each 版’s name in 版面导航', () => {
    const doc = page('2022/04/19/index.html');
    expect(selectAll('.epage-strip a', doc).map((a) => attr(a, 'href'))).toEqual(['/2022/04/19/ban/1/', '/2022/04/19/ban/2/']);
    expect(selectAll('.page-nav__page-name a', doc).map((a) => [toString(a), attr(a, 'href')])).toEqual([
      ['第1版 要闻', '/2022/04/19/ban/1/'],
      ['第2版 政法新闻', '/2022/04/19/ban/2/'],
    ]);
  });

  it('every article page: 本文所在版面, to its area on its 版', () => {
    for (const n of PAGES) {
      for (const slug of onPage.get(n)!) {
        const p = select('.article__epage', page(`2022/04/19/${slug}/index.html`))!;
        expect(toString(p)).toBe(`本文所在版面：第${n}版 ${NAMES[n]}`);
        expect(attr(select('a', p), 'href')).toBe(`/2022/04/19/ban/${n}/#a-${slug}`);
      }
    }
  });

  it('the sitemaps list the page views', () => {
    const sitemap = read('sitemap-0.xml').toString('utf8');
    for (const n of PAGES) expect(sitemap).toContain(`<loc>https://example.org/2022/04/19/ban/${n}/</loc>`);
  });
});

describe('the edition’s offline zip', () => {
  const zip = join(out, 'downloads/2022-04-19.zip');
  const entries = () => execFileSync('unzip', ['-Z1', zip]).toString().trim().split('\n');
  const entry = (path: string) => execFileSync('unzip', ['-p', zip, path]).toString('utf8');

  it('holds the page views, each page’s largest picture and the thumbnails, not the PDFs', () => {
    const names = entries();
    for (const n of PAGES) {
      expect(names).toContain(`ban/${n}.html`);
      expect(names).toContain(`2022/04/19/ban/${n}/page-1800.webp`);
      expect(names).toContain(`2022/04/19/ban/${n}/page-160.webp`);
      for (const width of [480, 800, 1200]) expect(names).not.toContain(`2022/04/19/ban/${n}/page-${width}.webp`);
    }
    expect(names.filter((n) => n.endsWith('.pdf'))).toEqual([]);
  });

  it('points the offline page views at what is in the zip, and the PDF at the live site', () => {
    const view = fromHtml(entry('ban/1.html'));
    const img = select('.epage__sheet img', view)!;
    expect(attr(img, 'src')).toBe('../2022/04/19/ban/1/page-1800.webp');
    expect(
      new Set(
        attr(img, 'srcSet')
          .split(', ')
          .map((c) => c.split(' ')[0]),
      ),
    ).toEqual(new Set(['../2022/04/19/ban/1/page-1800.webp']));
    expect(attr(select('.epage__pdf a', view), 'href')).toBe('https://example.org/2022/04/19/ban/1/hebei-fazhibao-2022-04-19-01.pdf');
    expect(selectAll('.epage__areas a', view).every((a) => attr(a, 'href').startsWith('../articles/'))).toBe(true);
    expect(selectAll('.epage-strip a', view).map((a) => attr(a, 'href'))).toEqual(['1.html', '2.html']);
    const index = fromHtml(entry('index.html'));
    expect(selectAll('.page-nav__page-name a', index).map((a) => attr(a, 'href'))).toEqual(['ban/1.html', 'ban/2.html']);
  });
});
