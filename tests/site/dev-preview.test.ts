// A reporter previews in `astro dev`: a saved edit, a new article and a fix appear in the open page by themselves
// (live reload), and a file the checker refuses shows its located Chinese message at its own address, with a notice
// on the pages it breaks. Chromium against a dev server on a copy of the fixture content (the test edits it); the
// time from each save to the page showing it is printed and written to tests/.tmp/dev-preview-timings.json.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/browser.ts';
import { startDev, type DevServer } from '../helpers/dev-server.ts';
import { fw } from '../fullwidth.ts';

const PORT = 4392;
const SITE = `http://127.0.0.1:${PORT}`;
const CONTENT = 'tests/.tmp/dev-preview-content';
const EDITION = `${CONTENT}/2022/04/19`;
const ARTICLE = `${EDITION}/xiao-fang-yan-lian.md`;
const ORIGINAL = readFileSync('tests/fixtures/search-site/2022/04/19/xiao-fang-yan-lian.md', 'utf8');
/** Generous: a save shows in about a second; a loaded machine may take longer. Timings are reported, not asserted. */
const TIMEOUT = 20_000;

let dev: DevServer;
let browser: Browser;
let page: Page;
const timings: { what: string; ms: number }[] = [];

beforeAll(async () => {
  rmSync(CONTENT, { recursive: true, force: true });
  cpSync('tests/fixtures/search-site', CONTENT, { recursive: true });
  dev = await startDev(PORT, { CONTENT_DIR: CONTENT, ASTRO_CACHE_DIR: 'tests/.tmp/cache-dev-preview/' });
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  dev?.stop();
  rmSync(CONTENT, { recursive: true, force: true });
  if (timings.length > 0) {
    mkdirSync('tests/.tmp', { recursive: true });
    writeFileSync('tests/.tmp/dev-preview-timings.json', `${JSON.stringify(timings, null, 2)}\n`);
  }
});

/** The page's visible text, or '' while it is between two documents (a reload). */
async function pageText(p: Page): Promise<string> {
  try {
    return await p.evaluate(() => document.body?.innerText ?? '');
  } catch {
    return '';
  }
}

/**
 * Opens `url` and waits until the page has stopped reloading: right after start-up the dev server reloads the open
 * pages once on its own (its first write of the content store), and a test must not save into that.
 */
async function open(p: Page, url: string): Promise<void> {
  let navigations = 0;
  const count = () => navigations++;
  p.on('framenavigated', count);
  await p.goto(url, { waitUntil: 'domcontentloaded' });
  for (let seen = -1; seen !== navigations;) {
    seen = navigations;
    await new Promise((r) => setTimeout(r, 1200));
  }
  p.off('framenavigated', count);
  await waitForText(p, (t) => t.length > 0, `${url} loaded`);
}

