import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeIndexed, encodeForIndex, encodeQuery, exactPhrase } from '../src/lib/search/tokens.ts';
import { ShardedSearch, facetCounts, type Pagefind, type PagefindResponse } from '../src/lib/search/client.ts';
import { highlightExcerpt, parseSearchParams, toSearchParams } from '../src/lib/search/results.ts';
import { facetValues, markdownToText, searchFilters, searchRecordHtml } from '../src/lib/search/records.ts';
import { searchMessages } from '../src/lib/search/messages.ts';
import { shardFiles, shardOf, shardPlan } from '../src/lib/search/index-records.ts';
import { readContent } from '../src/lib/content/content-files-fs.ts';
import { articleSchema } from '../src/lib/schema.ts';
import { fw } from './fullwidth.ts';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString as mdastToString } from 'mdast-util-to-string';
import { normalizeCjkPunctuation } from '../src/lib/typography.ts';

/** The words Pagefind makes of indexed text: it splits at whitespace, and a word of punctuation alone takes a position but matches nothing. */
const words = (text: string) =>
  encodeForIndex(text)
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase());
/** The text Pagefind stores for excerpts: its words joined by single spaces. */
const stored = (text: string) => encodeForIndex(text).split(/\s+/).filter(Boolean).join(' ');

/** True when Pagefind's exact phrase search (the term's words at consecutive positions) would match the term in the text. */
function phraseMatches(text: string, term: string): boolean {
  const haystack = words(text);
  const needle = encodeQuery(term).words;
  return haystack.some((_, i) => needle.every((w, j) => haystack[i + j] === w));
}

describe('search tokens', () => {
  it('makes every Han character a word of its own, leaving other text whole', () => {
    expect(words('电动车 COVID-19')).toEqual(['电', '动', '车', 'covid19']);
    expect(words(fw('拨打110,快'))).toEqual(['拨', '打', '110', '', '快']);
  });

  it('stores text that decodes back to what readers read', () => {
    const text = fw('近日,邯郸市交巡警支队曲周大队拨打110报警。“电动车”COVID-19疫情Hello world');
    expect(decodeIndexed(stored(text))).toBe(text);
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'电动车安全头盔ab1,。“”') }),
        (s) => decodeIndexed(stored(s)) === s.replace(/ /g, ''),
      ),
    );
  });

  it('matches a term exactly where the text contains it, and nowhere else', () => {
    const text = fw('骑电动车要戴安全头盔,遵守交通法规。');
    for (const term of ['电动车', '安全头盔', '头盔', '交通法规', '戴安全', '车']) expect(phraseMatches(text, term), term).toBe(true);
    for (const term of ['电车', '安全法规', '头盔交通', '头盔遵守']) expect(phraseMatches(text, term), term).toBe(false);
  });

  it('keeps a term that runs into Latin text or digits in one phrase', () => {
    expect(phraseMatches('请拨打110报警', '打110')).toBe(true);
    expect(phraseMatches('请拨打120报警', '打110')).toBe(false);
    expect(encodeQuery('电动车').needle).toBe('电动车');
    expect(encodeQuery(fw('“电动车”!')).needle).toBe('电动车');
    expect(phraseMatches(fw('拨打110,快'), '110快')).toBe(false);
    expect(exactPhrase(encodeQuery('打110'))).toBe('"打 110"');
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
    for (const text of ['馆陶特巡警纵身跃入冰冷水中', fw('问:正文第一段'), '第二段', '图为韩云鹏', '张海鹏', '邯郸市馆陶县'])
      expect(decoded).toContain(text);
    expect(html).toContain('data-pagefind-weight="10"');
    expect(html).toContain('data-pagefind-sort="date:2022-04-19"');
    expect(html).toContain('<span data-pagefind-filter="page">第2版 政法动态</span>');
    expect(html).toContain('<span data-pagefind-meta="title">馆陶特巡警纵身跃入冰冷水中</span>');
  });

  it('gives facet values in reading order', () => {
    expect(searchFilters(data, '政法动态')).toEqual({
      county: '馆陶县',
      category: '公安',
      year: '2022年',
      month: '4月',
      page: '第2版 政法动态',
    });
    const other = { ...data, date: '2021-12-30', county: '宣化区', category: '法院' as const, page: 1 };
    const values = facetValues([
      { data, pageName: '政法动态' },
      { data: other, pageName: '要闻' },
    ]);
    expect(values['year']).toEqual(['2022年', '2021年']);
    expect(values['month']).toEqual(['12月', '4月']);
    expect(values['county']).toEqual(['馆陶县', '宣化区']);
    expect(values['category']).toEqual(['法院', '公安']);
    expect(values['page']).toEqual(['第1版 要闻', '第2版 政法动态']);
  });

  it('reads a body of plain paragraphs without parsing it, exactly as the parse would', () => {
    const parsed = (markdown: string) =>
      fromMarkdown(markdown)
        .children.map((node) =>
          normalizeCjkPunctuation(
            mdastToString(node, { includeHtml: false })
              .replace(/\s*\n\s*/g, ' ')
              .trim(),
          ),
        )
        .filter(Boolean)
        .join('\n');
    const unit = fc.constantFrom(
      ...'法院审理案件,。:;?!“”（）()《》、 \n\n\n\t12.)-+=#>~*_[]<&\\`\u3000abc',
      '4月16日',
      '1. ',
      '- ',
      '  \n',
      '**问**:',
      '<!-- 注 -->',
      '&amp;',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (markdown) => markdownToText(markdown) === parsed(markdown)),
      { numRuns: 3000 },
    );
    // Mostly bodies the fast path takes.
    const plain = fc.constantFrom(...'法院审理案件,。:;?!“”（）()《》、\n\n\n\t 12-=\u3000\u00a0ab', '4月16日', '共276万元。');
    fc.assert(
      fc.property(fc.string({ unit: plain, maxLength: 80 }), (markdown) => markdownToText(markdown) === parsed(markdown)),
      { numRuns: 3000 },
    );
    for (const body of [
      '4月16日晚,馆陶县公安局。\n\n第二段\n续行',
      '1. 列表',
      '- 列表',
      '**问**:内容',
      '标题\n===',
      '文字  \n换行',
      '    代码',
      '\t\u3000法\n法',
      ' \u3000法',
    ])
      expect(markdownToText(body), body).toBe(parsed(body));
  });

  it('turns Markdown into one line of text per block', () => {
    expect(markdownToText('第一段,**加粗**。\n续行\n\n- 列表')).toBe(fw('第一段,加粗。 续行\n列表'));
  });
});

