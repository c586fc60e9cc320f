// Offline archives made from a small built site held in memory (deployed under /paper/): what goes into the zip,
// how every link is rewritten, what the search box indexes, and the checksums.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256sums } from '../src/lib/offline/checksums.ts';
import {
  archiveName,
  downloadPath,
  fillDownloadSizes,
  formatSize,
  linksDownloads,
  withoutDownloadSizes,
} from '../src/lib/offline/downloads.ts';
import { buildEditionArchive, editionsInBuild, zipEdition, zipMonth, type BuiltSite } from '../src/lib/offline/edition.ts';
import { fw } from './fullwidth.ts';

const SITE = 'https://news.example.cn';
const page = (title: string, main: string, head = '') =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>` +
  `<link rel="canonical" href="${SITE}/paper/2022/04/19/"><link rel="stylesheet" href="/paper/_astro/site.css">${head}</head>` +
  `<body><header><a href="/paper/">河北法制报</a> <a href="/paper/archive/">往期</a></header><main id="main">${main}</main>` +
  `<script type="module" src="/paper/_astro/app.js"></script></body></html>`;

const editionPage = (date: string) =>
  page(
    `${date}报纸`,
    `<div class="edition"><div class="masthead"><h1>河北法制报</h1></div>` +
      `<p class="download-link" data-offline-omit><a href="/paper/downloads/${date}.zip">下载本期<span data-download-size="${date}.zip"></span></a></p>` +
      `<h2><a href="/paper/${date.replaceAll('-', '/')}/yi/">标题乙</a></h2>` +
      `<nav><section id="ban-1"><a href="/paper/${date.replaceAll('-', '/')}/jia/">标题甲</a> <a href="/paper/${date.replaceAll('-', '/')}/yi/">标题乙</a></section></nav></div>`,
  );

const articlePage = (date: string, title: string, body: string, extra = '') => {
  const dir = `/paper/${date.replaceAll('-', '/')}/`;
  return page(
    title,
    `<article class="article"><hgroup><p>引题文字</p><h1>${title}</h1></hgroup>` +
      `<p class="byline"><a href="/paper/byline/xuyang/">徐洋</a></p>` +
      `<figure><img src="/paper/_astro/photo.webp" srcset="/paper/_astro/photo_480.webp 480w, /paper/_astro/photo.webp 800w" alt=""><figcaption>图为执法现场。</figcaption></figure>` +
      `<div class="article__body"><p>${body}</p>${extra}</div>` +
      `<nav class="article__pager"><a href="${dir}yi/" rel="next">下一篇 标题乙</a></nav>` +
      `<p class="article__back"><a href="${dir}#ban-1">返回本版</a></p></article>`,
    '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
  );
};

function site(overrides: Record<string, string | undefined> = {}, sources: Record<string, string | undefined> = {}): BuiltSite {
  const build: Record<string, string | Uint8Array | undefined> = {
    '_astro/site.css': 'body{background:url(/paper/_astro/paper.png)}.logo{background:url("data:image/png;base64,AA==")}',
    '_astro/paper.png': new Uint8Array([137, 80, 78, 71]),
    '_astro/photo.webp': new Uint8Array([1, 2, 3]),
    '_astro/photo_480.webp': new Uint8Array([4, 5]),
    '_astro/app.js': 'console.log(1)',
    'files/judgment.pdf': '%PDF',
    '2022/04/19/index.html': editionPage('2022-04-19'),
    '2022/04/19/jia/index.html': articlePage(
      '2022-04-19',
      '标题甲',
      '女子逆行 被撞受伤，Police 到场。',
      '<p><a href="/paper/files/judgment.pdf">判决书</a> <a href="mailto:news@example.cn">来信</a> <a href="https://www.court.gov.cn/">法院网</a></p>',
    ),
    '2022/04/19/yi/index.html': articlePage('2022-04-19', '标题乙', '法院依法强制腾房。'),
    '2022/04/20/index.html': editionPage('2022-04-20'),
    '2022/04/20/jia/index.html': articlePage('2022-04-20', '次日甲', '次日正文。'),
    '2022/04/20/yi/index.html': articlePage('2022-04-20', '次日乙', '次日正文二。'),
    ...overrides,
  };
  const content: Record<string, string | undefined> = {
    '2022/04/19/edition.yaml': 'date: 2022-04-19\n',
    '2022/04/19/jia.md': '---\ntitle: 标题甲\n---\n女子逆行\n',
    '2022/04/19/yi.md': '---\ntitle: 标题乙\n---\n腾房\n',
    '2022/04/20/edition.yaml': 'date: 2022-04-20\n',
    '2022/04/20/jia.md': '---\ntitle: 次日甲\n---\n',
    '2022/04/20/yi.md': '---\ntitle: 次日乙\n---\n',
    ...sources,
  };
  const bytes = (v: string | Uint8Array | undefined) => (typeof v === 'string' ? new TextEncoder().encode(v) : v);
  return { site: SITE, base: '/paper/', readBuild: (p) => bytes(build[p]), readSource: (p) => bytes(content[p]) };
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const tmp = mkdtempSync(join(tmpdir(), 'offline-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('an edition archive', () => {
  const archive = buildEditionArchive('2022-04-19', ['jia', 'yi'], site());
  const index = text(archive.files.get('index.html'));
  const jia = text(archive.files.get('articles/jia.html'));

  it('holds the edition, its articles, what they display or link, their sources and SHA256SUMS', () => {
    expect([...archive.files.keys()].sort()).toEqual([
      'SHA256SUMS',
      '_astro/paper.png',
      '_astro/photo.webp',
      '_astro/photo_480.webp',
      '_astro/site.css',
      'articles/jia.html',
      'articles/yi.html',
      'content/2022/04/19/edition.yaml',
      'content/2022/04/19/jia.md',
      'content/2022/04/19/yi.md',
      'files/judgment.pdf',
      'index.html',
    ]);
  });

  it('links pages of the edition relatively, and everything else to the live site', () => {
    expect(index).toContain('href="articles/jia.html"');
    expect(index).toContain('href="_astro/site.css"');
    expect(index).toContain(`href="${SITE}/paper/archive/"`);
    expect(index).toContain(`href="${SITE}/paper/"`);
    expect(jia).toContain('href="../_astro/site.css"');
    expect(jia).toContain('src="../_astro/photo.webp"');
    expect(jia).toContain('srcset="../_astro/photo_480.webp 480w, ../_astro/photo.webp 800w"');
    expect(jia).toContain('href="yi.html"');
    expect(jia).toContain('href="../index.html#ban-1"');
    expect(jia).toContain(`href="${SITE}/paper/byline/xuyang/"`);
    expect(jia).toContain('href="../files/judgment.pdf"');
    expect(jia).toContain('href="mailto:news@example.cn"');
    expect(jia).toContain('href="https://www.court.gov.cn/"');
    for (const html of [index, jia]) expect(html).not.toMatch(/(href|src|srcset|action)="\//);
  });

  it('keeps the canonical link to the live page', () => {
    expect(jia).toContain(`<link rel="canonical" href="${SITE}/paper/2022/04/19/">`);
  });

  it('rewrites url() in stylesheets and leaves data: URLs alone', () => {
    expect(text(archive.files.get('_astro/site.css'))).toBe(
      'body{background:url(paper.png)}.logo{background:url("data:image/png;base64,AA==")}',
    );
  });

  it('drops the download link and the site’s scripts, keeps structured data', () => {
    expect(index).not.toContain('data-offline-omit');
    expect(index).not.toContain('download-size');
    expect(index).not.toContain('app.js');
    expect(jia).not.toContain('<script type="module"');
    expect(jia).toContain('<script type="application/ld+json">');
  });

  it('puts the search box under the masthead, hidden until its inline classic script runs', () => {
    expect(index).toMatch(
      /<div class="masthead">.*?<\/div><p class="offline-note">.*<div class="offline-search" id="offline-search" role="search" hidden>/s,
    );
    expect(index).toContain(`在线阅读${fw(':')}<a href="${SITE}/paper/2022/04/19/">`);
    expect(index).toContain('<input type="search" id="offline-search-input"');
    const scripts = [...index.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((s) => s[1])).toEqual(['']);
    expect(scripts[0]![2]).not.toMatch(/\bfetch\(|\bimport\b/);
  });

  it('indexes the articles in reading order with everything a reader can read but the navigation', () => {
    expect(archive.articles.map((a) => [a.title, a.href])).toEqual([
      ['标题乙', 'articles/yi.html'],
      ['标题甲', 'articles/jia.html'],
    ]);
    const entry = archive.articles[1]!.text;
    for (const part of ['引题文字', '标题甲', '徐洋', '图为执法现场。', '女子逆行 被撞受伤']) expect(entry).toContain(part);
    expect(entry).not.toContain('下一篇');
    expect(entry).not.toContain('返回本版');
  });

  it('inlines the index so that no article text can end the script', () => {
    const hostile = buildEditionArchive(
      '2022-04-19',
      ['jia', 'yi'],
      site({
        '2022/04/19/jia/index.html': articlePage(
          '2022-04-19',
          '标题甲',
          '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; $&amp; DATA FOUND',
        ),
      }),
    );
    const html = text(hostile.files.get('index.html'));
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).toContain('\\u003c/script>\\u003cscript>alert(1)\\u003c/script> $& DATA FOUND');
  });

  it('lists every other file in SHA256SUMS with its digest', () => {
    const lines = text(archive.files.get('SHA256SUMS')).trimEnd().split('\n');
    expect(lines.map((l) => l.slice(66))).toEqual([...archive.files.keys()].filter((p) => p !== 'SHA256SUMS').sort());
    for (const line of lines) {
      const [digest, path] = [line.slice(0, 64), line.slice(66)];
      expect(createHash('sha256').update(archive.files.get(path)!).digest('hex'), path).toBe(digest);
    }
  });

  it('warns about files loaded from other sites, which cannot work offline', () => {
    const withCdn = buildEditionArchive(
      '2022-04-19',
      ['jia', 'yi'],
      site({ '2022/04/19/yi/index.html': articlePage('2022-04-19', '标题乙', '<img src="https://cdn.example.com/x.png">') }),
    );
    expect(withCdn.warnings).toEqual([
      '2022/04/19/yi/index.html: https://cdn.example.com/x.png is loaded from elsewhere and will not show offline',
    ]);
  });

  it('fails, naming the page and the file, when something is missing', () => {
    expect(() => buildEditionArchive('2022-04-19', ['jia', 'yi'], site({}, { '2022/04/19/yi.md': undefined }))).toThrow(
      /2022\/04\/19\/yi\.md/,
    );
    expect(() => buildEditionArchive('2022-04-19', ['jia', 'yi'], site({ '_astro/photo_480.webp': undefined }))).toThrow(
      '2022/04/19/yi/index.html: /paper/_astro/photo_480.webp is not in the build',
    );
    expect(() => buildEditionArchive('2022-04-19', ['jia', 'yi', 'bing'], site())).toThrow(
      '2022/04/19/bing/index.html is missing from the build',
    );
  });
});

describe('editionsInBuild', () => {
  it('finds each edition and its articles, not the pages left at moved URLs', () => {
    const redirect =
      '<!doctype html><title>Redirecting to: /paper/2022/04/19/jia/</title><meta http-equiv="refresh" content="0;url=/paper/2022/04/19/jia/">';
    const built = site({ '2022/04/19/old-jia/index.html': redirect, '2022/04/18/index.html': redirect });
    const paths = [
      'index.html',
      'archive/index.html',
      '2022/04/18/index.html',
      '2022/04/19/old-jia/index.html',
      '2022/04/20/yi/index.html',
      '2022/04/20/jia/index.html',
      '2022/04/20/index.html',
      '2022/04/19/yi/index.html',
      '2022/04/19/jia/index.html',
      '2022/04/19/index.html',
      '2022/04/19/ban/2/index.html',
      '2022/04/19/ban/1/index.html',
    ];
    expect(editionsInBuild(paths, built.readBuild)).toEqual([
      { date: '2022-04-19', slugs: ['jia', 'yi'], pages: [1, 2] },
      { date: '2022-04-20', slugs: ['jia', 'yi'], pages: [] },
    ]);
  });
});

describe('zips', () => {
  const build = () => {
    const made = ['2022-04-19', '2022-04-20'].map((date) => {
      const archive = buildEditionArchive(date, ['yi', 'jia'], site());
      return { archive, zipped: zipEdition(archive) };
    });
    return { made, month: zipMonth('2022-04', made, site()) };
  };
  const first = build();

  it('are byte-identical when built again from the same site', () => {
    const second = build();
    expect(first.made[0]!.zipped.name).toBe('2022-04-19.zip');
    expect(Buffer.compare(second.made[0]!.zipped.zip, first.made[0]!.zipped.zip)).toBe(0);
    expect(Buffer.compare(second.month.zip, first.month.zip)).toBe(0);
  });

  it('bundle a month: each edition in its dated folder, an index of them, checksums that sha256sum -c accepts', () => {
    const { month } = first;
    expect(month.name).toBe('2022-04.zip');
    const zipFile = join(tmp, month.name);
    writeFileSync(zipFile, month.zip);
    const out = join(tmp, 'month');
    execFileSync('unzip', ['-q', zipFile, '-d', out]);
    const listed = execFileSync('unzip', ['-Z1', zipFile]).toString().trim().split('\n');
    expect(listed).toContain('2022-04-19/index.html');
    expect(listed).toContain('2022-04-20/SHA256SUMS');
    const index = text(month.files.get('index.html'));
    expect(index).toContain('<a href="2022-04-19/index.html">2022年4月19日 星期二</a> · 2篇 · 标题乙');
    expect(index).toContain(`<a href="${SITE}/paper/archive/">`);
    const check = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out }).toString();
    expect(check.trim().split('\n')).toHaveLength(listed.length - 1);
    expect(execFileSync('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], { cwd: join(out, '2022-04-20') }).toString()).toBe('');
  });
});

describe('sha256sums', () => {
  it('writes what sha256sum -c verifies, and fails on a changed file', () => {
    const files = new Map<string, string>([
      ['index.html', '<p>本期</p>'],
      ['content/2022/04/19/稿件.md', '正文'],
    ]);
    const dir = join(tmp, 'sums');
    for (const [path, content] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    writeFileSync(join(dir, 'SHA256SUMS'), sha256sums(files));
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).toString()).toBe(
      'content/2022/04/19/稿件.md: OK\nindex.html: OK\n',
    );
    writeFileSync(join(dir, 'index.html'), '<p>改过</p>');
    const failed = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(failed.status).not.toBe(0);
    expect(failed.stdout).toContain('index.html: FAILED');
  });
});

describe('download names and sizes', () => {
  it('names editions and months, under downloads/', () => {
    expect(archiveName('2022-04-19')).toBe('2022-04-19.zip');
    expect(archiveName('2022-04')).toBe('2022-04.zip');
    expect(() => archiveName('2022/04/19')).toThrow();
    expect(downloadPath('2022-04.zip')).toBe('/downloads/2022-04.zip');
  });

  it('formats sizes as readers expect', () => {
    expect([formatSize(980), formatSize(71_607), formatSize(4_718_592)]).toEqual(['980 B', '70 KB', '4.5 MB']);
  });

  it('fills the size into each download link, updates it in a later build, and refuses a link to a zip that was not built', () => {
    const html = '<a href="/downloads/2022-04-19.zip">下载本期（ZIP<span data-download-size="2022-04-19.zip"></span>）</a>';
    expect(linksDownloads(Buffer.from(html))).toBe(true);
    const filled = fillDownloadSizes(html, new Map([['2022-04-19.zip', 71_607]]));
    const text = (h: string) => h.replace(/<[^>]*>/g, '');
    expect(text(filled)).toBe(`下载本期${fw('(ZIP,70 KB)')}`);
    expect(text(fillDownloadSizes(filled, new Map([['2022-04-19.zip', 4_718_592]])))).toBe(`下载本期${fw('(ZIP,4.5 MB)')}`);
    expect(fillDownloadSizes(filled, new Map([['2022-04-19.zip', 71_607]]))).toBe(filled);
    expect(withoutDownloadSizes(filled)).toBe(html);
    expect(linksDownloads(Buffer.from('<a href="/">首页</a>'))).toBe(false);
    expect(() => fillDownloadSizes(html, new Map())).toThrow('links the download 2022-04-19.zip, which was not built');
  });
});
