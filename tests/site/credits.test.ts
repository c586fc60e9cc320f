// What an article page shows about who answers for it and where it came from, read from the built sample and
// e-paper fixture: 责任编辑 (the article's or its 版's, edition.yaml) and a reprint's 来源, 原作者 and 原标题 under the
// text; the Open Graph tags WeChat and others read; the paper's settings in the masthead and on every page's footer;
// the home page's label (最新一期 on the sample, built today; 今日报纸 on the e-paper fixture, built on its day).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { paper } from '../../src/lib/site.ts';

const sample = inject('sampleOut');
const epaper = inject('epaperOut');
const read = (out: string, path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
const credits = (html: string) => /<div class="article__credits">([\s\S]*?)<\/div>/.exec(html)?.[1];
const meta = (html: string, property: string) => new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`).exec(html)?.[1];

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : path.endsWith('.html') ? [path] : [];
  });
}

const REPRINT = '2022/04/19/guo-wu-yuan-lian-xi-ban-you-guan-fu-ze-ren-jie/';
const OWN = '2022/04/19/nv-zi-chao-jin-dao-ni-xing-bei-zhuang-shou-shang/';
const WITH_PHOTO = '2022/04/19/guan-tao-te-xun-jing-zong-shen-yue-ru-bing-leng/';

describe('责任编辑 and 转载 under the text', () => {
  it("names the 版's editor under an article that names none of its own", () => {
    expect(text(credits(read(sample, OWN))!)).toBe('责任编辑：王某某');
  });

  it('takes each 版’s editor for its own articles (e-paper fixture: 版 2 is 李某某’s)', () => {
    expect(text(credits(read(epaper, WITH_PHOTO))!)).toContain('责任编辑：李某某');
  });

  it('shows a reprint’s source, original author and original title, after the text', () => {
    const html = read(sample, REPRINT);
    const shown = text(credits(html)!);
    expect(shown).toContain('来源：新华社');
    expect(shown).toContain('原作者：新华社记者');
    expect(shown).toContain('原标题：《国务院联席办有关负责人解读〈关于加强打击治理电信网络诈骗违法犯罪工作的意见〉》');
    expect(shown).toContain('责任编辑：王某某');
    expect(html.indexOf('class="article__credits"')).toBeGreaterThan(html.indexOf('class="article__body"'));
  });

  it('shows no reprint line on an article of the paper’s own', () => {
    expect(credits(read(sample, OWN))).not.toContain('原标题');
  });
});

describe('Open Graph tags', () => {
  it('give every article its title, description, address, type and publication time', () => {
    for (const path of [REPRINT, OWN]) {
      const html = read(sample, path);
      expect(meta(html, 'og:title'), path).toBeTruthy();
      expect(meta(html, 'og:description'), path).toBeTruthy();
      expect(meta(html, 'og:url')).toBe(`https://example.org/${path}`);
      expect(meta(html, 'og:type')).toBe('article');
      expect(meta(html, 'og:site_name')).toBe(paper.name);
      expect(meta(html, 'article:published_time')).toBe('2022-04-19T00:00:00+08:00');
    }
  });

  it('give an image only where the article has a photo', () => {
    expect(meta(read(sample, OWN), 'og:image')).toBeUndefined();
    const image = meta(read(epaper, WITH_PHOTO), 'og:image');
    expect(image).toMatch(/^https:\/\/example\.org\/_astro\/.+\.jpe?g$/);
  });
});

describe('the paper’s settings', () => {
  it('are in the footer of every page: copyright, 主管, 主办, CN, address, ICP linked to the MIIT site, 公安备案', () => {
    // Every reader page: not the web editor's, nor the redirect stubs of moved URLs.
    const pages = htmlFiles(sample)
      .filter((f) => !relative(sample, f).startsWith('admin'))
      .map((f) => [f, readFileSync(f, 'utf8')] as const)
      .filter(([, html]) => html.includes('<main id="main"'));
    expect(pages.length).toBeGreaterThan(20);
    for (const [file, html] of pages) {
      const footer = /<footer class="site-footer">([\s\S]*?)<\/footer>/.exec(html)?.[1];
      expect(footer, relative(sample, file)).toBeDefined();
      const shown = text(footer!);
      for (const value of [paper.copyright, paper.supervisor, paper.publisher, paper.cn, paper.address, paper.icp.number])
        expect(shown, relative(sample, file)).toContain(value);
      expect(footer).toContain(`href="https://beian.miit.gov.cn/"`);
      if (paper.police) expect(shown).toContain(paper.police.number);
    }
  });

  it('are in the masthead: 主管, 主办 and the CN number', () => {
    const masthead = text(/<div class="masthead">([\s\S]*?)<\/div>/.exec(read(sample, ''))![1]!);
    expect(masthead).toContain(`主管：${paper.supervisor}`);
    expect(masthead).toContain(`主办：${paper.publisher}`);
    expect(masthead).toContain(`国内统一连续出版物号：${paper.cn}`);
    expect(masthead).not.toMatch(/第\d+期/); // the sample edition has no 期号
  });
});

describe('the home page’s label', () => {
  it('is 最新一期 over an edition of another day, 今日报纸 over today’s', () => {
    expect(read(sample, '')).toContain('<span class="masthead__label">最新一期</span>');
    expect(read(sample, '')).not.toContain('今日报纸');
    expect(read(epaper, '')).toContain('<span class="masthead__label">今日报纸</span>');
  });
});
