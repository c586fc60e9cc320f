// Worker thread of the search-index integration: reads the content, builds the records and writes the
// Pagefind index shard by shard into a staging folder, while Astro renders pages on the main thread
// (Pagefind runs as its own process, so the two really run side by side on two cores). A shard whose
// sources are unchanged since the last build is copied from the cache instead of being indexed again.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { CONTENT_DIR, contentFiles, readContent } from '../lib/content-files.ts';
import { indexRecords, shardFiles, type IndexRecord } from '../lib/search/index-records.ts';
import { answer } from './worker.ts';
import { sourceVersion } from './source-version.ts';

export interface SearchIndexJob {
  root: string;
  base: string;
  includeDrafts: boolean;
  stagingDir: string;
  /** Where indexed shards are kept between builds, by content hash. */
  cacheDir: string;
}

export interface SearchIndexResult {
  shards: { dir: string; pages: number; reused: boolean }[];
}

/**
 * What a shard's index is made from: the code that makes records (and this worker), Pagefind's version and
 * the base path (`build`), and the shard's files. Keyed by its sources, a shard whose sources are unchanged is
 * reused without reading its articles again (a day's rebuild reads only the newest shard's).
 */
function shardKey(root: string, build: string, files: ReadonlySet<string>): string {
  const hash = createHash('sha256').update(build);
  for (const file of [...files].sort()) hash.update('\0').update(file).update('\0').update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 16);
}

async function indexShard(records: readonly IndexRecord[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  for (const record of records) {
    const added = await index.addHTMLFile({ url: record.url, content: record.html });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(written.errors.join('; '));
  // Pagefind's process ends with each shard: it kept some 350 MB from writing one for the rest of the build.
  await pagefind.close();
}

async function run(job: SearchIndexJob): Promise<SearchIndexResult> {
  mkdirSync(job.cacheDir, { recursive: true });
  const shards: SearchIndexResult['shards'] = [];
  const kept = new Set<string>();
  try {
    // The shards are planned from the articles' dates alone; each shard's files are then read when it is indexed.
    const articles: { file: string; date: string }[] = [];
    for (const entry of contentFiles(job.root)) {
      if ('body' in entry && (job.includeDrafts || !entry.data.draft)) articles.push({ file: entry.file, date: entry.data.date });
    }
    const pagefindVersion = (JSON.parse(readFileSync(join(job.root, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string }).version;
    const code = sourceVersion(job.root, ['src/lib', 'src/data', 'src/integrations/search-index-worker.ts']);
    const build = `search-index v2\0${code}\0pagefind ${pagefindVersion}\0${job.base}`;
    for (const shard of shardFiles(articles)) {
      const cached = join(job.cacheDir, `${shard.dir}-${shardKey(job.root, build, shard.files)}`);
      const reused = existsSync(join(cached, 'pagefind-entry.json'));
      if (!reused) {
        rmSync(cached, { recursive: true, force: true });
        const content = readContent(job.root, CONTENT_DIR, (file) => shard.files.has(file));
        await indexShard(indexRecords(content, { base: job.base, includeDrafts: job.includeDrafts }), cached);
      }
      cpSync(cached, join(job.stagingDir, shard.dir), { recursive: true });
      kept.add(cached.slice(job.cacheDir.length + 1));
      shards.push({ dir: shard.dir, pages: [...shard.files].filter((f) => f.endsWith('.md')).length, reused });
    }
  } finally {
    await pagefind.close();
  }
  // Keep only the shards of this build in the cache.
  for (const name of existsSync(job.cacheDir) ? readdirSync(job.cacheDir) : []) {
    if (!kept.has(name)) rmSync(join(job.cacheDir, name), { recursive: true, force: true });
  }
  return { shards };
}

answer(run);
