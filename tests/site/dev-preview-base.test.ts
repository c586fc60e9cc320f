// The dev preview's error page and notice on a site under a base path (BASE_PATH=/paper/), for a file already broken
// when `astro dev` starts: its error is known from the start-up check, before any save.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../helpers/dev-server.ts';
import { fw } from '../fullwidth.ts';

const PORT = 4393;
const SITE = `http://127.0.0.1:${PORT}/paper`;
const CONTENT = 'tests/.tmp/dev-preview-base-content';
const ARTICLE = `${CONTENT}/2022/04/19/xiao-fang-yan-lian.md`;
const EXPECTED = `${ARTICLE}:5:9 error county: ${fw('未知的县区「张家囗市」,是否为「张家口市」?')}`;
let dev: DevServer;

beforeAll(async () => {
  rmSync(CONTENT, { recursive: true, force: true });
  cpSync('tests/fixtures/search-site', CONTENT, { recursive: true });
  writeFileSync(ARTICLE, readFileSync(ARTICLE, 'utf8').replace('county: 裕华区', 'county: 张家囗市'));
  dev = await startDev(PORT, { CONTENT_DIR: CONTENT, BASE_PATH: '/paper/', ASTRO_CACHE_DIR: 'tests/.tmp/cache-dev-preview-base/' });
});

afterAll(() => {
  dev?.stop();
  rmSync(CONTENT, { recursive: true, force: true });
});

describe('the dev preview under a base path', () => {
  it('shows a file broken before start-up at its own address', async () => {
    const response = await fetch(`${SITE}/2022/04/19/xiao-fang-yan-lian/`);
    const html = await response.text();
    expect(response.status).toBe(500);
    expect(html).toContain('稿件有错误，暂时无法预览');
    expect(html).toContain(EXPECTED);
    expect(html).toContain('<a href="/paper/">返回首页</a>');
  });

  it('notes it on the other pages, linked to its address under the base path', async () => {
    const html = await (await fetch(`${SITE}/2022/04/19/`)).text();
    expect(html).toContain('内容检查发现 1 个错误');
    expect(html).toContain(`<a href="/paper/2022/04/19/xiao-fang-yan-lian/">${ARTICLE}</a>`);
    // The rest of the page is still there.
    expect(html).toContain('全市开展电动车专项整治');
  });

  it('prints the checker’s line once at start-up, and no error of Astro’s own', () => {
    expect(dev.output().split(EXPECTED).length - 1).toBe(1);
    expect(dev.output()).not.toMatch(/Stack trace|ContentError|AstroError|\[content-door/);
  });
});
