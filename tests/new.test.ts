// `npm run new` (scripts/new.ts over src/lib/check/scaffold.ts), run as a reporter would, in a scratch folder:
// flags or answers in, a correctly named file that passes the checker out, never an overwrite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPaths } from '../src/lib/check/check-fs.ts';
import { addEditionPage, fieldProblem, nextOrder, proposedDate, renderArticle, splitByline, takenBy } from '../src/lib/check/scaffold.ts';
import { fw } from './fullwidth.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
let cwd = '';
const script = join(root, 'scripts/new.ts');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', input: input ?? '' });
const flags = [
  '--title',
  '女子“抄近道”逆行 被撞受伤负全责',
  '--date',
  '2022-04-19',
  '--county',
  '张家口市',
  '--category',
  '交通',
  '--page',
  '1',
  '--byline',
  '记者 徐洋、刘爱军',
];
const created = 'content/2022/04/19/nv-zi-chao-jin-dao-ni-xing-bei-zhuang-shou-shang.md';
// `script` gives the command a pseudo-terminal, as a reporter's terminal would.
const terminal = (args: string[], answers: string[]) =>
  spawnSync('script', ['-qec', [process.execPath, script, ...args].map((a) => `'${a}'`).join(' '), '/dev/null'], {
    cwd,
    encoding: 'utf8',
    input: `${answers.join('\n')}\n`,
  });
const frontmatterOf = (path: string) => parseYaml(readFileSync(join(cwd, path), 'utf8').split('---\n')[1]!) as Record<string, unknown>;

