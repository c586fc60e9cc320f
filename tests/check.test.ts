// The content checker (src/lib/check, scripts/check.ts) on fixture trees: tests/fixtures/check/bad holds one kind
// of mistake per file and its expected report (expected.txt, compiler-style lines); good holds valid LF, CRLF, CR and
// BOM files and a title that YAML 1.1 would read as a date; eol holds the same mistakes with each line ending. Regenerate expected.txt with
// `UPDATE_FIXTURES=1 npx vitest run tests/check.test.ts`, then read it.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkArticle, checkPaths } from '../src/lib/check/check-fs.ts';
import { formatProblem, formatSummary, ruleDescriptions, type Problem } from '../src/lib/content/problem.ts';
import { articleSchema, editionSchema } from '../src/lib/schema.ts';
import { fw } from './fullwidth.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const fixtures = join(root, 'tests/fixtures/check');

const report = (problems: readonly Problem[]) => problems.map(formatProblem).join('\n');
const cli = (args: string[], cwd = root) =>
  spawnSync(process.execPath, [join(root, 'scripts/check.ts'), ...args], { cwd, encoding: 'utf8' });
const find = (problems: readonly Problem[], file: string) => problems.filter((p) => p.file.endsWith(file));

describe('the bad fixtures', () => {
  const cwd = join(fixtures, 'bad');
  const { files, problems } = checkPaths(['content'], { cwd });

  it('reports every problem exactly as expected.txt says', () => {
    const actual = `${report(problems)}\n${formatSummary(problems, files)}\n`;
    const expectedPath = join(cwd, 'expected.txt');
    if (process.env['UPDATE_FIXTURES'] === '1') writeFileSync(expectedPath, actual);
    expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
  });

  it('prints the county example of the issue exactly, value column included', () => {
    expect(report(find(problems, 'county-typo.md'))).toBe(
      `content/2022/04/19/county-typo.md:5:9 error county: ${fw('未知的县区「张家囗市」,是否为「张家口市」?')}`,
    );
  });

  it.each([
    ['county-ambiguous.md', 'county', 5, 9],
    ['category-unknown.md', 'category', 6, 11],
    ['date-mismatch.md', 'date', 4, 7],
    ['date-invalid.md', 'date', 4, 7],
    ['page-missing.md', 'page', 7, 7],
    ['order-dup-b.md', 'order', 8, 8],
    ['Fa_Yuan.md', 'slug', 1, 1],
    ['unknown-field.md', 'unknown-field', 9, 1],
    ['missing-title.md', 'title', 2, 1],
    ['byline-string.md', 'byline', 3, 9],
    ['duplicate-key.md', 'yaml-duplicate-key', 9, 1],
    ['engine-js.md', 'frontmatter-engine', 1, 1],
    ['engine-toml.md', 'frontmatter-engine', 1, 1],
    ['unclosed.md', 'frontmatter-unclosed', 1, 1],
    ['closing-line.md', 'frontmatter-unclosed', 9, 1],
    ['no-frontmatter.md', 'frontmatter-missing', 1, 1],
    ['blank-line-first.md', 'frontmatter-missing', 1, 1],
    ['empty-frontmatter.md', 'frontmatter-type', 1, 1],
    ['scalar-frontmatter.md', 'frontmatter-type', 2, 1],
    ['alias-bomb.md', 'yaml-alias', 9, 7],
    ['deep-nesting.md', 'yaml-depth', 9, 15],
    ['yaml-tag.md', 'yaml-tag', 2, 22],
    ['fullwidth-colon.md', 'yaml-syntax', 5, 1],
    ['tab-indent.md', 'yaml-syntax', 10, 1],
    ['invalid-utf8.md', 'encoding', 11, 9],
    ['misplaced.md', 'location', 1, 1],
    ['no-edition.md', 'date', 4, 7],
    ['2022/04/21/edition.yaml', 'pages', 2, 8],
  ])('%s: %s error at %i:%i', (file, rule, line, column) => {
    expect(find(problems, file)).toContainEqual(expect.objectContaining({ rule, line, column, severity: 'error' }));
  });

  it('names script, iframe, event handlers, style and other raw HTML (a comment that closes at once included), where they are', () => {
    const html = find(problems, 'raw-html.md').map((p) => [p.rule, p.line, p.column, p.message.split(fw(';'))[0]]);
    expect(html).toEqual([
      ['html', 11, 3, '正文不能包含 <script> 脚本'],
      ['html', 13, 12, 'HTML 事件属性「onerror」会执行代码'],
      ['html', 15, 1, '正文不能包含 <iframe> 标签'],
      ['html', 17, 12, '正文不能用 style 设置样式'],
      ['html', 19, 1, '正文不能包含 HTML 代码「<div>」'],
      ['html', 25, 17, 'HTML 事件属性「onerror」会执行代码'],
    ]);
  });

  it('catches javascript:, vbscript: and data: URLs in any case or encoding, and schemes the site strips', () => {
    const urls = find(problems, 'urls.md');
    expect(urls.map((p) => p.line)).toEqual([11, 12, 13, 14, 15, 16, 18, 19, 20, 21, 23]);
    expect(urls.every((p) => p.rule === 'url' && p.severity === 'error')).toBe(true);
    expect(urls.filter((p) => p.message.includes('执行代码')).map((p) => p.line)).toEqual([11, 12, 13, 14, 15, 16, 18, 20, 23]);
  });

  it('checks images: missing, outside the content folder, wrong type, upper-case extension, remote, truncated, too many pixels, and in the body', () => {
    expect(find(problems, 'images.md').map((p) => [p.rule, p.line, p.column])).toEqual([
      ['image', 10, 11],
      ['image', 12, 11],
      ['image', 14, 11],
      ['image', 16, 11],
      ['image', 18, 11],
      ['image', 22, 11],
      ['image', 24, 11],
      ['image', 30, 1],
    ]);
  });

  it('warns about files the site would silently skip, and about an empty body', () => {
    expect(find(problems, 'wrong-ext.markdown')).toEqual([expect.objectContaining({ rule: 'location', severity: 'warning' })]);
    expect(find(problems, 'empty-body.md')).toEqual([expect.objectContaining({ rule: 'body', severity: 'warning' })]);
  });

  it('never runs a ---js frontmatter', () => {
    expect(existsSync(join(cwd, 'PWNED'))).toBe(false);
    expect(existsSync(join(root, 'PWNED'))).toBe(false);
  });

  it('uses only documented rule ids and schema field names', () => {
    const fields = [...Object.keys(articleSchema.shape), ...Object.keys(editionSchema.shape)];
    const known = new Set([...Object.keys(ruleDescriptions), ...fields]);
    expect(problems.filter((p) => !known.has(p.rule))).toEqual([]);
  });
});

