// The editor's file format (src/lib/cms/format.ts): what Decap reads from an article file and writes back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleFields } from '../src/lib/cms/config.ts';
import { pathFields, readArticleText, readEditionText, writeArticleText, writeEditionText, type Originals } from '../src/lib/cms/format.ts';
import { readArticle, readEdition as readEditionFile } from '../src/lib/content/read.ts';

const readEdition = (text: string) => readEditionFile('2022/04/20/edition.yaml', new TextEncoder().encode(text)).problems;

const order = articleFields().map((f) => f.name);
const sample = readFileSync('tests/fixtures/search-site/2022/04/19/dian-dong-che-zhuan-xiang.md', 'utf8');

describe('editor file format', () => {
  it('writes a file it read back byte for byte when nothing changed', () => {
    const originals: Originals = new Map();
    const entry = readArticleText(sample, originals);
    expect(entry).toMatchObject({ title: '全市开展电动车专项整治', byline: ['记者 王明'], date: '2022-04-19', page: 1 });
    expect(writeArticleText(entry, order, originals)).toBe(sample);
  });

  it('changes only the edited field, keeping comments and flow lists', () => {
    const originals: Originals = new Map();
    const text = sample.replace('page: 1\n', 'page: 1 # 头版\n');
    const entry = readArticleText(text, originals);
    const written = writeArticleText({ ...entry, kicker: '', subtitle: '整治见成效', order: 2 }, order, originals);
    expect(written).toContain('byline: [记者 王明]');
    expect(written).toContain('page: 1 # 头版');
    expect(written).toContain('order: 2\n');
    expect(written).not.toContain('kicker');
    expect(written.indexOf('subtitle')).toBeGreaterThan(written.indexOf('title'));
    expect(readArticle('x.md', new TextEncoder().encode(written)).problems).toEqual([]);
  });

  it("writes a new article the checker accepts, empty optional fields left out, fields in the editor's order", () => {
    const written = writeArticleText(
      {
        title: '新稿件',
        kicker: '',
        byline: ['记者 徐洋'],
        date: '2022-04-19',
        county: '裕华区',
        category: '法院',
        page: 1,
        order: 3,
        images: [],
        editorHeadline: false,
        body: '正文。\n',
        cms_slug: 'xin-gao-jian',
      },
      order,
      new Map(),
    );
    expect(written).toBe(
      '---\ntitle: 新稿件\nbyline:\n  - 记者 徐洋\ndate: 2022-04-19\ncounty: 裕华区\ncategory: 法院\npage: 1\norder: 3\n---\n\n正文。\n',
    );
    expect(readArticle('x.md', new TextEncoder().encode(written)).problems).toEqual([]);
  });

  it('reads an object byline as the line the schema reads the same way', () => {
    const entry = readArticleText(sample.replace('[记者 王明]', '[{ name: 唐新花, role: 摄影 }]'), new Map());
    expect(entry['byline']).toEqual(['摄影 唐新花']);
  });

  it("makes the folder from the date as written and the file name from the headline's pinyin", () => {
    expect(pathFields({ title: '女子“抄近道”逆行', date: '2022-04-19' })).toEqual({
      cms_slug: 'nv-zi-chao-jin-dao-ni-xing',
      cms_year: '2022',
      cms_month: '04',
      cms_day: '19',
    });
  });

  it('refuses a file the checker refuses, with its reason', () => {
    expect(() => readArticleText('title: x\n', new Map())).toThrow(/---/);
  });
});

