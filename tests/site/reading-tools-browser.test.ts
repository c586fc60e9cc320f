// The reader's tools in Chromium, on the built sample and e-paper fixture served with their own `_headers` (the
// production Content-Security-Policy): text size (字号) in three steps, remembered across a reload and another
// page, and working without scripts; the print stylesheet (the paper's name, date, 版 and address; no navigation,
// tools or empty photo box); the QR code, decoded from the page's pixels; 复制链接 and its fallback; the footer's
// ICP 备案 link; 最新一期 and 今日报纸; 版面导航 at the top on a phone; one masthead on an edition's page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import sharp from 'sharp';
import jsQR from 'jsqr';
import { launchChromium } from '../../tools/browser.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server-fs.ts';
import { headersFor, parseHeadersFile } from '../../src/lib/seo/headers.ts';
import { paper } from '../../src/lib/site.ts';

const ARTICLE = '2022/04/19/guan-tao-te-xun-jing-zong-shen-yue-ru-bing-leng/';
const OTHER = '2022/04/19/nv-zi-chao-jin-dao-ni-xing-bei-zhuang-shou-shang/';
/** Where the build says the article lives (SITE_URL of the test builds): what is printed, shared and encoded. */
const canonical = (path: string) => `https://example.org/${path}`;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let browser: Browser;
let sample: StaticServer;
let epaper: StaticServer;

function serveWithHeaders(out: string): Promise<StaticServer> {
  const rules = parseHeadersFile(readFileSync(join(out, '_headers'), 'utf8'));
  return serveStatic(out, { headers: (pathname) => headersFor(rules, pathname) });
}

beforeAll(async () => {
  browser = await launchChromium();
  sample = await serveWithHeaders(inject('sampleOut'));
  epaper = await serveWithHeaders(inject('epaperOut'));
});

afterAll(async () => {
  await browser?.close();
  await sample?.close();
  await epaper?.close();
});

/** A fresh browser context (its own storage) and a page in it that records errors and CSP violations. */
async function open(url: string, options: BrowserContextOptions = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: DESKTOP, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  return { page, problems };
}

const bodySize = (page: Page) => page.$eval('.article__body', (e) => parseFloat(getComputedStyle(e).fontSize));
const visible = (page: Page, selector: string) => page.locator(selector).first().isVisible();

