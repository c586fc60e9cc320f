// Offline downloads as a reader and an archivist meet them: the links with their sizes, the zip unpacked and opened
// from file:// in Chromium (browse, search, no failed request), SHA256SUMS checked with sha256sum, the monthly
// bundle, a site under a base path, and a second build that must give byte-identical zips.
import { publishedSource } from '../../src/lib/content/published-source.ts';
import { readArticle } from '../../src/lib/content/read.ts';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatSize } from '../../src/lib/offline/downloads.ts';
import { launchChromium } from '../../tools/browser.ts';
import { fw } from '../fullwidth.ts';

const sample = inject('sampleOut');
const fixture = inject('fixtureOut');
const tmp = mkdtempSync(join(tmpdir(), 'downloads-'));

function unzipTo(zip: string, name: string): string {
  const dir = join(tmp, name);
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  return dir;
}
const entries = (zip: string) => execFileSync('unzip', ['-Z1', zip]).toString().trim().split('\n').sort();
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** Every URL in the HTML files of an unpacked archive must be absolute (the live site) or a file that is in it. */
function brokenLinks(dir: string): string[] {
  const problems: string[] = [];
  for (const file of files(dir).filter((f) => f.endsWith('.html'))) {
    const html = read(dir, file);
    const urls = [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]!);
    for (const srcset of html.matchAll(/\ssrcset="([^"]*)"/g)) urls.push(...srcset[1]!.split(',').map((c) => c.trim().split(/\s+/)[0]!));
    for (const url of urls) {
      if (url.startsWith('/')) problems.push(`${file}: root-relative ${url}`);
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#') || url.startsWith('/')) continue;
      const target = decodeURIComponent(url.replace(/[?#].*$/, ''));
      if (!existsSync(join(dir, dirname(file), target))) problems.push(`${file}: ${url} is not in the archive`);
    }
  }
  return problems;
}

const sha256Check = (dir: string) => execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).toString().trim().split('\n');

const editionZip = join(sample, 'downloads', '2022-04-19.zip');
const monthZip = join(sample, 'downloads', '2022-04.zip');
const articleSlugs = readdirSync(join(sample, '2022/04/19'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
let edition: string;

beforeAll(() => {
  edition = unzipTo(editionZip, 'edition');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('download links', () => {
  const label = (what: string, zip: string) =>
    `${what}${fw('(ZIP')}<span data-download-size="${basename(zip)}">${fw(',')}${formatSize(statSync(zip).size)}</span>${fw(')')}`;

  it('the edition page and the home page link the edition’s zip with its size', () => {
    const link = `<a href="/downloads/2022-04-19.zip" download type="application/zip">${label('下载本期', editionZip)}</a>`;
    expect(read(sample, '2022/04/19/index.html')).toContain(link);
    expect(read(sample, 'index.html')).toContain(link);
  });

  it('the archive links each month’s bundle and each edition’s zip with their sizes', () => {
    const archive = read(sample, 'archive/2022/index.html');
    expect(archive).toContain(`<a href="/downloads/2022-04.zip" download type="application/zip">${label('2022年4月合订本', monthZip)}</a>`);
    expect(archive).toContain(
      `<a href="/downloads/2022-04-19.zip" download type="application/zip">${label('2022年4月19日', editionZip)}</a>`,
    );
  });

  it('leaves no size placeholder empty on any page', () => {
    for (const file of files(sample).filter((f) => f.endsWith('.html')))
      expect(read(sample, file), file).not.toMatch(/data-download-size="[^"]*"><\/span>/);
  });
});

describe('an edition’s zip', () => {
  it('holds index.html, every article, its Markdown source, the stylesheet and SHA256SUMS', () => {
    const list = entries(editionZip);
    expect(articleSlugs).toHaveLength(13);
    for (const slug of articleSlugs) {
      expect(list).toContain(`articles/${slug}.html`);
      expect(list).toContain(`content/2022/04/19/${slug}.md`);
      // The repository's file, minus the newsroom's comments (the sample's importer notes are YAML comments).
      const source = readFileSync(fileURLToPath(new URL(`../fixtures/sample/2022/04/19/${slug}.md`, import.meta.url)));
      expect(read(edition, `content/2022/04/19/${slug}.md`)).toBe(
        Buffer.from(publishedSource(`2022/04/19/${slug}.md`, source, () => readArticle(`${slug}.md`, source).publishedYaml)).toString(
          'utf8',
        ),
      );
      expect(read(edition, `content/2022/04/19/${slug}.md`)).not.toMatch(/#\s*原版/);
    }
    expect(list).toEqual(expect.arrayContaining(['index.html', 'SHA256SUMS', 'content/2022/04/19/edition.yaml']));
    expect(list.some((p) => /^_astro\/[^/]+\.css$/.test(p))).toBe(true);
  });

  it('verifies with sha256sum -c, every file but SHA256SUMS listed', () => {
    const checked = sha256Check(edition);
    expect(checked.every((line) => line.endsWith(': OK'))).toBe(true);
    expect(checked.map((line) => line.slice(0, -4))).toEqual(entries(editionZip).filter((p) => p !== 'SHA256SUMS'));
  });

  it('has no root-relative URL and no link to a missing file', () => {
    expect(brokenLinks(edition)).toEqual([]);
    expect(read(edition, 'articles/fa-yuan-yi-fa-qiang-zhi-teng-fang-bao-zhang.html')).toContain(
      'href="https://example.org/county/yuhua/"',
    );
  });
});

describe('reading the zip from file:// in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    const context = await browser.newContext();
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    // A request the page itself abandoned by navigating on (Chromium's lazy favicon fetch) is not a failure.
    page.on(
      'requestfailed',
      (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`),
    );
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.goto(pathToFileURL(join(edition, 'index.html')).href);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function search(query: string): Promise<{ status: string; titles: string[]; hrefs: string[] }> {
    await page.fill('#offline-search-input', query);
    return {
      status: (await page.textContent('#offline-search-status')) ?? '',
      titles: await page.$$eval('#offline-search-results li > a', (links) => links.map((a) => a.textContent ?? '')),
      hrefs: await page.$$eval('#offline-search-results li > a', (links) => links.map((a) => a.getAttribute('href') ?? '')),
    };
  }

  it('shows the edition with its stylesheet and the search box', async () => {
    expect(await page.textContent('.masthead')).toContain('2022年4月19日');
    expect(await page.isVisible('#offline-search-input')).toBe(true);
    expect(requests.some((url) => /^file:.*\/_astro\/[^/]+\.css$/.test(url))).toBe(true);
  });

  it('finds articles by a phrase, across spaces and punctuation widths, by a byline name', async () => {
    expect(await search('强制腾空房屋')).toEqual({
      status: '本期找到 1 篇文章',
      titles: ['法院依法强制腾房 保障胜诉当事人权益'],
      hrefs: ['articles/fa-yuan-yi-fa-qiang-zhi-teng-fang-bao-zhang.html'],
    });
    expect((await search('逆行被撞')).titles).toEqual(['女子“抄近道”逆行 被撞受伤负全责']);
    expect((await search('肥乡:爱心')).titles).toEqual([fw('肥乡:爱心企业慰问防疫一线民辅警')]);
    expect((await search(' 席娟 ')).titles).toEqual([
      '张家口宣化检察院办理一起 监护人侵害未成年人权益案件',
      '怀安法院联合县检察院开展国家安全普法宣传活动',
      '无极法院走进辖区中学为学生上法治课',
    ]);
    expect(await page.textContent('#offline-search-results mark')).toBe('席娟');
    expect(await search('没有这个词语')).toEqual({ status: '本期没有找到相关文章。', titles: [], hrefs: [] });
  });

  it('follows a result to the article, on to the next one, and back to the edition', async () => {
    await search('强制腾空房屋');
    await page.click('#offline-search-results a');
    expect(page.url()).toMatch(/\/articles\/fa-yuan-yi-fa-qiang-zhi-teng-fang-bao-zhang\.html$/);
    expect(await page.textContent('h1')).toBe('法院依法强制腾房 保障胜诉当事人权益');
    await page.click('a[rel="prev"]');
    expect(await page.textContent('h1')).toBe('新乐法院开展全民国家安全教育日宣传活动');
    await page.click('.article__back a');
    expect(page.url()).toMatch(/\/index\.html#ban-1$/);
    expect(await page.isVisible('#offline-search-input')).toBe(true);
    await page.goBack();
    expect(await page.textContent('h1')).toBe('新乐法院开展全民国家安全教育日宣传活动');
  });

  it('loaded only files from the archive, none failing', () => {
    expect(problems).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(pathToFileURL(edition).href))).toEqual([]);
  });
});

describe('the monthly bundle', () => {
  it('holds each edition in its folder, as in the edition’s zip, an index, and checksums for all', () => {
    const month = unzipTo(monthZip, 'month');
    expect(entries(monthZip).filter((p) => p.startsWith('2022-04-19/'))).toEqual(entries(editionZip).map((p) => `2022-04-19/${p}`));
    for (const path of entries(editionZip)) expect(read(month, `2022-04-19/${path}`), path).toBe(read(edition, path));
    expect(read(month, 'index.html')).toContain('<a href="2022-04-19/index.html">2022年4月19日 星期二</a> · 13篇');
    expect(sha256Check(month)).toHaveLength(entries(monthZip).length - 1);
    expect(brokenLinks(month)).toEqual([]);
  });
});

describe('a site under a base path, with editions in several months', () => {
  const dates = readdirSync(fixture, { recursive: true })
    .map(String)
    .filter((p) => /^\d{4}[/\\]\d{2}[/\\]\d{2}[/\\]index\.html$/.test(p))
    .map((p) => p.slice(0, 10).replace(/[/\\]/g, '-'))
    .sort();

  it('has a zip for every edition and a bundle for every month, linked under the base path', () => {
    expect(dates.length).toBeGreaterThan(1);
    const months = [...new Set(dates.map((d) => d.slice(0, 7)))];
    expect(readdirSync(join(fixture, 'downloads')).sort()).toEqual([...dates, ...months].map((n) => `${n}.zip`).sort());
    for (const date of dates) {
      expect(read(fixture, `${date.replaceAll('-', '/')}/index.html`)).toContain(`<a href="/paper/downloads/${date}.zip" download`);
    }
  });

  it('rewrites every link in the archives: relative inside, absolute to the live site outside', () => {
    for (const date of dates) {
      const dir = unzipTo(join(fixture, 'downloads', `${date}.zip`), `fixture-${date}`);
      expect(brokenLinks(dir), date).toEqual([]);
      expect(read(dir, 'index.html')).toContain('href="https://example.org/paper/archive/"');
      expect(sha256Check(dir).every((line) => line.endsWith(': OK'))).toBe(true);
    }
  });
});

describe('rebuilding', () => {
  it('gives byte-identical zips', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    mkdirSync(join(root, 'tests/.tmp'), { recursive: true });
    // A folder of its own (test runs may overlap), inside the project so the config can import the real one.
    const work = mkdtempSync(join(root, 'tests/.tmp/downloads-rebuild-'));
    const folder = relative(root, work).split('\\').join('/');
    // Its own cache folders (Astro's and Vite's), so this build cannot disturb a build or dev server running alongside.
    writeFileSync(
      join(work, 'astro.config.mjs'),
      `import config from '../../../astro.config.mjs';\n` +
        `export default { ...config, cacheDir: './${folder}/cache/', vite: { ...config.vite, cacheDir: './${folder}/cache/vite/' } };\n`,
    );
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      ASTRO_TELEMETRY_DISABLED: '1',
      SITE_URL: 'https://example.org',
    };
    delete env['BASE_PATH'];
    env['CONTENT_DIR'] = 'tests/fixtures/sample'; // as the sample build (tests/setup/build-sample.ts)
    try {
      execFileSync(
        process.execPath,
        ['node_modules/astro/bin/astro.mjs', 'build', '--config', `${folder}/astro.config.mjs`, '--outDir', join(work, 'dist')],
        {
          cwd: root,
          stdio: ['ignore', 'ignore', 'inherit'],
          env,
        },
      );
      const names = readdirSync(join(sample, 'downloads')).sort();
      expect(readdirSync(join(work, 'dist/downloads')).sort()).toEqual(names);
      for (const name of names) {
        expect(Buffer.compare(readFileSync(join(work, 'dist/downloads', name)), readFileSync(join(sample, 'downloads', name))), name).toBe(
          0,
        );
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
