import { describe, expect, it } from 'vitest';
import {
  assembleEditions,
  ContentError,
  editionProblems,
  editionsByMonth,
  groupArticles,
  monthGrid,
  neighbours,
} from '../src/lib/edition.ts';
import { articleSchema, type Article } from '../src/lib/schema.ts';

function article(id: string, overrides: Partial<Record<keyof Article, unknown>> = {}) {
  const date = id.slice(0, 10).replaceAll('/', '-');
  return { id, data: articleSchema.parse({ title: id, date, county: '馆陶县', category: '公安', page: 1, order: 1, ...overrides }) };
}
const edition = (
  date: string,
  pages = [
    { number: 1, name: '要闻' },
    { number: 2, name: '政法动态' },
  ],
) => ({
  id: `${date.replaceAll('-', '/')}/edition`,
  data: { date, pages },
});

describe('assembleEditions', () => {
  it('orders editions newest first and articles by page then position', () => {
    const editions = assembleEditions(
      [
        article('2022/04/19/b', { page: 2, order: 1 }),
        article('2022/04/19/a', { page: 1, order: 2 }),
        article('2022/04/19/c', { page: 1, order: 1 }),
        article('2022/04/20/d'),
      ],
      [edition('2022-04-19'), edition('2022-04-20')],
    );
    expect(editions.map((e) => e.date)).toEqual(['2022-04-20', '2022-04-19']);
    expect(editions[1]!.articles.map((a) => a.id)).toEqual(['2022/04/19/c', '2022/04/19/a', '2022/04/19/b']);
    expect(editions[1]!.pages.map((p) => [p.name, p.articles.length])).toEqual([
      ['要闻', 2],
      ['政法动态', 1],
    ]);
  });

  it('names the file and field when the date disagrees with the folder', () => {
    expect(() => assembleEditions([article('2022/04/19/a', { date: '2022-04-18' })], [edition('2022-04-19')])).toThrow(
      'content/2022/04/19/a.md: date: 日期 2022-04-18 与所在版期文件夹 2022-04-19 不一致',
    );
  });

  it('refuses an article on a page the edition does not have', () => {
    expect(() => assembleEditions([article('2022/04/19/a', { page: 5 })], [edition('2022-04-19')])).toThrow(/page: 第 5 版不在本期版面中/);
  });

  it('refuses an article whose edition has no edition.yaml', () => {
    expect(() => assembleEditions([article('2022/04/21/a')], [edition('2022-04-19')])).toThrow(ContentError);
  });

  it('refuses two articles at the same position', () => {
    expect(() => assembleEditions([article('2022/04/19/a'), article('2022/04/19/b')], [edition('2022-04-19')])).toThrow(/order/);
  });

  it('leaves out what breaks the rules when asked to (the dev preview), and what that breaks in turn', () => {
    const articles = [
      article('2022/04/19/a'),
      article('2022/04/19/b'), // same position as a: left out
      article('2022/04/19/c', { page: 5 }), // no such page: left out
      article('2022/04/20/d'), // its edition's date disagrees with its folder: left out with it
    ];
    const editions = [edition('2022-04-19'), { ...edition('2022-04-20'), id: '2022/04/21/edition' }];
    const views = assembleEditions(articles, editions, { leaveOutBroken: true });
    expect(views.map((e) => [e.date, e.articles.map((a) => a.id)])).toEqual([['2022-04-19', ['2022/04/19/a']]]);
  });

  it('finds the previous and next article in reading order', () => {
    const [view] = assembleEditions(
      [article('2022/04/19/a', { order: 1 }), article('2022/04/19/b', { order: 2 }), article('2022/04/19/c', { order: 3 })],
      [edition('2022-04-19')],
    );
    expect(neighbours(view!, '2022/04/19/b')).toEqual({ prev: view!.articles[0], next: view!.articles[2] });
    expect(neighbours(view!, '2022/04/19/a').prev).toBeUndefined();
  });
});

describe('editionProblems on files with errors of their own', () => {
  const at = (id: string, data: { date?: string; page?: number; order?: number }) => ({ id, data });
  const rules = (problems: ReturnType<typeof editionProblems>) => problems.map((p) => [p.file, p.field]);

  it('applies each rule whose fields are valid, and skips the others', () => {
    const problems = editionProblems(
      [
        at('2022/04/19/a', { page: 3 }),
        at('2022/04/19/b', { page: 1, order: 2 }),
        at('2022/04/19/c', { date: '2022-04-19', page: 1, order: 2 }),
        at('2022/04/19/d', {}),
      ],
      [edition('2022-04-19')],
    );
    expect(rules(problems)).toEqual([
      ['content/2022/04/19/a.md', 'page'],
      ['content/2022/04/19/c.md', 'order'],
    ]);
    expect(problems[1]!.clash).toEqual({ file: 'content/2022/04/19/b.md', page: 1, order: 2, free: 3 });
  });

  it('uses an edition.yaml by its folder, whatever its date, and its pages only when they are valid', () => {
    const problems = editionProblems(
      [at('2022/04/19/a', { date: '2022-04-19', page: 5, order: 1 }), at('2022/04/20/b', { page: 5, order: 1 })],
      [
        { id: '2022/04/19/edition', data: { date: '2022-04-18', pages: [{ number: 1 }] } },
        { id: '2022/04/20/edition', data: {} },
      ],
    );
    expect(rules(problems)).toEqual([
      ['content/2022/04/19/edition.yaml', 'date'],
      ['content/2022/04/19/a.md', 'page'],
    ]);
  });
});

describe('listings', () => {
  it('groups articles by several keys, newest first', () => {
    const groups = groupArticles(
      [article('2022/04/19/a', { byline: ['席娟', '郝雪'] }), article('2022/04/20/b', { byline: ['席娟'] })],
      (a) => a.data.byline.map((b) => b.name),
    );
    expect(groups.get('席娟')!.map((a) => a.id)).toEqual(['2022/04/20/b', '2022/04/19/a']);
    expect(groups.get('郝雪')!.map((a) => a.id)).toEqual(['2022/04/19/a']);
  });

  it('groups edition dates by month, newest month first', () => {
    expect(editionsByMonth(['2022-04-19', '2022-03-01', '2022-04-01'])).toEqual([
      { year: 2022, month: 4, dates: ['2022-04-01', '2022-04-19'] },
      { year: 2022, month: 3, dates: ['2022-03-01'] },
    ]);
  });

  it('lays out a month as Monday-first weeks', () => {
    const weeks = monthGrid(2022, 4); // 1 April 2022 was a Friday
    expect(weeks[0]).toEqual([null, null, null, null, 1, 2, 3]);
    expect(weeks.at(-1)).toEqual([25, 26, 27, 28, 29, 30, null]);
  });
});
