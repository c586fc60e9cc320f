// `npm run new` (scripts/new.ts over src/lib/check/scaffold.ts), run as a reporter would, in a scratch folder:
// flags or answers in, a correctly named file that passes the checker out, never an overwrite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPaths } from '../src/lib/check/check.ts';
import { nextOrder, renderArticle } from '../src/lib/check/scaffold.ts';
import { fw } from './fullwidth.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
let cwd = '';
const script = join(root, 'scripts/new.ts');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', input: input ?? '' });
const flags = ['--title', '女子“抄近道”逆行 被撞受伤负全责', '--date', '2022-04-19', '--county', '张家口市', '--category', '交通', '--page', '1', '--byline', '记者 徐洋、刘爱军'];
const created = 'content/2022/04/19/nv-zi-chao-jin-dao-ni-xing-bei-zhuang-shou-shang.md';
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
      byline: ['记者 徐洋', '刘爱军'],
      date: '2022-04-19',
      county: '张家口市',
      category: '交通',
      page: 1,
      order: 1,
    });
    expect(parseYaml(readFileSync(join(cwd, 'content/2022/04/19/edition.yaml'), 'utf8'))).toEqual({ date: '2022-04-19', pages: [{ number: 1, name: '要闻' }] });
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
    const second = run(['--title', '老人突发心梗 曲周民警护送就医', '--date', '2022-04-19', '--county', '曲周县', '--category', '公安', '--page', '1', '--byline', '牛敏']);
    expect(second.status).toBe(0);
    expect(frontmatterOf('content/2022/04/19/lao-ren-tu-fa-xin-geng-qu-zhou-min-jing-hu-song.md')).toMatchObject({ order: 2, byline: ['牛敏'] });
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
    // `script` gives the command a pseudo-terminal, as a reporter's terminal would.
    const answers = ['测试标题', '2022-04-19', '曲周', '曲周县', '公安', '', '记者 牛敏', '要闻', ''].join('\n');
    const result = spawnSync('script', ['-qec', `${process.execPath} ${script}`, '/dev/null'], { cwd, encoding: 'utf8', input: answers });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(fw('未知的县区「曲周」,是否为「曲周县」?'));
    expect(frontmatterOf('content/2022/04/19/ce-shi-biao-ti.md')).toEqual({
      title: '测试标题',
      byline: ['记者 牛敏'],
      date: '2022-04-19',
      county: '曲周县',
      category: '公安',
      page: 1,
      order: 1,
    });
  });
});

describe('scaffold helpers', () => {
  it('quotes YAML where a headline needs it, so any headline round-trips', () => {
    const title = '- 回应: "质疑" #1 [要闻]';
    const text = renderArticle({ title, byline: ['甲'], date: '2022-04-19', county: '河北省', category: '要闻', page: 1, order: 1 });
    expect((parseYaml(text.split('---\n')[1]!) as { title: string }).title).toBe(title);
  });

  it('numbers a new article after the last on its page', () => {
    expect(nextOrder([], 1)).toBe(1);
    expect(nextOrder([{ page: 1, order: 3 }, { page: 2, order: 9 }, { page: 1, order: 1 }], 1)).toBe(4);
  });
});
