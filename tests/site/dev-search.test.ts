// Reporters preview in `astro dev`: search must work there too, from an index of the current content, and a
// saved article is checked again. The dev server runs on a copy of the sample fixture (tests/fixtures/sample), so the test can edit it.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../helpers/dev-server.ts';
import { fw } from '../fullwidth.ts';

const PORT = 4391;
const CONTENT = 'tests/.dev-content';
let dev: DevServer;

beforeAll(async () => {
  rmSync(CONTENT, { recursive: true, force: true });
  cpSync('tests/fixtures/sample', CONTENT, { recursive: true });
  dev = await startDev(PORT, { CONTENT_DIR: CONTENT, ASTRO_CACHE_DIR: 'tests/.tmp/cache-dev/' });
});

afterAll(() => {
  dev?.stop();
  rmSync(CONTENT, { recursive: true, force: true });
});

describe('search in astro dev', () => {
  it('serves a Pagefind index of the current content', async () => {
    const base = `http://127.0.0.1:${PORT}`;
    const entry = await fetch(`${base}/pagefind/pagefind-entry.json`);
    expect(entry.status).toBe(200);
    const json = (await entry.json()) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(json.languages).reduce((n, l) => n + l.page_count, 0)).toBe(13);
    const script = await fetch(`${base}/pagefind/pagefind.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    const page = await fetch(`${base}/search/`);
    const body = await page.text();
    expect(body, body.slice(0, 3000)).toContain('id="search-form"');
  });

  it('checks an article again when it is saved, and prints its problems with file and line', async () => {
    const file = `${CONTENT}/2022/04/19/xin-gao-jian.md`;
    writeFileSync(
      file,
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
    const expected = `${file}:5:9 error county: ${fw('未知的县区「张家囗市」,是否为「张家口市」?')}`;
    for (let i = 0; i < 100 && !dev.output().includes(expected); i++) await new Promise((r) => setTimeout(r, 100));
    expect(dev.output()).toContain(expected);
  });

  it('keeps searching the other articles while one file has an error', async () => {
    // The broken article of the test above is still there: the index is made of the 13 good ones.
    await new Promise((r) => setTimeout(r, 300));
    const entry = await fetch(`http://127.0.0.1:${PORT}/pagefind/pagefind-entry.json`);
    expect(entry.status).toBe(200);
    const json = (await entry.json()) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(json.languages).reduce((n, l) => n + l.page_count, 0)).toBe(13);
  });
});
