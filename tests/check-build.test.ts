// The site build runs the content checker first (src/integrations/content-check.ts): `astro build` on bad content
// stops with the checker's located lines, not Astro's schema error and stack trace; `astro dev` reports and goes on.
// Content the checker passes, in any line ending, the build publishes as the checker read it.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it } from 'vitest';
import contentCheck, { checkFolders } from '../src/integrations/content-check.ts';
import type { SharedReads } from '../src/lib/content/shared-reads.ts';
import { checkPaths } from '../src/lib/check/check-fs.ts';
import { syntheticArchive, vocabulary } from '../tools/bench/synthetic.ts';
import { fw } from './fullwidth.ts';
import { astroBuild } from './helpers/astro-build.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

describe('astro build on bad content', () => {
  it('fails naming file, line, column and field for every error, without a stack trace', () => {
    const result = astroBuild(join(root, `tests/.tmp/check-build-${process.pid}`), {
      CONTENT_DIR: 'tests/fixtures/check/eol/content',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    });
    const output = result.log;
    expect(result.ok).toBe(false);
    expect(output).toContain(
      `tests/fixtures/check/eol/content/2022/04/19/eol-lf.md:6:9 error county: ${fw('未知的县区「张家囗市」,是否为「张家口市」?')}`,
    );
    expect(output).toContain('tests/fixtures/check/eol/content/2022/04/19/eol-crlf.md:4:1 error unknown-field:');
    expect(output).toContain('tests/fixtures/check/eol/content/2022/04/19/eol-bom.md:14:1 error url:');
    expect(output).toContain('tests/fixtures/check/eol/content/2022/04/19/eol-cr.md:12:3 error html:');
    expect(output).not.toMatch(/Stack trace|^\s+at /m);
  });
});

