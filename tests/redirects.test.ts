// redirects.yaml (src/lib/permanent-urls/redirects.ts): every problem located at the line and column a reporter must fix, the
// pages a redirect may leave and reach (builtPages), and the readers of the file the build uses.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../src/lib/content/problem.ts';
import {
  parseRedirectList,
  parseRedirects,
  redirectProblems,
  renderRedirectsFile,
  builtPages,
  type SitePages,
} from '../src/lib/permanent-urls/redirects.ts';
import { readRedirects } from '../src/lib/permanent-urls/redirects-fs.ts';
import { fw } from './fullwidth.ts';
import { articleSchema } from '../src/lib/schema.ts';

const FILE = 'content/redirects.yaml';
const live: SitePages = { isPage: (path) => ['/2022/04/19/new/', '/2022/04/19/live/', '/2022/04/20/'].includes(path) };
/** [line, column, message] of each problem, in file order. */
const located = (text: string, site: SitePages = live) =>
  redirectProblems(text, FILE, site).map((p) => [p.line, p.column, p.rule, p.message]);
const PATH_RULE = fw(',例如 /2022/04/19/fa-yuan/');

describe('redirectProblems: the file itself', () => {
  it('accepts a well-formed list, an empty list and a file of comments only', () => {
    expect(located('# moved\n- from: /2022/04/19/old/\n  to: /2022/04/19/new/\n')).toEqual([]);
    expect(located('[]\n')).toEqual([]);
    expect(located('# nothing moved yet\n')).toEqual([]);
    expect(parseRedirectList('- from: /2022/04/19/old/\n  to: /2022/04/19/new/\n', FILE).redirects).toEqual([
      { from: '/2022/04/19/old/', to: '/2022/04/19/new/' },
    ]);
  });

  it('refuses a file that is not a list, at its first line', () => {
    expect(located('# moved\nfrom: /2022/04/19/old/\nto: /2022/04/19/new/\n')).toEqual([
      [2, 1, 'redirects', `${fw('转址表必须是一个列表:每条转址以')}「- from: 旧地址」${fw('开头,下一行缩进两格写')}「to: 新地址」`],
    ]);
  });

  it('refuses an entry that is not { from, to }, a missing field and an unknown one', () => {
    const text = [
      '- /2022/04/19/old/',
      '- from: /2022/04/19/a/',
      '- from: /2022/04/19/b/',
      '  to: /2022/04/19/new/',
      '  note: 改过标题',
      '',
    ].join('\n');
    expect(located(text)).toEqual([
      [1, 3, 'redirects', `${fw('第 1 条转址必须写成两个字段:')}from: 旧地址 和 to: 新地址`],
      [2, 3, 'redirects', fw('这条转址缺少 to(新地址)')],
      [5, 3, 'redirects', fw('未知的字段「note」:每条转址只有 from(旧地址)和 to(新地址)两个字段')],
    ]);
  });

  it.each([['https://evil.example/'], ['//evil.example/'], ['javascript:alert(1)'], ['/\\evil.example/']])(
    'refuses a redirect to another host, %s, saying redirects stay inside the site',
    (to) => {
      expect(located(`- from: /2022/04/19/old/\n  to: ${JSON.stringify(to)}\n`)).toEqual([
        [
          2,
          7,
          'redirects',
          `${fw('转址只能指向本站内的页面:')}「${to}」${fw('是站外地址,to 必须是以 / 开头和结尾的站内路径')}${PATH_RULE}`,
        ],
      ]);
    },
  );

  it('refuses an old address on another host too', () => {
    expect(located('- from: https://evil.example/a/\n  to: /2022/04/19/new/\n')).toEqual([
      [
        1,
        9,
        'redirects',
        `${fw('转址只能转走本站内的地址:')}「https://evil.example/a/」${fw('不是本站的路径,from 必须是以 / 开头和结尾的站内路径')}${PATH_RULE}`,
      ],
    ]);
  });

  it('refuses a path that is not a site path /…/, and a value that is not text', () => {
    expect(located('- from: /2022/04/19/Old.html\n  to: 20220419\n')).toEqual([
      [
        1,
        9,
        'redirects',
        `${fw('「/2022/04/19/Old.html」不是站内路径:from(旧地址)必须是以 / 开头和结尾的站内路径,只用小写字母、数字和连字符')}${PATH_RULE}`,
      ],
      [2, 7, 'redirects', `${fw('to(新地址)必须是以 / 开头和结尾的站内路径,只用小写字母、数字和连字符')}${PATH_RULE}`],
    ]);
  });

  it('refuses from equal to to, a duplicate from and a chain', () => {
    const text = [
      '- from: /2022/04/19/same/',
      '  to: /2022/04/19/same/',
      '- from: /2022/04/19/old/',
      '  to: /2022/04/19/new/',
      '- from: /2022/04/19/old/',
      '  to: /2022/04/19/live/',
      '- from: /2022/04/19/a/',
      '  to: /2022/04/19/b/',
      '- from: /2022/04/19/b/',
      '  to: /2022/04/19/new/',
      '',
    ].join('\n');
    expect(located(text)).toEqual([
      [2, 7, 'redirects', fw('from 与 to 相同:这条转址会让页面转向自己')],
      [5, 9, 'redirects', fw('旧地址 /2022/04/19/old/ 在第 3 行已经转走了,同一个地址只能转到一处')],
      [8, 7, 'redirects', fw('/2022/04/19/b/ 本身也被转走了(第 9 行,转到 /2022/04/19/new/):请直接指向最终地址')],
    ]);
  });

  it('keeps the YAML parser’s own problems, located', () => {
    expect(
      located('- from: &old /2022/04/19/old/\n  to: /2022/04/19/new/\n- from: *old\n  to: /2022/04/20/\n').map(([l, c, rule]) => [
        l,
        c,
        rule,
      ]),
    ).toEqual([[1, 14, 'yaml-alias']]);
    expect(located('- from: /2022/04/19/old/\n  to: /2022/04/19/new/\n  to: /2022/04/20/\n').map(([l, c, rule]) => [l, c, rule])).toEqual([
      [3, 3, 'yaml-duplicate-key'],
    ]);
  });
});