describe('valid files', () => {
  it('pass with LF, CRLF, CR alone and a BOM; _-files and photos are not articles', () => {
    const { files, problems } = checkPaths(['content'], { cwd: join(fixtures, 'good') });
    expect(problems).toEqual([]);
    expect(files).toBe(6);
  });

  it('the same mistakes give the same lines and columns with LF, CRLF, CR alone and BOM + CRLF', () => {
    const { problems } = checkPaths(['content'], { cwd: join(fixtures, 'eol') });
    const of = (name: string) => find(problems, name).map(({ file: _file, ...rest }) => rest);
    expect(of('eol-lf.md').length).toBe(4);
    expect(of('eol-crlf.md')).toEqual(of('eol-lf.md'));
    expect(of('eol-cr.md')).toEqual(of('eol-lf.md'));
    expect(of('eol-bom.md')).toEqual(of('eol-lf.md'));
  });

  it('a CR-only file reads as its LF twin, and a title or kicker that looks like a date is the text written', () => {
    const day = join(fixtures, 'good/content/2022/04/19');
    const read = (name: string) => checkArticle(join(day, name), name, readFileSync(join(day, name)), join(fixtures, 'good/content'));
    expect({ ...read('fa-yuan-cr.md').article!.data, order: 1 }).toEqual(read('fa-yuan-lf.md').article!.data);
    const body = (name: string) => {
      const plain = read(name).read!;
      return 'body' in plain ? plain.body : undefined;
    };
    expect(body('fa-yuan-lf.md')).toContain('4月14日');
    expect(body('fa-yuan-cr.md')).toBe(body('fa-yuan-lf.md'));
    const dated = read('ri-qi-biao-ti.md').article!.data;
    expect([dated.title, dated.kicker]).toEqual(['2022-04-19', '2022-04-19T08:30:00Z']);
  });

  it('the sample edition passes', () => {
    // Errors only: an article a reporter adds to 版 1 is rightly warned about as not on its page PDF.
    expect(checkPaths(['content'], { cwd: root }).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('checking one file', () => {
  it('also applies the edition rules against its siblings and reports its edition.yaml', () => {
    const { problems, files } = checkPaths(['content/2022/04/19/order-dup-b.md'], { cwd: join(fixtures, 'bad') });
    expect(files).toBe(2);
    expect(problems.map((p) => p.rule)).toEqual(['order']);
  });
});

describe('limits and escapes made on the fly', () => {
  let tmp = '';
  let dir = '';
  beforeAll(() => {
    mkdirSync(join(root, 'tests/.tmp'), { recursive: true });
    tmp = mkdtempSync(join(root, 'tests/.tmp/check-'));
    dir = join(tmp, 'content/2022/04/19');
    mkdirSync(dir, { recursive: true });
    cpSync(join(fixtures, 'good/content/2022/04/19/edition.yaml'), join(dir, 'edition.yaml'));
    const valid = readFileSync(join(fixtures, 'good/content/2022/04/19/fa-yuan-lf.md'), 'utf8');
    writeFileSync(join(dir, 'too-large.md'), `${valid}\n${'很长的正文。'.repeat(20_000)}\n`);
    writeFileSync(join(tmp, 'secret.png'), 'x');
    symlinkSync(join(tmp, 'secret.png'), join(dir, 'link.png'));
    writeFileSync(join(dir, 'huge.png'), '');
    truncateSync(join(dir, 'huge.png'), 11 * 1024 * 1024);
    const withImage = (file: string, order: number) =>
      valid.replace('./photo.png', `./${file}`).replace('order: 1', `order: ${order}`).replace('![执行现场](./photo.png)', '');
    writeFileSync(join(dir, 'symlink-image.md'), withImage('link.png', 5));
    writeFileSync(join(dir, 'huge-image.md'), withImage('huge.png', 6));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('prints a value with a line break on one line, so nothing in a file can start a CI log command', () => {
    const valid = readFileSync(join(fixtures, 'good/content/2022/04/19/fa-yuan-lf.md'), 'utf8');
    writeFileSync(
      join(dir, 'newline.md'),
      valid.replace('county: 裕华区', 'county: 裕华区\n"裕华\\n::error file=x::伪造": 1').replace('order: 1', 'order: 7'),
    );
    const { problems } = checkPaths([join(dir, 'newline.md')], { cwd: tmp });
    expect(problems.filter((p) => p.rule === 'unknown-field').map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/2022\/04\/19\/newline\.md:6:1 error unknown-field: .*裕华\\u000a::error file=x::伪造/),
    ]);
  });

  it('refuses an article that is a symlink (it could point anywhere)', () => {
    writeFileSync(join(tmp, 'elsewhere.md'), readFileSync(join(fixtures, 'good/content/2022/04/19/fa-yuan-lf.md')));
    symlinkSync(join(tmp, 'elsewhere.md'), join(dir, 'linked.md'));
    const { problems } = checkPaths(['content'], { cwd: tmp });
    expect(problems.filter((p) => p.file.endsWith('linked.md'))).toEqual([
      expect.objectContaining({ rule: 'location', line: 1, severity: 'error' }),
    ]);
  });

  it('refuses a file over the size limit without parsing it', () => {
    const { problems } = checkPaths([join(dir, 'too-large.md')], { cwd: tmp });
    expect(problems).toEqual([expect.objectContaining({ file: 'content/2022/04/19/too-large.md', rule: 'size', line: 1, column: 1 })]);
  });

  it('refuses an image that is a symlink out of the content folder, and one over 10 MB', () => {
    const { problems } = checkPaths([join(dir, 'symlink-image.md'), join(dir, 'huge-image.md')], { cwd: tmp });
    expect(problems.map((p) => [p.file, p.rule, p.line])).toEqual([
      ['content/2022/04/19/huge-image.md', 'image', 10],
      ['content/2022/04/19/symlink-image.md', 'image', 10],
    ]);
    expect(problems[0]!.message).toContain('MB');
    expect(problems[1]!.message).toContain('符号链接');
  });

  it('decodes each photo shown: a truncated one is an error where each article shows it, in the body too', () => {
    const photo = readFileSync(join(fixtures, 'good/content/2022/04/19/photo.png'));
    writeFileSync(join(dir, 'cut.png'), photo.subarray(0, Math.floor(photo.length * 0.6)));
    const valid = readFileSync(join(fixtures, 'good/content/2022/04/19/fa-yuan-lf.md'), 'utf8');
    writeFileSync(join(dir, 'cut-body.md'), valid.replace('order: 1', 'order: 8').replaceAll('./photo.png', './cut.png'));
    const { problems } = checkPaths([join(dir, 'cut-body.md')], { cwd: tmp });
    expect(problems.map((p) => [p.line, p.column, p.rule])).toEqual([
      [10, 11, 'image'],
      [17, 1, 'image'],
    ]);
    expect(problems[1]!.message).toBe(
      fw('图片文件「./cut.png」已损坏或不完整(可能没有复制或下载完),网站无法读取:请重新导出或重新复制这张图片'),
    );
  });
});

/** A folder holding content/ with one edition of one good article (removed after the describe block that makes it). */
function oneArticleContent(prefix: string): string {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const dir = join(tmp, 'content/2022/04/19');
  mkdirSync(dir, { recursive: true });
  for (const name of ['edition.yaml', 'fa-yuan-lf.md', 'photo.png'])
    cpSync(join(fixtures, 'good/content/2022/04/19', name), join(dir, name));
  return tmp;
}

describe('redirects.yaml in the content folder', () => {
  const tmp = oneArticleContent('check-redirects-');
  writeFileSync(
    join(tmp, 'content/redirects.yaml'),
    [
      '# Moved article URLs.',
      '- from: /2022/04/19/fa-yuan-lf/',
      '  to: /2022/04/19/',
      '- from: /2022/04/19/old-slug/',
      '  to: /2022/04/19/missing/',
      '- from: /2022/04/19/moved/',
      '  to: https://evil.example/',
      '- from: /2022/04/19/fa-yuan/',
      '  to: /county/yuhua/',
      '',
    ].join('\n'),
  );
  const expected = [
    `content/redirects.yaml:2:9 error redirects: ${fw('/2022/04/19/fa-yuan-lf/ 是网站上现有的页面(稿件、版面或列表),转址会把它藏起来,读者再也看不到:请删去这条转址,或先把那个页面移走')}`,
    `content/redirects.yaml:5:7 error redirects: ${fw('/2022/04/19/missing/ 在网站上不存在,读者会被转到「找不到页面」:请核对新地址的日期和文件名')}`,
    `content/redirects.yaml:7:7 error redirects: ${fw('转址只能指向本站内的页面:')}「https://evil.example/」${fw('是站外地址,to 必须是以 / 开头和结尾的站内路径,例如 /2022/04/19/fa-yuan/')}`,
  ];

  it('is checked with the content folder: a redirect hiding a live article, one to a missing page, one to another host', () => {
    const { files, problems } = checkPaths(['content'], { cwd: tmp });
    expect(problems.map(formatProblem)).toEqual(expected);
    expect(files).toBe(3); // the article, edition.yaml and redirects.yaml
  });

  it('is checked when named alone, against the pages of its folder', () => {
    const { files, problems } = checkPaths(['content/redirects.yaml'], { cwd: tmp });
    expect(problems.map(formatProblem)).toEqual(expected);
    expect(files).toBe(1);
  });

  it('is not checked with an edition folder or an article', () => {
    expect(checkPaths(['content/2022/04/19'], { cwd: tmp }).problems).toEqual([]);
    expect(checkPaths(['content/2022/04/19/fa-yuan-lf.md'], { cwd: tmp }).problems).toEqual([]);
  });
});

describe('redirects.yaml against the pages the build publishes', () => {
  const tmp = oneArticleContent('check-redirects-pages-');
  // An edition of drafts only is not published; 朱婧伟's page is recorded at zhujingwei-2 (published-bylines.txt).
  mkdirSync(join(tmp, 'content/2022/04/20'));
  writeFileSync(join(tmp, 'content/2022/04/20/edition.yaml'), 'date: 2022-04-20\npages:\n  - number: 1\n    name: 要闻\n');
  writeFileSync(
    join(tmp, 'content/2022/04/20/cao-gao.md'),
    '---\ntitle: 草稿\nbyline: [朱婧伟]\ndate: 2022-04-20\ncounty: 裕华区\ncategory: 法院\npage: 1\norder: 1\ndraft: true\n---\n\n正文。\n',
  );
  writeFileSync(join(tmp, 'content/published-bylines.txt'), '/byline/zhujingwei-2/ 朱婧伟\n');
  const redirect = (to: string) => writeFileSync(join(tmp, 'content/redirects.yaml'), `- from: /2022/04/18/old/\n  to: ${to}\n`);

  it('knows the pages as the site builds them: no page for an edition of drafts, persons at their recorded address', () => {
    const nowhere = (to: string) => [
      `content/redirects.yaml:2:7 error redirects: ${fw(`${to} 在网站上不存在,读者会被转到「找不到页面」:请核对新地址的日期和文件名`)}`,
    ];
    for (const [to, problems] of [
      ['/2022/04/20/', nowhere('/2022/04/20/')],
      ['/byline/zhujingwei/', nowhere('/byline/zhujingwei/')],
      ['/byline/zhujingwei-2/', []],
      ['/2022/04/19/', []],
    ] as const) {
      redirect(to);
      expect(checkPaths(['content/redirects.yaml'], { cwd: tmp }).problems.map(formatProblem), to).toEqual(problems);
    }
  });
});

describe('npm run check', () => {
  it('prints compiler-style lines and a summary, and exits 1 on errors', () => {
    const result = cli(['content/2022/04/19/county-typo.md'], join(fixtures, 'bad'));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      `${`content/2022/04/19/county-typo.md:5:9 error county: ${fw('未知的县区「张家囗市」,是否为「张家口市」?')}`}\n${formatSummary(
        [{ file: '', line: 1, column: 1, rule: 'county', severity: 'error', message: '' }],
        2,
      )}\n`,
    );
  });

  it('--json prints an array of {file, line, column, rule, severity, message}', () => {
    const result = cli(['--json', 'content/2022/04/19/raw-html.md'], join(fixtures, 'bad'));
    expect(result.status).toBe(1);
    const parsed = JSON.parse(result.stdout) as Problem[];
    expect(parsed.length).toBe(6);
    for (const p of parsed) expect(Object.keys(p).sort()).toEqual(['column', 'file', 'line', 'message', 'rule', 'severity']);
    expect(parsed[0]).toMatchObject({ file: 'content/2022/04/19/raw-html.md', line: 11, column: 3, rule: 'html', severity: 'error' });
  });

  it('checks content/ by default and exits 0 on the sample; warnings alone do not fail', () => {
    // On a copy of the sample fixture (never content/, which grows with every pull request).
    const project = mkdtempSync(join(tmpdir(), 'check-cli-'));
    cpSync(join(root, 'tests/fixtures/sample'), join(project, 'content'), { recursive: true });
    const sample = cli([], project);
    rmSync(project, { recursive: true, force: true });
    expect(sample.status).toBe(0);
    expect(sample.stdout).toBe(`${formatSummary([], 16)}\n`); // 13 articles, edition.yaml, redirects.yaml and published-urls.txt
    const warned = cli(['content/2022/04/19/empty-body.md'], join(fixtures, 'bad'));
    expect(warned.status).toBe(0);
    expect(warned.stdout).toContain('warning body');
  });

  it('reports a path that does not exist', () => {
    const result = cli(['content/nope']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('content/nope:1:1 error location');
  });

  it('a folder checked from elsewhere names files relative to the current folder', () => {
    const out = execFileSync(process.execPath, [join(root, 'scripts/check.ts'), 'tests/fixtures/check/good'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out).toBe(`${formatSummary([], 6)}\n`);
  });
});

describe('invisible characters in one file', () => {
  const frontmatter = 'title: 标题\nbyline: [徐洋]\ndate: 2022-04-19\ncounty: 曲周县\ncategory: 公安\npage: 1\norder: 1\n';
  const check = (source: string) => checkArticle('/nonexistent/content/2022/04/19/a.md', 'a.md', new TextEncoder().encode(source)).problems;

  it('refuses a control character or a bidi override in a field, at the value', () => {
    expect(check(`---\n${frontmatter.replace('title: 标题', 'title: "标题\\u0007"')}---\n\n正文\n`)).toEqual([
      {
        file: 'a.md',
        line: 2,
        column: 8,
        rule: 'title',
        severity: 'error',
        message: fw('这里有看不见的控制字符 U+0007,多半是从别处复制时带进来的,请删掉它'),
      },
    ]);
    expect(check(`---\n${frontmatter.replace('county: 曲周县', 'county: 曲周县\u202E')}---\n\n正文\n`)).toEqual([
      expect.objectContaining({
        line: 5,
        column: 9,
        rule: 'county',
        severity: 'error',
        message: expect.stringContaining('文字方向控制符 U+202E'),
      }),
    ]);
  });

  it('refuses a lone surrogate or a noncharacter written as a YAML escape, in every kind of field, at the value', () => {
    expect(check(`---\n${frontmatter.replace('title: 标题', 'title: "标\\uD800题"')}---\n\n正文\n`)).toEqual([
      {
        file: 'a.md',
        line: 2,
        column: 8,
        rule: 'title',
        severity: 'error',
        message: fw(
          '这里有一个残缺的字符 U+D800(半个 UTF-16 代理对,不是完整的字),多半来自「\\uD800」这样的转义写法,请删掉它,或直接输入要写的字',
        ),
      },
    ]);
    const fields =
      frontmatter.replace('byline: [徐洋]', 'byline: ["徐\\uDC00洋"]').replace('county: 曲周县', 'county: "曲周县\\uFDD0"') +
      'images:\n  - caption: "图\\U0010FFFF"\n';
    expect(check(`---\n${fields}---\n\n正文\n`)).toEqual([
      expect.objectContaining({
        line: 3,
        column: 10,
        rule: 'byline',
        severity: 'error',
        message: expect.stringContaining('残缺的字符 U+DC00'),
      }),
      expect.objectContaining({ line: 5, column: 9, rule: 'county', severity: 'error', message: expect.stringContaining('非字符 U+FDD0') }),
      expect.objectContaining({
        line: 10,
        column: 14,
        rule: 'images',
        severity: 'error',
        message: expect.stringContaining('非字符 U+10FFFF'),
      }),
    ]);
    // A whole pair, escaped or typed, is a character like any other.
    expect(check(`---\n${frontmatter.replace('title: 标题', 'title: "标题\\uD83D\\uDE00😀"')}---\n\n正文\n`)).toEqual([]);
  });

  it('refuses control characters and bidi overrides in the body where they are, and allows tabs', () => {
    expect(check(`---\n${frontmatter}---\n\n第一段\t有制表符。\n\n第二段\u0000和\u2067。\n`)).toEqual([
      expect.objectContaining({
        line: 13,
        column: 4,
        rule: 'control-character',
        severity: 'error',
        message: expect.stringContaining('U+0000'),
      }),
      expect.objectContaining({
        line: 13,
        column: 6,
        rule: 'control-character',
        severity: 'error',
        message: expect.stringContaining('正文里有看不见的文字方向控制符 U+2067'),
      }),
    ]);
  });

  it('warns at the byline item that a name with a zero-width space was normalised, and publishes it as one person', () => {
    const source = `---\n${frontmatter.replace('byline: [徐洋]', 'byline:\n  - 记者 朱婧伟\n  - 记者 朱\u200B婧伟')}---\n\n正文\n`;
    const checked = checkArticle('/nonexistent/content/2022/04/19/a.md', 'a.md', new TextEncoder().encode(source), '/nonexistent/content');
    expect(checked.problems).toEqual([
      {
        file: 'a.md',
        line: 5,
        column: 5,
        rule: 'byline',
        severity: 'warning',
        message: fw(
          '署名「记者 朱婧伟」里夹着看不见的字符 U+200B,已按「记者 朱婧伟」处理;请把这个名字删掉重新输入,免得同一个人被当成两个人',
        ),
      },
    ]);
    expect(checked.article?.data.byline).toEqual([
      { role: '记者', name: '朱婧伟' },
      { role: '记者', name: '朱婧伟' },
    ]);
  });

  it('warns the same way for every other invisible character a name can hide', () => {
    for (const [invisible, code] of [
      ['\u2063', 'U+2063'],
      ['\u3164', 'U+3164'],
      ['\u{E0041}', 'U+E0041'],
    ]) {
      expect(check(`---\n${frontmatter.replace('byline: [徐洋]', `byline: [徐洋${invisible}]`)}---\n\n正文\n`), code).toEqual([
        expect.objectContaining({
          line: 3,
          column: 10,
          rule: 'byline',
          severity: 'warning',
          message: expect.stringContaining(`署名「徐洋」里夹着看不见的字符 ${code}`),
        }),
      ]);
    }
  });

  it('refuses a byline name of emoji alone, at the name', () => {
    expect(check(`---\n${frontmatter.replace('byline: [徐洋]', 'byline:\n  - 徐洋\n  - 记者 😀')}---\n\n正文\n`)).toEqual([
      expect.objectContaining({
        line: 5,
        column: 5,
        rule: 'byline',
        severity: 'error',
        message: fw('姓名「😀」里没有汉字或字母,网站无法为它生成署名页;请写上真实姓名'),
      }),
    ]);
  });

  it('refuses a name that is only invisible characters', () => {
    expect(check(`---\n${frontmatter.replace('byline: [徐洋]', 'byline: ["\\u200B"]')}---\n\n正文\n`)).toEqual([
      expect.objectContaining({ line: 3, column: 10, rule: 'byline', severity: 'error', message: '姓名不能为空' }),
    ]);
  });
});

describe('every problem of a file in one run', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'check-rounds-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const dir = join(tmp, 'content/2022/04/19');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'edition.yaml'), 'date: 2022-04-19\npages:\n  - number: 1\n    name: 要闻\n');
  const article = (fields: string, body = '正文。') => `---\ntitle: 标题\nbyline: [徐洋]\n${fields}---\n\n${body}\n`;
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  write('ding.md', article('date: 2022-04-19\ncounty: 曲周县\ncategory: 公安\npage: 1\norder: 2\n'));
  // Five rounds before: the schema's errors hid the page, the clash, the photo and the file name.
  write(
    'Bad_Name.md',
    article(
      'date: 2022-4-19\ncounty: 曲周\ncategory: 公安\npage: 3\norder: 1\ncatgory: 公安\nimages:\n  - file: ./missing.jpg\n    caption: 图为现场。\n',
      '<div>x</div>',
    ),
  );
  write('yi.md', article('date: 2022-04-19\ncounty: 曲周县\ncategory: 公安\npage: 1\norder: 2\nsumary: x\n'));

  it('reports schema errors, edition rules, the file name, the photos and the body together', () => {
    const { problems } = checkPaths(['content/2022/04/19/Bad_Name.md'], { cwd: tmp });
    expect(problems.map((p) => [p.line, p.rule])).toEqual([
      [1, 'slug'],
      [4, 'date'],
      [5, 'county'],
      [7, 'page'],
      [9, 'unknown-field'],
      [11, 'image'],
      [15, 'html'],
    ]);
    expect(problems.find((p) => p.rule === 'date')!.message).toBe(fw('日期要写成 2022-04-19 这样(年-月-日,月和日都写两位数)'));
    expect(problems.find((p) => p.rule === 'slug')!.message).toContain('biao-ti.md');
  });

  it('says what to do about a page the edition does not have', () => {
    const { problems } = checkPaths(['content/2022/04/19/Bad_Name.md'], { cwd: tmp });
    expect(problems.find((p) => p.rule === 'page')!.message).toBe(
      `${fw('第 3 版不在本期版面中(本期版面:1):请在 edition.yaml 的 pages 里加上第 3 版(')}number: 3${fw(' 和它的版名 name),或把 page 改成本期已有的版次')}`,
    );
  });

  it('reports a clash on the file checked alone, whichever of the two it is, also when the other has errors', () => {
    const clash = (file: string) => checkPaths([`content/2022/04/19/${file}`], { cwd: tmp }).problems.filter((p) => p.rule === 'order');
    const message = (other: string) =>
      `与 content/2022/04/19/${other} 在第 1 版的位置${fw('(')}order: 2${fw(')重复;请把其中一篇改到本版空着的位置,例如 ')}order: 3`;
    expect(clash('ding.md')).toEqual([
      expect.objectContaining({ file: 'content/2022/04/19/ding.md', line: 8, column: 8, message: message('yi.md') }),
    ]);
    expect(clash('yi.md')).toEqual([
      expect.objectContaining({ file: 'content/2022/04/19/yi.md', line: 8, column: 8, message: message('ding.md') }),
    ]);
    // Both checked: said once, on the later file, as before.
    expect(
      checkPaths(['content/2022/04/19'], { cwd: tmp })
        .problems.filter((p) => p.rule === 'order')
        .map((p) => p.file),
    ).toEqual(['content/2022/04/19/yi.md']);
  });

  it('applies the edition rules against an edition.yaml with errors, with its valid fields', () => {
    const other = join(tmp, 'content/2022/04/20');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'edition.yaml'), 'date: 2022-04-21\nissue: 第一期\npages:\n  - number: 1\n    name: 要闻\n');
    writeFileSync(join(other, 'a.md'), article('date: 2022-04-20\ncounty: 曲周县\ncategory: 公安\npage: 2\norder: 1\n'));
    const { problems } = checkPaths(['content/2022/04/20'], { cwd: tmp });
    expect(problems.map((p) => [p.file.split('/').pop(), p.rule])).toEqual([
      ['a.md', 'page'],
      ['edition.yaml', 'date'],
      ['edition.yaml', 'issue'],
    ]);
  });

  it('after a YAML syntax error, checks the fields on the lines clear of it', () => {
    write(
      'ma-hao.md',
      '---\ntitle: 标题\nbyline: [徐洋]\ndate: 2022-04-19\ncounty：曲周县\ncategory: 公安\npage: 3\norder: 5\nsumary: x\ndraft: 否\n---\n\n正文。\n',
    );
    const { problems } = checkPaths(['content/2022/04/19/ma-hao.md'], { cwd: tmp });
    // county and the category on the line after it were read as one key: neither is said anything about.
    expect(problems.map((p) => [p.line, p.rule])).toEqual([
      [5, 'yaml-syntax'],
      [7, 'page'],
      [9, 'unknown-field'],
      [10, 'draft'],
    ]);
  });

  it('says nothing more about fields a syntax error may have swallowed, or when the YAML is unsafe', () => {
    write('yin-hao.md', '---\ntitle: "标题\ndate: 2022-04-19\npage: 3\norder: 9\n---\n\n正文。\n');
    expect(checkPaths(['content/2022/04/19/yin-hao.md'], { cwd: tmp }).problems.map((p) => p.rule)).toEqual(['yaml-syntax']);
    write('kuo-hao.md', '---\ntitle: 标题\nbyline: [徐洋, 刘\npage: 3\norder: 9\n---\n\n正文。\n');
    expect(checkPaths(['content/2022/04/19/kuo-hao.md'], { cwd: tmp }).problems.map((p) => p.rule)).toEqual(['yaml-syntax']);
    write('bie-ming.md', '---\ntitle: 标题\ncounty：曲周县\npage: &p 3\norder: *p\n---\n\n正文。\n');
    expect(checkPaths(['content/2022/04/19/bie-ming.md'], { cwd: tmp }).problems.map((p) => p.rule)).toEqual(['yaml-syntax', 'yaml-alias']);
  });

  it('after a duplicate key, checks the fields written once', () => {
    write('chong-fu.md', article('date: 2022-04-19\ncounty: 曲周县\ncounty: 馆陶县\ncategory: 公案\npage: 3\norder: 9\n'));
    const { problems } = checkPaths(['content/2022/04/19/chong-fu.md'], { cwd: tmp });
    expect(problems.map((p) => [p.line, p.rule])).toEqual([
      [6, 'yaml-duplicate-key'],
      [7, 'category'],
      [8, 'page'],
    ]);
  });

  it('still checks the name and body of a file whose frontmatter is not a set of fields', () => {
    write('Kong.md', '---\n---\n\n<script>x</script>\n');
    const { problems } = checkPaths(['content/2022/04/19/Kong.md'], { cwd: tmp });
    expect(problems.map((p) => p.rule)).toEqual(['frontmatter-type', 'slug', 'html']);
  });
});

describe('roles written in a byline name', () => {
  const frontmatter = (byline: string) =>
    `---\ntitle: 标题\nbyline: ${byline}\ndate: 2022-04-19\ncounty: 曲周县\ncategory: 公安\npage: 1\norder: 1\n---\n\n正文\n`;
  const check = (byline: string) =>
    checkArticle('/nonexistent/content/2022/04/19/a.md', 'a.md', new TextEncoder().encode(frontmatter(byline)), '/nonexistent/content');

  it('reads 记者张三, 通讯员：李四 and 通讯员:李四 as role and name, with a warning at each item', () => {
    const checked = check('[记者张三, 通讯员：李四, 通讯员:王五, 记者 赵六]');
    expect(checked.article?.data.byline).toEqual([
      { role: '记者', name: '张三' },
      { role: '通讯员', name: '李四' },
      { role: '通讯员', name: '王五' },
      { role: '记者', name: '赵六' },
    ]);
    expect(checked.problems.map((p) => [p.rule, p.severity, p.line, p.column])).toEqual([
      ['byline', 'warning', 3, 10],
      ['byline', 'warning', 3, 16],
      ['byline', 'warning', 3, 24],
    ]);
    expect(checked.problems[1]!.message).toBe(
      fw('署名「通讯员:李四」已按身份「通讯员」,姓名「李四」处理;请写成「通讯员 李四」(身份和姓名之间空一格,不用冒号)'),
    );
  });

  it('reads a block item `- 通讯员: 李四` the same way', () => {
    const checked = check('\n  - 通讯员: 李四');
    expect(checked.article?.data.byline).toEqual([{ role: '通讯员', name: '李四' }]);
    expect(checked.problems).toEqual([expect.objectContaining({ rule: 'byline', severity: 'warning', line: 4 })]);
  });

  it('leaves names alone that only start like a role', () => {
    const checked = check('[编辑部, 记者张, 张记者]');
    expect(checked.article?.data.byline).toEqual([{ name: '编辑部' }, { name: '记者张' }, { name: '张记者' }]);
    expect(checked.problems).toEqual([]);
  });
});

describe('npm run check with a mistyped flag', () => {
  it('says so in Chinese, with the usage, and exits 2', () => {
    const result = cli(['--jsn', 'content']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(fw('不认识的选项「--jsn」,是否为「--json」?'));
    expect(result.stderr).toContain(fw('用法:npm run check'));
    expect(result.stderr).not.toContain('Unknown option');
  });
});