describe('astro build with a redirects.yaml it cannot use', () => {
  const cases: [string, (file: string) => void, RegExp][] = [
    // Followed, the link would never end: what it points at is never read.
    ['a link', (file) => symlinkSync('/dev/zero', file), /redirects\.yaml:1:1 error location: 内容文件夹里不能有符号链接/],
    ['broken YAML', (file) => writeFileSync(file, '- from: [\n'), /redirects\.yaml:\d+:\d+ error /],
  ];
  it.each(cases)('%s: stops with the check’s located line, not a stack trace from the configuration', (_name, write, line) => {
    const project = join(root, `tests/.tmp/check-build-redirects-${process.pid}`);
    mkdirSync(join(project, 'content'), { recursive: true });
    write(join(project, 'content/redirects.yaml'));
    const contentDir = `tests/.tmp/check-build-redirects-${process.pid}/content`;
    try {
      const result = astroBuild(
        join(project, 'out'),
        { CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: join(project, 'cache'), NO_COLOR: '1', FORCE_COLOR: '0' },
        25_000,
      );
      expect(result.ok).toBe(false);
      expect(result.log).toMatch(line);
      expect(result.log).not.toMatch(/Stack trace|^\s+at /m);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('astro build on content the checker passes', () => {
  it('publishes a CR-only article as its LF twin, CRLF and BOM articles line by line, and a title that looks like a date as written', () => {
    const contentDir = 'tests/fixtures/check/good/content';
    expect(checkPaths([contentDir], { cwd: root, contentDir }).problems).toEqual([]);
    const out = join(root, `tests/.tmp/check-build-good-${process.pid}`);
    const result = astroBuild(out, { CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: `${out}-cache`, NO_COLOR: '1', FORCE_COLOR: '0' });
    const page = (slug: string) => readFileSync(join(out, '2022/04/19', slug, 'index.html'), 'utf8');
    const body = (slug: string) =>
      /<div class="article__body">([\s\S]*?)<\/div><(?:nav|div class="article__credits"|section)/.exec(page(slug))?.[1];
    try {
      expect(result.ok, result.log).toBe(true);
      expect(body('fa-yuan-lf')).toContain('<p>4月14日');
      expect(body('fa-yuan-cr')).toBe(body('fa-yuan-lf'));
      for (const slug of ['fa-yuan-crlf', 'fa-yuan-bom']) expect(body(slug), slug).toMatch(/^<p>第一段。<\/p>/);
      expect(page('ri-qi-biao-ti')).toContain('<h1 class="headline__title">2022-04-19</h1>');
      expect(page('ri-qi-biao-ti')).toContain('<p class="headline__kicker">2022-04-19T08:30:00Z</p>');
    } finally {
      for (const dir of [out, `${out}-cache`]) rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the content-check integration', () => {
  const setup = (command: 'build' | 'dev', contentRoot: string, cacheDir = mkdtempSync(join(tmpdir(), 'content-check-'))) => {
    const logged: string[] = [];
    const log = (message: string) => logged.push(message);
    const logger = { info: log, warn: log, error: log, debug: log } as unknown as AstroIntegrationLogger;
    const hook = contentCheck().hooks['astro:config:setup'] as unknown as (options: object) => Promise<void>;
    const run = async () =>
      hook({ config: { root: pathToFileURL(`${contentRoot}/`), cacheDir: pathToFileURL(`${cacheDir}/`) }, command, logger });
    return { run, logged };
  };

  it('in dev, prints the problems and lets the server start', async () => {
    const { run, logged } = setup('dev', join(root, 'tests/fixtures/check/bad'));
    await expect(run()).resolves.toBeUndefined();
    expect(logged.join('\n')).toContain('content/2022/04/19/county-typo.md:5:9 error county:');
  });

  it('passes the sample content silently', async () => {
    const project = mkdtempSync(join(tmpdir(), 'content-check-sample-'));
    cpSync(join(root, 'tests/fixtures/sample'), join(project, 'content'), { recursive: true });
    cpSync(join(root, 'src'), join(project, 'src'), { recursive: true });
    const { run, logged } = setup('build', project);
    await expect(run()).resolves.toBeUndefined();
    expect(logged).toEqual([]);
  });

  it('checks again only the editions that changed since a clean build, and still fails on a new error', async () => {
    const project = mkdtempSync(join(tmpdir(), 'content-check-project-'));
    cpSync(join(root, 'tests/fixtures/sample'), join(project, 'content'), { recursive: true });
    cpSync(join(root, 'src'), join(project, 'src'), { recursive: true });
    const cache = mkdtempSync(join(tmpdir(), 'content-check-cache-'));
    await expect(setup('build', project, cache).run()).resolves.toBeUndefined();
    writeFileSync(
      join(project, 'content/2022/04/19/xin-gao-jian.md'),
      [
        '---',
        'title: 新稿件',
        'byline: [徐洋]',
        'date: 2022-04-19',
        'county: 张家囗市',
        'category: 交通',
        'page: 1',
        'order: 20',
        '---',
        '',
        '正文。',
        '',
      ].join('\n'),
    );
    const second = setup('build', project, cache);
    await expect(second.run()).rejects.toThrow(/content\/2022\/04\/19\/xin-gao-jian\.md:5:9 error county/);
    // The folder stays unchecked-clean until it is fixed: the next build fails the same way.
    await expect(setup('build', project, cache).run()).rejects.toThrow(/xin-gao-jian\.md:5:9 error county/);
  });
});

describe('the content check of a large build', () => {
  it('runs on two cores and reports exactly what one run reports, in the same order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-check-large-'));
    const vocab = vocabulary(
      readFileSync(join(root, 'tests/fixtures/sample/2022/04/19/nv-zi-chao-jin-dao-ni-xing-bei-zhuang-shou-shang.md'), 'utf8'),
    );
    const files = [...syntheticArchive(vocab, { articles: 1200 })].map((file) => {
      const path = join(dir, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.source);
      return path;
    });
    // An error near the start and one near the end, so that each half has one.
    const articles = files.filter((f) => f.endsWith('.md'));
    for (const file of [articles[3]!, articles.at(-3)!])
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^county: .*$/m, 'county: 张家囗市'));
    const folders = [...new Set(files.map((f) => dirname(f)))];
    const oneReads: SharedReads = new Map();
    const today = '2022-04-19';
    const one = checkPaths(folders, { cwd: root, reads: oneReads, today });
    expect(one.problems.filter((p) => p.rule === 'county')).toHaveLength(2);
    const reads: SharedReads = new Map();
    expect(await checkFolders(root, folders, reads, today)).toEqual(one);
    // Both halves hand every file's read over to the loaders, the worker's across the thread.
    expect(reads.size).toBe(files.length);
    expect(new Map([...reads].sort())).toEqual(new Map([...oneReads].sort()));
  });
});
