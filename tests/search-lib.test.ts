import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeIndexed, encodeForIndex, encodeQuery } from '../src/lib/search/tokens.ts';
import { exactFirst, highlightExcerpt, parseSearchParams, toSearchParams } from '../src/lib/search/results.ts';
import { facetValues, markdownToText, searchFilters, searchRecordHtml } from '../src/lib/search/records.ts';
import { searchMessages } from '../src/lib/search/messages.ts';
import { shardFiles, shardOf, shardPlan } from '../src/lib/search/index-records.ts';
import { readContent } from '../src/lib/content-files.ts';
import { articleSchema } from '../src/lib/schema.ts';
import { fw } from './fullwidth.ts';

const words = (text: string) => encodeForIndex(text).split(/[^0-9a-z]+/).filter(Boolean);

/** True when Pagefind's exact phrase search (consecutive words) would match the query in the text. */
function phraseMatches(text: string, query: string): boolean {
  const haystack = words(text).join(' ');
  return ` ${haystack} `.includes(` ${encodeQuery(query).words.join(' ')} `) || haystack.split(' ').some((w) => w.startsWith(encodeQuery(query).words.join(' ')));
}

describe('search tokens', () => {
  it('turns Han runs into bigrams and a closing character, leaving other text alone', () => {
    const encoded = encodeForIndex('电动车 COVID-19');
    expect(encoded.split(' ').filter((w) => w.startsWith('q'))).toHaveLength(3);
    expect(encoded).toContain('COVID-19');
  });

  it('decodes indexed text back to the original', () => {
    const text = fw('近日,邯郸市交巡警支队曲周大队拨打110报警。“电动车”COVID-19 疫情');
    expect(decodeIndexed(encodeForIndex(text))).toBe(text);
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'电动车安全头盔 ab1,。“”') }), (s) => decodeIndexed(encodeForIndex(s)) === s));
  });

  it('matches a query exactly where the text contains it, and nowhere else', () => {
    const text = '骑电动车要戴安全头盔,遵守交通法规。';
    for (const query of ['电动车', '安全头盔', '头盔', '交通法规', '戴安全']) expect(phraseMatches(text, query), query).toBe(true);
    for (const query of ['电车', '安全法规', '头盔交通']) expect(phraseMatches(text, query), query).toBe(false);
  });

  it('keeps a query that runs into Latin text or digits in one phrase', () => {
    expect(phraseMatches('请拨打110报警', '打110')).toBe(true);
    expect(encodeQuery('电动车').needle).toBe('电动车');
    expect(encodeQuery(fw('“电动车”!')).needle).toBe('电动车');
  });

  it('cuts the query into two-character pieces for the broader search', () => {
    expect(encodeQuery('安全头盔').looseWords).toHaveLength(2);
    expect(encodeQuery('电动车').looseWords).toHaveLength(2);
    expect(encodeQuery('').words).toEqual([]);
  });
});

describe('search state in the URL', () => {
  it('reads and writes the query, facets and sort order', () => {
    const state = parseSearchParams(new URLSearchParams('q=电动车&county=馆陶县&county=曲周县&sort=relevance&other=x'));
    expect(state).toEqual({ query: '电动车', sort: 'relevance', filters: { county: ['馆陶县', '曲周县'] } });
    expect(parseSearchParams(toSearchParams(state))).toEqual(state);
    expect(toSearchParams({ query: '落水', sort: 'date', filters: {} }).toString()).toBe('q=%E8%90%BD%E6%B0%B4');
  });
});

describe('result order and excerpts', () => {
  it('lists exact matches first, then the other results, keeping the order within each group', () => {
    const ids = (list: string) => [...list].map((id) => ({ id }));
    expect(exactFirst(ids('cbe'), ids('abcd')).map((x) => x.id)).toEqual(['c', 'b', 'e', 'a', 'd']);
  });

  it('cuts an excerpt around the first match and marks every match', () => {
    const text = `${'前'.repeat(100)}电动车${'后'.repeat(20)}电动车${'尾'.repeat(100)}`;
    const parts = highlightExcerpt(text, ['电动车'], 60);
    expect(parts[0]).toEqual({ text: '……', mark: false });
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['电动车', '电动车']);
    expect(parts.at(-1)).toEqual({ text: '……', mark: false });
    expect(highlightExcerpt('短文', ['无'])).toEqual([{ text: '短文', mark: false }]);
  });
});