/** Waits, without reloading, until the open page's text passes `test`. */
async function waitForText(p: Page, test: (text: string) => boolean, what: string): Promise<void> {
  const until = Date.now() + TIMEOUT;
  let text = '';
  while (Date.now() < until) {
    text = await pageText(p);
    if (test(text)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(
    `${what}: not shown within ${TIMEOUT} ms; the page shows:\n${text.slice(0, 2000)}\n--- astro dev:\n${dev.output().slice(-3000)}`,
  );
}

/** Saves `text` to `file` and measures the time until the open page shows what `test` looks for. */
async function saveAndWait(file: string, text: string, test: (text: string) => boolean, what: string): Promise<number> {
  const start = performance.now();
  writeFileSync(file, text);
  await waitForText(page, test, what);
  const ms = Math.round(performance.now() - start);
  timings.push({ what, ms });
  console.log(`save to screen, ${what}: ${ms} ms`);
  return ms;
}

const countyError = (file: string) => `${file}:5:9 error county: ${fw('未知的县区「张家囗市」,是否为「张家口市」?')}`;
const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('live preview in astro dev', () => {
  it('shows an edit saved to an open article without the page being reloaded by hand', async () => {
    await open(page, `${SITE}/2022/04/19/xiao-fang-yan-lian/`);
    expect(await pageText(page)).toContain('消防演练进社区');
    await saveAndWait(
      ARTICLE,
      ORIGINAL.replace('居民学习使用灭火器', '居民学习使用新型灭火毯'),
      (t) => t.includes('新型灭火毯'),
      'edit of an open article',
    );
  });

  it('shows a new article at its address once it is saved', async () => {
    await open(page, `${SITE}/2022/04/19/xin-gao-jian/`);
    expect(await pageText(page)).toContain('页面不存在');
    const article = ORIGINAL.replace('title: 消防演练进社区', 'title: 社区新增防汛物资点').replace('order: 1', 'order: 2');
    await saveAndWait(`${EDITION}/xin-gao-jian.md`, article, (t) => t.includes('社区新增防汛物资点'), 'new article');
  });

  it('shows the checker’s located message at a broken article’s address, a notice on its edition, and the line once in the terminal', async () => {
    await open(page, `${SITE}/2022/04/19/xiao-fang-yan-lian/`);
    const before = dev.output().length;
    const expected = countyError(ARTICLE);
    await saveAndWait(
      ARTICLE,
      ORIGINAL.replace('county: 裕华区', 'county: 张家囗市'),
      (t) => t.includes(expected),
      'broken article (unknown county)',
    );
    expect(await pageText(page)).toContain('稿件有错误');

    const edition = await browser.newPage();
    await open(edition, `${SITE}/2022/04/19/`);
    const notice = await pageText(edition);
    expect(notice).toContain('内容检查发现 1 个错误');
    expect(notice).toContain(expected);
    await edition.close();

    const terminal = dev.output().slice(before);
    expect(occurrences(terminal, expected), terminal).toBe(1);
    expect(terminal).not.toMatch(/Stack trace|ContentError|AstroError/);
  });

  it('recovers when the broken article is fixed', async () => {
    await saveAndWait(
      ARTICLE,
      ORIGINAL.replace('居民学习使用灭火器', '居民学习使用应急逃生绳'),
      (t) => t.includes('应急逃生绳') && !t.includes('稿件有错误'),
      'fixed article',
    );
    const home = await (await fetch(`${SITE}/2022/04/19/`)).text();
    expect(home).not.toContain('data-content-problems');
  });

  it('shows a new broken article’s message at its address, then the article once it is fixed', async () => {
    const file = `${EDITION}/huai-gao-jian.md`;
    await open(page, `${SITE}/2022/04/19/huai-gao-jian/`);
    const broken = ORIGINAL.replace('title: 消防演练进社区', 'title: 法律服务进乡村')
      .replace('order: 1', 'order: 3')
      .replace('county: 裕华区', 'county: [裕华区');
    await saveAndWait(file, broken, (t) => t.includes(`${file}:6:1 error yaml-syntax:`), 'new article with a YAML error');
    await saveAndWait(
      file,
      broken.replace('county: [裕华区', 'county: 裕华区'),
      (t) => t.includes('法律服务进乡村') && !t.includes('有错误'),
      'new article fixed',
    );
  });

  it('shows a broken edition.yaml’s message at the edition’s address and a notice on the pages it breaks, and recovers', async () => {
    const file = `${EDITION}/edition.yaml`;
    const original = readFileSync(file, 'utf8');
    await open(page, `${SITE}/2022/04/19/`);
    const before = dev.output().length;
    // Page 3 goes: the article on it no longer fits the edition (an edition rule, reported on the article).
    const pageError = `${ARTICLE}:7:7 error page:`;
    await saveAndWait(
      file,
      original.replace('  - { number: 3, name: 法治社会 }\n', ''),
      (t) => t.includes('内容检查发现') && t.includes(pageError),
      'edition.yaml loses a page (notice)',
    );
    const article = await browser.newPage();
    await open(article, `${SITE}/2022/04/19/xiao-fang-yan-lian/`);
    expect(await pageText(article)).toContain(pageError);
    await article.close();
    expect(dev.output().slice(before)).not.toMatch(/Stack trace|ContentError|AstroError/);

    await saveAndWait(
      file,
      original.replace('issue: 6080', 'issue: [6080'),
      (t) => t.includes('版期信息有错误') && t.includes(`${file}:3:1 error yaml-syntax:`),
      'edition.yaml with a YAML error',
    );
    await saveAndWait(file, original, (t) => t.includes('法治社会') && !t.includes('有错误'), 'edition.yaml fixed');
  });
});
