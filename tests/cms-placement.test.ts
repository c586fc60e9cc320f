// What the web editor refuses before saving (src/lib/cms/placement.ts) and how its date field reads and shows a date
// (src/lib/cms/dates.ts): pure, on plain values.
import { describe, expect, it } from 'vitest';
import { dateError, parseDate, showDate } from '../src/lib/cms/dates.ts';
import {
  EMPTY_BODY,
  articleProblems,
  editionIndex,
  editionProblems,
  placementSortKey,
  reprintProblems,
  type EditionIndex,
} from '../src/lib/cms/placement.ts';

const index: EditionIndex = editionIndex(
  [
    {
      slug: '2022/04/19/edition',
      data: {
        date: '2022-04-19',
        pages: [
          { number: 1, name: '要闻' },
          { number: 3, name: '法治社会' },
        ],
      },
    },
    { slug: 'redirects', data: [{ from: 'a' }] },
  ],
  [
    { slug: '2022/04/19/a', data: { title: '头条', date: '2022-04-19', page: 1, order: 1 } },
    { slug: '2022/04/19/b', data: { title: '二条', date: '2022-04-19', page: 1, order: 2 } },
    { slug: '2022/04/19/c', data: { title: '三版', date: '2022-04-19', page: 3, order: 1 } },
    { slug: 'broken', data: { title: '坏的' } },
  ],
);
const article = { title: '新稿', date: '2022-04-19', page: 1, order: 3, body: '正文。' };

describe('what the editor refuses', () => {
  it('reads the editions and the placed articles, leaving out what has no date or place', () => {
    expect([...index.editions.keys()]).toEqual(['2022-04-19']);
    expect(index.editions.get('2022-04-19')!.pages).toEqual([1, 3]);
    expect(index.articles.map((a) => a.slug)).toEqual(['2022/04/19/a', '2022/04/19/b', '2022/04/19/c']);
  });

  it('accepts a free position on a 版 of the edition', () => {
    expect(articleProblems(article, undefined, index)).toEqual([]);
  });

  it('refuses a 版 the edition does not have, in the checker’s words', () => {
    const [problem] = articleProblems({ ...article, page: 2 }, undefined, index);
    expect(problem!.field).toBe('page');
    expect(problem!.message).toContain('第 2 版不在本期版面中（本期版面：1、3）');
    expect(problem!.message).toContain('版期');
  });

  it('refuses a date without an edition', () => {
    const [problem] = articleProblems({ ...article, date: '2022-04-20' }, undefined, index);
    expect(problem).toMatchObject({ field: 'page' });
    expect(problem!.message).toContain('2022-04-20 这一期缺少 edition.yaml');
  });

  it('refuses a position another article holds, naming it and a free one, but not the article itself', () => {
    const [problem] = articleProblems({ ...article, order: 2 }, undefined, index);
    expect(problem).toEqual({
      field: 'order',
      message: '与 「二条」 在第 1 版的位置（order: 2）重复；请把其中一篇改到本版空着的位置，例如 order: 3',
    });
    expect(articleProblems({ ...article, order: 2 }, '2022/04/19/b', index)).toEqual([]);
  });

  it('refuses an empty body, also before the editions are read', () => {
    expect(articleProblems({ ...article, body: ' \n ' }, undefined, undefined)).toEqual([{ field: 'body', message: EMPTY_BODY }]);
    expect(articleProblems({ ...article, body: undefined, page: 2 }, undefined, undefined)).toHaveLength(1);
  });

  it('takes 转载 left empty, refuses one without its original author or title, and asks a reprint for one', () => {
    expect(articleProblems({ ...article, reprint: { author: '', title: '', url: '' } }, undefined, index)).toEqual([]);
    expect(reprintProblems({ ...article, source: '本报讯', reprint: {} })).toEqual([]);
    expect(reprintProblems({ ...article, reprint: { author: '新华社记者', title: '原题' } })).toEqual([]);
    expect(reprintProblems({ ...article, reprint: { author: ' 新华社记者 ', title: '' } })).toEqual([
      { field: 'reprint', message: '转载\uFF1A请写上原标题' },
    ]);
    expect(reprintProblems({ ...article, reprint: { author: '新华社记者', title: '原题', url: 'ftp://x' } })).toHaveLength(1);
    const [problem] = articleProblems({ ...article, source: '新华社' }, undefined, index);
    expect(problem).toMatchObject({ field: 'reprint' });
    expect(problem!.message).toContain('新华社');
  });

  it('refuses a second edition.yaml for a date, a 版 twice, no 版, and dropping a 版 that has articles', () => {
    const pages = [
      { number: 1, name: '要闻' },
      { number: 3, name: '法治社会' },
    ];
    expect(editionProblems({ date: '2022-04-19', pages }, '2022/04/19/edition', index)).toEqual([]);
    expect(editionProblems({ date: '2022-04-19', pages: [...pages, { number: 2, name: '政法' }] }, '2022/04/19/edition', index)).toEqual(
      [],
    );
    expect(editionProblems({ date: '2022-04-19', pages }, undefined, index)[0]!.message).toContain('这一期已经有 edition.yaml');
    expect(editionProblems({ date: '2022-04-20', pages: [...pages, pages[0]] }, undefined, index)).toEqual([
      { field: 'pages', message: '版次 1 重复' },
    ]);
    expect(editionProblems({ date: '2022-04-20', pages: [] }, undefined, index)).toEqual([{ field: 'pages', message: '至少需要一个版面' }]);
    expect(editionProblems({ date: '2022-04-19', pages: [pages[0]] }, '2022/04/19/edition', index)[0]!.message).toBe(
      '第 3 版上还有稿件 「三版」：先把它们改到别的版，再删去这一版',
    );
  });

  it('sorts newest edition first, then by 版 and position, in one descending key', () => {
    const keys = [
      { date: '2022-04-19', page: 3, order: 1 },
      { date: '2022-04-19', page: 1, order: 2 },
      { date: '2022-01-05', page: 1, order: 1 },
      { date: '2022-04-19', page: 1, order: 1 },
    ].map((d) => [placementSortKey(d), `${d.date}/${d.page}/${d.order}`]);
    expect(keys.sort(([a], [b]) => (a! < b! ? 1 : -1)).map(([, v]) => v)).toEqual([
      '2022-04-19/1/1',
      '2022-04-19/1/2',
      '2022-04-19/3/1',
      '2022-01-05/1/1',
    ]);
  });
});

describe('the date field', () => {
  it('shows a stored date as the paper prints it', () => {
    expect(showDate('2022-04-19')).toBe('2022年4月19日');
    expect(showDate(undefined)).toBe('');
  });

  it('reads what a reporter types into YYYY-MM-DD, and refuses what is not a day', () => {
    for (const text of ['2022年4月19日', '2022-04-19', '2022.4.19', '2022/4/19', '２０２２年４月１９日', ' 2022 年 4 月 19 日 '])
      expect(parseDate(text), text).toBe('2022-04-19');
    expect(parseDate('')).toBe('');
    for (const text of ['2022年2月30日', '4月19日', '2022-13-01', 'abc']) expect(parseDate(text), text).toBeUndefined();
    expect(dateError('4月19日')).toContain('2022年4月19日');
    expect(dateError('2022年4月19日')).toBeUndefined();
  });
});
