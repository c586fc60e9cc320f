// The checker on edition dates (src/lib/check/check-fs.ts, src/lib/content/edition-dates.ts): an edition dated before
// 1949-10-01 or after the end of next year is a located error, an edition prepared ahead passes with a note, and
// no redirect may lead to an article before its date. Also the catalogues of a build in parts, which hold the
// articles published on the day they are made.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPaths } from '../src/lib/check/check-fs.ts';
import { formatProblem } from '../src/lib/content/problem.ts';
import { contentKey, makeCatalogue } from '../src/lib/parts/catalogue-fs.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'check-dates-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const TODAY = '2026-12-06';

const editionYaml = (date: string) => `date: ${date}\npages:\n  - number: 1\n    name: 要闻\n    editor: 王某某\n`;
const article = (date: string, extra = '') =>
  `---\ntitle: 稿件\nbyline: [记者 徐洋]\ndate: ${date}\ncounty: 裕华区\ncategory: 法院\npage: 1\norder: 1\n${extra}---\n\n正文。\n`;

let runs = 0;
/** A content folder holding one edition of one article per entry: its folder's date, and the date its files say. */
function content(editions: readonly { folder: string; date?: string; extra?: string }[], files: Record<string, string> = {}): string {
  const dir = join(tmp, `run-${runs++}`, 'content');
  for (const { folder, date = folder, extra } of editions) {
    const day = join(dir, ...folder.split('-'));
    mkdirSync(day, { recursive: true });
    writeFileSync(join(day, 'edition.yaml'), editionYaml(date));
    writeFileSync(join(day, 'gao-jian.md'), article(date, extra));
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const lines = (dir: string, today: string | 'not told' = TODAY) =>
  checkPaths([dir], { cwd: dir, today: today === 'not told' ? undefined : today })
    .problems.filter((p) => p.severity === 'error')
    .map(formatProblem);

describe('an edition dated outside 1949-10-01 to the end of next year', () => {
  it.each([
    ['0000-01-01', '早于 1949-10-01'],
    ['1949-09-30', '早于 1949-10-01'],
    ['2028-01-01', '晚于 2027-12-31（明年年底）'],
    ['9999-12-31', '晚于 2027-12-31（明年年底）'],
  ])('%s is an error on the date of its edition.yaml and of its article, at the line of the field', (date, words) => {
    const folder = date.replaceAll('-', '/');
    const message = `日期 ${date} ${words}，不可能是本报的版期：请检查年份是否写错`;
    expect(lines(content([{ folder: date }]))).toEqual([
      `${folder}/edition.yaml:1:7 error date: ${message}`,
      `${folder}/gao-jian.md:4:7 error date: ${message}`,
    ]);
  });

  it.each(['1949-10-01', '2026-12-06', '2027-12-31'])('%s passes', (date) => {
    expect(lines(content([{ folder: date }]))).toEqual([]);
  });

  it('is said of the folder when the files give another date, and of a date field outside the range', () => {
    const dir = content([
      { folder: '9999-01-01', date: '2022-04-19' },
      { folder: '2022-04-20', date: '0000-04-20' },
    ]);
    expect(lines(dir)).toEqual([
      '2022/04/20/edition.yaml:1:7 error date: 日期 0000-04-20 与所在文件夹 2022-04-20 不一致',
      '2022/04/20/edition.yaml:1:7 error date: 日期 0000-04-20 早于 1949-10-01，不可能是本报的版期：请检查年份是否写错',
      '2022/04/20/gao-jian.md:4:7 error date: 日期 0000-04-20 与所在版期文件夹 2022-04-20 不一致',
      '2022/04/20/gao-jian.md:4:7 error date: 日期 0000-04-20 早于 1949-10-01，不可能是本报的版期：请检查年份是否写错',
      '9999/01/01/edition.yaml:1:1 error location: 所在文件夹的日期 9999-01-01 晚于 2027-12-31（明年年底），不可能是本报的版期：请检查年份是否写错',
      '9999/01/01/edition.yaml:1:7 error date: 日期 2022-04-19 与所在文件夹 9999-01-01 不一致',
      '9999/01/01/gao-jian.md:1:1 error location: 所在文件夹的日期 9999-01-01 晚于 2027-12-31（明年年底），不可能是本报的版期：请检查年份是否写错',
      '9999/01/01/gao-jian.md:4:7 error date: 日期 2022-04-19 与所在版期文件夹 9999-01-01 不一致',
    ]);
  });

  it('is checked against the first day alone when the check is not told the date', () => {
    expect(lines(content([{ folder: '9999-12-31' }]), 'not told')).toEqual([]);
    expect(lines(content([{ folder: '1949-09-30' }]), 'not told')).toHaveLength(2);
  });
});

describe('an edition prepared ahead', () => {
  it('passes the check, which names it as published on its date; a draft-only one is not named', () => {
    const dir = content([{ folder: '2026-12-06' }, { folder: '2026-12-07' }, { folder: '2026-12-08', extra: 'draft: true\n' }]);
    const result = checkPaths([dir], { cwd: dir, today: TODAY });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.preparedAhead).toEqual(['2026-12-07']);
  });

  it('npm run check says when it is published, in China’s today whatever the machine’s time zone', () => {
    const dir = content([{ folder: '2022-04-20' }, { folder: '2022-04-21' }]);
    const run = (now: string) =>
      spawnSync(process.execPath, [join(root, 'scripts/check.ts'), dir], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, SITE_NOW: now, TZ: 'America/Los_Angeles' },
      });
    // 2022-04-21 00:30 in Beijing is still 2022-04-20 in Los Angeles.
    const due = run('2022-04-20T16:30:00Z');
    expect(due.status).toBe(0);
    expect(due.stdout).not.toContain('提前准备');
    const ahead = run('2022-04-20T15:30:00Z');
    expect(ahead.status).toBe(0);
    expect(ahead.stdout).toContain('提示：2022-04-21 这一期是提前准备的，将于当天零点（北京时间）自动发布');
    const far = spawnSync(process.execPath, [join(root, 'scripts/check.ts'), content([{ folder: '9999-12-31' }])], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SITE_NOW: '2022-04-20T08:00:00+08:00' },
    });
    expect(far.status).toBe(1);
    expect(far.stdout).toContain('9999/12/31/edition.yaml:1:7 error date: 日期 9999-12-31 晚于 2023-12-31（明年年底）');
  });

  it('may not be the target of a redirect, nor be hidden by one, before its date', () => {
    const redirects = '- from: /2026/12/06/jiu/\n  to: /2026/12/07/gao-jian/\n- from: /2026/12/08/gao-jian/\n  to: /2026/12/06/gao-jian/\n';
    const dir = content([{ folder: '2026-12-06' }, { folder: '2026-12-07' }, { folder: '2026-12-08' }], { 'redirects.yaml': redirects });
    expect(lines(dir)).toEqual([
      'redirects.yaml:2:7 error redirects: /2026/12/07/gao-jian/ 是提前准备的稿件，2026-12-07 零点（北京时间）才发布，在此之前读者会被转到「找不到页面」：请到那天再加这条转址',
      'redirects.yaml:3:9 error redirects: /2026/12/08/gao-jian/ 是提前准备的稿件，将于 2026-12-08 发布，转址会把它藏起来：请删去这条转址',
    ]);
    // On its date the redirect to it is good, and the one from it hides a page.
    expect(lines(dir, '2026-12-08')).toEqual([
      'redirects.yaml:3:9 error redirects: /2026/12/08/gao-jian/ 是网站上现有的页面（稿件、版面或列表），转址会把它藏起来，读者再也看不到：请删去这条转址，或先把那个页面移走',
    ]);
  });
});

describe('the catalogue of a build in parts', () => {
  it('holds the articles published on the day it is made, and is made again when an edition prepared ahead is due', () => {
    const dir = content([{ folder: '2026-12-06' }, { folder: '2026-12-07' }, { folder: '2026-12-08' }]);
    const projectRoot = join(dir, '..');
    const keys = ['2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09'].map((today) =>
      contentKey(projectRoot, '2026', 'code', today, 'content'),
    );
    expect(new Set(keys).size).toBe(3);
    // Once every edition is due, the key stays put.
    expect(keys[2]).toBe(keys[3]);
    const ids = (today: string) => makeCatalogue(projectRoot, '2026', 'key', today, 'content').articles.map((a) => a.id);
    expect(ids('2026-12-06')).toEqual(['2026/12/06/gao-jian']);
    expect(ids('2026-12-07')).toEqual(['2026/12/06/gao-jian', '2026/12/07/gao-jian']);
  });
});
