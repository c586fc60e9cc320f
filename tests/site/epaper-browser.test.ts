// The page views in Chromium, on a phone (390×844 at 3 device pixels per CSS pixel) and a desktop (1280×900), served
// with the build's own `_headers`: a point inside each article's true area (tests/fixtures/epaper/pages/truth.json:
// the centre and points 5 points in from each corner of each of its rectangles) is a link to that article; a
// point in the masthead, a page header or an advertisement is none; the page fits the phone's width and loads the
// 800-pixel picture; Tab reaches every area's link; axe-core finds no serious violation; 上一版/下一版, the strip,
// an area and the article's way back work.
// A point that lands wrong is named (page, article, point): that is the locator's to fix, not this test's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.ts';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../tools/browser.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server-fs.ts';
import { headersFor, parseHeadersFile } from '../../src/lib/seo/headers.ts';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface TruthPage {
  width: number;
  height: number;
  articles: Record<string, Rect[]>;
  masthead: Rect[];
  header: Rect[];
  ads: Rect[];
}
const truth = JSON.parse(readFileSync('tests/fixtures/epaper/pages/truth.json', 'utf8')) as { pages: Record<string, TruthPage> };

const INSET = 5;
/** The points a rectangle is probed at, in page points: its centre and 5 points in from each corner. */
function probes(r: Rect): { name: string; x: number; y: number }[] {
  const [left, top, right, bottom] = [r.x + INSET, r.y + INSET, r.x + r.width - INSET, r.y + r.height - INSET];
  return [
    { name: 'centre', x: r.x + r.width / 2, y: r.y + r.height / 2 },
    { name: 'top-left', x: left, y: top },
    { name: 'top-right', x: right, y: top },
    { name: 'bottom-left', x: left, y: bottom },
    { name: 'bottom-right', x: right, y: bottom },
  ];
}

