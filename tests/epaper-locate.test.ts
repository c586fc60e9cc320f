// The locator on printed pages (tests/fixtures/epaper, made by tools/epaper-fixtures/make_pages.py): in each font
// situation where the text can be read, a click anywhere inside an article's printed area (as the layout placed
// it: pages/truth.json) lands on that article, and a click on the masthead, the page header or an advertisement
// lands on none. Where the text cannot be read, the locator says so and finds nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../src/lib/content/read.ts';
import { containsPoint, type Box } from '../src/lib/epaper/geometry.ts';
import { articleText, locateArticles } from '../src/lib/epaper/locate.ts';
import { readPageText } from '../src/lib/epaper/pdf.ts';

const fixture = join(import.meta.dirname, 'fixtures/epaper');
const edition = join(fixture, 'content/2022/04/19');
interface TruthPage {
  width: number;
  height: number;
  articles: Record<string, Box[]>;
  masthead: Box[];
  header: Box[];
  ads: Box[];
}
const truth = JSON.parse(readFileSync(join(fixture, 'pages/truth.json'), 'utf8')) as { pages: Record<string, TruthPage> };

const articles = readdirSync(edition)
  .filter((n) => n.endsWith('.md'))
  .map((n) => {
    const read = readArticle(n, readFileSync(join(edition, n)));
    return { slug: n.slice(0, -3), data: read.data!, body: read.body };
  });

/** Points a reader might click in a rectangle: a 6 × 6 grid from corner to corner, `inset` points inside its edges. */
function pointsIn(box: Box, inset = 5): [number, number][] {
  const steps = [0, 1, 2, 3, 4, 5].map((i) => i / 5);
  const xs = steps.map((f) => box.x + inset + f * (box.width - 2 * inset));
  const ys = steps.map((f) => box.y + inset + f * (box.height - 2 * inset));
  return xs.flatMap((x) => ys.map((y) => [x, y] as [number, number]));
}

async function locate(situation: string, page: number) {
  const text = await readPageText(readFileSync(join(fixture, 'pages', situation, `${String(page).padStart(2, '0')}.pdf`)));
  const onPage = articles.filter((a) => a.data.page === page);
  return locateArticles(
    text,
    onPage.map((a) => articleText(a.slug, a.data, a.body)),
  );
}

/** Every article whose located area holds the point. */
function hits(areas: Map<string, Box[]>, [x, y]: [number, number]): string[] {
  return [...areas].filter(([, boxes]) => boxes.some((b) => containsPoint(b, x, y))).map(([id]) => id);
}

describe.each(['embedded', 'cid', 'art'])('locating articles on pages whose fonts are %s', (situation) => {
  it.each(Object.keys(truth.pages))('page %s: every point of every article lands on it, the rest on none', async (page) => {
    const { readable, areas } = await locate(situation, Number(page));
    expect(readable).toBe(true);
    const t = truth.pages[page]!;
    const wrong: string[] = [];
    for (const [slug, boxes] of Object.entries(t.articles)) {
      for (const point of boxes.flatMap((b) => pointsIn(b))) {
        const found = hits(areas, point);
        if (found.length !== 1 || found[0] !== slug)
          wrong.push(`${slug} @ ${point.map(Math.round).join(',')} → ${found.join('+') || 'nothing'}`);
      }
    }
    for (const [kind, boxes] of [
      ['masthead', t.masthead],
      ['header', t.header],
      ['ad', t.ads],
    ] as const) {
      for (const point of boxes.flatMap((b) => pointsIn(b))) {
        const found = hits(areas, point);
        if (found.length > 0) wrong.push(`${kind} @ ${point.map(Math.round).join(',')} → ${found.join('+')}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('a page whose fonts carry no Unicode', () => {
  it.each(Object.keys(truth.pages))('page %s is unreadable, and no area is made up', async (page) => {
    const { readable, areas } = await locate('no-unicode', Number(page));
    expect(readable).toBe(false);
    expect(areas.size).toBe(0);
  });
});

describe('text of no article', () => {
  it('is not reported on a page whose every article is known (the masthead and the page header are not articles)', async () => {
    for (const situation of ['embedded', 'cid', 'art']) {
      for (const page of [1, 2]) expect((await locate(situation, page)).unmatched, `${situation} ${page}`).toEqual([]);
    }
  });

  it('is reported, with its place, when an article printed on the page is missing from the edition', async () => {
    const text = await readPageText(readFileSync(join(fixture, 'pages/embedded/02.pdf')));
    const missing = 'guan-tao-te-xun-jing-zong-shen-yue-ru-bing-leng';
    const rest = articles.filter((a) => a.data.page === 2 && a.slug !== missing);
    const { unmatched, areas } = locateArticles(
      text,
      rest.map((a) => articleText(a.slug, a.data, a.body)),
    );
    expect(areas.has(missing)).toBe(false);
    expect(unmatched.length).toBeGreaterThan(0);
    const truthBox = truth.pages['2']!.articles[missing]![0]!;
    for (const block of unmatched) expect(containsPoint(truthBox, block.box.x + 1, block.box.y + 1)).toBe(true);
    expect(unmatched.map((b) => b.text).join('')).toContain('韩云鹏');
  });
});
