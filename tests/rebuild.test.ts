// A rebuild into the same output folder keeps the pages that did not change (src/integrations/reuse-output.ts)
// and must still leave exactly what a clean build of the same content leaves: here after an article is removed,
// and after a build that failed half-way.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileTree } from '../tools/site-check/dist-fs.ts';
import { astroBuild } from './helpers/astro-build.ts';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'rebuild-'));
const content = join(work, 'content');
cpSync(join(root, 'tests/fixtures/search-site'), content, { recursive: true });
// Newsroom notes, which the downloads leave out of the sources they ship, using the build's one parse of each file:
// in an edition that changes between the two builds below, and in one that does not (its zips are reused).
const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(join(content, file), change(readFileSync(join(content, file), 'utf8')));
for (const day of ['2021/12/30', '2022/04/19']) edit(`${day}/edition.yaml`, (text) => `${text}note: 本期稿件由夜班核对 # 编辑部\n`);
for (const file of ['2021/12/30/dian-dong-che-an-quan.md', '2022/04/19/xiao-fang-yan-lian.md'])
  edit(file, (text) => text.replace('\npage:', '\n# 原版无署名\npage:'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Builds; `parsed` lists the content files the build parsed, one line per parse, from every thread (CONTENT_READ_TRACE). */
function build(outDir: string, cacheDir: string) {
  const trace = join(work, 'read-trace.txt');
  writeFileSync(trace, '');
  const result = astroBuild(outDir, {
    CONTENT_DIR: relative(root, content),
    ASTRO_CACHE_DIR: cacheDir,
    NO_COLOR: '1',
    CONTENT_READ_TRACE: trace,
  });
  const parsed = readFileSync(trace, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((file) => relative(relative(root, content), file))
    .sort();
  return { ...result, parsed };
}

/** The articles and edition.yaml files under `dir`, relative to it, sorted. */
const contentFilesOf = (dir: string) =>
  (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.md') || f.endsWith('edition.yaml')).sort();

function expectSameTree(actual: string, expected: string) {
  const a = fileTree(actual);
  const b = fileTree(expected);
  expect([...a.keys()]).toEqual([...b.keys()]);
  expect([...a].filter(([path, bytes]) => !bytes.equals(b.get(path)!)).map(([path]) => path)).toEqual([]);
}

describe('a rebuild into the same output folder', () => {
  const out = join(work, 'dist');
  const cache = join(work, 'cache');

  it('keeps unchanged pages and search shards, and removes the page of a removed article and everything that only it needed', () => {
    const first = build(out, cache);
    expect(first.ok, first.log).toBe(true);
    // The check, the collections, the search index and the downloads share one parse of each file.
    expect(first.parsed).toEqual(contentFilesOf(content));
    const removed = '2022/01/05/xin-nian-an-bao';
    expect(existsSync(join(out, removed, 'index.html'))).toBe(true);
    rmSync(join(content, `${removed}.md`));
    // An article of an older edition corrected: its search shard is indexed again, the newest is taken from the cache.
    const corrected = join(content, '2021/12/30/fa-yuan-shen-jie.md');
    writeFileSync(corrected, `${readFileSync(corrected, 'utf8')}\n更正：本文第二段中的日期应为12月29日。\n`);
    const second = build(out, cache);
    expect(second.ok, second.log).toBe(true);
    expect(second.log).toMatch(/removed \d+ file\(s\)/);
    expect(second.log).toMatch(/indexed 4 articles in 2 shard\(s\), 1 reused unchanged/);
    // A rebuild parses only the changed edition's files (the check reads the whole edition, for its rules), once
    // each, and the draft, which the build's collection never keeps.
    expect(second.parsed).toEqual([
      '2021/12/30/dian-dong-che-an-quan.md',
      '2021/12/30/edition.yaml',
      '2021/12/30/fa-yuan-shen-jie.md',
      '2022/01/05/cao-gao-wei-fa.md',
      '2022/01/05/edition.yaml',
    ]);
    expect(existsSync(join(out, removed))).toBe(false);

    const clean = join(work, 'dist-clean');
    expect(build(clean, join(work, 'cache-clean')).ok).toBe(true);
    expectSameTree(out, clean);
  });

  it('starts from an empty folder when the last build did not finish writing its pages', () => {
    // What a build that died half-way may leave: a page Astro's cache knows nothing of, and no mark of completion.
    const page = join(out, '2022/04/19/xiao-fang-yan-lian/index.html');
    writeFileSync(page, '<p>half-written</p>');
    rmSync(join(cache, 'output-complete'));
    const after = build(out, cache);
    expect(after.ok, after.log).toBe(true);
    expect(after.log).toContain('starting from an empty folder');
    expectSameTree(out, join(work, 'dist-clean'));
  });
});