describe('search records', () => {
  const data = articleSchema.parse({
    title: '馆陶特巡警纵身跃入冰冷水中',
    byline: ['张海鹏'],
    date: '2022-04-19',
    county: '馆陶县',
    category: '公安',
    page: 2,
    order: 1,
    images: [{ caption: '图为韩云鹏(左)正在营救落水者。' }],
  });

  it('indexes headline, body, caption, byline and place, never navigation', () => {
    const html = searchRecordHtml({ url: '/2022/04/19/a/', data, body: '**问**:正文第一段。\n\n第二段', pageName: '政法动态' });
    const decoded = decodeIndexed(html);
    for (const text of ['馆陶特巡警纵身跃入冰冷水中', fw('问:正文第一段'), '第二段', '图为韩云鹏', '张海鹏', '邯郸市馆陶县']) expect(decoded).toContain(text);
    expect(html).toContain('data-pagefind-weight="10"');
    expect(html).toContain('data-pagefind-sort="date:2022-04-19"');
    expect(html).toContain('<span data-pagefind-filter="page">第2版 政法动态</span>');
    expect(html).toContain('<span data-pagefind-meta="title">馆陶特巡警纵身跃入冰冷水中</span>');
  });

  it('gives facet values in reading order', () => {
    expect(searchFilters(data, '政法动态')).toEqual({ county: '馆陶县', category: '公安', year: '2022年', month: '4月', page: '第2版 政法动态' });
    const other = { ...data, date: '2021-12-30', county: '宣化区', category: '法院' as const, page: 1 };
    const values = facetValues([{ data, pageName: '政法动态' }, { data: other, pageName: '要闻' }]);
    expect(values['year']).toEqual(['2022年', '2021年']);
    expect(values['month']).toEqual(['12月', '4月']);
    expect(values['county']).toEqual(['馆陶县', '宣化区']);
    expect(values['category']).toEqual(['法院', '公安']);
    expect(values['page']).toEqual(['第1版 要闻', '第2版 政法动态']);
  });

  it('turns Markdown into one line of text per block', () => {
    expect(markdownToText('第一段,**加粗**。\n续行\n\n- 列表')).toBe(fw('第一段,加粗。 续行\n列表'));
  });
});

describe('search messages', () => {
  it('tell readers what was found and what to do when nothing was', () => {
    expect(searchMessages.found('电动车', 5, 5)).toBe('找到 5 篇与「电动车」相关的稿件。');
    expect(searchMessages.found('安全头盔', 3, 2)).toContain('其中 2 篇包含完整的「安全头盔」');
    expect(searchMessages.none('火星', false)).toContain('没有找到包含「火星」的稿件');
    expect(searchMessages.none('', true)).toContain('取消部分筛选条件');
  });
});

describe('search index shards', () => {
  it('puts the newest month alone, the rest of its year together, and each older year apart', () => {
    const plan = shardPlan(['2021-12-30', '2022-01-05', '2022-03-02', '2022-04-19', '2022-04-18', '2019-06-01']);
    expect(plan).toEqual([
      { dir: 'pagefind', year: '2022', months: ['04'] },
      { dir: 'pagefind-2022', year: '2022', months: ['01', '03'] },
      { dir: 'pagefind-2021', year: '2021' },
      { dir: 'pagefind-2019', year: '2019' },
    ]);
    expect(shardOf('2022-03-02', plan).dir).toBe('pagefind-2022');
    expect(shardOf('2022-04-01', plan).dir).toBe('pagefind');
    expect(shardOf('2019-01-01', plan).dir).toBe('pagefind-2019');
    expect(shardPlan(['2022-04-19'])).toEqual([{ dir: 'pagefind', year: '2022', months: ['04'] }]);
  });

  it('cuts a year with too many articles into runs of whole months, counted from January', () => {
    const days = (month: string, n: number) => Array.from({ length: n }, () => `2021-${month}-15`);
    const dates = ['2022-02-01', ...days('01', 3), ...days('02', 3), ...days('03', 2), ...days('04', 5), ...days('05', 1)];
    expect(shardPlan(dates, 6)).toEqual([
      { dir: 'pagefind', year: '2022', months: ['02'] },
      { dir: 'pagefind-2021-04', year: '2021', months: ['04', '05'] },
      { dir: 'pagefind-2021-03', year: '2021', months: ['03'] },
      { dir: 'pagefind-2021-01', year: '2021', months: ['01', '02'] },
    ]);
    expect(shardOf('2021-02-15', shardPlan(dates, 6)).dir).toBe('pagefind-2021-01');
    // A run of past months is the same whatever comes after it.
    expect(shardPlan([...dates, ...days('09', 6)], 6).slice(-2)).toEqual(shardPlan(dates, 6).slice(-2));
    expect(shardPlan(dates, 100).map((s) => s.dir)).toEqual(['pagefind', 'pagefind-2021']);
  });

  it('gives each shard the files of its articles and their editions', () => {
    const article = (date: string, slug: string) => ({ date, file: `content/${date.replaceAll('-', '/')}/${slug}.md` });
    const shards = shardFiles([article('2022-04-19', 'a'), article('2022-04-19', 'b'), article('2022-01-05', 'c'), article('2021-12-30', 'd')]);
    expect(shards.map((s) => [s.dir, [...s.files].sort()])).toEqual([
      ['pagefind', ['content/2022/04/19/a.md', 'content/2022/04/19/b.md', 'content/2022/04/19/edition.yaml']],
      ['pagefind-2022', ['content/2022/01/05/c.md', 'content/2022/01/05/edition.yaml']],
      ['pagefind-2021', ['content/2021/12/30/d.md', 'content/2021/12/30/edition.yaml']],
    ]);
    // What a shard reads of the sample edition: its articles and edition, nothing else.
    const root = fileURLToPath(new URL('..', import.meta.url));
    const sample = readContent(root, 'tests/fixtures/sample');
    const [first] = shardFiles(sample.articles.slice(0, 2).map((a) => ({ file: a.file, date: a.data.date })));
    const read = readContent(root, 'tests/fixtures/sample', { only: (file) => first!.files.has(file) });
    expect(read.articles.map((a) => a.id)).toEqual(sample.articles.slice(0, 2).map((a) => a.id));
    expect(read.editions.map((e) => e.id)).toEqual(sample.editions.map((e) => e.id));
  });
});