describe('字号', () => {
  it('changes the body text in three steps and keeps the choice across a reload and another page', async () => {
    const { page, problems } = await open(`${sample.url}${ARTICLE}`, { viewport: PHONE });
    const medium = await bodySize(page);
    await page.click('label[for="text-size-l"]');
    const large = await bodySize(page);
    await page.click('label[for="text-size-s"]');
    const small = await bodySize(page);
    expect(small).toBeLessThan(medium);
    expect(large).toBeGreaterThan(medium);
    await page.reload();
    expect(await page.isChecked('#text-size-s')).toBe(true);
    expect(await bodySize(page)).toBe(small);
    await page.goto(`${sample.url}${OTHER}`);
    expect(await bodySize(page)).toBe(small);
    await page.click('label[for="text-size-m"]');
    expect(await bodySize(page)).toBe(medium);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('works without scripts, where the print and copy buttons stay hidden', async () => {
    const { page } = await open(`${sample.url}${ARTICLE}`, { javaScriptEnabled: false });
    const medium = await bodySize(page);
    await page.click('label[for="text-size-l"]');
    expect(await bodySize(page)).toBeGreaterThan(medium);
    expect(await visible(page, 'button[data-print]')).toBe(false);
    expect(await visible(page, 'button[data-copy-link]')).toBe(false);
    expect(await page.inputValue('#share-url')).toBe(canonical(ARTICLE));
    await page.context().close();
  });
});

describe('printing', () => {
  it('shows the print button when scripts run', async () => {
    const { page } = await open(`${sample.url}${ARTICLE}`);
    expect(await visible(page, 'button[data-print]')).toBe(true);
    await page.context().close();
  });

  it.each([
    ['the sample (a caption without its photo)', () => sample.url],
    ['the e-paper fixture (a photo)', () => epaper.url],
  ])('prints the paper’s name, date, 版 and address, and no navigation, tools or empty photo box: %s', async (_name, at) => {
    const { page } = await open(`${at()}${ARTICLE}`);
    await page.emulateMedia({ media: 'print' });
    const head = await page.locator('.print-head').innerText();
    expect(head).toContain(paper.name);
    expect(head).toContain('2022年4月19日');
    expect(head).toMatch(/第\d版/);
    expect(await page.locator('.print-url').innerText()).toContain(canonical(ARTICLE));
    for (const hidden of ['.site-header', '.page-nav', '.reading-tools', '.share', '.article__pager', '.site-footer'])
      expect(await visible(page, hidden), hidden).toBe(false);
    expect(await visible(page, '.article__body')).toBe(true);
    // Every figure printed is its photo and caption, or its caption alone: nothing but the caption takes room.
    const boxes = await page.$$eval('figure.figure', (figures) =>
      figures.map((f) => ({
        height: f.getBoundingClientRect().height,
        caption: f.querySelector('figcaption')!.getBoundingClientRect().height,
        photo: f.querySelector('img')?.getBoundingClientRect().height ?? 0,
      })),
    );
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box.height).toBeLessThanOrEqual(box.caption + box.photo + 1);
    await page.context().close();
  });

  it('shows a caption without its photo as a caption, with no photo box, on screen too', async () => {
    const { page } = await open(`${sample.url}${ARTICLE}`);
    expect(await page.locator('figure.figure img').count()).toBe(0);
    expect(await page.locator('.figure__placeholder').count()).toBe(0);
    expect(await page.locator('figure.figure figcaption').innerText()).toContain('图为韩云鹏');
    await page.context().close();
  });
});

describe('sharing', () => {
  it('has a QR code that reads as the article’s address, labelled for WeChat', async () => {
    const { page } = await open(`${sample.url}${ARTICLE}`, { viewport: PHONE });
    const qr = page.locator('.share__qr svg');
    const png = await qr.screenshot({ type: 'png' });
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const decoded = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    expect(decoded?.data).toBe(canonical(ARTICLE));
    expect(await page.locator('.share__qr figcaption').innerText()).toBe('微信扫一扫，分享本文');
    await page.context().close();
  });

  it('copies the article’s address with 复制链接', async () => {
    const { page, problems } = await open(`${sample.url}${ARTICLE}`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(sample.url).origin });
    await page.click('button[data-copy-link]');
    await expect.poll(() => page.locator('.share__status').innerText()).toBe('链接已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical(ARTICLE));
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('selects the address in its field for the reader to copy when the clipboard refuses', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    await context.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    const page = await context.newPage();
    await page.goto(`${sample.url}${ARTICLE}`);
    await page.click('button[data-copy-link]');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('share-url');
    const selected = await page.$eval('#share-url', (e) => {
      const input = e as HTMLInputElement;
      return input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0);
    });
    expect(selected).toBe(canonical(ARTICLE));
    expect(await page.locator('.share__status').innerText()).toContain('复制');
    await context.close();
  });
});

describe('the home page', () => {
  it('links the ICP 备案 number to the MIIT 备案 site at its foot', async () => {
    const { page } = await open(sample.url, { viewport: PHONE });
    const icp = page.locator('.site-footer a[href="https://beian.miit.gov.cn/"]');
    expect(await icp.isVisible()).toBe(true);
    expect(await icp.innerText()).toBe(paper.icp.number);
    await page.context().close();
  });

  it('says 最新一期 over an edition of another day and 今日报纸 over today’s', async () => {
    const { page } = await open(sample.url);
    expect(await page.locator('.masthead__label').innerText()).toBe('最新一期');
    await page.goto(epaper.url);
    expect(await page.locator('.masthead__label').innerText()).toBe('今日报纸');
    await page.context().close();
  });
});

describe('on a phone', () => {
  it('reaches 版面导航 from the top of an article', async () => {
    const { page } = await open(`${sample.url}${ARTICLE}`, { viewport: PHONE });
    const link = page.locator('.reading-tools__page-nav');
    expect(await link.isVisible()).toBe(true);
    const linkTop = (await link.boundingBox())!.y;
    expect(linkTop).toBeLessThan((await page.locator('.article__body').boundingBox())!.y);
    await link.click();
    await expect.poll(() => page.locator('.page-nav__title').evaluate((e) => e.getBoundingClientRect().top)).toBeLessThan(PHONE.height);
    await page.setViewportSize(DESKTOP);
    expect(await link.isVisible()).toBe(false);
    await page.context().close();
  });

  it('shows one masthead on an edition’s page', async () => {
    const { page } = await open(`${sample.url}2022/04/19/`, { viewport: PHONE });
    const names = await page.$$eval(
      'body *',
      (elements) =>
        elements.filter((e) => e.children.length === 0 && e.textContent?.trim() === '河北法制报' && e.getClientRects().length > 0).length,
    );
    expect(names).toBe(1);
    await page.context().close();
  });
});