const VIEWPORTS: Record<string, BrowserContextOptions> = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 900 } },
};

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const out = inject('epaperOut');
  const rules = parseHeadersFile(readFileSync(join(out, '_headers'), 'utf8'));
  server = await serveStatic(out, { headers: (pathname) => headersFor(rules, pathname) });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` at a viewport, recording every CSP violation, console error and failed request. */
async function open(path: string, options: BrowserContextOptions): Promise<{ page: Page; problems: string[]; sizes: Map<string, number> }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  const sizes = new Map<string, number>();
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  page.on('response', async (r) => {
    if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
    else if (r.url().endsWith('.webp')) sizes.set(new URL(r.url()).pathname, (await r.body()).length);
  });
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  return { page, problems, sizes };
}

/** For each probe (page points), the href of the area link under it, or '' for none: the point scrolled into view first. */
async function linksAt(page: Page, width: number, points: { x: number; y: number }[]): Promise<string[]> {
  return page.evaluate(
    ({ width, points }) => {
      const img = document.querySelector('.epage__sheet img')!;
      return points.map(({ x, y }) => {
        const box = img.getBoundingClientRect();
        const scale = box.width / width;
        const pageY = box.top + window.scrollY + y * scale;
        window.scrollTo(0, pageY - window.innerHeight / 2);
        const now = img.getBoundingClientRect();
        const hit = document.elementFromPoint(now.left + x * scale, now.top + y * scale);
        const link = hit?.closest('.epage__areas a');
        return link ? (link.getAttribute('href') ?? '') : '';
      });
    },
    { width, points },
  );
}

for (const [device, options] of Object.entries(VIEWPORTS)) {
  describe(`page views on a ${device}`, () => {
    for (const [number, truthPage] of Object.entries(truth.pages)) {
      it(`第${number}版: a point inside each article's area is a link to it; masthead, header and ads are none`, async () => {
        const { page, problems } = await open(`2022/04/19/ban/${number}/`, options);
        const wrong: string[] = [];
        for (const [slug, rects] of Object.entries(truthPage.articles)) {
          const points = rects.flatMap((r, i) => probes(r).map((p) => ({ ...p, name: `rectangle ${i + 1} ${p.name}` })));
          const hrefs = await linksAt(page, truthPage.width, points);
          hrefs.forEach((href, i) => {
            if (!href.endsWith(`/2022/04/19/${slug}/`))
              wrong.push(`${slug} ${points[i]!.name} (${points[i]!.x.toFixed(1)}, ${points[i]!.y.toFixed(1)}) → ${href || 'no link'}`);
          });
        }
        for (const kind of ['masthead', 'header', 'ads'] as const) {
          const points = truthPage[kind].flatMap((r, i) => probes(r).map((p) => ({ ...p, name: `${kind} ${i + 1} ${p.name}` })));
          const hrefs = await linksAt(page, truthPage.width, points);
          hrefs.forEach((href, i) => {
            if (href) wrong.push(`${points[i]!.name} (${points[i]!.x.toFixed(1)}, ${points[i]!.y.toFixed(1)}) → ${href}`);
          });
        }
        expect(wrong).toEqual([]);
        expect(problems).toEqual([]);
        await page.context().close();
      });
    }

    it('fits the width, loads a picture within budget, and Tab reaches every area link', async () => {
      const { page, problems, sizes } = await open('2022/04/19/ban/1/', options);
      const fit = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
        src: document.querySelector<HTMLImageElement>('.epage__sheet img')!.currentSrc,
      }));
      expect(fit.scroll).toBeLessThanOrEqual(fit.inner);
      if (device === 'phone') expect(fit.src).toMatch(/\/ban\/1\/page-800\.webp$/);
      const loaded = new URL(fit.src).pathname;
      await expect.poll(() => sizes.get(loaded)).toBeGreaterThan(0);
      expect(sizes.get(loaded)).toBeLessThanOrEqual(250 * 1024);

      const ids = await page.$$eval('.epage__areas a', (links) => links.map((a) => a.id));
      const reached = new Set<string>();
      for (let i = 0; i < 80 && reached.size < ids.length; i++) {
        await page.keyboard.press('Tab');
        const id = await page.evaluate(() => document.activeElement?.closest('.epage__areas a')?.id ?? '');
        if (id) reached.add(id);
      }
      expect([...reached].sort()).toEqual([...ids].sort());
      // The focused area is drawn: its outline is no longer transparent.
      const stroke = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('path')!).stroke);
      expect(stroke).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
      expect(problems).toEqual([]);
      await page.context().close();
    });

    it('has no serious or critical accessibility violation (axe-core), on the page view and the edition page', async () => {
      for (const path of ['2022/04/19/ban/1/', '2022/04/19/']) {
        const { page } = await open(path, options);
        const violations = await seriousViolations(page);
        await page.context().close();
        expect(violations).toEqual([]);
      }
    });

    it('goes 下一版, 上一版, along the strip, into an article and back to its area', async () => {
      const { page, problems } = await open('2022/04/19/ban/1/', options);
      await page.click('.epage__pager a[rel="next"]');
      await page.waitForURL(/\/ban\/2\/$/);
      await page.click('.epage__pager a[rel="prev"]');
      await page.waitForURL(/\/ban\/1\/$/);
      await page.click('.epage-strip a[href$="/ban/2/"]');
      await page.waitForURL(/\/ban\/2\/$/);
      const first = await page.$eval('.epage__list a', (a) => a.getAttribute('href')!);
      await page.click('.epage__list a');
      await page.waitForURL((url) => url.pathname === first);
      await page.click('.article__epage a');
      await page.waitForURL(/\/ban\/2\/#a-/);
      const target = await page.evaluate(() => {
        const a = document.querySelector(':target');
        return { id: a?.id ?? '', stroke: a ? getComputedStyle(a.querySelector('path')!).stroke : '' };
      });
      expect(first).toContain(target.id.slice(2));
      expect(target.stroke).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  });
}
