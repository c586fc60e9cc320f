import { describe, expect, it } from 'vitest';
import { articleSchema, editionSchema } from '../src/lib/schema.ts';
import { fw } from './fullwidth.ts';

const valid = {
  title: '法院依法强制腾房 保障胜诉当事人权益',
  byline: ['朱婧伟'],
  date: '2022-04-19',
  county: '裕华区',
  category: '法院',
  page: 1,
  order: 13,
  source: '河北法制报讯',
};

function messages(input: unknown): string[] {
  const result = articleSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('article schema', () => {
  it('accepts a complete article and fills defaults', () => {
    const article = articleSchema.parse(valid);
    expect(article.byline).toEqual([{ name: '朱婧伟' }]);
    expect(article.images).toEqual([]);
    expect(article.draft).toBe(false);
    expect(article.truncated).toBe(false);
  });

  it('turns a YAML date into YYYY-MM-DD', () => {
    expect(articleSchema.parse({ ...valid, date: new Date('2022-04-19T00:00:00Z') }).date).toBe('2022-04-19');
  });

  it('rejects impossible and badly written dates', () => {
    expect(messages({ ...valid, date: '2022-02-30' })).toEqual([`date: ${fw('日期不存在(请检查月份和日)')}`]);
  });

  it('says once, and with the digits the reporter typed, how a date must be written', () => {
    const form = (date: string) => `date: ${fw(`日期要写成 ${date} 这样(年-月-日,月和日都写两位数)`)}`;
    expect(messages({ ...valid, date: '2022-4-19' })).toEqual([form('2022-04-19')]);
    expect(messages({ ...valid, date: '2022/4/9' })).toEqual([form('2022-04-09')]);
    expect(messages({ ...valid, date: '2022年4月19日' })).toEqual([form('2022-04-19')]);
    expect(messages({ ...valid, date: '4月19日' })).toEqual([form('2022-04-19')]);
    expect(messages({ ...valid, date: '2022-4-31' })).toEqual([
      `${form('2022-04-19')}${fw(',而且 2022-04-31 这一天不存在(请检查月份和日)')}`,
    ]);
  });

  it('reads roles in bylines written as text or as objects', () => {
    const article = articleSchema.parse({ ...valid, byline: ['记者 徐洋', { name: '唐新花', role: '摄影' }, '刘爱军'] });
    expect(article.byline).toEqual([{ role: '记者', name: '徐洋' }, { name: '唐新花', role: '摄影' }, { name: '刘爱军' }]);
  });

  it('reads a role written joined to the name or with a colon, only for the role words of the schema', () => {
    const article = articleSchema.parse({
      ...valid,
      byline: [
        '记者张三',
        '通讯员：李四',
        '通讯员:王五',
        '记者 赵六',
        '特约记者孙七',
        { 实习生: '周八' },
        '编辑部',
        '记者',
        '记者张',
        '纪者张三',
        '张记者',
      ],
    });
    expect(article.byline).toEqual([
      { role: '记者', name: '张三' },
      { role: '通讯员', name: '李四' },
      { role: '通讯员', name: '王五' },
      { role: '记者', name: '赵六' },
      { role: '特约记者', name: '孙七' },
      { role: '实习生', name: '周八' },
      { name: '编辑部' },
      { name: '记者' },
      { name: '记者张' },
      { name: '纪者张三' },
      { name: '张记者' },
    ]);
  });

  it('refuses a role with a colon and no name after it', () => {
    expect(messages({ ...valid, byline: ['记者：'] })).toEqual(['byline.0.name: 姓名不能为空']);
  });

  it('refuses several names written as one', () => {
    expect(messages({ ...valid, byline: ['席娟 郝雪'] })[0]).toContain('每个姓名单独写一项');
  });

  it('refuses a person name without Han characters or Latin letters, or without a pinyin slug, in bylines and photo credits', () => {
    const image = (credit: string) => ({ caption: '图为现场。', credit });
    expect(messages({ ...valid, byline: ['🙂🙂', '记者 ★', { name: '123', role: '摄影' }], images: [image('※')] })).toEqual([
      `byline.0.name: ${fw('姓名「🙂🙂」里没有汉字或字母,网站无法为它生成署名页;请写上真实姓名')}`,
      `byline.1.name: ${fw('姓名「★」里没有汉字或字母,网站无法为它生成署名页;请写上真实姓名')}`,
      `byline.2.name: ${fw('姓名「123」里没有汉字或字母,网站无法为它生成署名页;请写上真实姓名')}`,
      `images.0.credit.0: ${fw('姓名「※」里没有汉字或字母,网站无法为它生成署名页;请写上真实姓名')}`,
    ]);
    expect(messages({ ...valid, byline: ['𪚥'] })).toEqual([
      `byline.0.name: ${fw('姓名「𪚥」里的字无法转成拼音,网站无法为它生成署名页的网址;请检查是否写错了字')}`,
    ]);
    // Letters with anything else are a name; an empty name or a control character is told once, in its own words.
    expect(
      messages({ ...valid, byline: ['王🙂', 'Zhang Wei'.replace(' ', ''), '阿卜杜·热合曼', 'José'], images: [image('赵强')] }),
    ).toEqual([]);
    expect(messages({ ...valid, byline: ['记者：', '\u202E'] })).toEqual([
      'byline.0.name: 姓名不能为空',
      expect.stringMatching(/^byline\.1\.name: .*U\+202E/),
    ]);
  });

  it('suggests the county the reporter meant', () => {
    expect(messages({ ...valid, county: '张家囗市' })).toEqual([`county: ${fw('未知的县区「张家囗市」,是否为「张家口市」?')}`]);
  });

  it('asks for the full name of an ambiguous county', () => {
    const [message] = messages({ ...valid, county: '桥西区' });
    expect(message).toContain('有重名');
    expect(message).toContain('石家庄市桥西区');
    expect(message).toContain('张家口市桥西区');
  });

  it('accepts the scope values for stories with no single Hebei county', () => {
    expect(articleSchema.parse({ ...valid, county: '全国' }).county).toBe('全国');
    expect(articleSchema.parse({ ...valid, county: '河北省' }).county).toBe('河北省');
  });

  it('accepts only categories from the list', () => {
    expect(messages({ ...valid, category: '体育' })[0]).toContain(fw('栏目(category)只能是:要闻、'));
  });

  it('requires a positive page and order', () => {
    expect(messages({ ...valid, page: 0 })[0]).toContain('版次');
    expect(messages({ ...valid, order: 1.5 })[0]).toContain('版内顺序');
  });

  it('refuses unknown fields so typos do not pass silently', () => {
    expect(messages({ ...valid, cuonty: '裕华区' })[0]).toContain('cuonty');
  });

  it('keeps captions with credits, with or without a photo file', () => {
    const article = articleSchema.parse({ ...valid, images: [{ caption: '图为活动现场。', credit: '唐新花' }] });
    expect(article.images).toEqual([{ caption: '图为活动现场。', credit: ['唐新花'] }]);
  });
});

describe('edition schema', () => {
  it('accepts an edition with pages', () => {
    expect(editionSchema.parse({ date: '2022-04-19', issue: 5123, pages: [{ number: 1, name: '要闻' }] }).issue).toBe(5123);
  });

  it('rejects duplicate page numbers and empty editions', () => {
    expect(
      editionSchema.safeParse({
        date: '2022-04-19',
        pages: [
          { number: 1, name: '要闻' },
          { number: 1, name: '政法' },
        ],
      }).success,
    ).toBe(false);
    expect(editionSchema.safeParse({ date: '2022-04-19', pages: [] }).success).toBe(false);
  });
});