describe('search messages', () => {
  it('tell readers what was found and what to do when nothing was', () => {
    expect(searchMessages.found(['电动车'], 5)).toBe('找到 5 篇包含「电动车」的稿件。');
    expect(searchMessages.found(['馆陶', '落水'], 1)).toBe('找到 1 篇包含「馆陶」和「落水」的稿件。');
    expect(searchMessages.found([], 7)).toBe('找到 7 篇符合所选条件的稿件。');
    expect(searchMessages.foundSince(['交警'], 12, '2022年1月')).toBe(
      fw('已检索2022年1月以来的稿件,找到 12 篇包含「交警」的稿件,更早的稿件尚未检索。'),
    );
    expect(searchMessages.none(['火星'], false)).toContain('没有找到包含「火星」的稿件');
    expect(searchMessages.none([], true)).toContain('取消部分筛选条件');
  });
});

/**
 * A stand-in for Pagefind over shards of pages, each page a text: exact search by substring, the synthetic
 * `shard` filter as Pagefind's mergeFilter makes it, and a record of which shards were merged and searched.
 */
function fakePagefind(shards: Record<string, { id: string; date: string; text: string; county: string }[]>) {
  const log: string[] = [];
  const mergedShards = new Set<string>([Object.keys(shards)[0]!]);
  const pf: Pagefind = {
    options: async () => undefined,
    filters: async () => ({}),
    mergeIndex: async (url) => {
      log.push(`merge ${url}`);
      mergedShards.add(url);
    },
    search: async (query, o = {}) => {
      const filters = (o['filters'] ?? {}) as Record<string, { any: string[] }>;
      const exact = query?.startsWith('"');
      const term = (query ?? '').replace(/[" ]/g, '');
      const pages = Object.entries(shards)
        .filter(([url]) => mergedShards.has(url) && (!filters['shard'] || filters['shard'].any.includes(url)))
        .flatMap(([, pages]) => pages)
        .filter((p) => !filters['county'] || filters['county'].any.includes(p.county))
        .filter((p) => (exact ? p.text.includes(term) : [...term].every((c) => p.text.includes(c))))
        .sort((a, b) => b.date.localeCompare(a.date));
      if (filters['shard']) log.push(`search ${filters['shard'].any[0]} ${query}`);
      const counts: PagefindResponse['filters'] = { county: {} };
      for (const p of pages) counts['county']![p.county] = (counts['county']![p.county] ?? 0) + 1;
      return {
        results: pages.map((p) => ({
          id: p.id,
          score: exact ? 1 : p.text.split(term[0]!).length,
          data: async () => ({ url: `/${p.id}/`, content: p.text, meta: {}, filters: { county: [p.county] } }),
        })),
        filters: counts,
      };
    },
  };
  return { pf, log };
}

describe('the search across shards', () => {
  const page = (id: string, date: string, text: string, county = '馆陶县') => ({ id, date, text, county });
  const shards = {
    '/pagefind/': [page('a', '2022-04-19', '交警查处电动车'), page('b', '2022-04-18', '电动车安全头盔', '曲周县')],
    '/pagefind-2022/': [page('c', '2022-02-01', '电动车'), page('d', '2022-01-01', '电 动 车')],
    '/pagefind-2021/': [page('e', '2021-06-01', '电动车、交警')],
  };
  const list = Object.keys(shards).map((url) => ({ url, year: url === '/pagefind-2021/' ? '2021年' : '2022年' }));
  const state = (query: string, extra: Partial<{ sort: 'date' | 'relevance'; filters: Record<string, string[]> }> = {}) => ({
    query,
    sort: 'date' as const,
    filters: {},
    ...extra,
  });

  it('reads the newest shard first and stops once there are enough results, merging older shards only when needed', async () => {
    const { pf, log } = fakePagefind(shards);
    const search = new ShardedSearch(pf, state('电动车'), list);
    await search.more(2);
    expect(search.results.map((r) => r.id)).toEqual(['a', 'b']);
    expect(search.complete).toBe(false);
    expect(log.filter((l) => l.startsWith('merge'))).toEqual([]);
    expect(search.searchedTo?.url).toBe('/pagefind/');
    expect(search.searchedSince).toBe('2022年');
    await search.more(10);
    expect(search.results.map((r) => r.id)).toEqual(['a', 'b', 'c', 'e']);
    expect(search.complete).toBe(true);
    expect(log.filter((l) => l.startsWith('merge'))).toEqual(['merge /pagefind-2022/', 'merge /pagefind-2021/']);
    expect(search.counts).toEqual({ county: { 馆陶县: 3, 曲周县: 1 } });
  });

  it('reads at most the shards it is allowed to per round, and skips shards the year facet rules out', async () => {
    const { pf, log } = fakePagefind(shards);
    const search = new ShardedSearch(pf, state('交警'), list);
    await search.more(10, 2);
    expect(search.results.map((r) => r.id)).toEqual(['a']);
    expect(search.complete).toBe(false);
    const older = new ShardedSearch(pf, state('电动车', { filters: { year: ['2021年'] } }), list);
    await older.more(10);
    expect(older.results.map((r) => r.id)).toEqual(['e']);
    expect(log.filter((l) => l.startsWith('search /pagefind/ ')).length).toBe(1);
  });

  it('keeps only results containing every term exactly, and counts their facets from the fragments', async () => {
    const { pf } = fakePagefind(shards);
    const search = new ShardedSearch(pf, state('电动车 交警'), list);
    await search.more(10);
    expect(search.results.map((r) => r.id)).toEqual(['a', 'e']);
    expect(search.counts).toBeUndefined();
    expect(await facetCounts(search.results)).toEqual({ county: { 馆陶县: 2 } });
  });

  it('orders by relevance only once every shard is read', async () => {
    const { pf } = fakePagefind(shards);
    const search = new ShardedSearch(pf, state('电动车', { sort: 'relevance' }), list);
    await search.more(1);
    expect(search.complete).toBe(true);
    expect(search.results).toHaveLength(4);
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
    const shards = shardFiles([
      article('2022-04-19', 'a'),
      article('2022-04-19', 'b'),
      article('2022-01-05', 'c'),
      article('2021-12-30', 'd'),
    ]);
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
