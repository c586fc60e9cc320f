// The page view's model (src/lib/epaper/page-view.ts): areas (hand-given first) in printed order, outlines in the
// viewBox's points, the pictures' sizes, the PDF's name, and the way around the edition and the archive.
import { describe, expect, it } from 'vitest';
import { pageView, pageViewNav, areaAnchor, editionEntryPath } from '../src/lib/epaper/page-view.ts';
import { POINTS_PER_MM } from '../src/lib/epaper/geometry.ts';

const input = {
  date: '2022-04-19',
  number: 1,
  name: '要闻',
  width: 992.125,
  height: 1417.323,
  pixelWidth: 2400,
  pixelHeight: 3429,
  articles: [
    { id: '2022/04/19/lead', title: '头条' },
    { id: '2022/04/19/right', title: '右栏' },
    { id: '2022/04/19/hand', title: '手工', area: [[10, 300, 100, 50]] as [number, number, number, number][] },
    { id: '2022/04/19/lost', title: '未找到' },
  ],
  found: new Map([
    ['2022/04/19/right', [{ x: 700, y: 250, width: 250, height: 400 }]],
    [
      '2022/04/19/lead',
      [
        { x: 40, y: 250, width: 660, height: 120 },
        { x: 40, y: 370, width: 560, height: 600 },
      ],
    ],
    // Found, but the hand-given area wins.
    ['2022/04/19/hand', [{ x: 0, y: 0, width: 10, height: 10 }]],
  ]),
  pdfBytes: 158033,
};

describe('pageView', () => {
  const view = pageView(input);

  it('heads the page and names its picture as the paper does', () => {
    expect(view.heading).toBe('2022年4月19日 第01版 要闻');
    expect(view.alt).toBe('第1版 要闻 版面图');
    expect([view.width, view.height]).toEqual([992.13, 1417.32]);
  });

  it('lists the articles in printed order: by the top of their area, then its left; those without one last', () => {
    expect(view.articles.map((a) => a.id)).toEqual(['2022/04/19/lead', '2022/04/19/right', '2022/04/19/hand', '2022/04/19/lost']);
    expect(view.articles.map((a) => a.anchor)).toEqual(['a-lead', 'a-right', 'a-hand', 'a-lost']);
    expect(view.articles[0]!.href).toBe('/2022/04/19/lead/');
  });

  it('takes a hand-given area (millimetres) before a found one, and draws each area as one outline', () => {
    const hand = view.articles.find((a) => a.id === '2022/04/19/hand')!;
    expect(hand.boxes).toEqual([{ x: 10 * POINTS_PER_MM, y: 300 * POINTS_PER_MM, width: 100 * POINTS_PER_MM, height: 50 * POINTS_PER_MM }]);
    expect(view.articles[0]!.outline).toBe('M40 250L700 250L700 370L600 370L600 970L40 970Z');
    expect(view.articles.find((a) => a.id === '2022/04/19/lost')!.outline).toBe('');
  });

  it('gives the pictures at each width with the height in proportion, and the PDF with its download name', () => {
    expect(view.images.map((i) => [i.path, i.width, i.height])).toEqual([
      ['/2022/04/19/ban/1/page-480.webp', 480, 686],
      ['/2022/04/19/ban/1/page-800.webp', 800, 1143],
      ['/2022/04/19/ban/1/page-1200.webp', 1200, 1715],
      ['/2022/04/19/ban/1/page-1800.webp', 1800, 2572],
    ]);
    expect(view.thumbnail).toEqual({ path: '/2022/04/19/ban/1/page-160.webp', width: 160, height: 229 });
    expect(view.pdf).toEqual({
      path: '/2022/04/19/ban/1/hebei-fazhibao-2022-04-19-01.pdf',
      bytes: 158033,
      downloadName: '河北法制报-2022年4月19日-第01版.pdf',
    });
    expect(pageView({ ...input, pdfBytes: undefined }).pdf).toBeUndefined();
  });

  it('names an area by its article slug', () => {
    expect(areaAnchor('2022/04/19/fa-yuan')).toBe('a-fa-yuan');
  });
});

describe('pageViewNav', () => {
  const editions = [
    { date: '2022-04-20', pages: [{ number: 1, name: '要闻' }] },
    {
      date: '2022-04-19',
      pages: [
        { number: 1, name: '要闻', pdf: '01.pdf' },
        { number: 2, name: '政法新闻' },
        { number: 3, name: '法院', image: '03.jpg' },
      ],
    },
    { date: '2022-04-18', pages: [{ number: 1, name: '要闻', pdf: '01.pdf' }] },
  ];

  it('goes from 版 to 版 among those with page views, disabled at the ends', () => {
    const first = pageViewNav(editions, '2022-04-19', 1);
    expect(first.prev).toBeUndefined();
    expect(first.next).toEqual({ number: 3, name: '法院', path: '/2022/04/19/ban/3/' });
    expect(first.pages.map((p) => p.number)).toEqual([1, 3]);
    const last = pageViewNav(editions, '2022-04-19', 3);
    expect(last.prev?.path).toBe('/2022/04/19/ban/1/');
    expect(last.next).toBeUndefined();
  });

  it('goes to the older and newer edition: its first page view, or its edition page when it has none', () => {
    const nav = pageViewNav(editions, '2022-04-19', 1);
    expect(nav.older).toEqual({ date: '2022-04-18', path: '/2022/04/18/ban/1/' });
    expect(nav.newer).toEqual({ date: '2022-04-20', path: '/2022/04/20/' });
    expect(pageViewNav(editions, '2022-04-18', 1).older).toBeUndefined();
    expect(editionEntryPath(editions[1]!)).toBe('/2022/04/19/ban/1/');
  });
});
