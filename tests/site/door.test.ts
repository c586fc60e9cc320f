// The content door on a build of hostile content (tests/helpers/door-fixture.ts): what the checker passes is what
// the build publishes, and nothing else under content/ reaches readers — not in pages, feeds, sitemaps, the search
// index (its fragments decompressed) or the offline zips (unpacked).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { checkPaths } from '../../src/lib/check/check-fs.ts';
import { contentFiles } from '../../src/lib/content/content-files-fs.ts';
import { allFiles, isRedirectStub, readable as readableIn } from '../../tools/site-check/dist-fs.ts';
import { SECRET } from '../helpers/door-fixture.ts';

const out = inject('doorOut');
const root = fileURLToPath(new URL('../../', import.meta.url));
const contentDir = 'tests/.tmp/door-content/content';
const files = allFiles(out);

/** A file's bytes as readers can get at them: search fragments and indexes decompressed, zips unpacked. */
const readable = (path: string): string => readableIn(out, path);

describe('a build of hostile content', () => {
  it('passes the checker, with a warning for each file readers will not get', () => {
    const { problems } = checkPaths([contentDir], { cwd: root, contentDir });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.map((p) => `${p.file.slice(contentDir.length + 1)} ${p.rule}`)).toEqual([
      '2022/04/19/.yin-cang.md location',
      '2022/04/19/draft-photo.jpg location',
      '2022/04/19/notes.txt location',
      '2022/04/19/unused.jpg location',
      '2022/05/01/edition.yaml location',
    ]);
  });

  it('publishes exactly the articles the checker accepts, and no draft', () => {
    const accepted = [...contentFiles(root, contentDir)].filter((e) => 'body' in e && !e.data.draft).map((e) => `${e.id}/index.html`);
    const pages = files.filter(
      (f) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f) && !isRedirectStub(readFileSync(join(out, f), 'utf8')),
    );
    expect(pages).toEqual(accepted.sort());
    expect(accepted).not.toContain('2022/04/19/cao-gao-you-tu/index.html');
  });

  it('lets no secret through to any output file', () => {
    const leaks = files.filter((f) => readable(f).includes(SECRET));
    expect(leaks).toEqual([]);
  });

  it('publishes no photo but resized copies of the one an article shows', () => {
    const images = files.filter((f) => /\.(jpe?g|png|webp|avif|gif)$/.test(f));
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((f) => f.startsWith('_astro/shown.'))).toBe(true);
    expect(images.some((f) => /draft|unused/.test(f))).toBe(false);
  });

  it('gives the feeds the published copy of each body image, inline or by reference, by its absolute address', () => {
    const feeds = ['rss.xml', 'feed.json', 'county/yuhua/rss.xml', 'category/shehui/rss.xml'];
    for (const feed of feeds) {
      const text = readFileSync(join(out, feed), 'utf8').replaceAll('\\"', '"');
      const images = [...text.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!);
      expect(images, feed).toHaveLength(2);
      for (const src of images) {
        expect(src, feed).toMatch(/^https:\/\/example\.org\/_astro\/shown\.[\w-]+\.webp$/);
        expect(files, feed).toContain(src.slice('https://example.org/'.length));
      }
      expect(text, feed).toContain('演练现场');
    }
    // No output keeps a placeholder of Astro's image pipeline or the source path of a photo.
    expect(files.filter((f) => /\.(html|xml|json)$/.test(f) && /__ASTRO_IMAGE_|\.\/shown\.jpg/.test(readable(f)))).toEqual([]);
  });

  it('makes no edition of drafts alone: no page, archive entry, sitemap entry, feed item or zip', () => {
    expect(files.some((f) => f.startsWith('2022/05/'))).toBe(false);
    expect(files).not.toContain('downloads/2022-05-01.zip');
    for (const f of ['index.html', 'archive/index.html', 'archive/2022/index.html', 'sitemap-0.xml', 'rss.xml', 'feed.json'])
      expect(readable(f), f).not.toMatch(/2022[-/]05[-/]01/);
  });

  it('ships the sources in the zips without the newsroom’s comments and notes', () => {
    const source = execFileSync('unzip', [
      '-p',
      join(out, 'downloads/2022-04-19.zip'),
      'content/2022/04/19/xiao-fang-yan-lian.md',
    ]).toString('utf8');
    expect(source).toContain('title: 消防演练进社区');
    expect(source).toContain('![演练](./shown.jpg)');
    expect(source).not.toContain('<!--');
    const edition = execFileSync('unzip', ['-p', join(out, 'downloads/2022-04-19.zip'), 'content/2022/04/19/edition.yaml']).toString(
      'utf8',
    );
    expect(edition).toContain('pages:');
    expect(edition).not.toContain('note');
  });
});
