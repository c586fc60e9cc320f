// Published URLs never break, and keeping the list is not a reporter's chore: the checker holds
// published-urls.txt against the content (a new article needs nothing, a vanished URL is a located error), and
// `npm run urls:record`, run by the publishing workflow, adds what a build of main published. On a copy of the
// sample fixture, never on content/.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPaths } from '../src/lib/check/check-fs.ts';
import { listedUrls, parseUrlList, renderUrlList, vanishedUrlProblems } from '../src/lib/permanent-urls/published-urls.ts';
import { parseBylineRecord } from '../src/lib/permanent-urls/published-bylines.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
let work = '';
const day = () => join(work, 'content/2022/04/19');
const check = () => checkPaths(['content'], { cwd: work, contentDir: 'content' }).problems.filter((p) => p.severity === 'error');
const list = () => readFileSync(join(work, 'content/published-urls.txt'), 'utf8');
const newArticle = () =>
  writeFileSync(
    join(day(), 'xin-gao-jian.md'),
    [
      '---',
      'title: 新稿件',
      'byline: [记者 新来者]',
      'date: 2022-04-19',
      'county: 曲周县',
      'category: 交通',
      'page: 1',
      'order: 99',
      '---',
      '',
      '正文。',
      '',
    ].join('\n'),
  );

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'published-urls-'));
  cpSync(join(root, 'tests/fixtures/sample'), join(work, 'content'), { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('the checker and published-urls.txt', () => {
  it('accepts a new article that is not in the list yet: a content pull request needs no chore', () => {
    newArticle();
    expect(check()).toEqual([]);
  });

  it('names the line of a published URL whose article vanished, until it is restored or redirected', () => {
    const gone = '/2022/04/19/lao-ren-tu-fa-xin-geng-qu-zhou-min-jing-hu-song/';
    const line = listedUrls(list()).find((l) => l.url === gone)!.line;
    rmSync(join(day(), 'lao-ren-tu-fa-xin-geng-qu-zhou-min-jing-hu-song.md'));
    expect(check()).toEqual([
      expect.objectContaining({
        file: 'content/published-urls.txt',
        line,
        column: 1,
        rule: 'published-urls',
        message: expect.stringContaining(`${gone} 已经发布过`),
      }),
    ]);
    newArticle();
    writeFileSync(join(work, 'content/redirects.yaml'), `- from: ${gone}\n  to: /2022/04/19/xin-gao-jian/\n`);
    expect(check()).toEqual([]);
  });

  it('counts an article turned back into a draft as vanished', () => {
    const file = join(day(), 'lao-ren-tu-fa-xin-geng-qu-zhou-min-jing-hu-song.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('order: 3\n', 'order: 3\ndraft: true\n'));
    expect(check().map((p) => [p.file, p.rule])).toEqual([['content/published-urls.txt', 'published-urls']]);
  });
});

describe('npm run urls:record (run by the publishing workflow)', () => {
  it('adds the URLs and byline names of a build, and never removes one', () => {
    newArticle();
    const before = parseUrlList(list());
    const record = () =>
      execFileSync(process.execPath, [join(root, 'scripts/record-urls.ts')], {
        cwd: work,
        env: { ...process.env, CONTENT_DIR: 'content' },
      }).toString();
    expect(record()).toContain('1 new URL(s)');
    expect(parseUrlList(list())).toEqual([...before, '/2022/04/19/xin-gao-jian/'].sort());
    expect(
      parseBylineRecord(readFileSync(join(work, 'content/published-bylines.txt'), 'utf8'), 'published-bylines.txt').get('新来者'),
    ).toBe('xinlaizhe');
    rmSync(join(day(), 'xin-gao-jian.md'));
    expect(record()).toContain('0 new URL(s)');
    expect(parseUrlList(list())).toContain('/2022/04/19/xin-gao-jian/');
  });
});

describe('vanishedUrlProblems', () => {
  const live = new Set(['/2022/04/19/a/', '/2022/04/19/b/']);
  const isPage = (p: string) => live.has(p);

  it('reports, on its line, a listed URL that is neither a page nor redirected', () => {
    const text = '# header\n/2022/04/19/a/\n\n/2022/04/19/gone/\n';
    expect(vanishedUrlProblems(text, 'content/published-urls.txt', isPage, [])).toEqual([
      expect.objectContaining({ file: 'content/published-urls.txt', line: 4, column: 1, rule: 'published-urls', severity: 'error' }),
    ]);
    expect(vanishedUrlProblems(text, 'f', isPage, [{ from: '/2022/04/19/gone/', to: '/2022/04/19/a/' }])).toEqual([]);
  });

  it('keeps the list sorted and without duplicates', () => {
    expect(parseUrlList(renderUrlList(['/b/', '/a/', '/b/']))).toEqual(['/a/', '/b/']);
  });
});
