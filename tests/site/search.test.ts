// Search in a real browser: Pagefind index built by `astro build`, the search page's script, the
// header's search box, facets, sort order, base path and the Content-Security-Policy it must run under.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../tools/browser.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server-fs.ts';
import { readContent } from '../../src/lib/content/content-files-fs.ts';
import { markdownToText } from '../../src/lib/search/records.ts';
import { normalizeCjkPunctuation } from '../../src/lib/typography.ts';
import { resolveCounty } from '../../src/lib/gazetteer.ts';

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

let browser: Browser;
let sample: StaticServer;
let fixture: StaticServer;

beforeAll(async () => {
  browser = await launchChromium();
  sample = await serveStatic(inject('sampleOut'), { headers: { 'content-security-policy': CSP } });
  fixture = await serveStatic(inject('fixtureOut'), { base: '/paper/', headers: { 'content-security-policy': CSP } });
});

afterAll(async () => {
  await browser?.close();
  await sample?.close();
  await fixture?.close();
});

interface Visit {
  page: Page;
  problems: string[];
}

/** Opens a page and records every failed request, console error and CSP violation. */
async function open(url: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Visit> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  // A request the page itself abandoned by navigating on (Chromium's lazy favicon fetch) is not a failure.
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
  });
  await page.goto(url);
  return { page, problems };
}

