// Screenshots of a built site for docs/screenshots/: the home, an edition's and an article's page, the article's
// print preview, the foot of a reprint (its credits and the share box) and the home page's footer, each at phone (390 px) and desktop
// (1280 px) width, in Chromium (tools/browser.ts).
//
//   node scripts/screenshots.ts <built folder> [<out folder>, default docs/screenshots]
//
// The built folder is a build of the sample (CONTENT_DIR=tests/fixtures/sample), served at `/`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { launchChromium } from '../tools/browser.ts';
import { serveStatic } from '../tools/static-server-fs.ts';

const [site, out = 'docs/screenshots'] = process.argv.slice(2);
if (!site) {
  console.error('用法：node scripts/screenshots.ts <构建好的文件夹> [截图文件夹]');
  process.exit(2);
}

const PAGES = {
  home: '',
  edition: '2022/04/19/',
  article: '2022/04/19/guan-tao-te-xun-jing-zong-shen-yue-ru-bing-leng/',
};
/** A reprint: the foot of its text, with 来源, 原作者, 原标题, 责任编辑 and the share box. */
const REPRINT = '2022/04/19/guo-wu-yuan-lian-xi-ban-you-guan-fu-ze-ren-jie/';
const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
/** Pages are long: a shot is cut at this height (CSS pixels) so each PNG stays small. */
const MAX_HEIGHT = { phone: 2400, desktop: 1800 };

/** Writes a screenshot as a palette PNG: the pages are text on a few colours, and a shot stays under ~300 KB. */
async function save(file: string, png: Buffer): Promise<void> {
  await sharp(png).png({ palette: true, compressionLevel: 9, effort: 10 }).toFile(file);
}

mkdirSync(out, { recursive: true });
const server = await serveStatic(site);
const browser = await launchChromium();
try {
  for (const [device, viewport] of Object.entries(WIDTHS) as [keyof typeof WIDTHS, (typeof WIDTHS)['phone']][]) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const shots: [string, string, 'screen' | 'print'][] = [
      ...Object.entries(PAGES).map(([name, path]) => [name, path, 'screen'] as [string, string, 'screen']),
      ['article-print', PAGES.article, 'print'],
    ];
    for (const [name, path, media] of shots) {
      await page.emulateMedia({ media });
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      const height = Math.min(MAX_HEIGHT[device], await page.evaluate(() => document.documentElement.scrollHeight));
      const file = join(out, `${name}-${device}.png`);
      await save(file, await page.screenshot({ type: 'png', fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height } }));
      console.log(file);
    }
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${server.url}${REPRINT}`, { waitUntil: 'networkidle' });
    const top = (await page.locator('.article__credits').boundingBox())!;
    const share = (await page.locator('.share').boundingBox())!;
    const y = top.y - 24 + (await page.evaluate(() => window.scrollY));
    const file = join(out, `article-foot-${device}.png`);
    const clip = { x: 0, y, width: viewport.width, height: share.y + share.height - top.y + 48 };
    await save(file, await page.screenshot({ type: 'png', fullPage: true, clip }));
    console.log(file);
    // The foot of the home page: copyright, 主管, 主办, CN, address, the ICP and 公安备案 numbers.
    await page.goto(server.url, { waitUntil: 'networkidle' });
    const footer = join(out, `footer-${device}.png`);
    await save(footer, await page.locator('.site-footer').screenshot({ type: 'png' }));
    console.log(footer);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
