// The pure logic of the build in parts: what a build renders, which output files are a part's, what an article
// record keeps, and what a part's key depends on from other years.
import { describe, expect, it } from 'vitest';
import { isPartOutput, parseScope, rendersCrossYear, rendersYear } from '../src/lib/parts/scope.ts';
import { articleRecord, LEAD_CHARS } from '../src/lib/content/record.ts';
import { summaryOf } from '../src/lib/excerpt.ts';
import { partContext, partKey } from '../src/lib/parts/plan.ts';
import { siteStructure } from '../src/lib/site-structure.ts';
import type { Article } from '../src/lib/schema.ts';

describe('build scope', () => {
  it('is read from SITE_PART, and anything else is refused', () => {
    expect(parseScope(undefined)).toEqual({ kind: 'whole' });
    expect(parseScope('2022')).toEqual({ kind: 'part', year: '2022' });
    expect(parseScope('assemble')).toEqual({ kind: 'assemble' });
    expect(() => parseScope('22')).toThrow(/SITE_PART/);
  });

  it('gives a part its own year and the assembly what spans years', () => {
    const part = parseScope('2021');
    expect([rendersYear(part, '2021-06-15'), rendersYear(part, '2022-01-01'), rendersCrossYear(part)]).toEqual([true, false, false]);
    const assembly = parseScope('assemble');
    expect([rendersYear(assembly, '2021-06-15'), rendersCrossYear(assembly)]).toEqual([false, true]);
  });

  it('takes from a part only its year’s pages, listing year pages, zips, search shards and assets', () => {
    const own = [
      '2021/06/15/index.html',
      '2021/06/15/a/index.html',
      'county/quzhou/2021/index.html',
      'byline/niumin/2021/3/index.html',
      'downloads/2021-06-15.zip',
      'downloads/2021-06.zip',
      'pagefind-2021/pagefind.js',
      'pagefind-2021-07/x.pf_index',
      '_astro/a.css',
    ];
    const others = [
      'index.html',
      'rss.xml',
      '2022/01/01/index.html',
      'county/quzhou/index.html',
      'county/quzhou/3/index.html',
      'county/quzhou/2022/index.html',
      'downloads/2022-01.zip',
      'pagefind-2022/pagefind.js',
      'search/index.html',
      'sitemap-0.xml',
      '_headers',
      'admin/index.html',
      '2021',
    ];
    expect(own.filter((p) => !isPartOutput(p, '2021'))).toEqual([]);
    expect(others.filter((p) => isPartOutput(p, '2021'))).toEqual([]);
  });
});

const article = (id: string, over: Partial<Article> = {}) =>
  ({
    title: '标题',
    byline: [{ name: '牛敏' }],
    date: id.slice(0, 10).replaceAll('/', '-'),
    county: '曲周县',
    category: '公安',
    page: 1,
    order: Number(id.at(-1)),
    images: [],
    corrections: [],
    draft: false,
    ...over,
  }) as unknown as Article;

describe('article records', () => {
  it('keep enough of the lead for every excerpt, and nothing of the photos', () => {
    const long = '长'.repeat(500);
    const record = articleRecord('2022/04/19/a', 'content/2022/04/19/a.md', { ...article('2022/04/19/1'), photos: [{ src: 'x' }] }, long);
    expect([...record.lead]).toHaveLength(LEAD_CHARS);
    expect(record.data).not.toHaveProperty('photos');
    for (const max of [120, 150, 200]) expect(summaryOf(record, max)).toBe(summaryOf({ data: {}, lead: long }, max));
    expect(articleRecord('x', 'x', article('2022/04/19/1'), long).digest).not.toBe(
      articleRecord('x', 'x', article('2022/04/19/1'), `短${long}`).digest,
    );
  });
});

describe('part keys', () => {
  const records = (list: [string, Partial<Article>][]) =>
    list.map(([id, over]) => articleRecord(id, `content/${id}.md`, article(id, over), ''));
  const editions = (dates: string[]) =>
    dates.map((date) => ({
      id: `${date.replaceAll('-', '/')}/edition`,
      filePath: `content/${date.replaceAll('-', '/')}/edition.yaml`,
      data: { date, pages: [{ number: 1, name: '要闻' }] } as never,
    }));
  const build = (list: [string, Partial<Article>][]) =>
    siteStructure(records(list), editions([...new Set(list.map(([id]) => id.slice(0, 10).replaceAll('/', '-')))]));

  it('change with a homophone in another year, which renumbers a person’s page, and not with another year’s new article', () => {
    const base: [string, Partial<Article>][] = [
      ['2020/12/31/1', { byline: [{ name: '章伟' }] as never }],
      ['2021/06/15/1', {}],
    ];
    const before = partContext(build(base), '2020', '2021', 3000);
    const later = partContext(build([...base, ['2021/06/16/1', {}]]), '2020', '2021', 3000);
    expect(later).toEqual(before);
    // 张 sorts before 章: with no record of published pages, 张伟 takes /byline/zhangwei/ and 章伟 moves.
    const homophone = partContext(build([...base, ['2021/06/16/1', { byline: [{ name: '张伟' }] as never }]]), '2020', '2021', 3000);
    expect(homophone).not.toEqual(before);
    expect(partKey('code', 'content', homophone, '')).not.toBe(partKey('code', 'content', before, ''));
  });

  it('say which year is the newest, and which long listings have the year’s pages', () => {
    const list: [string, Partial<Article>][] = [
      ['2020/12/31/1', {}],
      ['2020/12/31/2', {}],
      ['2021/06/15/1', { county: '宣化区' }],
    ];
    const structure = build(list);
    expect(partContext(structure, '2021', '2021', 3000).newest).toBe(true);
    expect(partContext(structure, '2020', '2021', 3000).newest).toBe(false);
    expect(partContext(structure, '2020', '2021', 1).split).toEqual(['byline/niumin', 'category/gongan', 'county/quzhou']);
    expect(partContext(structure, '2021', '2021', 1).split).toEqual(['byline/niumin', 'category/gongan']);
  });
});
