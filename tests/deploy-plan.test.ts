// The publish plan (tools/deploy/plan.ts) without a bucket: what goes up, in which order, what is deleted when,
// and how a publish that stopped is completed by the next one.
import { describe, expect, it } from 'vitest';
import { planPublish, type LocalObject, type Manifest } from '../tools/deploy/plan.ts';
import { CACHE_ENTRY, CACHE_IMMUTABLE, CACHE_PAGE } from '../src/lib/seo/headers.ts';

const file = (path: string, digest: string, cacheControl = CACHE_PAGE): LocalObject => ({
  path,
  size: 1,
  contentType: 'text/html; charset=utf-8',
  cacheControl,
  digest,
});
const uploaded = (plan: ReturnType<typeof planPublish>) => plan.uploads.flat().map((f) => f.path);

/** The bucket after one completed publish of `files`. */
const published = (files: LocalObject[]): Manifest => planPublish(files, undefined, 1).manifest;

describe('planPublish after a publish that stopped', () => {
  const home = file('index.html', 'home-1', CACHE_ENTRY);
  const article = file('2022/04/19/a/index.html', 'a-1');
  const live = published([home, article]);

  it('uploads again a file the stopped publish overwrote, even when the next build has the version of the manifest', () => {
    const stopped = planPublish([home, { ...article, digest: 'a-2' }], live, 1);
    expect(stopped.pending).toEqual(['2022/04/19/a/index.html']);
    // The correction is withdrawn: the build is the one the manifest records, but the bucket may hold the other.
    const next = planPublish([home, article], live, 1, stopped.pending);
    expect(uploaded(next)).toEqual(['2022/04/19/a/index.html']);
    expect(next.manifest.files['2022/04/19/a/index.html']?.digest).toBe('a-1');
  });

  it('deletes a file only the stopped publish uploaded once its grace period is over, like any file no longer built', () => {
    const added = file('2022/04/20/b/index.html', 'b-1');
    const stopped = planPublish([home, article, added], live, 1);
    const next = planPublish([home, article], live, 1, stopped.pending);
    expect(uploaded(next)).toEqual([]);
    expect(next.deletions).toEqual([]);
    expect(next.kept).toEqual(['2022/04/20/b/index.html']);
    expect(planPublish([home, article], next.manifest, 1).deletions).toEqual(['2022/04/20/b/index.html']);
    // With no grace period it goes at once.
    expect(planPublish([home, article], live, 0, stopped.pending).deletions).toEqual(['2022/04/20/b/index.html']);
  });

  it('keeps the paths of every stopped publish pending until one completes', () => {
    const first = planPublish([home, article, file('2022/04/20/b/index.html', 'b-1')], live, 1);
    const second = planPublish([{ ...home, digest: 'home-2' }, article], live, 1, first.pending);
    expect(second.pending).toEqual(['2022/04/20/b/index.html', 'index.html']);
    const third = planPublish([home, article], live, 1, second.pending);
    expect(uploaded(third)).toEqual(['index.html']);
    expect(third.kept).toEqual(['2022/04/20/b/index.html']);
  });

  it('counts what a publish deletes as pending: a file the stopped publish deleted goes up again if built again', () => {
    const old = file('2022/04/18/c/index.html', 'c-1');
    const withOld = published([home, article, old]);
    const dropped = planPublish([home, article], withOld, 1);
    const due = planPublish([home, article], dropped.manifest, 1);
    expect(due.deletions).toEqual(['2022/04/18/c/index.html']);
    expect(due.pending).toEqual(['2022/04/18/c/index.html']);
    expect(uploaded(planPublish([home, article, old], dropped.manifest, 1, due.pending))).toEqual(['2022/04/18/c/index.html']);
  });
});

describe('planPublish', () => {
  it('uploads the hashed assets, then the files new to the bucket, then the changed ones, then the entry points', () => {
    const live = published([
      file('index.html', 'home-1', CACHE_ENTRY),
      file('rss.xml', 'rss-1', CACHE_ENTRY),
      file('pagefind/pagefind-entry.json', 'entry-1', CACHE_ENTRY),
      file('_astro/site.1111.css', 'css-1', CACHE_IMMUTABLE),
      file('archive/2022/index.html', 'year-1'),
      file('byline/niu-min/index.html', 'niu-1'),
      file('2022/04/19/a/index.html', 'a-1'),
    ]);
    const plan = planPublish(
      [
        file('index.html', 'home-2', CACHE_ENTRY),
        file('rss.xml', 'rss-2', CACHE_ENTRY),
        file('pagefind/pagefind-entry.json', 'entry-2', CACHE_ENTRY),
        file('pagefind/fragment/zh_2b1f.pf_fragment', 'fragment', CACHE_IMMUTABLE),
        file('_astro/site.1111.css', 'css-1', CACHE_IMMUTABLE),
        file('_astro/site.2222.css', 'css-2', CACHE_IMMUTABLE),
        // The year's page now links to the new reporter's page, at the same depth, and to the new edition.
        file('archive/2022/index.html', 'year-2'),
        file('byline/niu-min/index.html', 'niu-1'),
        file('byline/zhang-wei/index.html', 'zhang-1'),
        file('2022/04/19/a/index.html', 'a-1'),
        file('2022/04/20/index.html', 'edition-1'),
        file('2022/04/20/b/index.html', 'b-1'),
      ],
      live,
      1,
    );
    expect(plan.uploads.map((wave) => wave.map((f) => f.path))).toEqual([
      ['_astro/site.2222.css', 'pagefind/fragment/zh_2b1f.pf_fragment'],
      ['2022/04/20/b/index.html', '2022/04/20/index.html', 'byline/zhang-wei/index.html'],
      ['archive/2022/index.html'],
      ['index.html', 'pagefind/pagefind-entry.json', 'rss.xml'],
    ]);
    expect(plan.unchanged).toBe(3);
  });

  it('uploads nothing and deletes nothing when the build is what the bucket holds', () => {
    const files = [file('index.html', 'h', CACHE_ENTRY), file('_astro/site.1234.css', 'css', CACHE_IMMUTABLE)];
    const plan = planPublish(files, published(files), 1);
    expect(plan.uploads).toEqual([]);
    expect(plan.deletions).toEqual([]);
    expect(plan.pending).toEqual([]);
    expect(plan.unchanged).toBe(2);
    expect(plan.nothingToDo).toBe(true);
  });

  it('counts the grace period in publishes that change something: deletions that are due are such a change', () => {
    const home = file('index.html', 'h-1', CACHE_ENTRY);
    const live = published([home, file('a/index.html', 'a')]);
    // A build that only lacks a file changes nothing in the bucket yet.
    expect(planPublish([home], live, 1).nothingToDo).toBe(true);
    const dropped = planPublish([{ ...home, digest: 'h-2' }], live, 1);
    expect(dropped.kept).toEqual(['a/index.html']);
    const due = planPublish([{ ...home, digest: 'h-2' }], dropped.manifest, 1);
    expect(due.deletions).toEqual(['a/index.html']);
    expect(due.nothingToDo).toBe(false);
  });
});
