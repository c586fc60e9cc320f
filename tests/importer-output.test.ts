// Importer output: article files, the edition file, the JSON report, and what may be written where.
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ImportError, importPage, pageJson, planImport, type ImportedArticle } from '../src/lib/importer/index.ts';
import { articleFile, editionFile } from '../src/lib/importer/serialise.ts';
import { articleSchema } from '../src/lib/schema.ts';
import { fw } from './fullwidth.ts';

const placement = { date: '2022-04-19', page: 1 };
const photoItem = '李建伟 张佳月\n近日,新乐市人民法院组织开展宣传活动。图为活动现场。唐新花 熊海生 摄';
const page = importPage(
  `大厂交警开展宣传\n近日,大厂公安交警大队民警深入辖区外卖企业,开展交通安全宣传活动。\n${photoItem}\n武安交警开展夜查行动\n河北法制报讯 (杨帆)4月15日晚,武安市公安交警大队开展酒驾整治行动,其中醉酒驾驶`,
);

describe('article files', () => {
  it('writes frontmatter the schema accepts, in the sample’s style, with the Markdown body', () => {
    const [first, photo, cut] = page.articles.map((a) => articleFile(a, placement));
    expect(first).toBe(
      [
        '---',
        'title: 大厂交警开展宣传',
        'byline:',
        '  - 李建伟',
        '  - 张佳月',
        'date: 2022-04-19',
        'county: 大厂回族自治县',
        'category: 交通',
        'page: 1',
        'order: 1',
        '---',
        '',
        fw('近日,大厂公安交警大队民警深入辖区外卖企业,开展交通安全宣传活动。'),
        '',
      ].join('\n'),
    );
    const photoData = articleSchema.parse(matter(photo!).data);
    expect(photoData).toMatchObject({
      title: '新乐法院开展宣传活动',
      editorHeadline: true,
      byline: [
        { name: '唐新花', role: '摄影' },
        { name: '熊海生', role: '摄影' },
      ],
      images: [{ caption: '图为活动现场。', credit: ['唐新花', '熊海生'] }],
    });
    expect(photo).toContain('editorHeadline: true # ');
    const cutData = articleSchema.parse(matter(cut!).data);
    expect(cutData).toMatchObject({ truncated: true, source: '河北法制报讯', byline: [{ name: '杨帆' }], county: '武安市' });
  });

  it('fails loudly, naming the article and the field, when the schema rejects it', () => {
    const broken: ImportedArticle = { ...page.articles[0]!, county: '宣化县', title: '标'.repeat(81) };
    expect(() => articleFile(broken, placement)).toThrow(ImportError);
    expect(() => articleFile(broken, placement)).toThrow(/第 1 行起的稿件.*title.*county.*宣化区/s);
  });
});

describe('--json report', () => {
  it('has exactly the documented shape, byline as names', () => {
    const json = pageJson(page, placement);
    for (const article of json.articles) {
      expect(Object.keys(article)).toEqual(['title', 'slug', 'byline', 'county', 'category', 'body', 'images', 'flags']);
      for (const image of article.images) expect(Object.keys(image)).toEqual(['caption', 'credit']);
    }
    expect(json.articles[1]).toMatchObject({
      slug: 'xin-le-fa-yuan-kai-zhan-xuan-chuan-huo-dong',
      byline: ['唐新花', '熊海生'],
      flags: ['untitled'],
    });
    expect(json.articles[2]!.flags).toEqual(['truncated']);
  });
});

describe('edition file', () => {
  it('creates the edition with the page, 要闻 for the front page', () => {
    expect(parseYaml(editionFile(undefined, placement, '要闻')!)).toEqual({ date: '2022-04-19', pages: [{ number: 1, name: '要闻' }] });
  });

  it('adds a new page to an existing edition in page order, keeping its comments, and leaves it alone otherwise', () => {
    const existing = '# 版期信息\ndate: 2022-04-19\npages:\n  - number: 1\n    name: 要闻\n  - number: 3\n    name: 法治视点\n';
    const added = editionFile(existing, { date: '2022-04-19', page: 2 }, '政法动态')!;
    expect(added.startsWith('# 版期信息\n')).toBe(true);
    expect(parseYaml(added).pages.map((p: { number: number }) => p.number)).toEqual([1, 2, 3]);
    expect(editionFile(existing, placement, '要闻')).toBeUndefined();
    expect(() => editionFile(existing, { date: '2022-04-20', page: 1 }, '要闻')).toThrow(/日期/);
  });
});

describe('planImport', () => {
  const existing = [{ name: 'da-chang-jiao-jing-kai-zhan-xuan-chuan.md', content: '---\npage: 1\n---\n' }];

  it('plans one file per article and the edition file', () => {
    const plan = planImport(page, { placement, existing: [], force: false });
    expect(plan.writes.map((w) => w.name)).toEqual([
      'da-chang-jiao-jing-kai-zhan-xuan-chuan.md',
      'xin-le-fa-yuan-kai-zhan-xuan-chuan-huo-dong.md',
      'wu-an-jiao-jing-kai-zhan-ye-cha-xing-dong.md',
      'edition.yaml',
    ]);
  });

  it('refuses to overwrite without force, and overwrites with it', () => {
    expect(() => planImport(page, { placement, existing, force: false })).toThrow(/--force/);
    expect(planImport(page, { placement, existing, force: true }).writes).toHaveLength(4);
  });

  it('refuses to put a page on top of other articles already on that page', () => {
    const other = [{ name: 'ling-yi-pian.md', content: '---\ntitle: 另一篇\npage: 1\n---\n' }];
    expect(() => planImport(page, { placement, existing: other, force: true })).toThrow(/ling-yi-pian\.md/);
    expect(planImport(page, { placement: { ...placement, page: 2 }, existing: other, force: false }).writes).toHaveLength(4);
  });

  it('gives repeated headlines distinct file names', () => {
    const twice = importPage('法院开展宣传\n近日,无极县人民法院开展宣传活动。\n席娟\n法院开展宣传\n近日,新乐市人民法院开展宣传活动。');
    expect(twice.slugs).toEqual(['fa-yuan-kai-zhan-xuan-chuan', 'fa-yuan-kai-zhan-xuan-chuan-2']);
  });
});