describe('redirectProblems: against the site', () => {
  it('refuses a redirect that would hide a live page, and one to a page that does not exist', () => {
    const text = ['- from: /2022/04/19/live/', '  to: /2022/04/19/new/', '- from: /2022/04/19/old/', '  to: /2022/04/19/missing/', ''].join(
      '\n',
    );
    expect(located(text)).toEqual([
      [
        1,
        9,
        'redirects',
        fw('/2022/04/19/live/ 是网站上现有的页面(稿件、版面或列表),转址会把它藏起来,读者再也看不到:请删去这条转址,或先把那个页面移走'),
      ],
      [4, 7, 'redirects', fw('/2022/04/19/missing/ 在网站上不存在,读者会被转到「找不到页面」:请核对新地址的日期和文件名')],
    ]);
  });

  it('reports a chain once, not also as leading nowhere', () => {
    const text = '- from: /2022/04/19/a/\n  to: /2022/04/19/b/\n- from: /2022/04/19/b/\n  to: /2022/04/20/\n';
    expect(located(text).map(([l, c]) => [l, c])).toEqual([[2, 7]]);
  });
});

describe('builtPages', () => {
  let order = 0;
  const article = (id: string, data: Record<string, unknown> = {}) => ({
    id,
    data: articleSchema.parse({
      title: id,
      date: id.slice(0, 10).replaceAll('/', '-'),
      county: '裕华区',
      category: '法院',
      byline: ['朱婧伟'],
      page: 1,
      order: ++order,
      ...data,
    }),
  });
  const edition = (date: string) => ({ id: `${date.replaceAll('-', '/')}/edition`, data: { date, pages: [{ number: 1, name: '要闻' }] } });
  const pages = builtPages(
    [
      article('2022/04/19/fa-yuan'),
      article('2022/04/19/jiao-jing', { county: '宣化区', category: '要闻', byline: ['牛敏', '牛民'] }),
      article('2022/04/19/cao-gao', { draft: true, county: '怀安县', byline: ['席娟'] }),
      // An edition of drafts only is not published.
      article('2022/04/21/wei-wan', { draft: true }),
    ],
    [edition('2022-04-19'), edition('2022-04-20'), edition('2022-04-21')],
    { pageSize: 1 },
  );

  it('has the index pages, each edition with a published article and each published article, not drafts', () => {
    for (const path of [
      '/',
      '/archive/',
      '/archive/2022/',
      '/county/',
      '/category/',
      '/byline/',
      '/search/',
      '/2022/04/19/',
      '/2022/04/19/fa-yuan/',
      '/2022/04/19/jiao-jing/',
    ]) {
      expect(pages.isPage(path), path).toBe(true);
    }
    expect(pages.isPage('/2022/04/19/cao-gao/')).toBe(false);
    for (const empty of ['/2022/04/20/', '/2022/04/21/', '/2022/04/21/wei-wan/']) expect(pages.isPage(empty), empty).toBe(false);
  });

  it('has the county, category and byline listings of published articles, homophones told apart, with numbered pages', () => {
    for (const path of [
      '/county/yuhua/',
      '/county/xuanhua/',
      '/category/fayuan/',
      '/category/yaowen/',
      '/byline/zhujingwei/',
      '/byline/niumin/',
      '/byline/niumin-2/',
    ]) {
      expect(pages.isPage(path), path).toBe(true);
    }
    // Drafts only: no listing.
    expect(pages.isPage('/county/huaian/')).toBe(false);
    expect(pages.isPage('/byline/xijuan/')).toBe(false);
    // One article at one per page: no numbered page.
    expect(pages.isPage('/category/fayuan/1/')).toBe(false);
    const four = builtPages(
      [1, 2, 3, 4].map((n) => article(`2022/04/19/a${n}`)),
      [edition('2022-04-19')],
      { pageSize: 1 },
    );
    expect(['/county/yuhua/', '/county/yuhua/1/', '/county/yuhua/2/', '/county/yuhua/3/'].map((p) => four.isPage(p))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(four.isPage('/county/yuhua/4/')).toBe(false);
  });

  it('puts persons at their recorded addresses, as the site does', () => {
    const alone = builtPages([article('2022/04/19/jiao-jing', { byline: ['牛敏'] })], [edition('2022-04-19')], {
      bylineRecord: new Map([['牛民', 'niumin']]),
    });
    // 牛民 owns /byline/niumin/ (published once), so 牛敏 is at the next free address even while 牛民 has no article.
    expect(alone.isPage('/byline/niumin/')).toBe(false);
    expect(alone.isPage('/byline/niumin-2/')).toBe(true);
    expect(builtPages([article('2022/04/19/jiao-jing', { byline: ['牛敏'] })], [edition('2022-04-19')]).isPage('/byline/niumin/')).toBe(
      true,
    );
  });
});

describe('the build’s readers', () => {
  const work = mkdtempSync(join(tmpdir(), 'redirects-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('parseRedirects throws one readable line per problem, with file, line and column', () => {
    expect(() => parseRedirects('- from: /2022/04/19/old/\n  to: https://evil.example/\n- from: /a/\n', FILE)).toThrow(
      [
        fw(`${FILE} 有错误:`),
        `${FILE}:2:7 error redirects: ${fw('转址只能指向本站内的页面:')}「https://evil.example/」${fw('是站外地址,to 必须是以 / 开头和结尾的站内路径')}${PATH_RULE}`,
        `${FILE}:3:3 error redirects: ${fw('这条转址缺少 to(新地址)')}`,
      ].join('\n'),
    );
  });

  it('readRedirects reads a content folder strictly, and writes nothing for none', () => {
    mkdirSync(join(work, 'content'));
    expect(readRedirects(work, 'content')).toEqual([]);
    writeFileSync(join(work, 'content/redirects.yaml'), '\uFEFF- from: /2022/04/19/old/\r\n  to: /2022/04/19/new/\r\n');
    const redirects = readRedirects(work, 'content');
    expect(renderRedirectsFile(redirects, '/paper/')).toBe(
      '# Moved URLs, from redirects.yaml in the content folder.\n/paper/2022/04/19/old/ /paper/2022/04/19/new/ 301\n',
    );
    writeFileSync(join(work, 'content/redirects.yaml'), Buffer.from([0x2d, 0x20, 0xb1, 0xbe]));
    expect(() => readRedirects(work, 'content')).toThrow(/^content\/redirects\.yaml:1:3: 文件不是 UTF-8 编码/);
  });

  it('readRedirects never follows a link, never reads a folder or a device, and refuses a file over the limit unread', () => {
    const content = join(work, 'refused');
    mkdirSync(content);
    const file = join(content, 'redirects.yaml');
    // Followed, /dev/zero would never end: the build would hang in astro.config.mjs.
    symlinkSync('/dev/zero', file);
    expect(() => readRedirects(work, 'refused')).toThrow(/^refused\/redirects\.yaml:1:1: 内容文件夹里不能有符号链接/);
    rmSync(file);
    mkdirSync(file);
    expect(() => readRedirects(work, 'refused')).toThrow(/^refused\/redirects\.yaml:1:1: 这不是普通文件/);
    rmSync(file, { recursive: true });
    writeFileSync(file, '');
    truncateSync(file, 1024 * 1024);
    expect(() => readRedirects(work, 'refused')).toThrow(/^refused\/redirects\.yaml:1:1: 文件太大.*最多 768 KB/);
  });

  it('formats problems as the checker prints them', () => {
    const [problem] = redirectProblems('- from: /2022/04/19/old/\n  to: /2022/04/19/missing/\n', FILE, live);
    expect(formatProblem(problem!)).toMatch(/^content\/redirects\.yaml:2:7 error redirects: \/2022\/04\/19\/missing\/ 在网站上不存在/);
  });
});