async function results(page: Page): Promise<{ titles: string[]; hrefs: string[]; status: string }> {
  await page.waitForFunction(() => {
    const status = document.getElementById('search-status')?.textContent ?? '';
    return /找到|没有找到|请输入|不可用/.test(status);
  });
  const status = (await page.textContent('#search-status')) ?? '';
  const titles = await page.$$eval('.search-result__title a', (links) => links.map((a) => a.textContent ?? ''));
  const hrefs = await page.$$eval('.search-result__title a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
  return { titles, hrefs, status };
}

async function search(server: StaticServer, query: string, params = '') {
  const visit = await open(`${server.url}search/?q=${encodeURIComponent(query)}${params}`);
  const found = await results(visit.page);
  await visit.page.context().close();
  return { ...found, problems: visit.problems };
}

const placeOf = (county: string) => {
  const resolved = resolveCounty(county);
  return resolved.ok ? resolved.division.fullName : county;
};

/** The oracle: titles of the sample's articles whose text (headline, body, captions, byline, full place name) contains the query. */
function containing(query: string): string[] {
  const { articles } = readContent(process.cwd(), 'tests/fixtures/sample');
  return articles
    .filter((a) =>
      [
        a.data.title,
        markdownToText(a.body),
        ...a.data.images.map((i) => i.caption),
        ...a.data.byline.map((b) => b.name),
        placeOf(a.data.county),
      ]
        .join('\n')
        .includes(query),
    )
    .map((a) => normalizeCjkPunctuation(a.data.title))
    .sort();
}

describe('search on the sample edition', () => {
  it.each(['电动车', '心梗', '落水', '国家安全', '疫情防控', '安全头盔', '韩云鹏', '徐洋', '曲周', '张家口'])(
    '「%s」 finds exactly the articles that contain it',
    async (query) => {
      const expected = containing(query);
      expect(expected.length).toBeGreaterThan(0);
      const { titles, problems } = await search(sample, query);
      expect([...titles].sort()).toEqual(expected);
      expect(problems).toEqual([]);
    },
  );

  it('ranks headline matches first when sorting by relevance', async () => {
    const { titles } = await search(sample, '安全', '&sort=relevance');
    const inHeadline = titles.filter((t) => t.includes('安全'));
    expect(inHeadline.length).toBeGreaterThanOrEqual(3);
    expect(titles.slice(0, inHeadline.length)).toEqual(inHeadline);
  });

  it('narrows results by category and by county, and shows the counts', async () => {
    const all = await search(sample, '安全');
    const courts = await search(sample, '安全', `&category=${encodeURIComponent('法院')}`);
    expect(courts.titles.length).toBeGreaterThan(0);
    expect(courts.titles.length).toBeLessThan(all.titles.length);
    expect(courts.titles.every((t) => t.includes('法院'))).toBe(true);
    const county = await search(sample, '安全', `&county=${encodeURIComponent('大厂回族自治县')}`);
    expect(county.titles).toEqual(['大厂交警深入外卖企业开展交通安全宣传']);
    const opened = await open(`${sample.url}search/?q=${encodeURIComponent('安全')}&county=${encodeURIComponent('大厂回族自治县')}`);
    await results(opened.page);
    expect(await opened.page.$eval('#search-facets', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    await opened.page.context().close();

    const visit = await open(`${sample.url}search/?q=${encodeURIComponent('安全')}`);
    await results(visit.page);
    const count = 'input[name=category][value="法院"] ~ [data-count]';
    expect(await visit.page.textContent(count)).toBe(''); // facet data is loaded only when the filters are opened
    await visit.page.click('#search-facets summary');
    await visit.page.waitForFunction((selector) => document.querySelector(selector)?.textContent !== '', count);
    expect(await visit.page.textContent(count)).toBe(`\uFF08${courts.titles.length}\uFF09`);
    await visit.page.check('input[name=category][value="法院"]');
    await visit.page.waitForURL(/category=/);
    expect((await results(visit.page)).titles).toEqual(courts.titles);
    await visit.page.context().close();
  });

  it('says so when nothing matches, and asks for a query when there is none', async () => {
    expect((await search(sample, '火星探测')).status).toContain('没有找到包含「火星探测」的稿件');
    expect((await search(sample, '')).status).toContain('请输入要检索的词语');
  });

  it('works from the keyboard alone, starting at the header search box on any page', async () => {
    const { page, problems } = await open(`${sample.url}2022/04/19/`);
    await page.keyboard.press('Tab'); // skip link
    let focused = '';
    for (let i = 0; i < 20 && focused !== 'site-search-q'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('site-search-q');
    await page.keyboard.type('落水');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect((await results(page)).titles).toEqual(['馆陶特巡警纵身跃入冰冷水中 奋勇救起落水群众']);
    await page.focus('#search-q');
    let onResult = false;
    for (let i = 0; i < 80 && !onResult; i++) {
      await page.keyboard.press('Tab');
      onResult = await page.evaluate(() => document.activeElement?.closest('.search-result') !== null);
    }
    expect(onResult).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/guan-tao-te-xun-jing/);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('submits the header search box as a plain form before any script runs', async () => {
    const { page } = await open(`${sample.url}archive/`, { javaScriptEnabled: false });
    await page.fill('#site-search-q', '电动车');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=%E7%94%B5%E5%8A%A8%E8%BD%A6/);
    await page.context().close();
  });

  it('loads Pagefind only on the search page', async () => {
    const { page } = await open(`${sample.url}`);
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((r) => r.name)
        .filter((n) => n.includes('pagefind')),
    );
    expect(scripts).toEqual([]);
    await page.context().close();
  });
});

describe('search on a multi-edition site under a base path', () => {
  it('finds the articles containing the exact phrase, and not those with its characters apart', async () => {
    const { titles, hrefs, problems } = await search(fixture, '安全头盔');
    expect(titles.sort()).toEqual(['法院审结一起买卖合同纠纷', '电动车安全头盔进校园']);
    expect(hrefs.every((h) => h.startsWith('/paper/'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('sorts newest first by default', async () => {
    const visit = await open(`${fixture.url}search/?q=${encodeURIComponent('电动车')}`);
    await results(visit.page);
    const dates = await visit.page.$$eval('.search-result .meta li:first-child', (items) => items.map((li) => li.textContent ?? ''));
    expect(dates).toHaveLength(5);
    const numeric = dates.map((d) =>
      d.replace(/(\d+)年(\d+)月(\d+)日/, (_m, y: string, mo: string, da: string) => `${y}${mo.padStart(2, '0')}${da.padStart(2, '0')}`),
    );
    expect(numeric).toEqual([...numeric].sort().reverse());
    await visit.page.context().close();
  });

  it('narrows by year and by page (版面)', async () => {
    const year = await search(fixture, '电动车', `&year=${encodeURIComponent('2021年')}`);
    expect(year.titles.sort()).toEqual(['法院审结一起买卖合同纠纷', '电动车安全头盔进校园']);
    const page = await search(fixture, '电动车', `&page=${encodeURIComponent('第3版 法治社会')}`);
    expect(page.titles).toEqual(['消防演练进社区']);
  });

  it('downloads no facet data for a first search, and the facets once opened', async () => {
    const visit = await open(`${fixture.url}search/?q=${encodeURIComponent('电动车')}`);
    const fetched: string[] = [];
    visit.page.on('request', (r) => fetched.push(r.url()));
    await results(visit.page);
    const merged = fetched.filter((u) => /pagefind-20\d\d\/.+\.pf_meta$/.test(u));
    expect(merged.length).toBeGreaterThan(0); // the older shards really were searched
    expect(fetched.filter((u) => u.endsWith('.pf_filter'))).toEqual([]);
    await visit.page.click('#search-facets summary');
    await visit.page.waitForFunction(() => /\d/.test(document.querySelector('#search-facets [data-count]')?.textContent ?? ''));
    expect(fetched.filter((u) => u.endsWith('.pf_filter')).length).toBeGreaterThan(0);
    expect(visit.problems).toEqual([]);
    await visit.page.context().close();
  });

  it('reads the newest shards first, says how far back it searched, and reads older ones when asked', async () => {
    // The fixture with two more (older) year shards: copies of its 2021 shard, listed by the search page.
    const older = join(inject('fixtureOut'), '..', 'fixture-older-shards');
    rmSync(older, { recursive: true, force: true });
    cpSync(inject('fixtureOut'), older, { recursive: true });
    for (const year of ['2020', '2019']) cpSync(join(older, 'pagefind-2021'), join(older, `pagefind-${year}`), { recursive: true });
    const page = join(older, 'search/index.html');
    const html = readFileSync(page, 'utf8');
    const listed = JSON.parse(/data-shards="([^"]*)"/.exec(html)![1]!.replaceAll('&quot;', '"')) as { url: string; year: string }[];
    const shards = [...listed, ...['2020', '2019'].map((year) => ({ url: `/paper/pagefind-${year}/`, year: `${year}年` }))];
    writeFileSync(page, html.replace(/data-shards="[^"]*"/, `data-shards="${JSON.stringify(shards).replaceAll('"', '&quot;')}"`));
    const server = await serveStatic(older, { base: '/paper/', headers: { 'content-security-policy': CSP } });
    try {
      const visit = await open(`${server.url}search/?q=${encodeURIComponent('电动车')}`);
      const fetched: string[] = [];
      visit.page.on('request', (r) => fetched.push(r.url()));
      const first = await results(visit.page);
      expect(first.status).toContain('已检索2021年以来的稿件');
      expect(first.status).toContain('更早的稿件尚未检索');
      expect(fetched.some((u) => /pagefind-20(19|20)\//.test(u))).toBe(false);
      expect(await visit.page.textContent('#search-more')).toBe('检索更早的稿件');
      await visit.page.click('#search-more');
      await visit.page.waitForFunction(() => !/尚未检索/.test(document.getElementById('search-status')?.textContent ?? ''));
      const all = await results(visit.page);
      expect(all.titles.length).toBe(first.titles.length + 4); // the 2021 shard's two matches, twice over
      expect(all.status).toBe(`找到 ${all.titles.length} 篇包含「电动车」的稿件。`);
      expect(fetched.some((u) => /pagefind-2019\//.test(u))).toBe(true);
      expect(await visit.page.isHidden('#search-more')).toBe(true);
      expect(visit.problems).toEqual([]);
      await visit.page.context().close();
    } finally {
      await server.close();
    }
  });

  it('finds a reporter by name across editions, and never a draft', async () => {
    // The fixture's 2022-01-05 edition holds a draft by 王明 about a 独角兽牧场.
    expect((await search(fixture, '王明')).titles.sort()).toEqual(
      ['全市开展电动车专项整治', '新年安保工作有序开展', '电动车安全头盔进校园'].sort(),
    );
    const draft = await search(fixture, '独角兽牧场');
    expect(draft.titles).toEqual([]);
    expect(draft.status).toContain('没有找到');
  });
});