// A fresh folder per test (and per run: other test runs may share tests/.tmp).
beforeEach(() => {
  mkdirSync(join(root, 'tests/.tmp'), { recursive: true });
  cwd = mkdtempSync(join(root, 'tests/.tmp/new-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

describe('npm run new with flags', () => {
  it('writes content/YYYY/MM/DD/<pinyin>.md and a new edition.yaml, both passing the checker', () => {
    const result = run([...flags, '--page-name', '要闻']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(frontmatterOf(created)).toEqual({
      title: '女子“抄近道”逆行 被撞受伤负全责',
      byline: ['记者 徐洋', '记者 刘爱军'],
      date: '2022-04-19',
      county: '张家口市',
      category: '交通',
      page: 1,
      order: 1,
    });
    expect(parseYaml(readFileSync(join(cwd, 'content/2022/04/19/edition.yaml'), 'utf8'))).toEqual({
      date: '2022-04-19',
      pages: [{ number: 1, name: '要闻' }],
    });
    const { problems } = checkPaths(['content'], { cwd });
    expect(problems.map((p) => [p.rule, p.severity])).toEqual([['body', 'warning']]);
  });

  it('refuses to overwrite an existing article', () => {
    run([...flags, '--page-name', '要闻']);
    writeFileSync(join(cwd, created), 'written by the reporter');
    const again = run(flags);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(fw('已经存在,不会覆盖'));
    expect(readFileSync(join(cwd, created), 'utf8')).toBe('written by the reporter');
  });

  it('puts the article after the last one on its page of an existing edition', () => {
    run([...flags, '--page-name', '要闻']);
    const second = run([
      '--title',
      '老人突发心梗 曲周民警护送就医',
      '--date',
      '2022-04-19',
      '--county',
      '曲周县',
      '--category',
      '公安',
      '--page',
      '1',
      '--byline',
      '牛敏',
    ]);
    expect(second.status).toBe(0);
    expect(frontmatterOf('content/2022/04/19/lao-ren-tu-fa-xin-geng-qu-zhou-min-jing-hu-song.md')).toMatchObject({
      order: 2,
      byline: ['牛敏'],
    });
  });

  it('refuses a page the edition does not have', () => {
    run([...flags, '--page-name', '要闻']);
    const result = run([...flags.slice(0, 8), '--page', '3', '--byline', '徐洋', '--slug', 'other']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('第 3 版不在');
  });

  it('never follows a link in the edition folder, and names the line of an edition.yaml error', () => {
    const folder = join(cwd, 'content/2022/04/19');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(cwd, 'outside.md'), '---\ntitle: 外面的文件\npage: 1\norder: 7\n---\n');
    symlinkSync(join(cwd, 'outside.md'), join(folder, 'lian-jie.md'));
    writeFileSync(join(folder, 'edition.yaml'), 'date: 2022-04-19\npages:\n  - number: 1\n    name: 要闻\n');
    const linked = run(flags);
    expect(linked.status).toBe(1);
    expect(linked.stderr).toContain('content/2022/04/19/lian-jie.md');
    expect(linked.stderr).toContain('符号链接');
    expect(existsSync(join(cwd, created))).toBe(false);
    rmSync(join(folder, 'lian-jie.md'));
    writeFileSync(join(folder, 'edition.yaml'), 'date: 2022-04-19\npages:\n  - number: 一\n    name: 要闻\n');
    const broken = run(flags);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^content\/2022\/04\/19\/edition\.yaml:3:\d+ error/m);
  });

  it('checks each field with the site schema, with the same messages as npm run check', () => {
    const result = run([...flags.slice(0, 4), '--county', '张家囗市', ...flags.slice(6)]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`--county${fw(':未知的县区「张家囗市」,是否为「张家口市」?')}`);
    expect(existsSync(join(cwd, 'content'))).toBe(false);
  });

  it('without a terminal, names the missing flags instead of asking', () => {
    const result = run(['--title', '标题']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('缺少 --date');
  });
});

describe('npm run new in a terminal', () => {
  it('asks for each missing field, again after a wrong answer, and writes the file', () => {
    // Title, 引题 (given), 副题 (skipped), date, county (wrong, then right), category, page, page name, order (the
    // proposed one), byline as printed (two roles), source (skipped).
    const answers = ['测试标题', '聚焦平安建设', '', '2022-04-19', '曲周', '曲周县', '公安', '', '要闻', '', '记者 牛敏 通讯员 李明', ''];
    const result = terminal([], answers);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(fw('未知的县区「曲周」,是否为「曲周县」?'));
    expect(result.stdout).toContain(fw('引题(没有就直接回车):'));
    expect(frontmatterOf('content/2022/04/19/ce-shi-biao-ti.md')).toEqual({
      title: '测试标题',
      kicker: '聚焦平安建设',
      byline: ['记者 牛敏', '通讯员 李明'],
      date: '2022-04-19',
      county: '曲周县',
      category: '公安',
      page: 1,
      order: 1,
    });
  });
});

describe('npm run new: answers checked as soon as they are given', () => {
  const editionText =
    '# 本期版面, 由编辑部维护\ndate: 2022-04-19\npages:\n  - number: 1\n    name: 要闻 # 头版\n  - number: 4\n    name: 评论\n';
  const folder = () => join(cwd, 'content/2022/04/19');
  const existing = (name: string, page: number, order: number) =>
    writeFileSync(
      join(folder(), name),
      renderArticle({ title: '测试标题', byline: ['甲'], date: '2022-04-19', county: '河北省', category: '要闻', page, order }),
    );
  beforeEach(() => {
    mkdirSync(folder(), { recursive: true });
    writeFileSync(join(folder(), 'edition.yaml'), editionText);
    existing('ce-shi-biao-ti.md', 1, 1);
  });

  it('in a terminal: asks for another title at once when the file exists, and offers to add a missing page to edition.yaml', () => {
    // Title (taken once the date is known), date, another title, county, category, page 3 (missing: no, then
    // again 3: yes), its name, the proposed order, byline.
    const answers = ['测试标题', '', '', '2022-04-19', '另一个标题', '曲周县', '公安', '3', '否', '3', '', '政法动态', '', '记者 牛敏', ''];
    const result = terminal([], answers);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(fw('content/2022/04/19/ce-shi-biao-ti.md 已经存在,不会覆盖'));
    expect(result.stdout).toContain(`第 3 版不在 content/2022/04/19/edition.yaml 里${fw('(本期版面:1、4)')}`);
    expect(result.stdout).toContain(fw('版内顺序(直接回车为 1):'));
    expect(frontmatterOf('content/2022/04/19/ling-yi-ge-biao-ti.md')).toMatchObject({ title: '另一个标题', page: 3, order: 1 });
    const edition = readFileSync(join(folder(), 'edition.yaml'), 'utf8');
    expect(edition).toBe(
      '# 本期版面, 由编辑部维护\ndate: 2022-04-19\npages:\n  - number: 1\n    name: 要闻 # 头版\n  - number: 3\n    name: 政法动态\n  - number: 4\n    name: 评论\n',
    );
    expect(checkPaths(['content'], { cwd }).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('in a terminal: refuses a taken --order and proposes the next free one', () => {
    const result = terminal([...flags.slice(0, 8), '--page', '1', '--order', '1'], ['', '', '', '记者 牛敏', '']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `第 1 版的第 1 篇${fw('(')}order: 1${fw(')已经是 content/2022/04/19/ce-shi-biao-ti.md,请换一个,例如本版下一个空位 2')}`,
    );
    expect(frontmatterOf(created)).toMatchObject({ page: 1, order: 2 });
  });

  it('with flags: refuses a taken --order, naming the article there and the next free order', () => {
    const result = run([...flags, '--order', '1']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('content/2022/04/19/ce-shi-biao-ti.md');
    expect(result.stderr).toContain(fw('下一个空位 2'));
    expect(existsSync(join(cwd, created))).toBe(false);
  });

  it('with flags: adds a missing page to edition.yaml with --page-name, keeping its comments', () => {
    const result = run([...flags.slice(0, 8), '--page', '9', '--page-name', '专版', '--byline', '徐洋']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(fw('并在 content/2022/04/19/edition.yaml 里加上了第 9 版(专版)'));
    expect(readFileSync(join(folder(), 'edition.yaml'), 'utf8')).toBe(`${editionText}  - number: 9\n    name: 专版\n`);
    expect(frontmatterOf(created)).toMatchObject({ page: 9, order: 1 });
  });

  it('with flags: says how to add a missing page', () => {
    const result = run([...flags.slice(0, 8), '--page', '3', '--byline', '徐洋']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(fw('请在 edition.yaml 的 pages 里加上第 3 版,或加上 --page-name 版名'));
    expect(readFileSync(join(folder(), 'edition.yaml'), 'utf8')).toBe(editionText);
  });
});

describe('npm run new: flags it does not know', () => {
  it.each([
    [['--tilte', '标题'], fw('不认识的选项「--tilte」,是否为「--title」?')],
    [['--title'], '选项「--title」后面缺少它的值'],
    [['--title', '--date', '2022-04-19'], fw('选项「--title」后面缺少它的值(「--date」是另一个选项)')],
    [['--title', '老人突发心梗', '曲周民警护送就医'], '多出来的「曲周民警护送就医」前面没有选项名'],
  ])('%j: a Chinese message and the usage, exit 2', (args, message) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain(fw('用法:npm run new'));
    expect(result.stderr).not.toMatch(/Unknown option|argument missing|Unexpected argument/);
  });
});

describe('scaffold helpers', () => {
  it('reads a byline as printed into the frontmatter list, each name with the role written before it', () => {
    expect(splitByline('记者 王晓然 通讯员 李明')).toEqual(['记者 王晓然', '通讯员 李明']);
    expect(splitByline('记者 徐洋 刘爱军')).toEqual(['记者 徐洋', '记者 刘爱军']);
    expect(splitByline('徐洋、刘爱军')).toEqual(['徐洋', '刘爱军']);
    expect(splitByline('通讯员：李明, 记者徐洋')).toEqual(['通讯员：李明', '记者徐洋']);
    for (const text of ['记者 王晓然 通讯员 李明', '记者 徐洋 刘爱军', '特约记者 张三 实习生 李四']) {
      expect(fieldProblem('byline', splitByline(text)), text).toBeUndefined();
    }
  });

  it('proposes the edition being made: tomorrow once today is out, an edition prepared ahead, else today', () => {
    expect(proposedDate('2026-12-06', ['2026-12-05'])).toBe('2026-12-06');
    expect(proposedDate('2026-12-06', ['2026-12-05', '2026-12-06'])).toBe('2026-12-07');
    expect(proposedDate('2026-12-31', ['2026-12-31'])).toBe('2027-01-01');
    expect(proposedDate('2026-12-06', ['2026-12-06', '2026-12-07', '2026-12-08'])).toBe('2026-12-07');
  });

  it('adds a page to edition.yaml in number order, comments kept', () => {
    const text = 'date: 2022-04-19 # 出版日期\npages:\n  # 第一版\n  - number: 1\n    name: 要闻\n  - number: 3\n    name: 社会\n';
    expect(addEditionPage(text, 2, '政法动态')).toBe(
      'date: 2022-04-19 # 出版日期\npages:\n  # 第一版\n  - number: 1\n    name: 要闻\n  - number: 2\n    name: 政法动态\n  - number: 3\n    name: 社会\n',
    );
    expect(addEditionPage('date: 2022-04-19\npages: 1\n', 2, '政法动态')).toBeUndefined();
  });

  it('finds the article at a position', () => {
    expect(takenBy([{ page: 1, order: 2, file: 'a.md' }], 1, 2)).toEqual({ page: 1, order: 2, file: 'a.md' });
    expect(takenBy([{ page: 1, order: 2, file: 'a.md' }], 2, 2)).toBeUndefined();
  });

  it('quotes YAML where a headline needs it, so any headline round-trips', () => {
    const title = '- 回应: "质疑" #1 [要闻]';
    const text = renderArticle({ title, byline: ['甲'], date: '2022-04-19', county: '河北省', category: '要闻', page: 1, order: 1 });
    expect((parseYaml(text.split('---\n')[1]!) as { title: string }).title).toBe(title);
  });

  it('numbers a new article after the last on its page', () => {
    expect(nextOrder([], 1)).toBe(1);
    expect(
      nextOrder(
        [
          { page: 1, order: 3 },
          { page: 2, order: 9 },
          { page: 1, order: 1 },
        ],
        1,
      ),
    ).toBe(4);
  });
});