describe('editing a file keeps every line it did not change', () => {
  const text = [
    '---',
    '# 编辑部备注：待核实',
    'title: 旧标题',
    'byline: [{ name: 唐新花, role: 摄影 }, 徐洋]',
    'date: 2022-04-19',
    'county: 裕华区 # 核实过',
    'category: 法院',
    'page: 1',
    'order: 3',
    'images:',
    '  - caption: 图为现场。',
    '    credit: [唐新花]',
    '',
    '# 以下由编辑填写',
    'source: 河北法制报讯',
    '---',
    '',
    '正文。',
    '',
  ].join('\n');

  it('replaces, removes and adds only the fields that changed', () => {
    const originals: Originals = new Map();
    const entry = readArticleText(text, originals);
    const written = writeArticleText({ ...entry, title: '新标题', county: '长安区', source: '', kicker: '引题' }, order, originals);
    expect(written).toBe(
      text
        .replace('title: 旧标题', 'kicker: 引题\ntitle: 新标题')
        .replace('county: 裕华区 # 核实过', 'county: 长安区 # 核实过')
        .replace('source: 河北法制报讯\n', ''),
    );
  });

  it('writes a changed list in block style in place of the old one', () => {
    const originals: Originals = new Map();
    const entry = readArticleText(text, originals);
    const written = writeArticleText({ ...entry, images: [{ caption: '图为现场。', credit: ['唐新花', '熊海生'] }] }, order, originals);
    expect(written).toBe(text.replace('    credit: [唐新花]\n', '    credit:\n      - 唐新花\n      - 熊海生\n'));
    expect(readArticle('x.md', new TextEncoder().encode(written)).problems).toEqual([]);
  });
});

describe('editor edition.yaml format', () => {
  const edition = readFileSync('tests/fixtures/search-site/2022/04/19/edition.yaml', 'utf8');

  it('writes an edition.yaml it read back byte for byte when nothing changed', () => {
    const originals: Originals = new Map();
    const entry = readEditionText(edition, originals);
    expect(entry).toMatchObject({
      date: '2022-04-19',
      issue: 6080,
      pages: [
        { number: 1, name: '要闻' },
        { number: 3, name: '法治社会' },
      ],
    });
    expect(writeEditionText(entry, originals)).toBe(edition);
  });

  it('adds a 版 as one line beside the others, keeping the rest', () => {
    const originals: Originals = new Map();
    const entry = readEditionText(`# 第6080期\n${edition}`, originals);
    const pages = [...(entry['pages'] as object[]), { number: 2, name: '政法动态', pdf: '', image: '' }];
    const written = writeEditionText({ ...entry, pages }, originals);
    expect(written).toBe(
      '# 第6080期\ndate: 2022-04-19\nissue: 6080\npages:\n  - { number: 1, name: 要闻 }\n  - { number: 3, name: 法治社会 }\n  - { number: 2, name: 政法动态 }\n',
    );
    expect(readEdition(written)).toEqual([]);
  });

  it('keeps the comments beside and between the 版 when one is added, removed or changed', () => {
    const text = [
      '# 第6080期',
      'date: 2022-04-19',
      'issue: 6080 # 总期号',
      'pages:',
      '  - { number: 1, name: 要闻 } # 头版',
      '  # 第 2 版待定',
      '  - { number: 3, name: 法治社会 } # 周二',
      'note: 内部',
      '',
    ].join('\n');
    const write = (pages: object[]) => {
      const originals: Originals = new Map();
      return writeEditionText({ ...readEditionText(text, originals), pages }, originals);
    };
    const [one, three] = [
      { number: 1, name: '要闻' },
      { number: 3, name: '法治社会' },
    ];
    const added = write([one, { number: 2, name: '政法动态', editor: '', pdf: '' }, three]);
    expect(added).toBe(text.replace('  # 第 2 版待定\n', '  - { number: 2, name: 政法动态 }\n  # 第 2 版待定\n'));
    expect(write([one, three, { number: 4, name: '综合' }])).toBe(text.replace('# 周二\n', '# 周二\n  - { number: 4, name: 综合 }\n'));
    expect(write([three])).toBe(text.replace('  - { number: 1, name: 要闻 } # 头版\n', ''));
    expect(write([one, { number: 3, name: '法治' }])).toBe(text.replace('name: 法治社会 }', 'name: 法治 }'));
    for (const written of [added, write([three])]) expect(readEdition(written)).toEqual([]);
  });

  it('writes a new edition.yaml in the editor’s order, each 版 on one line, empty fields left out', () => {
    const written = writeEditionText(
      { pages: [{ name: '要闻', number: 1, pdf: '01.pdf' }], note: '', date: '2022-04-20', issue: 6081, cms_year: '2022' },
      new Map(),
    );
    expect(written).toBe('date: 2022-04-20\nissue: 6081\npages:\n  - { number: 1, name: 要闻, pdf: 01.pdf }\n');
    expect(readEdition(written)).toEqual([]);
  });
});
