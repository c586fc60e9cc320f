// An edition prepared ahead (src/lib/content/edition-dates.ts): the evening before its date, `astro build` publishes
// nothing of it (no page, listing, feed item, sitemap entry, search record or zip) while `astro dev` previews it;
// built again on its date, with the same cache and output folder as a day's publish, it is published. "Now" is
// fixed by SITE_NOW, a minute either side of midnight in Beijing, on machines whose own time zone is on the other
// side of it: today is China's, never the machine's.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild } from './helpers/astro-build.ts';
import { allFiles, readable } from '../tools/site-check/dist-fs.ts';
import { startDev, type DevServer } from './helpers/dev-server.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const dir = `tests/.tmp/embargo-${process.pid}`;
const contentDir = `${dir}/content`;
const out = join(root, dir, 'out');
const cache = join(root, dir, 'cache');

const MARKER = 'EMBARGO-MARKER';
const SLUG = 'ming-ri-tou-tiao';
const PORT = 4394;

/** The search-site fixture (its newest edition 2022-04-19, "today") and an edition of 2022-04-20, "tomorrow". */
function writeContent(): void {
  rmSync(join(root, dir), { recursive: true, force: true });
  cpSync(join(root, 'tests/fixtures/search-site'), join(root, contentDir), { recursive: true });
  // Built as on 2022-04-19 and 04-20, both editions are being made then, and name their 版's 责任编辑 (the checker asks).
  const today = join(root, contentDir, '2022/04/19/edition.yaml');
  writeFileSync(today, readFileSync(today, 'utf8').replace(/name: (要闻|法治社会) \}/g, 'name: $1, editor: 王某某 }'));
  const day = join(root, contentDir, '2022/04/20');
  mkdirSync(day, { recursive: true });
  writeFileSync(join(day, 'edition.yaml'), 'date: 2022-04-20\nissue: 6081\npages:\n  - { number: 1, name: 要闻, editor: 王某某 }\n');
  writeFileSync(
    join(day, `${SLUG}.md`),
    `---\ntitle: 明日头条${MARKER}\nbyline: [记者 林晓明]\ndate: 2022-04-20\ncounty: 曲周县\ncategory: 检察\npage: 1\norder: 1\n---\n\n曲周县检察院${MARKER}正文。\n`,
  );
}

/** `now` as SITE_NOW, on a machine in time zone `tz`; the same output folder and cache every time. */
function build(now: string, tz: string): void {
  const result = astroBuild(
    out,
    { CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: cache, SITE_URL: 'https://example.org', SITE_NOW: now, TZ: tz, NO_COLOR: '1' },
    240_000,
  );
  if (!result.ok) throw new Error(result.log);
}

/** The output files that show the edition of 2022-04-20 in any form (zips unpacked, search fragments decompressed). */
const showing = () =>
  allFiles(out).filter(
    (f) =>
      /^(2022\/04\/20\/|county\/quzhou)/.test(f) ||
      /2022-04-20|2022\/04\/20|ming-ri-tou-tiao|EMBARGO-MARKER|林晓明/.test(`${f}\n${readable(out, f)}`),
  );

beforeAll(writeContent);
afterAll(() => rmSync(join(root, dir), { recursive: true, force: true }));

describe('the evening before its date', () => {
  // 23:59 on 2022-04-19 in Beijing; already 2022-04-20 on the machine's clock (UTC+14).
  beforeAll(() => build('2022-04-19T23:59:00+08:00', 'Pacific/Kiritimati'), 300_000);

  it('publishes the day’s edition, and nothing of the next one in any output', () => {
    expect(existsSync(join(out, '2022/04/19/xiao-fang-yan-lian/index.html'))).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('消防演练进社区');
    expect(allFiles(out)).toContain('downloads/2022-04-19.zip');
    expect(showing()).toEqual([]);
  });

  it('shows it in the dev preview', async () => {
    let dev: DevServer | undefined;
    try {
      dev = await startDev(PORT, { CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: `${dir}/cache-dev/`, SITE_NOW: '2022-04-19T23:59:00+08:00' });
      const page = await fetch(`http://127.0.0.1:${PORT}/2022/04/20/${SLUG}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`明日头条${MARKER}`);
      expect(await (await fetch(`http://127.0.0.1:${PORT}/`)).text()).toContain(`明日头条${MARKER}`);
    } finally {
      dev?.stop();
    }
  }, 120_000);
});

describe('on its date', () => {
  // 00:01 on 2022-04-20 in Beijing; still 2022-04-19 on the machine's clock (UTC-7).
  beforeAll(() => build('2022-04-20T00:01:00+08:00', 'America/Los_Angeles'), 300_000);

  it('publishes it everywhere: its page, the home page, the feeds, the sitemap, the search index, its zip and its listings', () => {
    const files = showing();
    expect(files).toEqual(
      expect.arrayContaining([
        `2022/04/20/${SLUG}/index.html`,
        '2022/04/20/index.html',
        'index.html',
        'rss.xml',
        'feed.json',
        'sitemap-0.xml',
        'downloads/2022-04-20.zip',
      ]),
    );
    expect(files.some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
    expect(files.some((f) => f.startsWith('county/quzhou'))).toBe(true);
    expect(files.some((f) => f.startsWith('byline/'))).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(`明日头条${MARKER}`);
  });
});
